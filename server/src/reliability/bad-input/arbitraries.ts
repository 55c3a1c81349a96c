import fc from 'fast-check';
import { checkUscc, USCC_ALPHABET, usccCheckCharacter } from '@shijian/contracts';
import type { JsonSchema } from '../../../test/openapi.js';

/**
 * fast-check arbitraries built from the JSON schemas of the OpenAPI description: values a route
 * may accept, and values it certainly must refuse. "Certainly" is decided by `mayConform`, a
 * conservative reading of the schema: it answers false only for a value no reading of the schema
 * admits (a wrong JSON type, a missing required property, a string past its maxLength, a value
 * outside its enum or pattern). Rules the schema does not show (Zod refinements such as the USCC
 * check digit) make a value fail that `mayConform` lets through, never the reverse — so a request
 * built to be refused and then accepted is always a real finding.
 */

type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function jsonTypeOf(value: unknown): JsonType | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value as JsonType;
  return 'undefined';
}

/** The JSON types a schema names, or null when it names none (anything, or only combinators). */
function declaredTypes(schema: JsonSchema): JsonType[] | null {
  const t = schema.type;
  const list = t === undefined ? null : Array.isArray(t) ? (t as JsonType[]) : [t as JsonType];
  if (list && schema.nullable && !list.includes('null')) return [...list, 'null'];
  return list;
}

const typeMatches = (types: JsonType[], value: unknown) => {
  const actual = jsonTypeOf(value);
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
};

/** Whether `value` might pass validation by `schema` (false only when it certainly cannot). */
export function mayConform(schema: JsonSchema, value: unknown): boolean {
  if (schema.oneOf || schema.anyOf) {
    const branches = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
    if (!branches.some((b) => mayConform(b, value))) return value === null && schema.nullable === true;
  }
  if (schema.allOf && !schema.allOf.every((b) => mayConform(b, value))) return false;
  if (value === null && schema.nullable) return true;
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return false;
  const types = declaredTypes(schema);
  if (types && !typeMatches(types, value)) return false;
  if (typeof value === 'string') {
    // Schemas trim before they measure or match: a value fails only if it fails both ways.
    const trimmed = value.trim();
    if (schema.maxLength !== undefined && trimmed.length > schema.maxLength) return false;
    if (schema.minLength !== undefined && value.length < schema.minLength) return false;
    if (schema.pattern) {
      const re = new RegExp(schema.pattern);
      if (!re.test(value) && !re.test(trimmed)) return false;
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false;
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return false;
    if (!Number.isFinite(value)) return false;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
    if (schema.items && !value.every((v) => mayConform(schema.items!, v))) return false;
  }
  if (isObject(value) && schema.properties) {
    for (const key of schema.required ?? []) {
      if (value[key] === undefined && schema.properties[key]?.default === undefined) return false;
    }
    for (const [key, child] of Object.entries(schema.properties)) {
      if (value[key] !== undefined && !mayConform(child, value[key])) return false;
    }
    if (schema.additionalProperties === false && Object.keys(value).some((k) => !(k in schema.properties!))) return false;
  }
  return true;
}

/**
 * The same for a query-string value, which arrives as text and is coerced (`z.coerce.number()`):
 * "12" is a number, "" is 0, "abc" is no number; a repeated parameter arrives as an array.
 */
export function mayConformQuery(schema: JsonSchema, value: string | string[] | undefined): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return declaredTypes(schema)?.includes('array') ?? true;
  const types = declaredTypes(schema);
  if (types && (types.includes('integer') || types.includes('number')) && !types.includes('string')) {
    const n = Number(value);
    if (Number.isNaN(n)) return false;
    return mayConform(schema, n);
  }
  if (types && types.includes('boolean') && !types.includes('string')) return true;
  return mayConform(schema, value);
}

// ---------- the values of a domain ----------

/** What the generators know of the demo world: real ids by name, real region codes and USCCs. */
export type World = {
  /** Real ids for a field or parameter name (`enterpriseId`, `planId`, …); empty when none is known. */
  idsFor(name: string): string[];
  regionCodes: string[];
  isRegion(code: string): boolean;
  usccs: string[];
};

