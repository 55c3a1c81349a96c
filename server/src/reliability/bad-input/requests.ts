import fc from 'fast-check';
import { LEDGER_IMPORT_MAX_BYTES, SCREENING_IMPORT_MAX_BYTES } from '@shijian/contracts';
import { XLSX_TYPE } from '../../app.js';
import type { ApiParameter, ApiRoute, JsonSchema } from '../../../test/openapi.js';
import {
  deepViolation,
  extraProperties,
  hostilePathValue,
  injectionString,
  isObject,
  label,
  malformedRegion,
  malformedUscc,
  mayConform,
  mayConformQuery,
  nonexistentRegion,
  sites,
  textSites,
  validValue,
  violationsAt,
  wrongTypesFor,
  type Site,
  type Violation,
  type World,
} from './arbitraries.js';

/**
 * The requests of the suite, one fast-check arbitrary per kind of bad input and route, and
 * what each must get back.
 */

export const MB = 1024 * 1024;
export const DEFAULT_BODY_LIMIT = MB;

/**
 * Routes whose body limit is not the app's 1 MB, as RELIABILITY.md "Uploads" documents them, and
 * what files they take. The suite proves each: the limit answers 413, the limit itself does not —
 * and every route not listed answers 413 just past 1 MB, so a new larger limit cannot go unlisted.
 */
export const UPLOADS: Record<string, { limit: number; types: string[]; readOnly?: boolean }> = {
  'POST /api/cases/{id}/documents': { limit: 20 * MB, types: ['application/pdf', 'image/jpeg', 'image/png'] },
  'POST /api/public/reports/verify-file': { limit: 20 * MB, types: ['application/pdf'], readOnly: true },
  'POST /api/instruments/import': { limit: LEDGER_IMPORT_MAX_BYTES, types: [XLSX_TYPE] },
  'POST /api/campaigns/{id}/screenings/import': { limit: SCREENING_IMPORT_MAX_BYTES, types: [XLSX_TYPE] },
  'POST /api/risk/opinions': { limit: 16 * MB, types: [] },
};

export const SIGNATURES: Record<string, Buffer> = {
  'application/pdf': Buffer.from('%PDF-1.7\n', 'latin1'),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  [XLSX_TYPE]: Buffer.from('PK\x03\x04', 'latin1'),
};

/** Content types no parser of the app takes: the answer is 415 whatever the route. */
export const UNSUPPORTED_TYPES = [
  'application/xml',
  'text/html; charset=utf-8',
  'multipart/form-data; boundary=----fuzz',
  'application/octet-stream',
  'application/json-patch+json',
  'text/csv',
  'image/gif',
  'application/javascript',
  'not a media type',
  'application/',
];

export type Kind =
  | 'valid'
  | 'body.random'
  | 'body.fields'
  | 'body.mutated'
  | 'body.oversized'
  | 'body.deep'
  | 'body.uscc'
  | 'body.region'
  | 'body.json'
  | 'body.type'
  | 'body.huge'
  | 'upload'
  | 'path'
  | 'query';

export type Expectation = {
  /** The request may be valid: a 2xx is allowed, and its writes are the route's business. */
  mayAccept: boolean;
  /** When refused: the allowed statuses and error codes (any 4xx and any code when absent). */
  status?: number[];
  code?: string[];
  /** A field the error's details must name (a schema path, a parameter). */
  field?: string;
  /** Fields of which the error must name at least one. */
  anyField?: string[];
  /** Fields the error must all name. */
  allFields?: string[];
  /** A value that, if the request is accepted, no written row may hold (a region code that does not exist). */
  notStored?: string;
};

export type FuzzRequest = {
  kind: Kind;
  method: ApiRoute['method'];
  url: string;
  payload?: string | Buffer;
  contentType?: string;
  expect: Expectation;
  /** A hostile string inside an otherwise valid request: if the request is accepted and writes, it is stored as sent. */
  injected?: string;
  /** One line saying what is wrong with the request. */
  what: string;
  [fc.toStringMethod]: () => string;
};

const VALIDATION: Pick<Expectation, 'status' | 'code'> = { status: [400], code: ['VALIDATION_FAILED'] };

