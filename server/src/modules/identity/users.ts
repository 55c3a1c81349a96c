import { and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { ROLES_BY_ORG_KIND, ROLE_LABELS, passwordProblems, type UserView } from '@shijian/contracts';
import type { z } from 'zod';
import type { ResetPasswordBody, UserCreateBody, UserListQuery, UserUpdateBody } from '@shijian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { hashPassword } from '../../platform/password.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { userEntity } from './entities.js';
import { likeEscape, orgScope, type Orgs } from './orgs.js';
import { orgs, sessions, users } from './tables.js';

const SORT = { username: users.username, displayName: users.displayName, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt };

function weakPassword(password: string, username: string): AppError | null {
  const problems = passwordProblems(password, username);
  if (!problems.length) return null;
  return new AppError(400, 'WEAK_PASSWORD', problems[0]!, { fields: problems.map((message) => ({ field: 'password', message })) });
}

export function createUsers(deps: Deps, orgService: Orgs) {
  const { db, clock, audit } = deps;

  const selection = { user: users, org: { id: orgs.id, name: orgs.name, kind: orgs.kind } };
  type Row = { user: typeof users.$inferSelect; org: { id: string; name: string; kind: (typeof orgs.$inferSelect)['kind'] } };

  function toView({ user, org }: Row): UserView {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      phone: user.phone,
      roles: user.roles,
      orgId: org.id,
      orgName: org.name,
      orgKind: org.kind,
      disabled: user.disabled,
      locked: !!user.lockedUntil && user.lockedUntil > clock.now(),
      mustChangePassword: user.mustChangePassword,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    };
  }

  /** Users are in scope when their org is: a province admin manages only its subtree. */
  async function getVisible(actor: Actor, id: string): Promise<Row> {
    const [row] = await db
      .select(selection)
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(and(eq(users.id, id), orgScope(actor)));
    if (!row) throw notFound('user', id);
    return row;
  }

  function checkRoles(orgKind: Row['org']['kind'], roles: readonly string[]) {
    const allowed = ROLES_BY_ORG_KIND[orgKind];
    const wrong = roles.filter((r) => !allowed.includes(r as never));
    if (wrong.length) {
      const names = wrong.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS]?.zh ?? r).join('、');
      throw invalid('roles', `该机构的用户不能担任角色：${names}`);
    }
  }

  return {
    async list(actor: Actor, q: z.infer<typeof UserListQuery>) {
      authorize(actor, 'user.read');
      const where = and(
        orgScope(actor),
        q.orgId ? eq(users.orgId, q.orgId) : undefined,
        q.role ? sql`${q.role} = any(${users.roles})` : undefined,
        q.q ? or(ilike(users.username, `%${likeEscape(q.q)}%`), ilike(users.displayName, `%${likeEscape(q.q)}%`)) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(where);
      const rows = await db
        .select(selection)
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(where)
        .orderBy(q.order === 'desc' ? desc(SORT[q.sort]) : asc(SORT[q.sort]), asc(users.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      return paged(rows.map(toView), total?.n, q);
    },
    async get(actor: Actor, id: string) {
      authorize(actor, 'user.read');
      return toView(await getVisible(actor, id));
    },
    /** `mustChangePassword: false` is for seeding demo accounts only. */
    async create(actor: Actor, body: z.infer<typeof UserCreateBody>, options: { mustChangePassword?: boolean } = {}) {
      authorize(actor, 'user.write');
      const org = await orgService.getVisible(actor, body.orgId).catch(() => {
        throw invalid('orgId', '所属机构不存在或不在您的管辖范围内');
      });
      checkRoles(org.kind, body.roles);
      const weak = weakPassword(body.password, body.username);
      if (weak) throw weak;
      const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, body.username));
      if (taken) throw conflict('USERNAME_TAKEN', `用户名 ${body.username} 已被使用`, { fields: [{ field: 'username', message: '用户名已被使用' }] });
      const passwordHash = await hashPassword(body.password);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(users)
          .values({
            username: body.username,
            displayName: body.displayName,
            phone: body.phone ?? null,
            orgId: org.id,
            roles: [...new Set(body.roles)],
            passwordHash,
            // An account made by an admin starts with a password someone else knows.
            mustChangePassword: options.mustChangePassword ?? true,
            passwordChangedAt: now,
            createdAt: now,
          })
          .returning({ id: users.id });
        await audit.append(tx, actor, { action: 'user.created', entity: userEntity, id: created!.id });
        return created!.id;
      });
      return toView(await getVisible(actor, id));
    },
    async update(actor: Actor, id: string, body: z.infer<typeof UserUpdateBody>) {
      authorize(actor, 'user.write');
      const current = await getVisible(actor, id);
      if (Object.values(body).every((v) => v === undefined)) throw invalid('body', '请至少填写一项修改内容');
      if (body.roles) checkRoles(current.org.kind, body.roles);
      if (id === actor.userId && body.disabled) throw invalid('disabled', '不能停用自己的账户');
      if (id === actor.userId && body.roles && !body.roles.some((r) => actor.roles.includes(r))) {
        throw invalid('roles', '不能移除自己当前的管理角色');
      }
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({
            displayName: body.displayName,
            phone: body.phone,
            roles: body.roles ? [...new Set(body.roles)] : undefined,
            disabled: body.disabled,
          })
          .where(eq(users.id, id));
        if (body.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
        await audit.append(tx, actor, { action: 'user.updated', entity: userEntity, id });
      });
      return toView(await getVisible(actor, id));
    },
    /** Admin reset: a new password the user must change, lockout cleared, every session ended. */
    async resetPassword(actor: Actor, id: string, body: z.infer<typeof ResetPasswordBody>) {
      authorize(actor, 'user.write');
      const current = await getVisible(actor, id);
      const weak = weakPassword(body.newPassword, current.user.username);
      if (weak) throw new AppError(400, weak.code, weak.message, { fields: [{ field: 'newPassword', message: weak.message }] });
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, passwordChangedAt: clock.now() })
          .where(eq(users.id, id));
        await tx.delete(sessions).where(eq(sessions.userId, id));
        await audit.append(tx, actor, { action: 'user.password_reset', entity: userEntity, id });
      });
      return toView(await getVisible(actor, id));
    },
  };
}
