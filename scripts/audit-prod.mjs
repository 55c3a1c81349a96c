#!/usr/bin/env node
/**
 * `node scripts/audit-prod.mjs`: npm audit of the production dependencies (every workspace,
 * devDependencies left out). Exit 0 when no advisory is high or critical; 1 when one is (each
 * is listed with its package, range, title and fix); 2 when the audit could not run at all
 * (registry or advisory endpoint unreachable), which is no proof either way, so CI fails too.
 *
 * Options: --level moderate|high|critical (default high).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ORDER = ['info', 'low', 'moderate', 'high', 'critical'];
const levelArg = process.argv.indexOf('--level');
const level = levelArg > 0 ? process.argv[levelArg + 1] : 'high';
if (!ORDER.includes(level)) {
  console.error(`audit-prod: unknown --level ${level}; one of ${ORDER.join(', ')}`);
  process.exit(2);
}
const failing = ORDER.slice(ORDER.indexOf(level));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// --audit=true overrides an `audit=false` in a user's .npmrc.
const run = spawnSync(npm, ['audit', '--omit=dev', '--json', '--audit=true'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.error) {
  console.error(`audit-prod: could not run npm: ${run.error.message}`);
  process.exit(2);
}

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error('audit-prod: npm audit gave no JSON report:');
  console.error((run.stderr || run.stdout).trim());
  process.exit(2);
}
if (!report.metadata?.vulnerabilities) {
  // npm prints the failed request instead of a report, e.g. a registry mirror without the advisory endpoint.
  const why = report.message ?? report.error?.summary ?? JSON.stringify(report).slice(0, 300);
  console.error(`audit-prod: the audit did not run: ${why}`);
  if (report.uri) console.error(`  endpoint: ${report.method ?? 'POST'} ${report.uri} → ${report.statusCode ?? '?'}`);
  process.exit(2);
}

const counts = report.metadata.vulnerabilities;
const deps = report.metadata.dependencies ?? {};
console.log(
  `audit-prod: ${deps.prod ?? '?'} production dependencies; advisories: ` +
    ORDER.map((s) => `${counts[s] ?? 0} ${s}`).join(', '),
);

const bad = Object.values(report.vulnerabilities ?? {}).filter((v) => failing.includes(v.severity));
for (const v of bad) {
  const advisories = v.via.filter((a) => typeof a === 'object');
  const through = v.via.filter((a) => typeof a === 'string');
  const fix =
    v.fixAvailable === true
      ? 'fix: npm audit fix'
      : v.fixAvailable
        ? `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}${v.fixAvailable.isSemVerMajor ? ' (semver major)' : ''}`
        : 'no fix available';
  console.log(`\n  ${v.severity.toUpperCase()} ${v.name} ${v.range}${v.isDirect ? ' (direct)' : ''} — ${fix}`);
  for (const a of advisories) console.log(`    ${a.title} (${a.range}) ${a.url ?? ''}`);
  if (through.length) console.log(`    through ${through.join(', ')}`);
  if (v.nodes?.length) console.log(`    at ${v.nodes.join(', ')}`);
}
if (bad.length) {
  console.error(`\naudit-prod: ${bad.length} package(s) with ${failing.join(' or ')} advisories in production dependencies`);
  process.exit(1);
}
console.log(`audit-prod: no ${failing.join(' or ')} advisories in production dependencies`);
