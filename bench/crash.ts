/**
 * Crash suite (issue 8): the real server writing under load is killed with SIGKILL at a
 * random moment, then restarted on the same data; every write it acknowledged must be
 * there, whole, the database must open and `shijian verify-audit` must pass. Writes in
 * flight at the kill may be there or not, but whole if there. N kills per backend.
 *
 *   node --import tsx bench/crash.ts [--kills 20] [--backends pglite,postgres] [--seed N]
 *                                    [--clients 8] [--min-ms 500] [--max-ms 5000] [--out FILE]
 *                                    [--control-async-commit]
 *
 * Per kill: start the server on the data and wait for its start-up computations (statistics,
 * risk scores) → sign the clients in → they write → SIGKILL to the server's process group
 * 0.5–5 s (seeded) after the first write → restart → every acknowledged officer write read
 * back by id through the API → SIGTERM → the `verify-audit` command → every write looked up
 * by its marker in SQL (record, its parts, their audit entries). The first start migrates
 * and seeds the demo world; later starts reuse it. PostgreSQL: a fresh database on DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 *
 * --control-async-commit shows the suite can fail: it sets synchronous_commit = off on the
 * database before the first kill, so a commit is acknowledged before its WAL is written. On
 * PGlite (no WAL writer in its single process) the kill then loses acknowledged writes and
 * the run must exit 1; on PostgreSQL the database server, which is not killed, still writes them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/src/db/client.js';
import { migrationsFolder } from '../server/src/db/migrate.js';
import { seededRandom } from '../server/src/reliability/tamper.js';
import { openPostgres, type BenchDb } from './lib/backend.js';
import { machine, table } from './lib/report.js';
import { summarize, thousands } from './lib/stats.js';
import { appliedMigrations, inspect, type Inspection, type Sql } from './crash/check.js';
import { send, Session } from './crash/http.js';
import { ServerProcess, describeExit, freePort, lockHolder, verifyAuditCommand, type VerifyResult } from './crash/server.js';
import { KINDS, KIND_LABELS, Load, type Write } from './crash/writers.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '20' },
    backends: { type: 'string', default: 'pglite,postgres' },
    seed: { type: 'string' },
    clients: { type: 'string', default: '8' },
    'min-ms': { type: 'string', default: '500' },
    'max-ms': { type: 'string', default: '5000' },
    out: { type: 'string' },
    'control-async-commit': { type: 'boolean', default: false },
  },
});
const CONTROL = values['control-async-commit'] === true;
const KILLS = Number(values.kills);
const SEED = values.seed ? Number(values.seed) : randomInt(1, 2 ** 31);
const CLIENTS = Number(values.clients);
const MIN_MS = Number(values['min-ms']);
const MAX_MS = Number(values['max-ms']);
const BACKENDS = values.backends.split(',').map((b) => b.trim());
for (const b of BACKENDS) if (b !== 'pglite' && b !== 'postgres') throw new Error(`unknown backend ${b} (pglite or postgres)`);
if (!(KILLS > 0 && CLIENTS > 0 && CLIENTS <= 60 && MIN_MS >= 0 && MAX_MS >= MIN_MS)) throw new Error('--kills, --clients (1–60), --min-ms ≤ --max-ms');

const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const progress = (line: string) => process.stderr.write(`  ${line}\n`);
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const sleep = (value: number) => new Promise((r) => setTimeout(r, Math.max(0, value)));

/** The database a run writes to, the server's environment for it, and SQL on it between server lifetimes. */
type Store = { label: string; env: NodeJS.ProcessEnv; dataDir: string | null; withSql<T>(work: (sql: Sql) => Promise<T>): Promise<T>; drop(): Promise<void> };

/** Whatever must not outlive an interrupted run: live server groups, the PGlite directory. */
const live = new Set<ServerProcess>();
const scratchDirs = new Set<string>();
let postgresOpen = false;
process.once('SIGINT', () => {
  for (const s of live) s.kill();
  for (const d of scratchDirs) fs.rmSync(d, { recursive: true, force: true });
  // With a PostgreSQL database open, bench/lib/backend's own handler drops it and exits.
  if (!postgresOpen) process.exit(130);
});

