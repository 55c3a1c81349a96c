import { useQuery } from '@tanstack/react-query';
import { labApi } from '../../api/endpoints';

export type TesterOption = { id: string; name: string };

/** The institution's testers, for whoever assigns the work (GET /api/lab/testers). */
export function useTesters(enabled: boolean) {
  const testers = useQuery({ queryKey: ['lab', 'testers'], queryFn: () => labApi.testers(), enabled });
  return { options: testers.data ?? [], loading: enabled && testers.isPending };
}
