/**
 * Runs the real thing for browser tests: the built web app served by the real
 * server on a fresh embedded database (migrated and seeded with the demo world
 * on first start), and Debian's Chromium driven by playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const CHROMIUM = '/usr/bin/chromium';
const STARTUP_TIMEOUT_MS = 240_000;

/** Newest modification time under a directory (or of a file). */
function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds web/dist when it is missing or older than the sources it is built from. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB, 'dist', 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', 'public', path.join('..', 'contracts', 'src')]
    .map((p) => path.join(WEB, p))
    .filter((p) => fs.existsSync(p));
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestMtime))) return;
  // Vitest sets NODE_ENV=test, which would give a development build of React.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build', '-w', '@shijian/web'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`web build failed (exit ${result.status})`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode} before it was ready:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet: migrations and the demo seed run first.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not ready after ${STARTUP_TIMEOUT_MS / 1000} s:\n${log()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export type RunningApp = {
  baseUrl: string;
  browser: Browser;
  /** A fresh page (own cookies) with a desktop-sized window, Chinese locale and Beijing time. */
  newPage(): Promise<Page>;
  /** Everything the server printed, for failure messages. */
  serverLog(): string;
  stop(): Promise<void>;
};

type ServerProcess = { baseUrl: string; server: ChildProcess; serverLog: () => string };

/** The real server on `dataDir` (migrated and seeded with the demo world if the directory is new). */
async function spawnServer(dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    // PUBLIC_URL: the QR codes on issued reports point back at this very server.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SHIJIAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', PUBLIC_URL: baseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const serverLog = () => output.join('').slice(-8000);
  try {
    await waitForHealth(baseUrl, server, serverLog);
  } catch (error) {
    await stopProcess(server);
    throw error;
  }
  return { baseUrl, server, serverLog };
}

/**
 * Seeds the demo world once into `templateDir` (a server started and stopped cleanly), so
 * that each browser-test file starts from a copy instead of seeding again (~30 s each).
 */
export async function seedTemplate(templateDir: string): Promise<void> {
  ensureWebBuilt();
  fs.rmSync(templateDir, { recursive: true, force: true });
  fs.mkdirSync(templateDir, { recursive: true });
  const { server } = await spawnServer(templateDir);
  await stopProcess(server);
  if (server.exitCode !== 0) throw new Error(`template server stopped with ${server.exitCode ?? server.signalCode}`);
}

export async function startApp(): Promise<RunningApp> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  ensureWebBuilt();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-e2e-'));
  const template = inject('e2eTemplateDir');
  if (template && fs.existsSync(template)) fs.cpSync(template, dataDir, { recursive: true });
  const { baseUrl, server, serverLog } = await spawnServer(dataDir).catch((error: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });

  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const launched = browser;
  return {
    baseUrl,
    browser: launched,
    serverLog,
    stop,
    async newPage() {
      // Beijing time, as the users' browsers have it: the forms take today's date from the browser's clock,
      // and the server's day is Beijing's (between 16:00 and 24:00 UTC the two days differ).
      const context = await launched.newContext({ baseURL: baseUrl, viewport: { width: 1360, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      // Two cores shared with the server, its database and the browser: allow slow steps.
      context.setDefaultTimeout(60_000);
      return context.newPage();
    },
  };
}

/** Signs in through the login form and waits for the signed-in shell. */
export async function login(page: Page, username: string, password = 'Shijian@2026'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('menu').waitFor();
}

/** Signs out through the user menu and waits for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
}

/**
 * A signed-in API client for reading fixtures the way an admin would (never for
 * the steps under test, which go through the browser).
 */
export async function apiAs(baseUrl: string, username: string, password = 'Shijian@2026') {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login as ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    async get<T>(pathAndQuery: string): Promise<T> {
      const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { cookie, accept: 'application/json' } });
      if (!response.ok) throw new Error(`GET ${pathAndQuery} as ${username}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
