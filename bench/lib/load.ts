import { performance } from 'node:perf_hooks';
import { syntheticEnterprises } from '../../server/src/demo/generate.js';
import type { EnterpriseInput } from '../../server/src/modules/registry/enterprises.js';
import { enterpriseEntity } from '../../server/src/modules/registry/entities.js';
import type { Services } from '../../server/src/modules/index.js';
import { systemActor } from '../../server/src/platform/actor.js';
import type { BenchDb } from './backend.js';
import { thousands } from './stats.js';

export const COPY_TABLE = 'bench_enterprises_copy';
const COPY_COLUMNS = ['uscc', 'name', 'region_code', 'address', 'legal_representative', 'size', 'created_at', 'updated_at'] as const;

export type ImportResult = {
  rows: number;
  chunks: number;
  /** Total milliseconds inside `services.enterprises.importMany`. */
  serviceMs: number;
  /** Total milliseconds serialising and COPYing the same rows. */
  copyMs: number;
  /** Milliseconds the synthetic generator took (in neither total). */
  generateMs: number;
  vacuumMs: number;
  /** Bytes, tables with their indexes, measured before the COPY table is dropped. */
  sizes: Record<string, number>;
  /** Where importMany's time goes (milliseconds, summed over chunks). */
  breakdown: ImportBreakdown;
  /** Rows written by the service path besides enterprises. */
  written: { enterpriseCategories: number; auditEntries: number };
};

export type ImportBreakdown = {
  /** Inside `audit.append`: re-reading after-images, hashing, inserting audit_log, moving the chain head. */
  auditMs: number;
  /** Of which: `enterpriseEntity.load`, the re-read of the rows just inserted (and their product kinds). */
  imageReloadMs: number;
};

/**
 * Times the audit step of the service path from outside: `audit.append` and the
 * enterprise image loader are wrapped on this process's objects (bench only;
 * nothing in the server changes) and restored by the returned function.
 */
function instrumentAudit(services: Services, into: ImportBreakdown): () => void {
  const { audit } = services.deps;
  const append = audit.append;
  const load = enterpriseEntity.load;
  audit.append = async (...args) => {
    const t0 = performance.now();
    try {
      return await append.apply(audit, args);
    } finally {
      into.auditMs += performance.now() - t0;
    }
  };
  enterpriseEntity.load = async (...args) => {
    const t0 = performance.now();
    try {
      return await load.apply(enterpriseEntity, args);
    } finally {
      into.imageReloadMs += performance.now() - t0;
    }
  };
  return () => {
    audit.append = append;
    enterpriseEntity.load = load;
  };
}

export class TooSlow extends Error {
  constructor(
    readonly done: number,
    readonly elapsedMs: number,
    readonly projectedMs: number,
    what = 'import',
  ) {
    super(`${what} projected at ${(projectedMs / 60_000).toFixed(1)} min (after ${thousands(done)} rows in ${(elapsedMs / 1000).toFixed(0)} s)`);
  }
}

/** COPY text format: tab-separated, backslash escapes. */
function copyField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyText(rows: readonly EnterpriseInput[], at: string): string {
  let out = '';
  for (const r of rows) {
    out += `${copyField(r.uscc)}\t${copyField(r.name)}\t${r.regionCode}\t${copyField(r.address)}\t${copyField(r.legalRepresentative)}\t${r.size}\t${at}\t${at}\n`;
  }
  return out;
}

/**
 * Loads `count` synthetic enterprises (the generator of `shijian generate`) through
 * the real path, `importMany` (validated, with product kinds and one audit entry per
 * enterprise), and the same rows by raw COPY into an empty copy of the table (same
 * columns, defaults, constraints and indexes). Chunks alternate which path goes first.
 */
