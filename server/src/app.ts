import { notificationRoutes } from './modules/notifications/routes.js';
import { oversightRoutes } from './modules/oversight/routes.js';
import { complaintRoutes } from './modules/complaints/routes.js';
import { recallRoutes } from './modules/recalls/routes.js';
import { riskRoutes } from './modules/risk/routes.js';
import { metrologyRoutes } from './modules/metrology/routes.js';
import { serviceRoutes } from './modules/services/routes.js';
import { reportingRoutes } from './modules/reporting/routes.js';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from './modules/audit/routes.js';
import { identityRoutes } from './modules/identity/routes.js';
import type { Services } from './modules/index.js';
import { registryRoutes } from './modules/registry/routes.js';
import { labRoutes } from './modules/lab/routes.js';
import { verifyPage } from './modules/portal/verify-page.js';
import { campaignRoutes } from './modules/campaigns/routes.js';
import { inspectionRoutes } from './modules/inspections/routes.js';
import { enforcementRoutes } from './modules/enforcement/routes.js';
import { samplingRoutes } from './modules/sampling/routes.js';
import { archiveRoutes } from './modules/archive/routes.js';
import { dishonestyPage } from './modules/portal/dishonesty-page.js';
import { complaintsPage } from './modules/portal/complaints-page.js';
import { recallsPage } from './modules/portal/recalls-page.js';
import { servicesPage } from './modules/portal/services-page.js';
import { homePage } from './modules/portal/home-page.js';
import { institutionsPage } from './modules/portal/institutions-page.js';
import { casesPages } from './modules/portal/cases-page.js';
import { qaPage } from './modules/portal/qa-page.js';
import { publicityRoutes } from './modules/publicity/routes.js';
import { calendarRoutes } from './platform/calendar/routes.js';
import { frameworkErrorHandler, installErrorHandling, installInputGuards } from './platform/http/errors.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installSessions } from './platform/http/session.js';
import type { App } from './platform/http/types.js';
import { regionRoutes } from './platform/regions/routes.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type AppOptions = {
  services: Services;
  logLevel?: string;
  secureCookies?: boolean;
  /** Built web pages to serve; omitted in API tests. */
  webDist?: string;
  /**
   * Replaces every per-route, per-address rate limit (login, public verification):
   * for tests and load benchmarks that send everything from one address.
   */
  rateLimitOverride?: number;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  // Set below; Fastify answers a path it cannot route before any hook runs, and needs them then.
  let securityHeaderValues: Record<string, string> = {};
  const fastify = Fastify({
    logger: {
      level: options.logLevel ?? 'warn',
      // Cookies and tokens never reach the log; bodies (with passwords) are not logged at all.
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler(() => securityHeaderValues),
  });
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>() as unknown as App;

  await app.register(cookie);
  securityHeaderValues = installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Offices often reach the server over plain HTTP on the LAN; upgrading would break every asset.
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Registered before the rate-limit plugin so its own route hook sees the replaced limits.
  if (options.rateLimitOverride) {
    const max = options.rateLimitOverride;
    app.addHook('onRoute', (route) => {
      if (route.config?.rateLimit) route.config.rateLimit = { max, timeWindow: '1 minute' };
    });
  }
  await app.register(rateLimit, { global: false });
  // The OpenAPI description says which routes need no session: `security: []` overrides the global session scheme.
  app.addHook('onRoute', (route) => {
    if (route.config?.public && route.schema) route.schema = { ...route.schema, security: [] } as typeof route.schema;
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Shijian 市监 API', version: '0.1.0', description: '市场监管一体化平台接口。除标注为公开的接口外均需登录；写操作需携带 x-csrf-token 请求头。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sj_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs page loads only its own scripts, so the site-wide CSP from helmet covers it.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  // Public PDF comparison takes the raw file.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  for (const type of ['image/jpeg', 'image/png']) app.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // Spreadsheet uploads (bulk imports) likewise arrive as the raw .xlsx file.
  // The portal's forms post without script: fields as a flat record of strings.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  installInputGuards(app);
  installErrorHandling(app);
  installSessions(app, services.auth);

  app.get('/api/health', { schema: { tags: ['platform'], response: { 200: z.object({ ok: z.boolean(), database: z.string() }) } }, config: { public: true } }, async () => ({
    ok: true,
    database: services.deps.dbKind,
  }));
  identityRoutes(app, services, { secureCookies: options.secureCookies ?? false });
  registryRoutes(app, services);
  labRoutes(app, services);
  campaignRoutes(app, services);
  inspectionRoutes(app, services);
  samplingRoutes(app, services);
  archiveRoutes(app, services);
  enforcementRoutes(app, services);
  oversightRoutes(app, services);
  reportingRoutes(app, services);
  notificationRoutes(app, services);
  serviceRoutes(app, services);
  metrologyRoutes(app, services);
  complaintRoutes(app, services);
  recallRoutes(app, services);
  riskRoutes(app, services);
  publicityRoutes(app, services);
  dishonestyPage(app, services);
  servicesPage(app, services);
  recallsPage(app, services);
  complaintsPage(app, services);
  homePage(app, services);
  institutionsPage(app, services);
  casesPages(app, services);
  qaPage(app, services);
  verifyPage(app, services);
  auditRoutes(app, services);
  regionRoutes(app, services.deps.regions);
  calendarRoutes(app, services.deps.calendar);

  if (options.webDist && fs.existsSync(path.join(options.webDist, 'index.html'))) {
    await serveWeb(app, options.webDist);
  }
  return app;
}

/** The built single-page app: hashed assets cached for a year, every other page path gets index.html. */
async function serveWeb(app: App, root: string) {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(res, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const indexHtml = fs.readFileSync(path.join(root, 'index.html'));
  app.get('/assets/*', { config: { public: true }, schema: { hide: true } }, (req, reply) =>
    reply.sendFile(req.url.split('?')[0]!.replace(/^\//, '')),
  );
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } });
    }
    const file = req.url.split('?')[0]!.replace(/^\//, '');
    if (file && !file.includes('..') && fs.existsSync(path.join(root, file)) && fs.statSync(path.join(root, file)).isFile()) {
      return reply.sendFile(file);
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  });
}
