import type { BenchDb } from '../lib/backend.js';

/** Leaf regions of GB/T 2260 (a county, or a city without counties): where enterprises are registered. */
const LEAVES = `select r.code from regions r where r.level > 1 and not exists (select 1 from regions x where x.parent_code = r.code)`;

/**
 * A national registry under the demo world, in SQL (not through the services: no audit, the
 * pages only read it): about `n` enterprises dealt evenly to the leaf regions, each producing one
 * product kind and three in ten a second one (≈ 1.3 rows per enterprise in enterprise_categories,
 * as the registry bench's import writes). Credit codes `BB…B` are synthetic and unique.
 */
export async function addRegistry(b: BenchDb, n: number): Promise<{ enterprises: number; categories: number; seconds: number }> {
  const started = performance.now();
  const [{ leaves } = { leaves: 0 }] = await b.raw.query<{ leaves: number }>(`select count(*)::int as leaves from (${LEAVES}) l`);
  const perLeaf = Math.max(1, Math.round(n / leaves));
  await b.raw.query(
    `insert into enterprises (uscc, name, region_code, address, legal_representative, size, created_at, updated_at)
     select 'BB' || l.code || lpad(g.i::text, 9, '0') || 'B', '基准企业' || l.code || '-' || g.i, l.code, l.code || ' 某路 ' || g.i || ' 号',
            '法定代表人' || (g.i % 97), (array['micro', 'small', 'medium', 'large'])[1 + g.i % 4], now(), now()
     from (${LEAVES}) l cross join generate_series(1, $1::int) g(i)`,
    [perLeaf],
  );
  const codes = (await b.raw.query<{ code: string }>(`select code from product_categories order by code`)).map((r) => r.code);
  const array = `array[${codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
  const k = codes.length;
  await b.raw.query(
    `insert into enterprise_categories (enterprise_id, category_code)
     select id, (${array})[1 + abs(hashtext(id::text)) % ${k}] from enterprises where uscc like 'BB%'`,
  );
  await b.raw.query(
    `insert into enterprise_categories (enterprise_id, category_code)
     select id, (${array})[1 + (abs(hashtext(id::text)) % ${k} + 1 + abs(hashtext(id::text || 'b')) % ${k - 1}) % ${k}]
     from enterprises where uscc like 'BB%' and abs(hashtext(id::text || 'c')) % 10 < 3`,
  );
  for (const table of ['enterprises', 'enterprise_categories']) await b.raw.query(`vacuum analyze ${table}`);
  const [counts] = await b.raw.query<{ e: number; c: number }>(`select (select count(*)::int from enterprises) as e, (select count(*)::int from enterprise_categories) as c`);
  return { enterprises: counts!.e, categories: counts!.c, seconds: (performance.now() - started) / 1000 };
}
