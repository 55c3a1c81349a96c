import { DEMO_PASSWORD } from '../../server/src/demo/seed.js';
import { Browser } from './http.js';
import type { World } from './workload.js';

type Page<T> = { items: T[]; total: number };
type Template = {
  id: string;
  code: string;
  frequency: string;
  definition: { rows: { key: string }[]; groups: { columns: { kind: string; key: string }[] }[] };
};

/**
 * Reads what the workload needs from the demo world through the API, before the clock starts:
 * report numbers and codes, the weekly statistical tables with their periods and cells, the demo
 * enterprises and an institution's catalogue items. From addresses of its own (127.0.200.x), so
 * the clients' per-address allowances start untouched.
 */
export async function discover(target: string, timeoutMs: number): Promise<World> {
  let next = 2;
  const as = async (username: string | null) => {
    const b = new Browser(target, `127.0.200.${next++}`, timeoutMs);
    if (username) {
      const { body } = await b.send('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
      b.csrf = (body as { csrfToken: string }).csrfToken;
    }
    return b;
  };
  const get = async <T>(b: Browser, path: string) => (await b.send('GET', path)).body as T;

  const statistician = await as('samr.stat');
  const templates: World['templates'] = [];
  for (const t of (await get<Page<Template>>(statistician, '/api/reports/templates?pageSize=100')).items) {
    if (t.frequency !== 'weekly') continue;
    const periods = await get<{ key: string }[]>(statistician, `/api/reports/templates/${t.id}/periods?count=3`);
    const columns = t.definition.groups.flatMap((g) => g.columns.filter((c) => c.kind === 'metric').map((c) => c.key));
    templates.push({ id: t.id, code: t.code, periods: periods.map((p) => p.key), cells: t.definition.rows.flatMap((r) => columns.map((c) => `${r.key}:${c}`)) });
  }
  statistician.close();

  const leader = await as('samr.leader');
  const reports = (await get<Page<{ reportNo: string; verificationCode: string; status: string }>>(leader, '/api/lab/reports?pageSize=100')).items.map((r) => ({
    no: r.reportNo,
    code: r.verificationCode,
    expected: r.status === 'issued' ? ('authentic' as const) : ('superseded' as const),
  }));
  leader.close();

  const admin = await as('admin');
  const targets = (await get<Page<{ uscc: string; name: string }>>(admin, '/api/enterprises?pageSize=100')).items.map((e) => ({ uscc: e.uscc, name: e.name }));
  admin.close();

  // 川计量院's catalogue: the institution of the demo's own service requests (server/src/demo/services.ts).
  const visitor = await as(null);
  const items = (await get<Page<{ id: string; institutionId: string; institutionName: string; active: boolean }>>(visitor, '/api/public/service-catalogue?pageSize=100')).items;
  visitor.close();
  const serviceLines = items.filter((i) => i.active && i.institutionName === '四川省计量测试研究院').map((i) => ({ institutionId: i.institutionId, itemId: i.id }));

  const world = { reports, templates, targets, serviceLines };
  for (const [name, list] of Object.entries(world)) if (!list.length) throw new Error(`the demo world has no ${name} to load the server with`);
  return world;
}
