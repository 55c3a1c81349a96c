import { table } from '../lib/report.js';
import { ms as msOf, ratio as ratioOf, thousands } from '../lib/stats.js';
import type { DatabaseCheck } from './check.js';
import { KINDS, type ClientPlan, type Latency, type LoadResult, type PhaseResult } from './protocol.js';
import type { Running, Store } from './server.js';

export type RunReport = {
  backend: Store['kind'];
  storeLabel: string;
  plan: ClientPlan;
  server: Running;
  serverExit: number | null;
  result: LoadResult;
  check: DatabaseCheck;
};

export const errorsOf = (r: LoadResult) => [r.signIn, r.mix, r.baselineBefore, r.baselineAfter].reduce((n, p) => n + p.overall.errors, 0);

/** Zero errors in every phase, the database checks passed and the server stopped cleanly. */
export const passed = (r: RunReport) => errorsOf(r.result) === 0 && r.check.ok && r.serverExit === 0;

// A latency of no samples is NaN, which arrives from the client process as null.
const ms = (value: number | null) => msOf(value ?? Number.NaN);
const ratio = (a: number | null, b: number | null) => (a === null || b === null ? '—' : ratioOf(a, b));

const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const rate = (n: number, seconds: number) => (n / seconds).toFixed(n / seconds >= 100 ? 0 : 1);

function latencyCells(l: Latency, seconds: number, errors: number, base: Latency): string[] {
  return [thousands(l.n), rate(l.n, seconds), ms(l.p50), ms(l.p99), ms(l.max), String(errors), ratio(l.p50, base.p50), ratio(l.p99, base.p99)];
}

function cpu(p: PhaseResult) {
  const server = p.serverCpu === null ? 'server CPU not readable' : `server process ${p.serverCpu.toFixed(1)} CPU-s (${((100 * p.serverCpu) / p.seconds).toFixed(0)} % of a core)`;
  return `${server}, client process ${p.clientCpu.toFixed(1)} CPU-s (${((100 * p.clientCpu) / p.seconds).toFixed(0)} %)`;
}

