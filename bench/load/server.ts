import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../../server/src/config.js';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import { createScratchDatabase, freePort } from '../lib/backend.js';

export type Backend = 'postgres' | 'pglite';

/** An empty database for one run, made and removed by the run. */
export type Store = {
  kind: Backend;
  label: string;
  /** What the server's process is started with to use it. */
  env: Record<string, string>;
  /** Opens it in this process (only while the server is stopped, for PGlite). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
};

export async function freshStore(kind: Backend, adminUrl: string): Promise<Store> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-load-'));
    const dataDir = path.join(dir, 'data');
    return {
      kind,
      label: `embedded PGlite (data dir ${dataDir})`,
      env: { SHIJIAN_DATA_DIR: dataDir },
      open: () => openDatabase({ kind: 'pglite', dataDir }),
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { name, url, drop } = await createScratchDatabase(adminUrl, 'shijian_load');
  return {
    kind,
    label: `PostgreSQL (database ${name} on ${url.host}, created for the run)`,
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ kind: 'postgres', url: url.toString() }),
    dispose: drop,
  };
}

export { freePort };

export type Running = {
  pid: number;
  url: string;
  /** Seconds from spawn to listening, and to the end of its start-up work (statistics warm-up, risk scoring). */
  listeningAfter: number;
  readyAfter: number;
  /** The start-up lines the server printed about its own work (demo seeding, warm-up). */
  startup: string[];
  /** Lines at warn level or above logged after start-up (Fastify's JSON log), and anything on stderr. */
  problems: string[];
  stop(): Promise<number | null>;
};

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function stopProcess(child: ChildProcess, graceMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const code = await exited(child);
  clearTimeout(timer);
  return code;
}

/**
 * The real server in its own process, as `npm start` runs it: `node --import tsx server/src/main.ts`,
 * listening on 127.0.0.1, warnings and errors only. Resolves once it has logged that the statistics
 * are warm and the risk scores computed; rejects if it fails or exits first.
 */
export async function startServer(store: Store, port: number, log: (line: string) => void, startTimeoutMs = 20 * 60_000): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...store.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  if (store.kind === 'pglite') delete env.DATABASE_URL;
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const startup: string[] = [];
  const problems: string[] = [];
  let ready = false;
  let listeningAfter = 0;
  let warm = { statistics: false, risk: false };

  const result = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server was not ready after ${startTimeoutMs / 60_000} min`)), startTimeoutMs);
    const fail = (message: string) => {
      clearTimeout(timer);
      reject(new Error(message));
    };
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (ready) {
        // Fastify's JSON log: 40 warn, 50 error, 60 fatal.
        if (/"level":\s*[456]\d/.test(line)) problems.push(line);
        return;
      }
      if (line.trim()) startup.push(line.trim());
      if (line.includes('is running on')) listeningAfter = (Date.now() - started) / 1000;
      if (/warm-up failed|scoring failed/.test(line)) fail(`server start-up work failed: ${line.trim()}`);
      if (line.includes('统计 statistics:')) warm = { ...warm, statistics: true };
      if (line.includes('风险 risk:')) warm = { ...warm, risk: true };
      if (warm.statistics && warm.risk) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      if (ready) problems.push(`stderr: ${line}`);
      else startup.push(`stderr: ${line}`);
    });
    child.once('exit', (code) => fail(`the server exited (code ${code}) before it was ready:\n${startup.slice(-20).join('\n')}`));
  });
  try {
    await result;
  } catch (err) {
    await stopProcess(child, 5000);
    throw err;
  }
  const readyAfter = (Date.now() - started) / 1000;
  log(`server pid ${child.pid} ready in ${readyAfter.toFixed(1)} s (listening after ${listeningAfter.toFixed(1)} s)`);
  return { pid: child.pid!, url: `http://127.0.0.1:${port}`, listeningAfter, readyAfter, startup, problems, stop: () => stopProcess(child, 30_000) };
}

/** The bare Fastify baseline (bench/load/bare.ts) in a process of its own. */
export async function startBare(port: number): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => line === 'listening' && resolve());
    child.once('exit', (code) => reject(new Error(`the baseline server exited (code ${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopProcess(child, 5000) };
}