async function openStore(kind: string): Promise<Store> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-crash-'));
    scratchDirs.add(dir);
    const dataDir = path.join(dir, 'data');
    return {
      label: `PGlite (embedded, data dir ${dataDir})`,
      env: { ...process.env, SHIJIAN_DATA_DIR: dataDir, DATABASE_URL: '' },
      dataDir,
      async withSql(work) {
        const database = await openDatabase({ kind: 'pglite', dataDir });
        try {
          return await work(async (text, params) => (await database.pglite!.query(text, params)).rows as never);
        } finally {
          await database.close();
        }
      },
      drop: async () => {
        fs.rmSync(dir, { recursive: true, force: true });
        scratchDirs.delete(dir);
      },
    };
  }
  postgresOpen = true;
  const b: BenchDb = await openPostgres(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  return {
    label: b.label,
    env: { ...process.env, DATABASE_URL: b.database.pool!.options.connectionString },
    dataDir: null,
    withSql: (work) => work((text, params) => b.raw.query(text, params) as never),
    drop: async () => {
      await b.close();
      postgresOpen = false;
    },
  };
}

async function start(store: Store, port: number, timeoutMs?: number) {
  const started = await ServerProcess.start(store.env, port, timeoutMs);
  live.add(started.server);
  void started.server.exited.then(() => live.delete(started.server));
  return started;
}

type KillRow = {
  delayMs: number;
  load: number;
  sent: number;
  acked: Record<(typeof KINDS)[number], number>;
  apiChecked: number;
  apiPresent: number;
  inFlight: number;
  rejected: number;
  failedBeforeKill: number;
  restartMs: number | null;
  cleanStartMs: number;
  verify: VerifyResult | null;
  inspection: Inspection | null;
  failures: string[];
  /** Seen, not failures. */
  notes: string[];
};

/**
 * Reads back every acknowledged officer write by its id through the restarted server,
 * signed in as the account that wrote it (public complaints return no id to read by; SQL
 * checks those).
 */
async function readBack(port: number, writes: readonly Write[]): Promise<{ checked: number; present: number; failures: string[] }> {
  const byAccount = new Map<string, Write[]>();
  for (const w of writes) {
    if (w.state !== 'acked' || w.kind === 'public') continue;
    byAccount.set(w.username, [...(byAccount.get(w.username) ?? []), w]);
  }
  const failures: string[] = [];
  let present = 0;
  let checked = 0;
  await Promise.all(
    [...byAccount].map(async ([username, list], i) => {
      const session = await Session.login(port, username, `127.0.0.${70 + i}`);
      try {
        for (const w of list) {
          checked++;
          const answer = await session.request('GET', `/api/${w.kind === 'enterprise' ? 'enterprises' : 'complaints'}/${w.ackedId}`);
          const body = answer.body as { id?: string; name?: string; subject?: string } | null;
          if (answer.status === 200 && body?.id === w.ackedId && (body.name ?? body.subject) === w.key) present++;
          else failures.push(`acknowledged ${w.kind} ${w.marker} (id ${w.ackedId}): GET after restart answered HTTP ${answer.status}`);
        }
      } finally {
        session.close();
      }
    }),
  );
  return { checked, present, failures };
}

