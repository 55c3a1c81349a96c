import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { passwordProblems, type SessionView } from '@shijian/contracts';
import { scopeOf, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, unauthenticated } from '../../platform/errors.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../platform/password.js';
import { userEntity } from './entities.js';
import { orgs, sessions, users } from './tables.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type Client = { ip: string | null; userAgent: string | null };

export function createAuth(deps: Deps) {
  const { db, clock, audit } = deps;

  async function loadUser(where: ReturnType<typeof eq>) {
    const [row] = await db
      .select({ user: users, org: orgs })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(where);
    return row;
  }

  function actorOf(row: { user: typeof users.$inferSelect; org: typeof orgs.$inferSelect }, client: Client): Actor {
    const { user, org } = row;
    return {
      kind: 'user',
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      orgId: org.id,
      orgName: org.name,
      orgKind: org.kind,
      orgLevel: org.level,
      orgRegionCode: org.regionCode,
      roles: user.roles,
      scope: scopeOf(org),
      ip: client.ip,
      userAgent: client.userAgent,
    };
  }

  async function sessionView(actor: Actor, csrfToken: string, mustChangePassword: boolean): Promise<SessionView> {
    const scope = actor.scope;
    const regionLabel =
      scope.kind === 'region' ? ((await deps.regions.fullName(scope.regionCode)) ?? scope.regionCode) : null;
    return {
      user: {
        id: actor.userId!,
        username: actor.username!,
        displayName: actor.displayName!,
        roles: [...actor.roles],
        mustChangePassword,
      },
      org: { id: actor.orgId!, name: actor.orgName!, kind: actor.orgKind!, level: actor.orgLevel, regionCode: actor.orgRegionCode },
      scope: {
        kind: scope.kind === 'all' ? 'all' : scope.kind === 'region' ? 'region' : 'org',
        regionCode: scope.kind === 'region' ? scope.regionCode : null,
        orgId: scope.kind === 'org' ? scope.orgId : null,
        label: scope.kind === 'all' ? '全国' : scope.kind === 'region' ? regionLabel! : actor.orgName!,
      },
      csrfToken,
    };
  }

  return {
    /**
     * Verifies a password and opens a new session. The token is fresh every time and the session
     * the request came with (if any) ends, so a cookie planted before login is worthless after it.
     *
     * Brute force: an account locks for LOCKOUT_MINUTES after MAX_FAILED_LOGINS failures. Failures
     * are counted under a row lock and the lock is checked again under it, so guesses sent in
     * parallel are counted one by one and none of them is answered once the account is locked.
     */
    async login(username: string, password: string, client: Client, replacing: string | null = null) {
      const row = await loadUser(eq(users.username, username.toLowerCase()));
      const invalid = new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
      if (!row || row.user.disabled) {
        await verifyAgainstDummy(password);
        throw invalid;
      }
      const now = clock.now();
      const lockedError = (lockedUntil: Date) => {
        const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
        return new AppError(429, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账户已临时锁定，请${minutes}分钟后再试或联系管理员`, {
          retryAfterMinutes: minutes,
        });
      };
      // Answered without hashing: a locked account costs an attacker's request almost nothing.
      if (row.user.lockedUntil && row.user.lockedUntil > now) throw lockedError(row.user.lockedUntil);
      const ok = await verifyPassword(password, row.user.passwordHash);
      const actor = actorOf(row, client);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + deps.sessionHours * 3_600_000);
      type Outcome = { kind: 'locked'; until: Date } | { kind: 'failed'; lock: boolean } | { kind: 'ok' };
      const outcome = await db.transaction(async (tx): Promise<Outcome> => {
        const [current] = await tx
          .select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
          .from(users)
          .where(eq(users.id, row.user.id))
          .for('update');
        // Locked by a parallel guess while this one was being hashed: refused whatever the password.
        if (!current) return { kind: 'failed', lock: false };
        if (current.lockedUntil && current.lockedUntil > now) return { kind: 'locked', until: current.lockedUntil };
        if (!ok) {
          const failed = current.failedLogins + 1;
          const lock = failed >= MAX_FAILED_LOGINS;
          await tx
            .update(users)
            .set(lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) } : { failedLogins: failed })
            .where(eq(users.id, row.user.id));
          await audit.append(tx, { ...actor, userId: null }, { action: 'auth.login_failed', entity: userEntity, id: row.user.id });
          return { kind: 'failed', lock };
        }
        await tx.delete(sessions).where(and(eq(sessions.userId, row.user.id), lt(sessions.expiresAt, now)));
        if (replacing) await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(replacing)));
        await tx.insert(sessions).values({
          tokenHash: hashToken(token),
          userId: row.user.id,
          csrfToken,
          createdAt: now,
          lastSeenAt: now,
          expiresAt,
          ip: client.ip,
          userAgent: client.userAgent,
        });
        await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, row.user.id));
        await audit.append(tx, actor, { action: 'auth.login', entity: userEntity, id: row.user.id });
        return { kind: 'ok' };
      });
      if (outcome.kind === 'locked') throw lockedError(outcome.until);
      if (outcome.kind === 'failed' && outcome.lock) {
        throw new AppError(429, 'ACCOUNT_LOCKED', `连续${MAX_FAILED_LOGINS}次登录失败，账户已临时锁定${LOCKOUT_MINUTES}分钟`, {
          retryAfterMinutes: LOCKOUT_MINUTES,
        });
      }
      if (outcome.kind === 'failed') throw invalid;
      return { token, expiresAt, view: await sessionView(actor, csrfToken, row.user.mustChangePassword) };
    },

    /** The actor behind a session cookie, or null when the session is unknown, expired or the user disabled. */
    async resolve(token: string, client: Client): Promise<{ actor: Actor; csrfToken: string; mustChangePassword: boolean } | null> {
      const [row] = await db
        .select({ user: users, org: orgs, csrfToken: sessions.csrfToken })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, clock.now())));
      if (!row || row.user.disabled) return null;
      return { actor: actorOf(row, client), csrfToken: row.csrfToken, mustChangePassword: row.user.mustChangePassword };
    },

    sessionView,

    /** The actor of a user by name, as a request would resolve it (for the CLI and tests). */
    async actorFor(username: string, client: Client): Promise<Actor> {
      const row = await loadUser(eq(users.username, username));
      if (!row) throw new AppError(404, 'NOT_FOUND', `用户 ${username} 不存在`);
      return actorOf(row, client);
    },

    async logout(actor: Actor, token: string) {
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
        if (actor.userId) await audit.append(tx, actor, { action: 'auth.logout', entity: userEntity, id: actor.userId });
      });
    },

    /**
     * Changes the user's own password. Every other session of the user ends, and the current one
     * continues under a new token (its CSRF token and expiry stay): whoever knew the old cookie
     * holds nothing afterwards. Returns the new token for the cookie.
     */
    async changePassword(actor: Actor, token: string, currentPassword: string, newPassword: string): Promise<{ token: string; expiresAt: Date }> {
      if (!actor.userId) throw unauthenticated();
      const row = await loadUser(eq(users.id, actor.userId));
      if (!row) throw unauthenticated();
      if (!(await verifyPassword(currentPassword, row.user.passwordHash))) {
        throw new AppError(400, 'WRONG_PASSWORD', '当前密码不正确', { fields: [{ field: 'currentPassword', message: '当前密码不正确' }] });
      }
      const problems = passwordProblems(newPassword, row.user.username);
      if (problems.length) {
        throw new AppError(400, 'WEAK_PASSWORD', problems[0]!, { fields: problems.map((message) => ({ field: 'newPassword', message })) });
      }
      const passwordHash = await hashPassword(newPassword);
      const rotated = randomBytes(32).toString('base64url');
      return db.transaction(async (tx) => {
        const current = hashToken(token);
        const [session] = await tx
          .update(sessions)
          .set({ tokenHash: hashToken(rotated), lastSeenAt: clock.now() })
          .where(and(eq(sessions.tokenHash, current), eq(sessions.userId, actor.userId!)))
          .returning({ expiresAt: sessions.expiresAt });
        if (!session) throw unauthenticated();
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, passwordChangedAt: clock.now() })
          .where(eq(users.id, actor.userId!));
        await tx.delete(sessions).where(and(eq(sessions.userId, actor.userId!), ne(sessions.tokenHash, hashToken(rotated))));
        await audit.append(tx, actor, { action: 'auth.password_changed', entity: userEntity, id: actor.userId! });
        return { token: rotated, expiresAt: session.expiresAt };
      });
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;