export type RouteContext = {
  route: ApiRoute;
  world: World;
  /** Real values of each path parameter (ids listed by the API), possibly empty. */
  pathPools: Record<string, string[]>;
};

export const bodyLimitOf = (route: ApiRoute) => UPLOADS[route.key]?.limit ?? DEFAULT_BODY_LIMIT;
const isWrite = (route: ApiRoute) => route.method !== 'GET';

function fuzzRequest(req: Omit<FuzzRequest, typeof fc.toStringMethod>): FuzzRequest {
  return {
    ...req,
    [fc.toStringMethod]: () => {
      const size = req.payload === undefined ? '' : ` body ${Buffer.byteLength(req.payload)} B${req.contentType ? ` (${req.contentType})` : ' (no content-type)'}`;
      const preview = typeof req.payload === 'string' && req.payload.length <= 400 ? ` ${req.payload}` : '';
      return `${req.method} ${req.url.length > 300 ? req.url.slice(0, 300) + '…' : req.url}${size}${preview} — ${req.what}`;
    },
  };
}

// ---------- URL ----------

type PathValue = { value: string; raw?: boolean };

function buildUrl(route: ApiRoute, path: Record<string, PathValue>, query: [string, string][] | string): string {
  const p = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = path[name]!;
    return v.raw ? v.value : encodeURIComponent(v.value);
  });
  const q = typeof query === 'string' ? query : query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return q ? `${p}?${q}` : p;
}

/** Path values that may all be valid: real ones where the API lists some, else well-formed random ones. */
function validPath(ctx: RouteContext): fc.Arbitrary<Record<string, PathValue>> {
  const model: Record<string, fc.Arbitrary<PathValue>> = {};
  for (const p of ctx.route.pathParams) {
    const pool = ctx.pathPools[p.name] ?? [];
    const random = (validValue(p.schema, ctx.world, p.name) as fc.Arbitrary<string>).map((value) => ({ value }));
    model[p.name] = pool.length ? fc.oneof({ arbitrary: fc.constantFrom(...pool).map((value) => ({ value })), weight: 5 }, { arbitrary: random, weight: 1 }) : random;
  }
  return fc.record(model);
}

/** A valid value for a query parameter, as text. */
function validQueryValue(p: ApiParameter, world: World): fc.Arbitrary<string> {
  return validValue(p.schema, world, p.name).map((v) => String(v));
}

const isFreeText = (s: JsonSchema) => (s.type === 'string' || s.type === undefined) && !s.pattern && !s.enum && !s.format;

/** Valid query parameters; free-text ones sometimes carry a hostile string. */
function validQuery(ctx: RouteContext): fc.Arbitrary<{ entries: [string, string][]; injected?: string }> {
  const params = ctx.route.query;
  if (!params.length) return fc.constant({ entries: [] });
  const each = params.map((p) =>
    fc.tuple(fc.constant(p), fc.boolean(), validQueryValue(p, ctx.world), fc.option(injectionString, { freq: 2 })),
  );
  return fc.tuple(...each).map((chosen) => {
    const entries: [string, string][] = [];
    let injected: string | undefined;
    for (const [p, include, value, hostile] of chosen) {
      if (!include && !p.required) continue;
      const text = hostile && isFreeText(p.schema) && mayConformQuery(p.schema, hostile) && !injected ? hostile : value;
      if (text === hostile) injected = hostile;
      entries.push([p.name, text]);
    }
    return { entries, injected };
  });
}

// ---------- bodies ----------

const json = (v: unknown) => JSON.stringify(v);

/** A valid body as JSON, or for an upload route a file of a type it takes. */
function validBody(ctx: RouteContext): fc.Arbitrary<{ payload?: string | Buffer; contentType?: string; body?: unknown }> {
  const upload = UPLOADS[ctx.route.key];
  if (upload?.types.length) {
    return fc.tuple(fc.constantFrom(...upload.types), fc.uint8Array({ maxLength: 4096 })).map(([type, bytes]) => ({ payload: Buffer.concat([SIGNATURES[type]!, Buffer.from(bytes)]), contentType: type }));
  }
  if (!ctx.route.body) return fc.constant({});
  return validValue(ctx.route.body.schema, ctx.world).map((body) => ({ body, payload: json(body), contentType: 'application/json' }));
}

