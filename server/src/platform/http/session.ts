import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { publicActor, type Actor } from '../actor.js';
import { AppError, unauthenticated } from '../errors.js';
import type { Auth } from '../../modules/identity/auth.js';

export const SESSION_COOKIE = 'sj_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
    csrfToken: string | null;
    mustChangePassword: boolean;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (the public portal, login). */
    public?: boolean;
    /** Allowed while the user still has to change an admin-set password. */
    allowWithPasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfFailed = () => new AppError(403, 'CSRF_FAILED', '页面已过期，请刷新后重试');

/** Compared in constant time: how much of a guessed token matched must not show in the timing. */
function sameToken(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Resolves the actor from the session cookie on every API request, requires a
 * session unless the route is public, and requires the session's CSRF token in
 * a header on every write (cookies alone never authorise a change).
 */
export function installSessions(app: FastifyInstance, auth: Auth) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);

  // Runs before the body is parsed or validated: an unauthenticated or forged write learns nothing.
  app.addHook('onRequest', async (req) => {
    const client = { ip: req.ip ?? null, userAgent: req.headers['user-agent']?.slice(0, 400) ?? null };
    req.actor = publicActor(client.ip, client.userAgent);
    if (!req.url.startsWith('/api/')) return;
    // A browser marks a request another site made it send. No write of the API is meant to come
    // from another site, signed in or not (a forged login would sign the victim into the forger's account).
    if (!SAFE_METHODS.has(req.method) && req.headers['sec-fetch-site'] === 'cross-site') throw csrfFailed();
    const token = req.cookies?.[SESSION_COOKIE];
    const session = token ? await auth.resolve(token, client) : null;
    if (session) {
      req.actor = session.actor;
      req.sessionToken = token!;
      req.csrfToken = session.csrfToken;
      req.mustChangePassword = session.mustChangePassword;
      if (!SAFE_METHODS.has(req.method)) {
        if (!sameToken(req.headers[CSRF_HEADER], session.csrfToken)) throw csrfFailed();
      }
    }
    const config = req.routeOptions.config;
    if (config.public || req.url.startsWith('/api/docs')) return;
    if (req.actor.kind !== 'user') throw unauthenticated();
    if (req.mustChangePassword && !config.allowWithPasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