export function renderRun(r: RunReport): string {
  const { plan, result, check, server } = r;
  const { mix, signIn } = result;
  const base = result.baseline;
  const out: string[] = [];
  const title = r.backend === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)';
  const exit = r.serverExit === null ? 'killed: no exit within 30 s of SIGTERM' : `exit code ${r.serverExit}`;
  out.push(`### ${title} — ${plan.clients} clients × ${plan.duration} s: ${passed(r) ? '**zero errors**' : `**FAILED** (${errorsOf(result)} errors${check.ok ? '' : ', database check failed'}${r.serverExit === 0 ? '' : `, server ${exit}`})`}`);
  out.push(
    '',
    `Server: \`node --import tsx server/src/main.ts\` in its own process on ${r.storeLabel}; its first start migrated and seeded the demo world, ` +
      `listened after ${server.listeningAfter.toFixed(1)} s and finished its start-up work after ${server.readyAfter.toFixed(1)} s ` +
      `(${server.startup.filter((l) => /统计 statistics|风险 risk/.test(l)).join('; ')}). ` +
      `Clients: one separate Node process, ${plan.clients} clients on 127.0.0.2 onwards (one address and one keep-alive connection each), ` +
      `signed in as ${result.world.accounts} demo accounts; demo world used: ${result.world.reports} issued reports, ${result.world.templates} weekly statistical tables, ` +
      `${result.world.targets} enterprises, ${result.world.serviceLines} catalogue items. Timeout ${plan.timeout} s; each client logs out and in again ${plan.relogin ? `after ${(0.3 * plan.relogin).toFixed(0)}–${(1.7 * plan.relogin).toFixed(0)} s (uniform)` : 'never'}.`,
  );
  out.push(
    '',
    `Load average (1 / 5 / 15 min): ${load(signIn.loadBefore)} before the sign-in, ${load(mix.loadBefore)} at the start of the mix, ${load(mix.loadAfter)} at its end. ` +
      `During the mix: ${cpu(mix)}.`,
  );
  out.push(
    '',
    `**Sign-in**: ${plan.clients} logins arriving evenly over ${plan.ramp} s took ${signIn.seconds.toFixed(1)} s: ` +
      `p50 ${ms(signIn.overall.latency.p50)} ms, p99 ${ms(signIn.overall.latency.p99)} ms, max ${ms(signIn.overall.latency.max)} ms, ${signIn.overall.errors} errors (${cpu(signIn)}).`,
  );
  out.push('', `**Mixed workload**, ${mix.seconds.toFixed(1)} s (milliseconds; ÷ base = against the bare Fastify baseline below, same clients, same run):`, '');
  const head = ['kind', 'request', 'n', 'req/s', 'p50', 'p99', 'max', 'errors', 'p50 ÷ base', 'p99 ÷ base'];
  const rows: string[][] = [];
  for (const kind of KINDS) {
    for (const o of mix.ops.filter((x) => x.kind === kind)) rows.push([kind, `\`${o.op}\``, ...latencyCells(o.latency, mix.seconds, o.errors, base)]);
    const k = mix.kinds.find((x) => x.kind === kind);
    if (k) rows.push([`**${kind}**`, '**all**', ...latencyCells(k.latency, mix.seconds, k.errors, base).map((c) => `**${c}**`)]);
  }
  rows.push(['**overall**', '', ...latencyCells(mix.overall.latency, mix.seconds, mix.overall.errors, base).map((c) => `**${c}**`)]);
  out.push(table(head, rows));
  const deferred = Object.entries(mix.deferred);
  if (deferred.length) {
    out.push(
      '',
      `Per-address allowances (login 20, report verification 60, public complaints 10 a minute): picks passed over for another request because the client's address had spent its minute — ` +
        deferred.map(([route, n]) => `${route} ${thousands(n)}`).join(', ') +
        '. A refusal (429) would have counted as an error.',
    );
  }
  out.push('', `**Baseline**: bare Fastify (\`GET /ping\` → \`{"ok":true}\`, own process), driven by the same client process with the same ${plan.clients} clients and addresses:`, '');
  const baseRow = (label: string, p: PhaseResult) => [label, thousands(p.overall.latency.n), rate(p.overall.latency.n, p.seconds), ms(p.overall.latency.p50), ms(p.overall.latency.p99), ms(p.overall.latency.max), String(p.overall.errors)];
  out.push(
    table(
      ['when', 'n', 'req/s', 'p50', 'p99', 'max', 'errors'],
      [
        baseRow(`${result.baselineBefore.seconds.toFixed(1)} s before the sign-in`, result.baselineBefore),
        baseRow(`${result.baselineAfter.seconds.toFixed(1)} s after the mix`, result.baselineAfter),
        ['**pooled (the base of the ratios)**', thousands(base.n), '', `**${ms(base.p50)}**`, `**${ms(base.p99)}**`, ms(base.max), ''],
      ],
    ),
  );
  out.push(
    '',
    `**Database after the run** (server stopped, ${exit}): audit verification ${check.audit.ok ? '**passed**' : '**FAILED**'} — ` +
      `${thousands(check.audit.chains)} chains, ${thousands(check.audit.entries)} entries, ${thousands(check.audit.records)} records in ${check.audit.seconds.toFixed(1)} s` +
      (check.audit.problems.length ? `: ${check.audit.problems.join('; ')}` : '') +
      '. Writes and sign-ins against the audit entries of the run (a request that timed out may have been completed by the server after the client left; nothing else may differ):',
    '',
    table(
      ['audit action', 'answered 2xx', 'timed out', 'entries in audit_log', ''],
      check.writes.map((w) => [
        `\`${w.action}\``,
        thousands(w.answered),
        thousands(w.timedOut),
        thousands(w.audited),
        !w.ok ? '**lost or extra writes**' : w.audited === w.answered ? 'equal' : `${w.audited - w.answered} of the timed-out completed`,
      ]),
    ),
  );
  if (check.other.length) out.push('', `Other audit entries of the run, written by the server as consequences of these writes: ${check.other.map((o) => `${o.action} (${o.entityType}) ${o.n}`).join(', ')}.`);
  const errors = [signIn, mix, result.baselineBefore, result.baselineAfter].flatMap((p) => p.errors.map((e) => ({ ...e, phase: p.name })));
  out.push('', errors.length ? `**Errors**:\n\n${table(['phase', 'request', 'error', 'count'], errors.slice(0, 20).map((e) => [e.phase, `\`${e.op}\``, e.message.replaceAll('|', '\\|'), String(e.count)]))}` : '**Errors**: none.');
  out.push('', server.problems.length ? `**Server log** (warn and above, ${server.problems.length} lines), first lines:\n\n\`\`\`\n${server.problems.slice(0, 10).join('\n')}\n\`\`\`` : '**Server log** at warn and above: empty.');
  return out.join('\n');
}