/** A hostile string fitted to a field: within its length, not trimmed away by the schema. */
function fitted(hostile: string, schema: JsonSchema): string | null {
  const max = schema.maxLength ?? Infinity;
  const cut = [...hostile].slice(0, max).join('').trim();
  return cut.length >= Math.max(1, schema.minLength ?? 0) ? cut : null;
}

function setPath(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

/** `value` at `path`, creating the objects (and first array elements) on the way. */
function forceAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = (isObject(body) ? structuredClone(body) : {}) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((key, i) => {
    const nextIsIndex = typeof path[i + 1] === 'number';
    if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object') at[key] = nextIsIndex ? [{}] : {};
    if (nextIsIndex && (at[key] as unknown[]).length === 0) (at[key] as unknown[]).push({});
    at = at[key] as Record<string | number, unknown>;
  });
  at[path[path.length - 1]!] = value;
  return copy;
}

/** Schema paths (through properties and array items) of string fields whose name matches. */
function schemaFields(schema: JsonSchema, match: (name: string, s: JsonSchema) => boolean, path: (string | number)[] = [], underUnion = false): { path: (string | number)[]; schema: JsonSchema; underUnion: boolean }[] {
  const out: { path: (string | number)[]; schema: JsonSchema; underUnion: boolean }[] = [];
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) {
    for (const b of branches) out.push(...schemaFields(b, match, path, true));
    return out;
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const name = key;
    if (child.type === 'string' && match(name, child)) out.push({ path: [...path, key], schema: child, underUnion });
    if (child.type === 'array' && child.items?.type === 'string' && match(name, child.items)) out.push({ path: [...path, key, 0], schema: child.items, underUnion });
    out.push(...schemaFields(child, match, [...path, key], underUnion));
  }
  if (schema.items) out.push(...schemaFields(schema.items, match, [...path, 0], underUnion));
  return out;
}

const usccFields = (schema: JsonSchema) => schemaFields(schema, (name) => /uscc/i.test(name));
const regionFields = (schema: JsonSchema) => schemaFields(schema, (name, s) => /region|areacode/i.test(name) && s.pattern === '^\\d{6}$');

// ---------- the plan of one route ----------

export type Plan = { kind: Kind; arbitrary: fc.Arbitrary<FuzzRequest>; /** Nothing in it varies: one run is all there is. */ constant?: boolean };