const TEXT_CHARS = [...'市场监督管理局企业检验报告样品口罩防护服成都福建陕西测试ABCxyz0123456789-()（）'];
const text = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: Math.max(1, min), maxLength: Math.max(Math.max(1, min), Math.min(max, 24)) });

const isoDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isoDateTime = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** A USCC that passes GB 32100 (random: almost surely no enterprise's). */
export const validUscc = fc
  .tuple(
    fc.constantFrom(...'159'),
    fc.constantFrom(...'123'),
    fc.stringMatching(/^\d{6}$/),
    fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, region, rest]) => {
    const first17 = `${a}${b}${region}${rest}`;
    return first17 + usccCheckCharacter(first17);
  });

const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const isUuidSchema = (s: JsonSchema) => s.format === 'uuid' || (s.pattern?.includes('[0-9a-fA-F]{8}') ?? false);
const isRegionName = (name: string) => /region|areacode/i.test(name);

/** A value `schema` accepts, as far as its JSON schema tells; `name` is the property it fills. */
export function validValue(schema: JsonSchema, world: World, name = ''): fc.Arbitrary<unknown> {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches?.length) return fc.oneof(...branches.map((b) => validValue(b, world, name)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const types = (declaredTypes(schema) ?? ['string']).filter((t) => t !== 'null');
  const type = types[0] ?? 'string';
  switch (type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const lo = Math.max(schema.minimum ?? 0, -1_000_000);
      const hi = Math.max(lo, Math.min(schema.maximum ?? lo + 1000, lo + 1000));
      return type === 'integer' ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      const item = validValue(schema.items ?? {}, world, name.replace(/s$/, ''));
      return fc.array(item, { minLength: min, maxLength: Math.max(min, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(props)) model[key] = validValue(child, world, key);
      const required = (schema.required ?? []).filter((k) => k in model);
      return fc.record(model, { requiredKeys: required as never[] });
    }
    default:
      return validString(schema, world, name);
  }
}

function validString(schema: JsonSchema, world: World, name: string): fc.Arbitrary<string> {
  if (isUuidSchema(schema)) {
    const ids = world.idsFor(name);
    return ids.length ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, { arbitrary: fc.uuid({ version: 4 }), weight: 1 }) : fc.uuid({ version: 4 });
  }
  if (/uscc/i.test(name)) return world.usccs.length ? fc.oneof(fc.constantFrom(...world.usccs), validUscc) : validUscc;
  if (/password/i.test(name)) return fc.stringMatching(/^[A-Z][a-z]{6}#[0-9]{5}$/);
  if (schema.pattern === '^\\d{6}$' && isRegionName(name)) return fc.constantFrom(...world.regionCodes);
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || (/(On|Date|Until|From|To|date)$/.test(name) && !schema.pattern && !schema.maxLength)) return isoDate;
  if (schema.format === 'date-time') return isoDateTime;
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    return fc.stringMatching(re).filter((s) => s.length <= (schema.maxLength ?? Infinity) && s.trim() === s && re.test(s));
  }
  return text(schema.minLength ?? 1, schema.maxLength ?? 40);
}

// ---------- hostile strings ----------

/** SQL injection as it is typed into forms, aimed at this schema's tables. */
export const SQL_INJECTIONS = [
  "' OR 1=1 --",
  "'; drop table audit_log; --",
  "\"; delete from users; --",
  "' UNION SELECT username, password_hash FROM users --",
  "1; select pg_sleep(5)",
  "admin'--",
  "') OR ('a'='a",
  "%' AND 1=1 AND '%'='",
  "$$; truncate sessions; $$",
  "\\'; update users set roles = '{platform_admin}'; --",
  "1 or 1=1",
  "' AND (select count(*) from audit_log) > 0 --",
];

/** HTML and script injection, and template syntax that some stacks evaluate. */
export const HTML_INJECTIONS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '</textarea><script>document.cookie</script>',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '<!--<iframe src=//evil.example>',
  '&lt;b&gt;&amp;&#39;',
  '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
];

/** Other text that has broken parsers, logs and databases: NUL, controls, bidi overrides, wildcards. */
export const ODD_STRINGS = ['nul\u0000byte', 'line\r\nbreak: injected', '\u202egnp.exe', '%_%', '\\\\server\\share', '../../../etc/passwd', '😀𠮷ｱ\u200b', 'null', 'undefined', '-1'];

