import type { JsonSchema } from '../../../test/openapi.js';

/** An id no record has: what "absent" answers are compared with. */
export const ABSENT_ID = '00000000-0000-4000-8000-00000000a65e';

/**
 * Strings tried, in order, against a `pattern` of the description: dates, times, region codes,
 * amounts, keys. A pattern none of them matches throws, naming it, so that a new kind of field
 * gets a sample here rather than a body the route refuses before it looks the record up.
 */
const PATTERN_SAMPLES = [
  ABSENT_ID,
  '2026-12-01',
  '2026-12-01T09:00:00Z',
  '510107',
  '1',
  '09:00',
  'once-access-matrix',
  'a:b',
  'am_probe',
  'am-probe-01',
  '13800000000',
  '202612010001',
];

/**
 * Fields the description types as plain strings but the contracts check further (a refine the
 * JSON schema cannot carry), by name: dates, and credit codes (a valid check character).
 */
const NAMED_SAMPLES: [RegExp, string][] = [
  [/(On|Until|Date|^date|^deadline)$/, '2026-12-01'],
  [/(Uscc|^uscc)$/, '91510107000MU1PW8A'],
];

function pick(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return options.find((s) => s.type !== 'null') ?? options[0]!;
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf) as JsonSchema;
  return schema;
}

/**
 * The smallest value the schema accepts: required properties only, the first enum member, the
 * lower bound of numbers and lengths. Writes are sent with it so that they pass validation and
 * reach the record lookup — a body refused first would prove nothing about scope.
 */
export function sampleOf(input: JsonSchema, where = 'body'): unknown {
  const schema = pick(input);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key] ?? {}, `${where}.${key}`);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, (_, i) => sampleOf(schema.items ?? {}, `${where}[${i}]`));
    case 'integer':
    case 'number': {
      const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : schema.minimum;
      return min ?? 1;
    }
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format === 'uuid') return ABSENT_ID;
      if (schema.format === 'date-time') return '2026-12-01T09:00:00Z';
      const fits = (s: string) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity);
      if (schema.pattern) {
        const re = new RegExp(schema.pattern, 'u');
        const found = PATTERN_SAMPLES.find((s) => re.test(s) && fits(s));
        if (found === undefined) throw new Error(`no sample string matches ${where} /${schema.pattern}/: add one to PATTERN_SAMPLES`);
        return found;
      }
      const field = where.split('.').pop()!;
      const named = NAMED_SAMPLES.find(([re]) => re.test(field));
      if (named && fits(named[1])) return named[1];
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    }
    default:
      return null;
  }
}
