import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig, projectRoot } from './config.js';
import { acquireDataDirLock } from './db/client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed.js';
import { syntheticEnterprises } from './demo/generate.js';
import { auditedEntities, type Services } from './modules/index.js';
import { systemActor } from './platform/actor.js';
import { verifyAudit } from './platform/audit/verify.js';
import { ExportFormat } from '@shijian/contracts';
import { exportTable } from './modules/reporting/export.js';
import { AppError } from './platform/errors.js';
import { openConfigured, prepare } from './runtime.js';

const HELP = `shijian <command> [options]

  migrate                      apply migrations and load reference data (regions, holidays, categories)
  seed-demo                    create the demo world (skipped when users exist)
  verify-audit                 recompute every audit chain and compare records; exit 1 on any problem
  backup [--out FILE]          embedded: a consistent copy of ./data; PostgreSQL: pg_dump -Fc
  restore FILE [--force]       embedded: replace ./data with a backup; PostgreSQL: pg_restore
  generate --enterprises N     synthetic registry spread over all counties (for benchmarks)
  report export --template ID|CODE --unit REGION --period KEY --format xlsx|csv|json --out FILE [--mode rollup|live]
                               a statistical table as the official .xlsx, CSV or JSON; --unit 000000 (or the
                               owner's region) gives the roll-up of the units; --period defaults to the current one

Environment: DATABASE_URL selects PostgreSQL; otherwise the embedded database in SHIJIAN_DATA_DIR (default ./data).`;

const timestamp = () => new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      enterprises: { type: 'string' },
      seed: { type: 'string' },
      template: { type: 'string' },
      unit: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string', default: 'xlsx' },
      mode: { type: 'string' },
    },
  });

  switch (command) {
    case 'migrate':
      return withServices(config, async () => {
        console.log('迁移完成 migrations applied, reference data loaded');
        return 0;
      });
    case 'seed-demo':
      return withServices(config, async (services) => {
        const result = await seedDemo(services, { log: console.log });
        if (result.created) {
          console.log(`演示账户 demo accounts, password ${DEMO_PASSWORD}:`);
          for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username}`);
        }
        return 0;
      });
    case 'verify-audit': {
      // Verification reads only: no migrations, so it can inspect a database exactly as found.
      const database = await openConfigured(config);
      try {
        const started = Date.now();
        const result = await verifyAudit(database.db, auditedEntities);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`审计链 chains: ${result.chains}, 记录 entries: ${result.entries}, 对象 records: ${result.records} (${seconds} s)`);
        if (result.ok) {
          console.log('校验通过 OK: every chain is intact and every record matches its last audit entry');
          return 0;
        }
        console.error(`发现 ${result.problems.length} 处问题 PROBLEMS FOUND:`);
        for (const p of result.problems) console.error(`  [${p.kind}] ${p.message}`);
        return 1;
      } finally {
        await database.close();
      }
    }
    case 'backup':
      return backup(config, values.out);
    case 'restore':
      return restore(config, positionals[0], values.force ?? false);
    case 'generate': {
      const count = Number(values.enterprises);
      if (!Number.isInteger(count) || count <= 0) throw new Error('用法 usage: shijian generate --enterprises N');
      return withServices(config, async (services) => {
        const categories = (await services.categories.catalogue()).map((c) => c.code);
        const actor = systemActor('generate');
        const started = Date.now();
        let done = 0;
        for await (const rows of syntheticEnterprises(services.deps.regions, categories, count, {
          seed: Number(values.seed ?? 2260),
          serialOffset: Date.now() % 1_000_000_000,
        })) {
          const result = await services.enterprises.importMany(actor, rows, { batchSize: 2500 });
          done += result.inserted;
          process.stdout.write(`\r  企业 enterprises: ${done.toLocaleString()} / ${count.toLocaleString()}`);
        }
        console.log(`\n完成 done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return 0;
      });
    }
    case 'report': {
      if (positionals[0] !== 'export' || !values.template || !values.unit || !values.out) {
        console.error('用法 usage: shijian report export --template ID|CODE --unit REGION --period KEY --format xlsx|csv|json --out FILE');
        return 2;
      }
      const format = ExportFormat.safeParse(values.format);
      if (!format.success) throw new Error(`--format 应为 xlsx、csv 或 json，收到 ${values.format}`);
      const mode = values.mode === 'live' || values.mode === 'rollup' ? values.mode : undefined;
      return withServices(config, async (services) => {
        const view = await services.reporting.tableFor(systemActor('cli'), { template: values.template!, unit: values.unit!, period: values.period, mode });
        const file = await exportTable(view, format.data);
        const out = path.resolve(values.out!);
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, file.bytes);
        console.log(`已导出 exported: ${out} — ${view.template.name}，${view.unit.name}，${view.period.label}（${view.mode === 'unit' ? (view.submission?.status ?? '草稿') : view.mode}）`);
        return 0;
      });
    }
    default:
      console.log(HELP);
      return command && command !== 'help' && command !== '--help' ? 2 : 0;
  }
}

