import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { send } from './http.js';

export const root = path.resolve(import.meta.dirname, '../..');

// The server gets the same port at every start.
export { freePort } from '../lib/backend.js';

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/**
 * The real server, `node --import tsx server/src/main.ts`, spawned as node itself (no npm or
 * shell in between) and leader of its own process group, so a SIGKILL to the group reaches
 * every process that could hold the database.
 */
export class ServerProcess {
  private output = '';
  readonly exited: Promise<Exit>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The last lines the server printed. */
  tail(lines = 15): string {
    return this.output.trimEnd().split('\n').slice(-lines).join('\n');
  }

  /**
   * Spawns the server and waits until `/api/health` answers 200, which it does only after the
   * database opened, migrations ran and the demo world was checked. `readyMs` is spawn → 200.
   */
  static async start(env: NodeJS.ProcessEnv, port: number, timeoutMs = 180_000): Promise<{ server: ServerProcess; readyMs: number }> {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
      cwd: root,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, port);
    const seen: { exit: Exit | null } = { exit: null };
    void server.exited.then((e) => (seen.exit = e));
    while (performance.now() - started < timeoutMs) {
      if (seen.exit) throw new Error(`the server exited during start-up (${describeExit(seen.exit)}):\n${server.tail()}`);
      const answer = await send(port, 'GET', '/api/health', { localAddress: '127.0.0.1', timeoutMs: 5_000 }).catch(() => null);
      if (answer?.status === 200) return { server, readyMs: performance.now() - started };
      await new Promise((r) => setTimeout(r, 50));
    }
    server.kill();
    throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s:\n${server.tail()}`);
  }

  /** Waits until everything the server printed matches every pattern (false after `timeoutMs`). */
  async printed(patterns: RegExp[], timeoutMs: number): Promise<boolean> {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      if (patterns.every((p) => p.test(this.output))) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  /** SIGKILL to the whole process group, without warning. */
  kill() {
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }

  /** The processes of the server's group (Linux /proc): pid, state (Z = exited, not yet reaped) and command line. */
  groupMembers(): { pid: number; state: string; command: string }[] {
    const members: { pid: number; state: string; command: string }[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the parenthesised command name: state, ppid, pgrp, …
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(pgrp) !== this.pid) continue;
        // A zombie has no command line left, only its name.
        const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim() || stat.slice(stat.indexOf('('), stat.lastIndexOf(')') + 1);
        members.push({ pid: Number(entry), state: state!, command });
      } catch {
        // the process ended while we looked
      }
    }
    return members;
  }

  /**
   * Waits until no process of the group is left (a child the server had started may take a
   * moment to be reaped once its parent is gone); answers those still there after `timeoutMs`.
   */
  async groupGone(timeoutMs = 5_000): Promise<{ pid: number; state: string; command: string }[]> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const members = this.groupMembers();
      if (members.length === 0 || performance.now() > until) return members;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGTERM: the server's own shutdown (close the app, close the database, exit 0). */
  async stop(timeoutMs = 60_000): Promise<Exit> {
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), timeoutMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}

export const describeExit = (e: Exit) => (e.signal ? `signal ${e.signal}` : `exit ${e.code}`);

/** The pid written in the PGlite data directory's lock file, or null. */
export function lockHolder(dataDir: string): number | null {
  try {
    return Number(fs.readFileSync(`${path.resolve(dataDir)}.lock`, 'utf8')) || null;
  } catch {
    return null;
  }
}

export type VerifyResult = { code: number; chains: number; entries: number; records: number; seconds: number; wallMs: number; problems: string[] };

/** `node server/bin/shijian.mjs verify-audit` in a child process with the server's environment, as an operator runs it. */
export async function verifyAuditCommand(env: NodeJS.ProcessEnv): Promise<VerifyResult> {
  const started = performance.now();
  const result = await promisify(execFile)(process.execPath, [path.join(root, 'server/bin/shijian.mjs'), 'verify-audit'], { env, cwd: root, maxBuffer: 1 << 26 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (err: { code?: number; stdout?: string; stderr?: string; message: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr || err.message }),
  );
  const counts = result.stdout.match(/chains: (\d+), 记录 entries: (\d+), 对象 records: (\d+) \((\d+(?:\.\d+)?) s\)/);
  return {
    code: result.code,
    chains: Number(counts?.[1] ?? NaN),
    entries: Number(counts?.[2] ?? NaN),
    records: Number(counts?.[3] ?? NaN),
    seconds: Number(counts?.[4] ?? NaN),
    wallMs: performance.now() - started,
    problems: result.stderr.split('\n').filter((l) => l.trim()),
  };
}
