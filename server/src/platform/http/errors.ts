import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldError } from '@shijian/contracts';
import { AppError } from '../errors.js';

type Body = { error: { code: string; message: string; details?: unknown } };

const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求体为空' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: '请求长度无效' },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: '请求地址无效' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', message: '请求地址过长' },
};

/**
 * Fastify's answer to a path it cannot route (a malformed escape, a parameter over 100
 * characters). It is given before any hook runs, so it takes the security headers from here;
 * Fastify's own answer had neither them nor the API's error shape, and echoed the path.
 */
export function frameworkErrorHandler(headers: () => Record<string, string>) {
  return (err: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
    const known = FASTIFY_CLIENT_ERRORS[err.code] ?? { status: 400, code: 'BAD_REQUEST', message: '请求无效' };
    void reply.headers(headers()).status(known.status).send({ error: { code: known.code, message: known.message } });
  };
}

/**
 * A database failure as the log may keep it: the SQL text and the database's own message, without
 * the values bound to the query nor the row the database quotes back ("Failing row contains …"),
 * which hold CSRF tokens, names and phone numbers. Other errors are logged as they are.
 */
function loggable(err: Error): unknown {
  type DbError = { message?: unknown; code?: unknown; severity?: unknown; constraint?: unknown; table?: unknown; column?: unknown };
  const e = err as Error & DbError & { query?: unknown; params?: unknown; cause?: unknown };
  const wrapped = typeof e.query === 'string' && 'params' in e;
  const db: DbError | null = wrapped ? ((e.cause ?? {}) as DbError) : typeof e.severity === 'string' ? e : null;
  if (!db) return err;
  return {
    type: err.name,
    message: typeof db.message === 'string' ? db.message : 'query failed',
    code: db.code,
    constraint: db.constraint,
    table: db.table,
    column: db.column,
    query: wrapped ? e.query : undefined,
    stack: err.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n'),
  };
}

/**
 * Every error leaves as `{ error: { code, message, details } }`. The user's
 * mistakes are 4xx with the fields named; our own failures are a 500 with a
 * request id and nothing else (no stack, no SQL).
 */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, body: Body) => reply.status(status).send(body);

    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldError[] = err.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { field: path || err.validationContext || 'body', message: issue.message ?? '输入有误', code: issue.keyword };
      });
      const first = fields[0];
      const message = fields.length === 1 ? `${first!.message}` : `有${fields.length}项输入有误：${first!.message}`;
      return send(400, { error: { code: 'VALIDATION_FAILED', message, details: { in: err.validationContext, fields } } });
    }
    if (err instanceof AppError) {
      return send(err.status, { error: { code: err.code, message: err.message, details: err.details } });
    }
    const known = err.code ? FASTIFY_CLIENT_ERRORS[err.code] : undefined;
    if (known) return send(known.status, { error: { code: known.code, message: known.message } });
    if (err.statusCode === 429) {
      return send(429, { error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } });
    }
    if (err instanceof SyntaxError && err.statusCode === 400) {
      return send(400, { error: { code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(err.statusCode, { error: { code: 'BAD_REQUEST', message: '请求无效' } });
    }
    if (isResponseSerializationError(err)) req.log.error({ err, issues: err.cause }, 'response did not match its schema');
    else req.log.error({ err: loggable(err) }, 'unhandled error');
    return send(500, { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', details: { requestId: req.id } } });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在', details: { method: req.method, url: req.url.split('?')[0] } } });
  });
}

/**
 * Where a text of the request holds U+0000 (`name`, `items.3.text`), or null. Walked without
 * recursion and without building paths on the way: bodies may nest a hundred thousand deep.
 */
function nulAt(value: unknown): string | null {
  const keys: string[] = [];
  const parents: number[] = [];
  const pathOf = (node: number) => {
    const path: string[] = [];
    for (let n = node; n > 0; n = parents[n]!) path.unshift(keys[n]!);
    return path.join('.');
  };
  keys.push('');
  parents.push(-1);
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, node] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return pathOf(node);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, child] of Object.entries(v)) {
        keys.push(key);
        parents.push(node);
        if (key.includes('\u0000')) return pathOf(keys.length - 1);
        stack.push([child, keys.length - 1]);
      }
    }
  }
  return null;
}

/**
 * Refusals made before validation, for requests Zod would let through:
 * - a file sent to a route that takes a JSON body (Zod takes a Buffer for an object whose fields
 *   are all optional); files are bodies only for the routes that read them as such, which have no body schema;
 * - text holding U+0000, which PostgreSQL cannot store nor compare: the query failed with a 500.
 */
export function installInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    if (Buffer.isBuffer(req.body) && req.routeOptions.schema?.body) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型');
    for (const [part, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
      const field = nulAt(value);
      if (field !== null) {
        const message = '输入含有不允许的空字符（U+0000）';
        throw new AppError(400, 'VALIDATION_FAILED', message, { in: part, fields: [{ field: field || part, message }] });
      }
    }
  });
}