async function runOn(kind: string): Promise<boolean> {
  const store = await openStore(kind);
  const port = await freePort();
  const delays = seededRandom(SEED);
  const writeRandom = seededRandom(SEED + (kind === 'pglite' ? 1 : 2));
  const journal = (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
  let serial = 800_000_000;
  const rows: KillRow[] = [];
  const setupFailures: string[] = [];
  say(`## ${store.label}`);
  say();
  try {
    const first = await start(store, port, 900_000);
    const categories = ((await send(port, 'GET', '/api/product-categories', { localAddress: '127.0.0.1' })).body as { code: string; active: boolean }[])
      .filter((c) => c.active)
      .map((c) => c.code);
    const firstExit = await first.server.stop();
    if (firstExit.code !== 0) setupFailures.push(`first start: SIGTERM gave ${describeExit(firstExit)}`);
    const baseline = await verifyAuditCommand(store.env);
    if (baseline.code !== 0) setupFailures.push(`verify-audit before any kill: exit ${baseline.code}: ${baseline.problems.slice(0, 3).join(' | ')}`);
    const migrations = await store.withSql(appliedMigrations);
    if (migrations !== journal) setupFailures.push(`${migrations} migrations recorded after the first start, ${journal} in the journal`);
    if (CONTROL) {
      // PGlite's single session ignores per-database settings: its own data directory's postgresql.auto.conf carries it instead.
      const statement = store.dataDir
        ? `alter system set synchronous_commit = off`
        : `do $$ begin execute format('alter database %I set synchronous_commit = off', current_database()); end $$`;
      await store.withSql((sql) => sql(statement));
      say(`**Control run**: \`${statement}\`, so a commit is acknowledged before its WAL is written; the suite must report what that loses.`);
      say();
    }
    say(
      `First start on the new database (${store.dataDir ? 'initdb, migrations, ' : ''}demo world): ${seconds(first.readyMs)}; ${migrations} migrations applied; verify-audit ${baseline.code === 0 ? 'passes' : 'FAILS'}: ` +
        `${baseline.chains} chains, ${thousands(baseline.entries)} entries, ${thousands(baseline.records)} records. ${categories.length} active product kinds.`,
    );
    say();

    for (let k = 1; k <= KILLS && setupFailures.length === 0; k++) {
      const delayMs = MIN_MS + delays.next() * (MAX_MS - MIN_MS);
      const tag = `CR${SEED}-${kind}-k${k}`;
      const writer = await start(store, port);
      // The start-up computations (statistics, risk scores) run after listen; the writes begin when they are done.
      if (!(await writer.server.printed([/统计 statistics: /, /风险 risk: /], 300_000))) progress(`kill ${k}: the server's start-up computations did not finish in 300 s; writing anyway`);
      const load = await Load.begin({ port, clients: CLIENTS, random: writeRandom, tag, categories, nextSerial: () => serial++ });
      await load.started;
      await sleep(load.firstSentAt + delayMs - performance.now());
      load.halt();
      const holder = store.dataDir ? lockHolder(store.dataDir) : null;
      const loadAvg = os.loadavg()[0]!;
      writer.server.kill();
      const exit = await writer.server.exited;
      const atExit = writer.server.groupMembers();
      const survivors = await writer.server.groupGone();
      await load.settled();

      const failures: string[] = [];
      if (exit.signal !== 'SIGKILL') failures.push(`the writer ended with ${describeExit(exit)}, not SIGKILL`);
      if (survivors.length) failures.push(`5 s after SIGKILL the writer's group still holds ${survivors.map((m) => `${m.pid} (${m.state}) ${m.command.slice(0, 120)}`).join('; ')}`);
      if (store.dataDir && holder !== writer.server.pid) failures.push(`the data directory's lock named ${holder}, not the killed server ${writer.server.pid}`);

      const writes = load.writes;
      const acked = Object.fromEntries(KINDS.map((x) => [x, writes.filter((w) => w.kind === x && w.state === 'acked').length])) as KillRow['acked'];
      const row: KillRow = {
        delayMs,
        load: loadAvg,
        sent: writes.length,
        acked,
        apiChecked: 0,
        apiPresent: 0,
        inFlight: writes.filter((w) => w.state === 'unanswered' && !w.failedBeforeKill).length,
        rejected: writes.filter((w) => w.state === 'rejected').length,
        failedBeforeKill: writes.filter((w) => w.state === 'unanswered' && w.failedBeforeKill).length,
        restartMs: null,
        cleanStartMs: writer.readyMs,
        verify: null,
        inspection: null,
        failures,
        notes: atExit.length ? [`when the killed server had been reaped, its group still held ${atExit.map((m) => `${m.pid} (state ${m.state}) \`${m.command.slice(0, 100)}\``).join('; ')}; gone ${survivors.length ? 'NOT within 5 s' : 'within 5 s'}`] : [],
      };
      rows.push(row);
      for (const w of writes.filter((x) => x.state === 'rejected' || x.failedBeforeKill).slice(0, 3)) progress(`kill ${k}: ${w.kind} ${w.marker} ${w.state}: ${w.detail}`);

      // The read-back's failures are listed after SQL's, which say more (lost, or partial).
      let readBackFailures: string[] = [];
      try {
        const restart = await start(store, port);
        row.restartMs = restart.readyMs;
        const api = await readBack(port, writes).catch((err: unknown) => ({ checked: 0, present: 0, failures: [`read-back through the API failed: ${String(err)}`] }));
        row.apiChecked = api.checked;
        row.apiPresent = api.present;
        readBackFailures = api.failures;
        const stopped = await restart.server.stop();
        if (stopped.code !== 0) failures.push(`the restarted server's SIGTERM gave ${describeExit(stopped)}:\n${restart.server.tail()}`);
      } catch (err) {
        failures.push(`the server did not come back after the kill: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (row.restartMs !== null) {
        row.verify = await verifyAuditCommand(store.env);
        if (row.verify.code !== 0) failures.push(`verify-audit exit ${row.verify.code}: ${row.verify.problems.slice(0, 5).join(' | ')}`);
        const [inspection, applied] = await store.withSql(async (sql) => [await inspect(sql, tag, writes), await appliedMigrations(sql)] as const);
        row.inspection = inspection;
        failures.push(...inspection.failures);
        if (applied !== migrations) failures.push(`${applied} migrations recorded after the restart, ${migrations} before`);
      }
      failures.push(...readBackFailures);
      const ackedTotal = KINDS.reduce((n, x) => n + acked[x], 0);
      progress(
        `${kind} kill ${k}/${KILLS}: after ${seconds(delayMs)}, ${row.sent} sent, ${ackedTotal} acknowledged, ${row.inFlight} in flight; ` +
          `restart ${row.restartMs === null ? 'FAILED' : seconds(row.restartMs)}; verify-audit ${row.verify?.code === 0 ? 'ok' : 'FAILED'}; ${failures.length ? `${failures.length} FAILURES` : 'ok'} (load ${loadAvg.toFixed(1)})`,
      );
      for (const f of [...row.notes, ...failures].slice(0, 10)) progress(`  ${f}`);
      if (row.restartMs === null) break;
    }
  } catch (err) {
    setupFailures.push(err instanceof Error ? err.message : String(err));
  } finally {
    for (const s of live) s.kill();
    await store.drop();
  }
  return report(rows, setupFailures);
}

function report(rows: KillRow[], setupFailures: string[]): boolean {
  const ackedOf = (r: KillRow) => KINDS.reduce((n, x) => n + r.acked[x], 0);
  const verifyCell = (v: VerifyResult | null) =>
    !v ? '—' : v.code === 0 ? `passes (${thousands(v.entries)} entries, ${v.seconds.toFixed(1)} s)` : `**exit ${v.code}, ${v.problems.length - 1} problems**`;
  say(
    table(
      ['kill', 'after', 'writes sent', 'acknowledged (complaint / enterprise / public)', 'present afterwards (SQL, whole)', 'read back by id (API)', 'in flight at kill', 'in flight: found whole / absent', 'rejected, failed before kill', 'restart', 'verify-audit'],
      rows.map((r, i) => [
        String(i + 1),
        seconds(r.delayMs),
        String(r.sent),
        `${ackedOf(r)} (${KINDS.map((x) => r.acked[x]).join(' / ')})`,
        r.inspection ? (r.inspection.ackedPresent === ackedOf(r) ? String(r.inspection.ackedPresent) : `**${r.inspection.ackedPresent}**`) : '—',
        `${r.apiPresent} / ${r.apiChecked}`,
        String(r.inFlight),
        r.inspection ? `${r.inspection.unansweredWhole} / ${r.inspection.unansweredAbsent}` : '—',
        `${r.rejected}, ${r.failedBeforeKill}`,
        r.restartMs === null ? '**did not open**' : seconds(r.restartMs),
        verifyCell(r.verify),
      ]),
    ),
  );
  const acked = rows.reduce((n, r) => n + ackedOf(r), 0);
  const present = rows.reduce((n, r) => n + (r.inspection?.ackedPresent ?? 0), 0);
  const inFlight = rows.reduce((n, r) => n + r.inFlight, 0);
  const whole = rows.reduce((n, r) => n + (r.inspection?.unansweredWhole ?? 0), 0);
  const absent = rows.reduce((n, r) => n + (r.inspection?.unansweredAbsent ?? 0), 0);
  const restarts = summarize(rows.flatMap((r) => (r.restartMs === null ? [] : [r.restartMs])));
  const cleanStarts = summarize(rows.map((r) => r.cleanStartMs));
  const verified = rows.filter((r) => r.verify?.code === 0).length;
  const failures = [...setupFailures];
  const listed = [...setupFailures];
  for (const [i, r] of rows.entries()) {
    failures.push(...r.failures);
    listed.push(...r.failures.slice(0, 4).map((f) => `kill ${i + 1}: ${f}`));
    if (r.failures.length > 4) listed.push(`kill ${i + 1}: … and ${r.failures.length - 4} more`);
  }
  const loads = rows.map((r) => r.load);
  say();
  say(
    `**${rows.length} kills: ${thousands(acked)} acknowledged writes, ${thousands(present)} present and whole afterwards; ` +
      `${inFlight} in flight at the kills (plus ${rows.reduce((n, r) => n + r.failedBeforeKill, 0)} failed before), ${whole} found whole and ${absent} absent, none partial${failures.some((f) => f.includes('partial')) ? ' — NOT SO, see below' : ''}; ` +
      `restart after the kill p50 ${seconds(restarts.p50)}, max ${seconds(restarts.max)} (clean start p50 ${seconds(cleanStarts.p50)}); verify-audit passed ${verified} of ${rows.length}.** ` +
      `Load average (1 min) at the kills ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
  );
  for (const [i, r] of rows.entries()) for (const n of r.notes) say(`- Note, kill ${i + 1}: ${n}`);
  for (const f of [acked === 0 ? 'no write was acknowledged in any kill: nothing was tested' : '', rows.length < KILLS ? `only ${rows.length} of ${KILLS} kills ran` : ''].filter(Boolean)) {
    failures.push(f);
    listed.push(f);
  }
  for (const f of listed) say(`- FAILURE: ${f}`);
  say();
  return failures.length === 0;
}

say(`## Crash — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say();
say(`Command: \`node --import tsx bench/crash.ts --kills ${KILLS} --backends ${BACKENDS.join(',')} --seed ${SEED} --clients ${CLIENTS}${CONTROL ? ' --control-async-commit' : ''}\`  `);
say(`Machine: ${machine()}; load average at the start ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}.  `);
say(
  `Writers: ${CLIENTS} clients on their own loopback addresses, each sending its next write when the last is answered; ` +
    `each write one of: ${KINDS.map((k) => KIND_LABELS[k]).join('; ')}. SIGKILL to the server's process group ${seconds(MIN_MS)}–${seconds(MAX_MS)} (seeded) after the first write.`,
);
say();
let ok = true;
for (const kind of BACKENDS) ok = (await runOn(kind)) && ok;
say(ok ? 'Result: **pass** — every acknowledged write survived every kill, whole; the database opened every time; verify-audit passed every time.' : 'Result: **FAIL** (see the failures above).');
if (values.out) fs.writeFileSync(values.out, `${lines.join('\n')}\n`);
process.exit(ok ? 0 : 1);