export async function importPhase(
  b: BenchDb,
  count: number,
  options: { chunk: number; batchSize: number; budgetMs?: number; log: (line: string) => void },
): Promise<ImportResult> {
  const { services, raw } = b;
  await raw.query(`drop table if exists ${COPY_TABLE}`);
  await raw.query(`create table ${COPY_TABLE} (like enterprises including all)`);
  const categories = (await services.categories.list()).map((c) => c.code);
  const actor = systemActor('bench');
  const before = await writtenRows(b);

  const breakdown: ImportBreakdown = { auditMs: 0, imageReloadMs: 0 };
  const restore = instrumentAudit(services, breakdown);
  let serviceMs = 0;
  let copyMs = 0;
  let generateMs = 0;
  let done = 0;
  let chunks = 0;
  const started = performance.now();
  try {
    const generator = syntheticEnterprises(services.deps.regions, categories, count, { seed: 2260, batch: options.chunk });
    for (;;) {
      const g0 = performance.now();
      const next = await generator.next();
      generateMs += performance.now() - g0;
      if (next.done) break;
      const rows = next.value;
      const viaService = async () => {
        const t0 = performance.now();
        const result = await services.enterprises.importMany(actor, rows, { batchSize: options.batchSize });
        serviceMs += performance.now() - t0;
        if (result.inserted !== rows.length) throw new Error(`importMany inserted ${result.inserted} of ${rows.length}: ${JSON.stringify(result.errors.slice(0, 3))}`);
      };
      const viaCopy = async () => {
        const t0 = performance.now();
        await raw.copyIn(COPY_TABLE, COPY_COLUMNS, copyText(rows, new Date().toISOString()));
        copyMs += performance.now() - t0;
      };
      if (chunks % 2 === 0) {
        await viaService();
        await viaCopy();
      } else {
        await viaCopy();
        await viaService();
      }
      chunks += 1;
      done += rows.length;
      const elapsed = performance.now() - started;
      const projected = (elapsed / done) * count;
      options.log(
        `  ${b.kind} import ${thousands(done)} / ${thousands(count)}: importMany ${thousands((done / serviceMs) * 1000)} rows/s, ` +
          `COPY ${thousands((done / copyMs) * 1000)} rows/s, ${(elapsed / 1000).toFixed(0)} s, ETA ${((projected - elapsed) / 1000).toFixed(0)} s`,
      );
      // Judged once early (5–20 % done), so a run is never thrown away near its end.
      if (options.budgetMs && done >= count * 0.05 && done <= count * 0.2 && projected > options.budgetMs) throw new TooSlow(done, elapsed, projected);
    }
  } finally {
    restore();
  }

  const [check] = await raw.query<{ service: string; copy: string }>(
    `select (select count(*) from enterprises) as service, (select count(*) from ${COPY_TABLE}) as copy`,
  );
  const after = await writtenRows(b);
  if (Number(check?.service) - before.enterprises !== count || Number(check?.copy) !== count) {
    throw new Error(`row counts after import: enterprises ${check?.service}, copy ${check?.copy}, expected ${count}`);
  }
  const sizes: Record<string, number> = {};
  for (const table of ['enterprises', 'enterprise_categories', 'audit_log', COPY_TABLE]) {
    const [row] = await raw.query<{ bytes: string }>(`select pg_total_relation_size($1) as bytes`, [table]);
    sizes[table] = Number(row?.bytes ?? 0);
  }
  await raw.query(`drop table ${COPY_TABLE}`);
  // A bulk load leaves no statistics and no visibility map; autovacuum would fix both on
  // PostgreSQL (PGlite has no autovacuum), so do it once, explicitly, before querying.
  const v0 = performance.now();
  await raw.query('vacuum analyze enterprises');
  await raw.query('vacuum analyze enterprise_categories');
  await raw.query('vacuum analyze audit_log');
  const vacuumMs = performance.now() - v0;
  return {
    rows: done,
    chunks,
    serviceMs,
    copyMs,
    generateMs,
    vacuumMs,
    sizes,
    breakdown,
    written: { enterpriseCategories: after.categories - before.categories, auditEntries: after.audit - before.audit },
  };
}

async function writtenRows(b: BenchDb) {
  const [row] = await b.raw.query<{ e: string; c: string; a: string }>(
    `select (select count(*) from enterprises) as e, (select count(*) from enterprise_categories) as c, (select count(*) from audit_log) as a`,
  );
  return { enterprises: Number(row?.e), categories: Number(row?.c), audit: Number(row?.a) };
}
