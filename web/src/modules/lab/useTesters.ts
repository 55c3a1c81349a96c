import { useQueries, useQuery } from '@tanstack/react-query';
import { labApi, usersApi } from '../../api/endpoints';
import type { SampleDetailView } from '../../api/types';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';

export type TesterOption = { id: string; name: string };

/** How many recent samples a receptionist's fallback looks at for testers. */
const RECENT = 8;

/**
 * The institution's testers for the assignment. An institution admin lists them
 * (GET /api/users?role=tester). A receptionist may not list users, so the
 * testers already named on the institution's recent samples stand in; the
 * report asks the server for a list of assignable testers.
 */
export function useTesters(sample: SampleDetailView | undefined, enabled: boolean) {
  const session = useSession();
  const canList = can(session, 'user.read');
  const users = useQuery({
    queryKey: ['users', 'testers', session.org.id],
    queryFn: () => usersApi.list({ role: 'tester', orgId: session.org.id, pageSize: 100, sort: 'displayName' }),
    enabled: enabled && canList,
  });
  const recent = useQuery({
    queryKey: ['lab', 'samples', 'recent-for-testers'],
    queryFn: () => labApi.samples({ pageSize: 30, sort: 'receivedAt', order: 'desc' }),
    enabled: enabled && !canList,
  });
  const worked = (recent.data?.items ?? []).filter((s) => s.status !== 'received').slice(0, RECENT);
  const details = useQueries({
    queries: worked.map((s) => ({ queryKey: ['lab', 'sample', s.id], queryFn: () => labApi.sample(s.id), enabled: enabled && !canList })),
  });

  if (canList) {
    const options = (users.data?.items ?? []).filter((u) => !u.disabled && u.orgId === session.org.id).map((u) => ({ id: u.id, name: u.displayName }));
    return { options, fromHistory: false, loading: users.isPending && enabled };
  }
  const byId = new Map<string, string>();
  const collect = (d: SampleDetailView | undefined) => {
    for (const test of d?.tests ?? []) if (test.testerId && test.testerName) byId.set(test.testerId, test.testerName);
  };
  collect(sample);
  for (const d of details) collect(d.data);
  return {
    options: [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    fromHistory: true,
    loading: enabled && (recent.isPending || details.some((d) => d.isPending)),
  };
}
