import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import { EPIDEMIC_WEEKLY } from '../server/src/modules/reporting/library.js';
import { wantedOf } from '../server/src/modules/reporting/cells.js';
import { sourceOf, sourceQuery } from '../server/src/modules/reporting/metrics.js';

const [url, campaignId, from, to, prefix, workMem] = process.argv.slice(2);
const dialect = new PgDialect();
const pool = new pg.Pool({ connectionString: url });
const d = EPIDEMIC_WEEKLY.definition;
const by = new Map<string, ReturnType<typeof wantedOf>>();
for (const w of wantedOf(d)) by.set(sourceOf(w.metric), [...(by.get(sourceOf(w.metric)) ?? []), w]);
for (const [source, wanted] of by) {
  const q = dialect.sqlToQuery(sourceQuery(source as never, wanted, 'category', { regionPrefix: prefix === 'nation' ? null : prefix!, campaignId: campaignId!, window: { from: from!, to: to! } }, null));
  const client = await pool.connect();
  try {
    if (workMem) await client.query(`set work_mem = '${workMem}'`);
    const t0 = Date.now();
    const r = await client.query(`explain (analyze, buffers, format text) ${q.sql}`, q.params);
    console.log(`--- ${source} (${Date.now() - t0} ms)`);
    console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  } finally {
    client.release();
  }
}
await pool.end();