export const injectionString = fc.constantFrom(...SQL_INJECTIONS, ...HTML_INJECTIONS, ...ODD_STRINGS);

/** A USCC that GB 32100 refuses: wrong length or check character, lowercase, I/O/Z/S/V, and the like. */
export const malformedUscc = fc
  .tuple(validUscc, fc.nat(), fc.constantFrom('short', 'long', 'check', 'lowercase', 'forbidden', 'region', 'fullwidth', 'space', 'symbol'))
  .map(([good, n, how]) => {
    const at = n % 18;
    switch (how) {
      case 'short':
        return good.slice(0, n % 18);
      case 'long':
        return good + '0123456789ABCDEF'.slice(0, 1 + (n % 12));
      case 'check': {
        const wrong = [...USCC_ALPHABET].filter((c) => c !== good[17]);
        return good.slice(0, 17) + wrong[n % wrong.length];
      }
      case 'lowercase':
        return good.slice(0, at) + 'abcdefghjk'[n % 10] + good.slice(at + 1);
      case 'forbidden':
        return good.slice(0, at) + 'IOZSV'[n % 5] + good.slice(at + 1);
      case 'region':
        return good.slice(0, 2) + 'ABCDEF'.slice(0, 1 + (n % 6)).padEnd(6, '0') + good.slice(8);
      case 'fullwidth':
        return good.slice(0, at) + '０１２３４５６７８９'[n % 10] + good.slice(at + 1);
      case 'space':
        return good.slice(0, 9) + ' ' + good.slice(10);
      default:
        return good.slice(0, at) + "-'<%"[n % 4] + good.slice(at + 1);
    }
  })
  .filter((code) => checkUscc(code.trim()) !== null);

/** A region code of the wrong shape: wrong length, letters, full-width digits, signs, spaces inside. */
export const malformedRegion = fc
  .oneof(
    fc.stringMatching(/^\d{1,5}$/),
    fc.stringMatching(/^\d{7,12}$/),
    fc.stringMatching(/^\d{5}[A-Za-z]$/),
    fc.constantFrom('５１０１０４', '51O104', '-51010', '510.04', '510 04', '0x1F3E', '', '      ', '510104\u0000', '五一〇一〇四'),
  )
  .filter((code) => !/^\d{6}$/.test(code.trim()));

/** Six digits that are no region of GB/T 2260. */
export const nonexistentRegion = (world: World) =>
  fc.oneof(fc.constantFrom('000000', '999999', '510199', '123456'), fc.stringMatching(/^\d{6}$/)).filter((code) => !world.isRegion(code));

/** Text in the place of a uuid: near misses and nonsense. */
export const malformedUuid = fc
  .oneof(
    fc.uuid({ version: 4 }).map((u) => u.slice(0, -1)),
    fc.uuid({ version: 4 }).map((u) => `${u}0`),
    fc.uuid({ version: 4 }).map((u) => u.replaceAll('-', '')),
    fc.uuid({ version: 4 }).map((u) => `{${u}}`),
    fc.uuid({ version: 4 }).map((u) => u.slice(0, 14) + '0' + u.slice(15)),
    fc.uuid({ version: 4 }).map((u) => u.slice(0, 14) + '9' + u.slice(15)),
    fc.uuid({ version: 4 }).map((u) => u.slice(0, 19) + 'c' + u.slice(20)),
    fc.uuid({ version: 4 }).map((u) => u.slice(0, 3) + 'g' + u.slice(4)),
    fc.constantFrom('0', '-1', 'null', 'undefined', 'NaN', '1e309', 'true', '[]', '{}'),
    fc.string({ maxLength: 40 }).filter((s) => s.length > 0),
  )
  .filter((s) => !UUID_PATTERN.test(s) && s !== '00000000-0000-0000-0000-000000000000' && s !== 'ffffffff-ffff-ffff-ffff-ffffffffffff');

/** Anything a path segment may carry that no schema admits: malformed ids, injection, long and odd text. */
export const hostilePathValue = fc.oneof(
  malformedUuid,
  injectionString,
  fc.string({ minLength: 101, maxLength: 400 }),
  fc.constantFrom('..', '.', '%', '%00', '%zz', '%E0%A4%A', '%2e%2e%2f', '\u0000', ' ', '\t', 'a/b', '?x=1', '#frag', 'ä'.repeat(60)),
);

