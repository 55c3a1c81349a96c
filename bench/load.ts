/**
 * Load (issue 8): a working day's mix of requests — logins, lists, audited writes, public report
 * verification, statistics — from N concurrent clients in a separate process on loopback, each
 * with its own address, against the real server in its own process on a fresh database. Zero
 * errors required (any non-2xx, socket error, timeout or unusable answer is one); p50 / p99 per
 * request and per kind, against a bare Fastify baseline measured in the same run. Afterwards the
 * audit chains must verify and every write answered 2xx must be in the audit log.
 *
 *   node --import tsx bench/load.ts --backend postgres --clients 200 --duration 60
 *   node --import tsx bench/load.ts --backend pglite --clients 20 --duration 60
 *   node --import tsx bench/load.ts --plan full        both of the above, one after the other
 *   node --import tsx bench/load.ts --plan quick       postgres 20 × 10 s, pglite 5 × 10 s
 *
 * Options: --ramp S (the clients arrive evenly over S seconds and sign in; default 0.3 s per client,
 * at least 2: a login costs about 0.25 CPU-s of scrypt, so two cores sign in at most ~8 a second), --relogin S (a client
 * logs out and in again after 0.3–1.7 × S seconds, uniformly; default 90, so about a quarter of
 * the clients do once in a 60 s run; 0 never), --timeout S (default 30), --baseline S (half
 * before, half after, default 10), --seed N, --database-url URL (the PostgreSQL server to create
 * the run's database on; default $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres), --markdown FILE.
 * Exits 1 on any error or failed check.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from './lib/report.js';
import { checkDatabase } from './load/check.js';
import type { ClientPlan, LoadResult, ToChild, ToParent } from './load/protocol.js';
import { errorsOf, passed, renderRun, type RunReport } from './load/render.js';
import { freePort, freshStore, startBare, startServer, type Backend } from './load/server.js';

type Run = { backend: Backend; clients: number; duration: number };

const PLANS: Record<string, Run[]> = {
  full: [
    { backend: 'postgres', clients: 200, duration: 60 },
    { backend: 'pglite', clients: 20, duration: 60 },
  ],
  quick: [
    { backend: 'postgres', clients: 20, duration: 10 },
    { backend: 'pglite', clients: 5, duration: 10 },
  ],
};

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'postgres' },
    clients: { type: 'string' },
    duration: { type: 'string', default: '60' },
    plan: { type: 'string' },
    ramp: { type: 'string' },
    relogin: { type: 'string', default: '90' },
    timeout: { type: 'string', default: '30' },
    baseline: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    markdown: { type: 'string' },
  },
});

const nonNegative = (name: string, text: string | undefined, fallback?: number) => {
  const n = text === undefined ? fallback : Number(text);
  if (n === undefined || !(n >= 0) || !Number.isFinite(n)) throw new Error(`--${name} wants a number, got ${text}`);
  return n;
};

function runs(): Run[] {
  if (values.plan) {
    const plan = PLANS[values.plan];
    if (!plan) throw new Error(`--plan: ${Object.keys(PLANS).join(', ')}`);
    return plan;
  }
  const backend = values.backend as Backend;
  if (backend !== 'postgres' && backend !== 'pglite') throw new Error('--backend: postgres, pglite');
  return [{ backend, clients: nonNegative('clients', values.clients, backend === 'postgres' ? 200 : 20), duration: nonNegative('duration', values.duration) }];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** What must be undone on Ctrl-C: child processes and the run's database. */
const cleanups = new Set<() => Promise<unknown>>();
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  log('\ninterrupted: cleaning up');
  void Promise.allSettled([...cleanups].map((c) => c())).then(() => process.exit(130));
});
async function guarded<T>(cleanup: () => Promise<unknown>, body: () => Promise<T>): Promise<T> {
  cleanups.add(cleanup);
  try {
    return await body();
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

/** The client process (bench/load/clients.ts): sends it the plan, waits for its result. */
function drive(plan: ClientPlan): Promise<LoadResult> {
  const child = fork(path.join(import.meta.dirname, 'load', 'clients.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return guarded(kill, () =>
    new Promise<LoadResult>((resolve, reject) => {
      child.once('message', (message: ToParent) => (message.type === 'result' ? resolve(message.result) : reject(new Error(`client process: ${message.message}`))));
      child.once('exit', (code) => reject(new Error(`client process exited (code ${code}) without a result`)));
      child.send({ type: 'plan', plan } satisfies ToChild);
    }),
  );
}

async function runOnce(run: Run): Promise<RunReport> {
  const settings = {
    clients: run.clients,
    duration: run.duration,
    ramp: nonNegative('ramp', values.ramp, Math.max(2, Math.round(run.clients * 0.3))),
    relogin: nonNegative('relogin', values.relogin),
    timeout: nonNegative('timeout', values.timeout),
    baseline: nonNegative('baseline', values.baseline),
    seed: nonNegative('seed', values.seed),
  };
  log(`\n== ${run.backend}: ${run.clients} clients × ${run.duration} s (sign-in over ${settings.ramp} s); load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const store = await freshStore(run.backend, values['database-url']!);
  return guarded(
    () => store.dispose(),
    async () => {
      log(`  database: ${store.label}; starting the server (first start migrates and seeds the demo world)…`);
      const server = await startServer(store, await freePort(), (line) => log(`  ${line}`));
      let serverExit: number | null = null;
      const ran = await guarded(
        async () => {
          serverExit = await server.stop();
        },
        async () => {
          const bare = await startBare(await freePort());
          const plan: ClientPlan = { ...settings, target: server.url, bare: bare.url, serverPid: server.pid };
          return { plan, result: await guarded(bare.stop, () => drive(plan)) };
        },
      );
      log(`  server stopped (exit code ${serverExit}); verifying the audit chains and the writes…`);
      const check = await checkDatabase(store, ran.result.windowStart, ran.result.written);
      return { backend: run.backend, storeLabel: store.label, plan: ran.plan, server, serverExit, result: ran.result, check };
    },
  );
}

const reports: RunReport[] = [];
const out: string[] = [
  `## Load — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Command: \`node --import tsx bench/load.ts ${process.argv.slice(2).join(' ')}\`  `,
  `Machine: ${machine()}`,
];
try {
  for (const run of runs()) {
    const report = await runOnce(run);
    reports.push(report);
    out.push('', renderRun(report));
    log(`  ${run.backend}: ${errorsOf(report.result)} errors, database check ${report.check.ok ? 'passed' : 'FAILED'}`);
  }
} catch (err) {
  // After Ctrl-C the children die with it and their failures are expected: the handler exits once cleaned up.
  if (interrupted) await new Promise(() => {});
  log(`\nload: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const text = `${out.join('\n')}\n`;
console.log(`\n${text}`);
if (values.markdown) fs.writeFileSync(values.markdown, text);
process.exit(reports.every(passed) ? 0 : 1);
