/**
 * Tamper benchmark (issue 8): N random direct-SQL modifications of a populated database
 * (the demo world, optionally with a synthetic registry), then `shijian verify-audit`:
 * what it found and named, what it missed, what it reported without a cause, and how long
 * verification took — in-process and through the real command in a child process, whose
 * problem lines must be exactly the in-process ones. On PGlite and PostgreSQL.
 *
 *   node --import tsx bench/tamper.ts [--n 1000] [--seed S] [--backends pglite,postgres]
 *                                     [--enterprises 0] [--out FILE]
 *
 * PostgreSQL: a scratch database on the server of DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../server/src/db/client.js';
import { syntheticEnterprises } from '../server/src/demo/generate.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { auditedEntities } from '../server/src/modules/index.js';
import { systemActor } from '../server/src/platform/actor.js';
import { verifyAudit } from '../server/src/platform/audit/verify.js';
import { TAMPER_KINDS, attribute, createTamperer, type Tamper } from '../server/src/reliability/tamper.js';
import { prepare } from '../server/src/runtime.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    backends: { type: 'string', default: 'pglite,postgres' },
    enterprises: { type: 'string', default: '0' },
    out: { type: 'string' },
  },
});
const N = Number(values.n);
const SEED = values.seed ? Number(values.seed) : randomInt(1, 2 ** 31);
const ENTERPRISES = Number(values.enterprises);
const root = path.resolve(import.meta.dirname, '..');
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

type Scratch = { label: string; env: NodeJS.ProcessEnv; open(): Promise<Database>; drop(): Promise<void> };

async function scratch(kind: string): Promise<Scratch> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-tamper-'));
    const dataDir = path.join(dir, 'data');
    return {
      label: `PGlite (data dir ${dataDir})`,
      env: { ...process.env, SHIJIAN_DATA_DIR: dataDir, DATABASE_URL: '' },
      open: () => openDatabase({ kind: 'pglite', dataDir }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `shijian_tamper_${process.pid}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`drop database if exists ${name} with (force)`);
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const version = (await client.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
  await client.end();
  return {
    label: `PostgreSQL ${version} (database ${name} on ${url.host})`,
    env: { ...process.env, DATABASE_URL: url.toString() },
    open: () => openDatabase({ kind: 'postgres', url: url.toString() }),
    drop: () => run(`drop database if exists ${name} with (force)`),
  };
}

/** `shijian verify-audit` in a child process, as an operator runs it. */
async function command(env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const run = promisify(execFile)(process.execPath, [path.join(root, 'server/bin/shijian.mjs'), 'verify-audit'], { env, cwd: root, maxBuffer: 1 << 26 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
  const result = await run;
  const reported = result.stdout.match(/\((\d+(?:\.\d+)?) s\)/)?.[1];
  return { ...result, wall: performance.now() - started, reported: reported ? Number(reported) * 1000 : NaN };
}

async function runOn(kind: string) {
  const db = await scratch(kind);
  say(`## ${db.label}`);
  say();
  try {
    const database = await db.open();
    const [, seedMs] = await timed(async () => {
      const services = await prepare(database);
      await seedDemo(services);
      if (ENTERPRISES > 0) {
        const categories = (await services.categories.list()).map((c) => c.code);
        for await (const rows of syntheticEnterprises(services.deps.regions, categories, ENTERPRISES, { seed: 2260, serialOffset: 500_000_000 })) {
          await services.enterprises.importMany(systemActor('bench'), rows, { batchSize: 2500 });
        }
      }
    });
    const [clean, cleanMs] = await timed(() => verifyAudit(database.db, auditedEntities));
    say(`populated in ${seconds(seedMs)} (demo world${ENTERPRISES ? ` + ${ENTERPRISES.toLocaleString()} synthetic enterprises` : ''}): ${clean.chains} chains, ${clean.entries.toLocaleString()} entries, ${clean.records.toLocaleString()} records`);
    say(`verify-audit before tampering: ${clean.problems.length} problems, ${seconds(cleanMs)}`);
    if (!clean.ok) throw new Error(`the populated database does not verify: ${clean.problems.slice(0, 3).map((p) => p.message).join('; ')}`);

    const tamperer = await createTamperer(database.db, auditedEntities, SEED);
    const [tampers, tamperMs] = await timed(() => tamperer.random(N));
    say(`tampered: ${tampers.length} of ${N} modifications in ${seconds(tamperMs)} (seed ${SEED})`);

    const [result, verifyMs] = await timed(() => verifyAudit(database.db, auditedEntities));
    const { found, missed, unexplained } = attribute(tampers, result.problems);
    await database.close();

    const cli = await command(db.env);
    const expectedLines = result.problems.map((p) => `  [${p.kind}] ${p.message}`).sort();
    const cliLines = cli.stderr.split('\n').filter((l) => l.startsWith('  [')).sort();
    const sameLines = expectedLines.length === cliLines.length && expectedLines.every((l, i) => l === cliLines[i]);

    say();
    say('| kind | tampered | found and named | missed |');
    say('|---|---:|---:|---:|');
    for (const k of TAMPER_KINDS) {
      const of = (list: Tamper[]) => list.filter((t) => t.kind === k).length;
      say(`| ${k} | ${of(tampers)} | ${of(found)} | ${of(missed)} |`);
    }
    say(`| **total** | **${tampers.length}** | **${found.length}** | **${missed.length}** |`);
    say();
    const types = new Set(tampers.flatMap((t) => t.claims.filter((c) => c.startsWith('e:')).map((c) => c.split(':')[1])));
    say(`record types tampered with: ${types.size} of ${auditedEntities.length} audited (${tamperer.recordTypes().length} have records)`);
    say(`distinct things found: ${new Set(found.flatMap((t) => t.claims)).size}; problems reported: ${result.problems.length}; unexplained problems: ${unexplained.length}`);
    say(`verification after tampering: in-process ${seconds(verifyMs)}; \`shijian verify-audit\` (child process) exit ${cli.code}, ${seconds(cli.reported)} verifying, ${seconds(cli.wall)} with start-up; its ${cliLines.length} problem lines ${sameLines ? 'are exactly' : 'DIFFER FROM'} the in-process ones`);
    if (!sameLines) {
      const printed = new Set(cliLines);
      for (const l of expectedLines.filter((x) => !printed.has(x)).slice(0, 5)) say(`  NOT PRINTED ${l.trim()}`);
      const inProcess = new Set(expectedLines);
      for (const l of cliLines.filter((x) => !inProcess.has(x)).slice(0, 5)) say(`  PRINTED ONLY ${l.trim()}`);
      if (cli.stderr.length < 2000 || cliLines.length === 0) say(`  stderr: ${cli.stderr.slice(-2000)}`);
    }
    for (const t of missed.slice(0, 20)) say(`  MISSED ${t.kind}: ${t.what}`);
    for (const p of unexplained.slice(0, 20)) say(`  UNEXPLAINED [${p.kind}] ${p.message}`);
    say();
    return missed.length === 0 && unexplained.length === 0 && tampers.length === N && cli.code === 1 && sameLines;
  } finally {
    await db.drop();
  }
}

say(`# Tamper: N = ${N}, seed ${SEED} (node --import tsx bench/tamper.ts --n ${N} --seed ${SEED}${ENTERPRISES ? ` --enterprises ${ENTERPRISES}` : ''} --backends ${values.backends})`);
say(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}`);
say();
let ok = true;
for (const kind of values.backends.split(',')) ok = (await runOn(kind.trim())) && ok;
if (values.out) fs.writeFileSync(values.out, `${lines.join('\n')}\n`);
process.exit(ok ? 0 : 1);