export function planFor(ctx: RouteContext): Plan[] {
  const { route } = ctx;
  const plans: Plan[] = [];
  const limit = bodyLimitOf(route);
  const upload = UPLOADS[route.key];
  const bodySchema = route.body?.schema;
  const noQuery = fc.constant({ entries: [] as [string, string][] });
  const requiredQuery = route.query.some((p) => p.required) ? validQuery(ctx) : noQuery;

  // Valid as far as the schemas tell, with a hostile string in every free-text field that takes one.
  plans.push({
    kind: 'valid',
    constant: !route.pathParams.length && !route.query.length && !bodySchema && !upload?.types.length,
    arbitrary: fc.tuple(validPath(ctx), validQuery(ctx), validBody(ctx), injectionString).map(([path, query, body, hostile]) => {
      let payload = body.payload;
      let injected = query.injected;
      if (bodySchema && body.body !== undefined) {
        let b: unknown = body.body;
        for (const site of textSites(bodySchema, b)) {
          const value = fitted(hostile, site.schema);
          if (value !== null) {
            b = setPath(b, site.path, value);
            injected ??= value;
          }
        }
        payload = json(b);
      }
      return fuzzRequest({
        kind: 'valid',
        method: route.method,
        url: buildUrl(route, path, query.entries),
        payload,
        contentType: body.contentType,
        expect: { mayAccept: true },
        injected,
        what: injected !== undefined ? `valid, with ${JSON.stringify(injected)} in its free text` : 'valid as far as the schema tells',
      });
    }),
  });

  if (route.pathParams.length) {
    plans.push({
      kind: 'path',
      arbitrary: fc
        .tuple(validPath(ctx), fc.constantFrom(...route.pathParams.map((p) => p.name)), hostilePathValue, fc.boolean(), requiredQuery, validBody(ctx))
        .map(([path, name, hostile, raw, query, body]) => {
          const param = route.pathParams.find((p) => p.name === name)!;
          // Raw text goes into the URL unencoded (malformed percent-escapes, dots, slashes). Dot segments
          // (`..`, which encoding leaves as it is, or `%2e%2e`) and raw slashes (`\` is one to a URL parser)
          // are resolved before routing: the request may reach another route or none (401 when anonymous),
          // so any structured answer will do.
          const value = { value: hostile, raw: raw && /^[\x21-\x7e]*$/.test(hostile) && !/[?#]/.test(hostile) };
          const reroutes = value.raw ? /[./\\]|%2e/i.test(hostile) : /^\.\.?$/.test(hostile);
          // Unencoded text that encoding would leave as it is ("true") is the same request as encoded.
          const sameAsEncoded = !value.raw || hostile === encodeURIComponent(hostile);
          const conforms = reroutes || (sameAsEncoded && mayConform(param.schema, hostile));
          return fuzzRequest({
            kind: 'path',
            method: route.method,
            url: buildUrl(route, { ...path, [name]: value }, query.entries),
            payload: body.payload,
            contentType: body.contentType,
            expect: conforms
              ? { mayAccept: true }
              : // A parameter past 100 characters is refused by the router (414), a malformed escape by the URL parser.
                { mayAccept: false, status: [400, 404, 414], code: ['VALIDATION_FAILED', 'ROUTE_NOT_FOUND', 'BAD_URL', 'URI_TOO_LONG'] },
            what: `path {${name}} = ${JSON.stringify(hostile.length > 80 ? hostile.slice(0, 80) + '…' : hostile)}${value.raw ? ' (unencoded)' : ''}`,
          });
        }),
    });
  }

  if (route.query.length || route.method === 'GET') {
    plans.push({
      kind: 'query',
      arbitrary: fc.tuple(validPath(ctx), queryAttack(ctx), validBody(ctx)).map(([path, attack, body]) =>
        fuzzRequest({
          kind: 'query',
          method: route.method,
          url: buildUrl(route, path, attack.query),
          payload: body.payload,
          contentType: body.contentType,
          expect: attack.expect,
          injected: attack.injected,
          what: attack.what,
        }),
      ),
    });
  }

  if (!isWrite(route)) return plans;

  const withPath = <T>(arb: fc.Arbitrary<T>) => fc.tuple(validPath(ctx), requiredQuery, arb);
  const send = (kind: Kind, path: Record<string, PathValue>, query: { entries: [string, string][] }, payload: string | Buffer, contentType: string | undefined, expect: Expectation, what: string) =>
    fuzzRequest({ kind, method: route.method, url: buildUrl(route, path, query.entries), payload, contentType, expect, what });

  if (bodySchema) {
    const invalidJson = (v: unknown) => !mayConform(bodySchema, v) && !/"(__proto__|constructor)"/.test(json(v));
    // A schema that takes any JSON has no random refusal to draw (and the filter would never end).
    if (fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 30, seed: 1 }).some(invalidJson)) {
      plans.push({
        kind: 'body.random',
        arbitrary: withPath(fc.jsonValue({ maxDepth: 4 }).filter(invalidJson)).map(([path, query, v]) =>
          send('body.random', path, query, json(v), 'application/json', { mayAccept: false, ...VALIDATION }, `random JSON ${json(v).slice(0, 120)}`),
        ),
      });
    }

    // Every declared property of the wrong type at once, or every required one missing: the error names each.
    const props = Object.entries(bodySchema.properties ?? {}).filter(([, child]) => wrongTypesFor(child).length > 0);
    const required = (bodySchema.required ?? []).filter((k) => bodySchema.properties?.[k]?.default === undefined);
    if (props.length && !bodySchema.oneOf && !bodySchema.anyOf) {
      plans.push({
        kind: 'body.fields',
        arbitrary: withPath(fc.tuple(validValue(bodySchema, ctx.world), fc.constantFrom(...(required.length ? ['wrong types', 'required missing'] : ['wrong types'])), fc.nat())).map(([path, query, [base, how, n]]) => {
          let body: Record<string, unknown>;
          let fields: string[];
          if (how === 'wrong types') {
            body = { ...(isObject(base) ? base : {}) };
            for (const [i, [key, child]] of props.entries()) {
              const wrong = wrongTypesFor(child);
              body[key] = wrong[(n + i) % wrong.length];
            }
            fields = props.map(([key]) => key);
          } else {
            body = Object.fromEntries(Object.entries(isObject(base) ? base : {}).filter(([key]) => !required.includes(key)));
            fields = required;
          }
          return send('body.fields', path, query, json(body), 'application/json', { mayAccept: false, ...VALIDATION, allFields: fields }, `${how}: ${fields.join(', ')}`);
        }),
      });
    }

    const mutated = (kind: Kind, pick: (site: Site) => fc.Arbitrary<Violation>[]) =>
      withPath(
        validValue(bodySchema, ctx.world).chain((base) => {
          const options = sites(bodySchema, base).flatMap((site) => pick(site).map((violation) => ({ site, violation })));
          if (!options.length) return fc.constant(null);
          return fc.tuple(fc.constant(base), fc.constantFrom(...options).chain((o) => fc.tuple(fc.constant(o.site), o.violation)), fc.option(extraProperties, { freq: 3 }));
        }),
      ).map(([path, query, picked]) => {
        if (!picked) return null;
        const [base, [site, violation], extra] = picked;
        let body = base;
        if (extra && isObject(body)) body = { ...extra, ...body };
        body = violation.apply(body);
        const text = violation.raw ? violation.raw(json(body)) : json(body);
        return send(kind, path, query, text, 'application/json', { mayAccept: false, ...VALIDATION, field: site.underUnion ? undefined : label(violation.path) }, `${violation.what}${extra ? ` (+ extra ${Object.keys(extra).join(', ')})` : ''}`);
      });

    const hasSites = (pick: (site: Site) => fc.Arbitrary<Violation>[]) => {
      const samples = fc.sample(validValue(bodySchema, ctx.world), { numRuns: 5, seed: 1 });
      return samples.some((base) => sites(bodySchema, base).some((s) => pick(s).length > 0));
    };
    const ordinary = (s: Site) => violationsAt(s).filter((v) => v.op !== 'oversized' && v.op !== 'too-many-items').map((v) => v.arbitrary);
    const oversize = (s: Site) => violationsAt(s).filter((v) => v.op === 'oversized' || v.op === 'too-many-items').map((v) => v.arbitrary);
    const deep = (s: Site) => {
      const d = deepViolation(s);
      return d ? [d] : [];
    };
    for (const [kind, pick] of [
      ['body.mutated', ordinary],
      ['body.oversized', oversize],
      ['body.deep', deep],
    ] as const) {
      if (hasSites(pick)) plans.push({ kind, arbitrary: mutated(kind, pick).filter((r): r is FuzzRequest => r !== null) });
    }

    const uscc = usccFields(bodySchema);
    if (uscc.length) {
      plans.push({
        kind: 'body.uscc',
        arbitrary: withPath(fc.tuple(validValue(bodySchema, ctx.world), fc.constantFrom(...uscc), malformedUscc)).map(([path, query, [base, field, code]]) =>
          send('body.uscc', path, query, json(forceAt(base, field.path, code)), 'application/json', { mayAccept: false, ...VALIDATION, field: field.underUnion ? undefined : label(field.path) }, `${label(field.path)}: malformed USCC ${JSON.stringify(code)}`),
        ),
      });
    }
    const regions = regionFields(bodySchema);
    if (regions.length) {
      plans.push({
        kind: 'body.region',
        arbitrary: withPath(fc.tuple(validValue(bodySchema, ctx.world), fc.constantFrom(...regions), fc.oneof(malformedRegion.map((c) => ({ c, exists: 'malformed' as const })), nonexistentRegion(ctx.world).map((c) => ({ c, exists: 'nonexistent' as const }))))).map(
          ([path, query, [base, field, { c, exists }]]) =>
            send(
              'body.region',
              path,
              query,
              json(forceAt(base, field.path, c)),
              'application/json',
              // A code of the right shape that is no region passes the schema: the service may refuse it, or
              // ignore it where it has a better source (the registered enterprise's region), but never store it.
              exists === 'malformed' ? { mayAccept: false, ...VALIDATION, field: field.underUnion ? undefined : label(field.path) } : { mayAccept: true, notStored: c },
              `${label(field.path)}: ${exists} region code ${JSON.stringify(c)}`,
            ),
        ),
      });
    }
  }

  plans.push({
    kind: 'body.json',
    arbitrary: withPath(fc.tuple(validBody(ctx), malformedJson)).map(([path, query, [body, bad]]) => {
      const text = bad.from ? bad.from(typeof body.payload === 'string' ? body.payload : '{"a":1}') : bad.text;
      return send('body.json', path, query, text, 'application/json', { mayAccept: false, status: [400], code: ['MALFORMED_JSON'] }, `malformed JSON (${bad.what})`);
    }).filter((r) => r.payload !== undefined && !parsesAsJson(r.payload)),
  });

  plans.push({
    kind: 'body.type',
    arbitrary: withPath(fc.tuple(validBody(ctx), contentTypeAttack)).map(([path, query, [body, attack]]) => {
      const text = typeof body.payload === 'string' ? body.payload : json({ a: 1 });
      const { payload, contentType, expect, what } = attack(route, text, body.body);
      return send('body.type', path, query, payload, contentType, expect, what);
    }),
  });

  plans.push({
    kind: 'body.huge',
    arbitrary: withPath(fc.tuple(fc.integer({ min: 1, max: 64 * 1024 }), fc.constantFrom('application/json', ...(upload?.types ?? [])), fc.constantFrom('string', 'array', 'deep'))).map(([path, query, [extra, type, shape]]) => {
      const size = limit + extra;
      let payload: string | Buffer;
      if (type !== 'application/json') payload = Buffer.concat([SIGNATURES[type] ?? Buffer.alloc(0), Buffer.alloc(size)]);
      else if (shape === 'string') payload = `{"name":"${'x'.repeat(size)}"}`;
      else if (shape === 'array') payload = `[${'0,'.repeat(Math.ceil(size / 2))}0]`;
      else payload = '['.repeat(Math.ceil(size / 2)) + ']'.repeat(Math.ceil(size / 2));
      return send('body.huge', path, query, payload, type, { mayAccept: false, status: [413], code: ['PAYLOAD_TOO_LARGE'] }, `${Buffer.byteLength(payload)} B of ${shape === 'string' || type !== 'application/json' ? 'data' : shape} (limit ${limit} B)`);
    }),
  });

  if (upload?.types.length) {
    plans.push({
      kind: 'upload',
      arbitrary: withPath(
        fc.tuple(fc.constantFrom(...Object.keys(SIGNATURES)), fc.constantFrom('random', 'own', 'other', 'empty', 'text'), fc.uint8Array({ maxLength: 8192 }), fc.constantFrom(...Object.keys(SIGNATURES))),
      ).map(([path, query, [type, how, bytes, other]]) => {
        const head = how === 'own' ? SIGNATURES[type]! : how === 'other' ? SIGNATURES[other]! : Buffer.alloc(0);
        const payload = how === 'empty' ? Buffer.alloc(0) : how === 'text' ? Buffer.from('<html><script>alert(1)</script></html>') : Buffer.concat([head, Buffer.from(bytes)]);
        const signed = payload.subarray(0, SIGNATURES[type]!.length).equals(SIGNATURES[type]!);
        const taken = upload.types.includes(type);
        // The PDF check answers any PDF upload (a report or "no such report"); the others take only their own files.
        const mayAccept = taken && (signed || upload.readOnly === true);
        // Refused for its content (400, 415) — or for its path first, when the id is a random one (404).
        return send('upload', path, query, payload, type, mayAccept ? { mayAccept: true } : { mayAccept: false, status: [400, 404, 415] }, `${payload.length} B labelled ${type} (${how === 'own' ? 'its own signature' : how === 'other' ? `a ${other} signature` : how})`);
      }),
    });
  }
  return plans;
}

