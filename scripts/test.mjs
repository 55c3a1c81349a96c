#!/usr/bin/env node
/**
 * `npm test`: typecheck and lint (side by side), unit tests, database tests on PGlite and — when
 * DATABASE_URL is set — on PostgreSQL, then the browser tests. Stops at nothing:
 * every step runs, and the summary says what failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });

// The static checks run side by side (two cores; each is mostly one); their output is printed when both are done.
const checks = [
  { name: 'typecheck', cmd: ['npm', 'run', 'typecheck'] },
  { name: 'lint', cmd: ['npm', 'run', 'lint'] },
];
const steps = [
  { name: 'unit', vitest: 'unit' },
  { name: 'db · PGlite', vitest: 'db', env: { TEST_DB: 'pglite' } },
];
if (process.env.DATABASE_URL) steps.push({ name: 'db · PostgreSQL', vitest: 'db', env: { TEST_DB: 'postgres' } });
else console.log('DATABASE_URL is not set: the PostgreSQL leg of the database tests is skipped (.ci/run sets it).');
if (process.env.SKIP_E2E === '1') console.log('SKIP_E2E=1: browser tests skipped.');
else steps.push({ name: 'e2e · Chromium', vitest: 'e2e' });

let passed = 0;
let failed = 0;
const summary = [];

function runCaptured(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.cmd[0], step.cmd.slice(1), { cwd: root, env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => resolve({ step, code, output: Buffer.concat(output).toString(), seconds: ((Date.now() - started) / 1000).toFixed(0) }));
  });
}

for (const { step, code, output, seconds } of await Promise.all(checks.map(runCaptured))) {
  console.log(`\n━━ ${step.name} ━━\n${output}`);
  if (code !== 0) failed += 1;
  summary.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)`);
}
for (const step of steps) {
  const started = Date.now();
  console.log(`\n━━ ${step.name} ━━`);
  let cmd = step.cmd;
  const report = path.join(tmp, `vitest-${step.name.replace(/\W+/g, '-')}.json`);
  if (step.vitest) {
    fs.rmSync(report, { force: true });
    cmd = ['npx', 'vitest', 'run', '--project', step.vitest, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  }
  const result = spawnSync(cmd[0], cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  let line = `${result.status === 0 ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)`;
  if (step.vitest && fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    line += `: ${json.numPassedTests} passed, ${json.numFailedTests} failed`;
  } else if (result.status !== 0) {
    failed += 1;
  }
  if (result.status !== 0 && step.vitest && !fs.existsSync(report)) failed += 1;
  summary.push(line);
}

console.log('\n━━ summary ━━');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && summary.every((l) => l.startsWith('ok')) ? 0 : 1);