// ---------- certain violations of a body ----------

export type Site = { path: (string | number)[]; schema: JsonSchema; value: unknown; parentSchema: JsonSchema | null; underUnion: boolean };

/** Every property (nested ones too, the body itself first) that a valid body holds, with its schema. */
export function sites(schema: JsonSchema, value: unknown, path: (string | number)[] = [], parentSchema: JsonSchema | null = null, underUnion = false): Site[] {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) {
    const branch = branches.find((b) => mayConform(b, value));
    return branch ? sites(branch, value, path, parentSchema, true) : [{ path, schema, value, parentSchema, underUnion: true }];
  }
  const out: Site[] = [{ path, schema, value, parentSchema, underUnion }];
  if (isObject(value) && schema.properties) {
    for (const [key, child] of Object.entries(schema.properties)) {
      if (value[key] !== undefined) out.push(...sites(child, value[key], [...path, key], schema, underUnion));
    }
  }
  if (Array.isArray(value) && value.length > 0 && schema.items) out.push(...sites(schema.items, value[0], [...path, 0], schema, underUnion));
  return out;
}

export type Violation = { what: string; path: (string | number)[]; apply: (body: unknown) => unknown; raw?: (json: string) => string };

const setAt = (body: unknown, path: (string | number)[], next: unknown | typeof REMOVE): unknown => {
  if (path.length === 0) return next;
  const copy: unknown = structuredClone(body);
  let at = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (next === REMOVE) delete at[last];
  else at[last] = next;
  return copy;
};
const REMOVE = Symbol('remove');
const DEEP = '"__deep_nesting_placeholder__"';

/** Nesting of a given depth as JSON text (built as text: JSON.stringify itself would overflow the stack). */
const deepText = (depth: number, kind: 'array' | 'object') => (kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

const WRONG_TYPES: unknown[] = ['text', '', 0, -1, 12345.678, true, false, {}, { $gt: '' }, [], ['a'], [1, 2, 3]];

/** Values of another JSON type than `schema` takes, none of which it can accept. */
export const wrongTypesFor = (schema: JsonSchema) => WRONG_TYPES.filter((v) => !mayConform(schema, v) && !(declaredTypes(schema) ?? []).includes(jsonTypeOf(v) as JsonType));

export type ViolationOp = 'wrong-type' | 'null' | 'missing' | 'array-for-object' | 'oversized' | 'pattern' | 'range' | 'too-many-items';

/** The certain violations a site offers, each as a fast-check arbitrary of a way to break the body. */
export function violationsAt(site: Site): { op: ViolationOp; arbitrary: fc.Arbitrary<Violation> }[] {
  const { path, schema } = site;
  const out: { op: ViolationOp; arbitrary: fc.Arbitrary<Violation> }[] = [];
  const wrong = WRONG_TYPES.filter((v) => jsonTypeOf(v) !== jsonTypeOf(site.value) && !mayConform(schema, v));
  if (wrong.length) out.push({ op: 'wrong-type', arbitrary: fc.constantFrom(...wrong).map((v) => ({ what: `${label(path)}: ${JSON.stringify(v)} (a ${jsonTypeOf(v)})`, path, apply: (b) => setAt(b, path, v) })) });
  if (!mayConform(schema, null)) out.push({ op: 'null', arbitrary: fc.constant({ what: `${label(path)}: null`, path, apply: (b: unknown) => setAt(b, path, null) }) });
  const key = path[path.length - 1];
  if (typeof key === 'string' && site.parentSchema?.required?.includes(key) && schema.default === undefined) {
    out.push({ op: 'missing', arbitrary: fc.constant({ what: `${label(path)}: missing (required)`, path, apply: (b: unknown) => setAt(b, path, REMOVE) }) });
  }
  if (isObject(site.value) && !mayConform(schema, [site.value])) {
    const v = site.value;
    out.push({ op: 'array-for-object', arbitrary: fc.constantFrom('wrapped', 'values').map((how) => ({ what: `${label(path)}: an array in place of the object (${how})`, path, apply: (b) => setAt(b, path, how === 'wrapped' ? [v] : Object.values(v)) })) });
  }
  if (typeof site.value === 'string' && (schema.maxLength !== undefined || schema.pattern || schema.enum)) {
    const limit = schema.maxLength ?? 200;
    out.push({
      op: 'oversized',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('a', '中', "'", '<', '0')).map(([extra, ch]) => {
        const long = ch.repeat(limit + extra);
        return { what: `${label(path)}: ${long.length}-character string (${schema.maxLength !== undefined ? `max ${schema.maxLength}` : 'pattern/enum'})`, path, apply: (b: unknown) => setAt(b, path, long) };
      }),
    });
  }
  if (typeof site.value === 'string' && (schema.pattern || schema.enum)) {
    out.push({
      op: 'pattern',
      arbitrary: fc
        .oneof(injectionString, fc.string({ maxLength: 30 }))
        .filter((s) => !mayConform(schema, s))
        .map((s) => ({ what: `${label(path)}: ${JSON.stringify(s)} (outside its ${schema.enum ? 'enum' : 'pattern'})`, path, apply: (b: unknown) => setAt(b, path, s) })),
    });
  }
  if (typeof site.value === 'number' && (schema.maximum !== undefined || schema.minimum !== undefined)) {
    const beyond = [schema.maximum !== undefined ? schema.maximum + 1 : null, schema.minimum !== undefined ? schema.minimum - 1 : null, 1e308, -1e308, 2 ** 53 + 2].filter((v): v is number => v !== null && !mayConform(schema, v));
    if (beyond.length) out.push({ op: 'range', arbitrary: fc.constantFrom(...beyond).map((v) => ({ what: `${label(path)}: ${v} (out of range)`, path, apply: (b: unknown) => setAt(b, path, v) })) });
  }
  if (Array.isArray(site.value) && schema.maxItems !== undefined && schema.maxItems <= 10_000 && site.value.length > 0) {
    const item = site.value[0];
    out.push({ op: 'too-many-items', arbitrary: fc.integer({ min: 1, max: 50 }).map((extra) => ({ what: `${label(path)}: ${schema.maxItems! + extra} items (max ${schema.maxItems})`, path, apply: (b: unknown) => setAt(b, path, Array.from({ length: schema.maxItems! + extra }, () => item)) })) });
  }
  return out;
}

