import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Config = {
  port: number;
  host: string;
  /** node-postgres connection string; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  webDist: string;
  /** Set when the site is served over HTTPS so cookies are marked Secure. */
  secureCookies: boolean;
  sessionHours: number;
  logLevel: string;
  /** The address the public uses (QR codes on reports link here). */
  publicUrl: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.SHIJIAN_DATA_DIR ?? path.join(projectRoot, 'data')),
    webDist: path.join(projectRoot, 'web', 'dist'),
    secureCookies: env.COOKIE_SECURE === '1',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    // Warnings and errors only by default, so the console shows the address and accounts; LOG_LEVEL=info logs every request.
    logLevel: env.LOG_LEVEL ?? 'warn',
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 8080}`,
  };
}
