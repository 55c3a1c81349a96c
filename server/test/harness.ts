import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { createServices, type Services } from '../src/modules/index.js';
import { systemActor, type Actor } from '../src/platform/actor.js';
import { systemClock, type Clock } from '../src/platform/clock.js';
import { createDeps } from '../src/platform/deps.js';
import { TESTS_SKIP_COMMIT_FLUSH, adminQuery, databaseUrlWithName } from './template.js';

/** A fresh copy of the migrated, demo-seeded template database for one test file. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const template = inject('template');
  if (inject('backend') === 'pglite') {
    const instance = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(template)]) });
    return openDatabase({ kind: 'pglite', instance });
  }
  const name = `shijian_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name} template ${template}`);
  await adminQuery(TESTS_SKIP_COMMIT_FLUSH(name));
  const url = databaseUrlWithName(process.env.DATABASE_URL!, name);
  const database = await openDatabase({ kind: 'postgres', url });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export type Harness = {
  database: Database & { url?: string };
  services: Services;
  app: FastifyInstance;
  clock: Clock;
  /** A logged-in HTTP client for a demo account (or any username/password). */
  as(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  /** The service-level actor of a user, for calling services directly. */
  actor(username: string): Promise<Actor>;
  system: Actor;
  close(): Promise<void>;
};

export type Client = {
  csrfToken: string | null;
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

function client(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Client {
  const request: Client['request'] = ({ csrf = true, ...options }) =>
    app.inject({
      ...options,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(options.headers ?? {}),
      },
    });
  return {
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export async function createHarness(options: { clock?: Clock } = {}): Promise<Harness> {
  const database = await openTestDatabase();
  const clock = options.clock ?? systemClock;
  const services = createServices(createDeps(database, { clock }));
  const app = await buildApp({ services, logLevel: 'silent', rateLimitOverride: 10_000 });
  await app.ready();
  const sessions = new Map<string, Client>();
  const as = async (username: string, password = DEMO_PASSWORD) => {
    const key = `${username}:${password}`;
    const cached = sessions.get(key);
    if (cached) return cached;
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'sj_session')!;
    const c = client(app, `sj_session=${cookie.value}`, res.json().csrfToken);
    sessions.set(key, c);
    return c;
  };
  return {
    database,
    services,
    app,
    clock,
    as,
    anonymous: () => client(app, null, null),
    actor: (username) => services.auth.actorFor(username, { ip: '127.0.0.1', userAgent: 'vitest' }),
    system: systemActor('test'),
    async close() {
      await app.close();
      await database.close();
    },
  };
}


/**
 * Runs SQL the way a forger with database superuser rights would: with triggers
 * (the retention and immutability guards) switched off for the transaction.
 */
export async function forge(db: Harness['services']['deps']['db'], statement: ReturnType<typeof import('drizzle-orm').sql>) {
  const { sql } = await import('drizzle-orm');
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}
