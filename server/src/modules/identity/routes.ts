import {
  ChangePasswordBody,
  ErrorBody,
  IdParams,
  LoginBody,
  OkBody,
  OrgCreateBody,
  OrgListQuery,
  OrgUpdateBody,
  OrgView,
  ResetPasswordBody,
  SessionView,
  UserCreateBody,
  UserListQuery,
  UserUpdateBody,
  UserView,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/session.js';
import { unauthenticated } from '../../platform/errors.js';
import type { Services } from '../index.js';

export function identityRoutes(app: App, s: Services, opts: { secureCookies: boolean }) {
  const tags = ['identity'];

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: '登录 Log in', body: LoginBody, response: { 200: SessionView, 401: ErrorBody, 429: ErrorBody } },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      // The session this browser had (if any) ends with the new login.
      const client = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
      const result = await s.auth.login(req.body.username, req.body.password, client, req.sessionToken);
      setSessionCookie(reply, result.token, result.expiresAt, opts.secureCookies);
      return result.view;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: '退出登录 Log out', response: { 200: OkBody } }, config: { public: true } },
    async (req, reply) => {
      if (req.sessionToken) await s.auth.logout(req.actor, req.sessionToken);
      clearSessionCookie(reply, opts.secureCookies);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags, summary: '当前会话 Current session', response: { 200: SessionView, 401: ErrorBody } }, config: { allowWithPasswordChange: true } },
    async (req) => {
      if (!req.csrfToken) throw unauthenticated();
      return s.auth.sessionView(req.actor, req.csrfToken, req.mustChangePassword);
    },
  );

  app.post(
    '/api/auth/password',
    { schema: { tags, summary: '修改密码 Change password', body: ChangePasswordBody, response: { 200: OkBody } }, config: { allowWithPasswordChange: true } },
    async (req, reply) => {
      const rotated = await s.auth.changePassword(req.actor, req.sessionToken!, req.body.currentPassword, req.body.newPassword);
      setSessionCookie(reply, rotated.token, rotated.expiresAt, opts.secureCookies);
      return { ok: true as const };
    },
  );

  app.get('/api/orgs', { schema: { tags, summary: '机构列表 Orgs in scope', querystring: OrgListQuery, response: { 200: paged(OrgView) } } }, (req) =>
    s.orgs.list(req.actor, req.query),
  );
  app.get('/api/orgs/:id', { schema: { tags, params: IdParams, response: { 200: OrgView, 404: ErrorBody } } }, (req) =>
    s.orgs.get(req.actor, req.params.id),
  );
  app.post('/api/orgs', { schema: { tags, summary: '新建监管部门 Create a bureau', body: OrgCreateBody, response: { 200: OrgView } } }, (req) =>
    s.orgs.create(req.actor, req.body),
  );
  app.patch('/api/orgs/:id', { schema: { tags, params: IdParams, body: OrgUpdateBody, response: { 200: OrgView } } }, (req) =>
    s.orgs.update(req.actor, req.params.id, req.body),
  );

  app.get('/api/users', { schema: { tags, summary: '用户列表 Users in scope', querystring: UserListQuery, response: { 200: paged(UserView) } } }, (req) =>
    s.users.list(req.actor, req.query),
  );
  app.get('/api/users/:id', { schema: { tags, params: IdParams, response: { 200: UserView, 404: ErrorBody } } }, (req) =>
    s.users.get(req.actor, req.params.id),
  );
  app.post('/api/users', { schema: { tags, summary: '新建用户 Create a user', body: UserCreateBody, response: { 200: UserView } } }, (req) =>
    s.users.create(req.actor, req.body),
  );
  app.patch('/api/users/:id', { schema: { tags, params: IdParams, body: UserUpdateBody, response: { 200: UserView } } }, (req) =>
    s.users.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags, summary: '重置密码 Admin password reset', params: IdParams, body: ResetPasswordBody, response: { 200: UserView } } },
    (req) => s.users.resetPassword(req.actor, req.params.id, req.body),
  );
}