// ---------- query attacks ----------

function queryAttack(ctx: RouteContext): fc.Arbitrary<{ query: string; expect: Expectation; injected?: string; what: string }> {
  const params = ctx.route.query;
  const hostile = fc.oneof(
    injectionString,
    malformedRegion,
    fc.constantFrom('', ' ', '0', '-1', '1.5', '1e309', '0x10', 'NaN', 'Infinity', '99999999999999999999', 'true', '[]', '{}', 'null', '%', '%00', '\u0000'),
    fc.integer({ min: 100, max: 100_000 }).map((n) => 'q'.repeat(n)),
    fc.string({ maxLength: 20 }),
  );
  const each = params.map((p) =>
    fc.tuple(fc.constant(p), fc.constantFrom('absent', 'valid', 'hostile', 'hostile', 'repeated'), validQueryValue(p, ctx.world), hostile),
  );
  const extra = fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'page[]', 'a[b]', 'sort', 'limit', '$where', ';'), hostile), { freq: 2 });
  return fc.tuple(fc.tuple(...each), extra, fc.boolean()).map(([chosen, extraParam, rawPercent]) => {
    const parts: string[] = [];
    const failing: string[] = [];
    const notes: string[] = [];
    let injected: string | undefined;
    for (const [p, how, valid, bad] of chosen) {
      if (how === 'absent') {
        if (p.required) failing.push(p.name);
        if (p.required) notes.push(`${p.name} missing`);
        continue;
      }
      const values = how === 'repeated' ? [valid, bad] : [how === 'valid' ? valid : bad];
      const parsed: string | string[] = values.length > 1 ? values : values[0]!;
      // U+0000 is refused before validation, in any parameter.
      if (!mayConformQuery(p.schema, parsed) || values.some((v) => v.includes('\u0000'))) failing.push(p.name);
      else if (how === 'hostile' && isFreeText(p.schema) && bad.length > 0) injected ??= bad;
      for (const v of values) parts.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(v)}`);
      if (how !== 'valid') notes.push(`${p.name}=${JSON.stringify(values.length > 1 ? values : values[0]!.slice(0, 60))}`);
    }
    if (extraParam) {
      if (extraParam[1].includes('\u0000')) failing.push(extraParam[0]);
      parts.push(`${encodeURIComponent(extraParam[0])}=${encodeURIComponent(extraParam[1])}`);
      notes.push(`extra ${extraParam[0]}`);
    }
    // Malformed percent-escapes sent as they are: how they decode is the parser's business, so nothing is expected but an answer.
    const raw = rawPercent && parts.length > 0;
    if (raw) parts.push('broken=%E0%A4%A&%zz=1');
    const expect: Expectation = raw
      ? { mayAccept: !failing.length }
      : failing.length
        ? { mayAccept: false, ...VALIDATION, anyField: failing }
        : { mayAccept: true };
    return { query: parts.join('&'), expect, injected: raw ? undefined : injected, what: `query ${notes.join(', ') || '(valid)'}${raw ? ' + malformed escapes' : ''}` };
  });
}

// ---------- malformed JSON and content types ----------

const parsesAsJson = (payload: string | Buffer) => {
  const text = (typeof payload === 'string' ? payload : payload.toString('utf8')).replace(/^\uFEFF/, '');
  if (/"(__proto__|constructor)"\s*:/.test(text)) return false;
  try {
    JSON.parse(text);
    return text.length > 0;
  } catch {
    return false;
  }
};

const malformedJson: fc.Arbitrary<{ what: string; text: string; from?: (valid: string) => string }> = fc.oneof(
  fc.constantFrom(
    { what: 'empty', text: '' },
    { what: 'whitespace', text: ' \n\t' },
    { what: 'unterminated', text: '{"name":' },
    { what: 'single quotes', text: "{'name':'x'}" },
    { what: 'trailing comma', text: '{"name":"x",}' },
    { what: 'NaN', text: '{"n":NaN}' },
    { what: 'undefined', text: '{"n":undefined}' },
    { what: 'leading zero', text: '{"n":01}' },
    { what: 'raw control character', text: '{"name":"a\u0001b"}' },
    { what: 'comment', text: '// c\n{"name":"x"}' },
    { what: 'two documents', text: '{"a":1}{"b":2}' },
    { what: 'prototype pollution', text: '{"__proto__":{"isAdmin":true}}' },
    { what: 'constructor pollution', text: '{"constructor":{"prototype":{"isAdmin":true}}}' },
    { what: 'nested prototype pollution', text: '{"a":{"b":{"__proto__":{"roles":["platform_admin"]}}}}' },
    { what: 'bare word', text: 'drop table audit_log' },
    { what: 'SQL', text: "'; drop table audit_log; --" },
    { what: 'HTML', text: '<script>alert(1)</script>' },
    { what: 'unclosed array', text: '[1,2' },
    { what: 'BOM then garbage', text: '\uFEFF{]' },
  ),
  fc.nat().map((n) => ({ what: 'truncated', text: '', from: (valid: string) => valid.slice(0, n % Math.max(1, valid.length)) })),
  fc.tuple(fc.nat(), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', "'", '\\', 'x')).map(([n, ch]) => ({ what: `${JSON.stringify(ch)} inserted`, text: '', from: (valid: string) => valid.slice(0, n % (valid.length + 1)) + ch + valid.slice(n % (valid.length + 1)) })),
);

type TypeAttack = (route: ApiRoute, json: string, body: unknown) => { payload: string | Buffer; contentType?: string; expect: Expectation; what: string };

const contentTypeAttack: fc.Arbitrary<TypeAttack> = fc.oneof(
  fc.constantFrom(...UNSUPPORTED_TYPES).map(
    (type): TypeAttack =>
      (_route, text) => ({ payload: text, contentType: type, expect: { mayAccept: false, status: [415], code: ['UNSUPPORTED_MEDIA_TYPE'] }, what: `JSON sent as ${type}` }),
  ),
  fc.constant<TypeAttack>((_route, text) => ({ payload: text, contentType: undefined, expect: { mayAccept: false, status: [415], code: ['UNSUPPORTED_MEDIA_TYPE'] }, what: 'JSON sent without a content type' })),
  // Types the app parses (for other routes): the body arrives as text, bytes or a flat form record.
  fc.constantFrom('text/plain', 'application/pdf', 'image/png', 'image/jpeg', XLSX_TYPE, 'application/x-www-form-urlencoded').map(
    (type): TypeAttack =>
      (route, text, body) => {
        let payload: string | Buffer = text;
        let parsed: unknown = text;
        if (type === 'application/x-www-form-urlencoded') {
          const flat = isObject(body) ? Object.entries(body).filter(([, v]) => typeof v !== 'object' || v === null).map(([k, v]) => [k, String(v)]) : [['body', text]];
          payload = new URLSearchParams(flat as [string, string][]).toString();
          parsed = Object.fromEntries(flat);
        } else if (type !== 'text/plain') {
          payload = Buffer.concat([SIGNATURES[type]!, Buffer.from(text)]);
          parsed = payload;
        }
        const upload = UPLOADS[route.key];
        const schema = route.body?.schema;
        // Without a body schema the route ignores what it cannot use, unless it takes files (refused for
        // their type, or first for the path when its id is a random one).
        let expect: Expectation;
        if (upload?.types.length) expect = upload.types.includes(type) ? { mayAccept: true } : { mayAccept: false, status: [400, 404, 415] };
        else if (!schema) expect = { mayAccept: true };
        else if (Buffer.isBuffer(parsed)) expect = { mayAccept: false, status: [415], code: ['UNSUPPORTED_MEDIA_TYPE'] };
        else if (typeof parsed === 'string' || !mayConform(schema, parsed)) expect = { mayAccept: false, ...VALIDATION };
        else expect = { mayAccept: true };
        return { payload, contentType: type, expect, what: `body sent as ${type}` };
      },
  ),
);