/** Opens the configured database, brings it up to date, runs `task`, and always closes it. */
async function withServices(config: ReturnType<typeof loadConfig>, task: (services: Services) => Promise<number>): Promise<number> {
  const database = await openConfigured(config);
  try {
    return await task(await prepare(database));
  } finally {
    await database.close();
  }
}

async function backup(config: ReturnType<typeof loadConfig>, out: string | undefined): Promise<number> {
  const file = path.resolve(out ?? path.join(projectRoot, 'backups', `shijian-${timestamp()}.${config.databaseUrl ? 'dump' : 'tar.gz'}`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (config.databaseUrl) {
    const r = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, config.databaseUrl], { stdio: 'inherit' });
    if (r.error) throw new Error(`pg_dump 不可用：${r.error.message}。PostgreSQL 备份请使用 pg_dump，见 docs/operations.md`);
    if (r.status !== 0) return r.status ?? 1;
  } else {
    if (!fs.existsSync(config.dataDir)) throw new Error(`没有可备份的数据目录 ${config.dataDir}`);
    // The lock guarantees no server is writing: the copy is of a closed, consistent database.
    const release = acquireDataDirLock(config.dataDir);
    try {
      const pg = await PGlite.create({ dataDir: config.dataDir });
      const dump = await pg.dumpDataDir('gzip');
      await pg.close();
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      release();
    }
  }
  console.log(`备份完成 backup written: ${file}`);
  return 0;
}

async function restore(config: ReturnType<typeof loadConfig>, file: string | undefined, force: boolean): Promise<number> {
  if (!file || !fs.existsSync(file)) throw new Error('用法 usage: shijian restore FILE [--force]（备份文件不存在）');
  if (config.databaseUrl) {
    // pg_restore --clean drops what it replaces: a database in use is only replaced on purpose.
    const database = await openConfigured(config);
    const [{ tables }] = (await database.pool!.query<{ tables: number }>(
      `select count(*)::int as tables from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    )).rows as [{ tables: number }];
    await database.close();
    if (tables > 0 && !force) throw new Error(`目标数据库已有 ${tables} 张表。确认用备份覆盖请加 --force`);
    // One transaction: a restore that fails half-way leaves the database as it was.
    const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.databaseUrl}`, file], { stdio: 'inherit' });
    if (r.error) throw new Error(`pg_restore 不可用：${r.error.message}`);
    if (r.status !== 0) return r.status ?? 1;
    console.log('恢复完成 restored. 建议执行 shijian verify-audit 校验');
    return 0;
  }
  const release = acquireDataDirLock(config.dataDir);
  // The backup is unpacked beside the data directory first, so a damaged file leaves the data as it was.
  const staging = `${config.dataDir}.restoring-${timestamp()}`;
  try {
    const occupied = fs.existsSync(config.dataDir) && fs.readdirSync(config.dataDir).length > 0;
    if (occupied && !force) {
      throw new Error(`数据目录 ${config.dataDir} 不为空。确认覆盖请加 --force（原目录会被保留为 *.before-restore-时间）`);
    }
    try {
      const pg = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        await pg.query('select 1 from audit_chains limit 1');
      } finally {
        await pg.close();
      }
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new Error(`${file} 不是可恢复的 Shijian 备份（${err instanceof Error ? err.message : String(err)}）；数据目录未改动`);
    }
    if (occupied) fs.renameSync(config.dataDir, `${config.dataDir}.before-restore-${timestamp()}`);
    else fs.rmSync(config.dataDir, { recursive: true, force: true });
    fs.renameSync(staging, config.dataDir);
  } finally {
    release();
  }
  console.log(`恢复完成 restored into ${config.dataDir}. 建议执行 shijian verify-audit 校验`);
  return 0;
}

/** Exits once everything written has left: writes to a pipe can still be queued, and process.exit drops them. */
const exit = (code: number) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (err) => {
    // Name what was not found: on the command line there is no scope to hide.
    const details = err instanceof AppError && err.code === 'NOT_FOUND' ? ` (${(err.details as { id?: string } | undefined)?.id ?? ''})` : '';
    console.error(err instanceof Error ? `${err.message}${details}` : err);
    exit(1);
  },
);
