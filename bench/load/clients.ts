/**
 * The client process of bench/load.ts: every simulated office PC, each on its own loopback
 * address, in one Node process apart from both servers. Receives a ClientPlan over IPC, runs
 * baseline (first half) → sign-in → mixed workload → baseline (second half), answers with a LoadResult.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { discover } from './discover.js';
import { Browser, latency, Recorder } from './http.js';
import type { ClientPlan, LoadResult, PhaseResult, ToChild, ToParent, Written } from './protocol.js';
import { Client, clientAddress, ROSTER, signIn, workUntil } from './workload.js';

const log = (line: string) => process.stderr.write(`  [clients] ${line}\n`);

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // getconf missing: Linux's usual USER_HZ.
}

/** CPU seconds (user + system) of a process so far, from /proc; null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

async function phase(name: string, plan: ClientPlan, body: (rec: Recorder) => Promise<void>): Promise<{ result: PhaseResult; samples: number[] }> {
  const rec = new Recorder();
  const loadBefore = os.loadavg();
  const cpu0 = process.cpuUsage();
  const server0 = cpuSeconds(plan.serverPid);
  const startedAt = Date.now();
  const t0 = performance.now();
  await body(rec);
  const seconds = (performance.now() - t0) / 1000;
  const server1 = cpuSeconds(plan.serverPid);
  const cpu = process.cpuUsage(cpu0);
  const result: PhaseResult = {
    name,
    startedAt,
    seconds,
    loadBefore,
    loadAfter: os.loadavg(),
    serverCpu: server0 === null || server1 === null ? null : server1 - server0,
    clientCpu: (cpu.user + cpu.system) / 1e6,
    ...rec.summarize(),
  };
  const o = result.overall;
  log(`${name}: ${o.latency.n} answered, ${o.errors} errors in ${seconds.toFixed(1)} s; p50 ${o.latency.p50.toFixed(1)} ms, p99 ${o.latency.p99.toFixed(1)} ms`);
  for (const e of result.errors.slice(0, 5)) log(`  ${e.count} × ${e.op}: ${e.message}`);
  return { result, samples: rec.samples() };
}

/** The bare Fastify server, driven like the real one: the same addresses, one keep-alive connection each, closed loop. */
function baseline(plan: ClientPlan, seconds: number) {
  return phase(`baseline (${seconds} s)`, plan, async (rec) => {
    const browsers = Array.from({ length: plan.clients }, (_, i) => new Browser(plan.bare, clientAddress(i), plan.timeout * 1000));
    const endAt = performance.now() + seconds * 1000;
    await Promise.all(
      browsers.map(async (b) => {
        while (performance.now() < endAt) {
          try {
            const reply = await b.send('GET', '/ping');
            if ((reply.body as { ok?: unknown }).ok !== true) throw new Error('unexpected answer');
            rec.ok('GET /ping (bare Fastify)', 'baseline', reply.ms);
          } catch (err) {
            rec.failed('GET /ping (bare Fastify)', 'baseline', err instanceof Error ? err.message : String(err));
          }
        }
      }),
    );
    for (const b of browsers) b.close();
  });
}

async function run(plan: ClientPlan): Promise<LoadResult> {
  const world = await discover(plan.target, plan.timeout * 1000);
  log(`demo world: ${world.reports.length} reports, ${world.templates.length} weekly tables, ${world.targets.length} enterprises, ${world.serviceLines.length} catalogue items`);
  const half = plan.baseline / 2;
  const before = await baseline(plan, half);

  const written: Written = { answered: {}, timedOut: {} };
  const clients = Array.from({ length: plan.clients }, (_, i) => new Client(i, ROSTER[i % ROSTER.length]!, world, plan.target, plan.timeout * 1000, plan.seed, written, new Recorder()));
  const windowStart = Date.now();
  const signed = await phase(`sign-in (${plan.clients} clients over ${plan.ramp} s)`, plan, (rec) => signIn(clients, rec, plan.ramp * 1000));
  const mix = await phase(`mix (${plan.clients} clients × ${plan.duration} s)`, plan, (rec) => workUntil(clients, rec, performance.now() + plan.duration * 1000, plan.relogin * 1000));
  for (const c of clients) c.browser.close();

  const after = await baseline(plan, half);
  return {
    world: { reports: world.reports.length, templates: world.templates.length, targets: world.targets.length, serviceLines: world.serviceLines.length, accounts: new Set(clients.map((c) => c.username)).size },
    baselineBefore: before.result,
    signIn: signed.result,
    mix: mix.result,
    baselineAfter: after.result,
    baseline: latency([...before.samples, ...after.samples]),
    windowStart,
    written,
  };
}

// Exits once the answer is handed over: nothing else is left to do.
const send = (message: ToParent) => process.send!(message, () => process.exit(0));

process.once('message', (message: ToChild) => {
  run(message.plan).then(
    (result) => send({ type: 'result', result }),
    (err: unknown) => send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