/** Deep nesting in place of a property, sent as text. */
export function deepViolation(site: Site): fc.Arbitrary<Violation> | null {
  const { path, schema } = site;
  if (mayConform(schema, [[]]) || mayConform(schema, { a: { a: 1 } })) return null;
  return fc.tuple(fc.integer({ min: 500, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([depth, kind]) => ({
    what: `${label(path)}: ${kind}s nested ${depth} deep`,
    path,
    apply: (b: unknown) => setAt(b, path, JSON.parse(DEEP)),
    raw: (json: string) => json.replace(DEEP, deepText(depth, kind)),
  }));
}

/** Extra properties, named to tempt: they must not change the answer to an otherwise refused body. */
// `__proto__` and `constructor` are left to the malformed-JSON requests: the JSON parser refuses them before validation.
export const extraProperties = fc.dictionary(
  fc.oneof(fc.constantFrom('id', 'isAdmin', 'roles', 'orgId', 'createdAt', 'deleted', '$where', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'), fc.string({ minLength: 1, maxLength: 12 })).filter((k) => k !== '__proto__' && k !== 'constructor'),
  // Without U+0000 and prototype keys, which are refused before validation (and named instead of the broken field).
  fc.jsonValue({ maxDepth: 2 }).filter((v) => !/\\u0000|"(__proto__|constructor)"/.test(JSON.stringify(v))),
  { minKeys: 1, maxKeys: 4 },
);

export const label = (path: (string | number)[]) => (path.length ? path.join('.') : 'body');

/** Where a hostile string may go and still leave the body valid: free text with room for it. */
export function textSites(schema: JsonSchema, value: unknown): Site[] {
  return sites(schema, value).filter(
    (s) =>
      typeof s.value === 'string' &&
      !s.schema.pattern &&
      !s.schema.enum &&
      !s.schema.format &&
      !/uscc|password|phone/i.test(String(s.path[s.path.length - 1] ?? '')),
  );
}

export { isObject, UUID_PATTERN };
