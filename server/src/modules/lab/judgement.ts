import type { Judgement, LimitKind } from '@shijian/contracts';

/**
 * Exact comparison of decimal strings ('95.30' vs '95.3'), so a result on the
 * limit is never misjudged by floating point.
 */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  const x = toScaledInt(a, scale);
  const y = toScaledInt(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

function fractionDigits(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function toScaledInt(s: string, scale: number): bigint {
  const negative = s.startsWith('-');
  const [int = '0', frac = ''] = s.replace(/^[-+]/, '').split('.');
  const digits = BigInt(`${int}${frac.padEnd(scale, '0')}`);
  return negative ? -digits : digits;
}

export const DECIMAL_PATTERN = /^-?\d{1,12}(\.\d{1,8})?$/;

export type Limit = { kind: LimitKind; min: string | null; max: string | null; text: string | null };

export type JudgeOutcome = { ok: true; judgement: Judgement } | { ok: false; message: string };

const CONFORMING = new Set(['符合', '合格', '通过']);
const NONCONFORMING = new Set(['不符合', '不合格', '未通过']);

/** Judges an entered value against the limit as it stood at receipt (合格 / 不合格 / 不判定). */
export function judge(limit: Limit, value: string): JudgeOutcome {
  const v = value.trim();
  switch (limit.kind) {
    case 'none':
      return { ok: true, judgement: 'none' };
    case 'text':
      if (CONFORMING.has(v)) return { ok: true, judgement: 'pass' };
      if (NONCONFORMING.has(v)) return { ok: true, judgement: 'fail' };
      return { ok: false, message: `该项目要求“${limit.text ?? ''}”，请填写“符合”或“不符合”` };
    default: {
      if (!DECIMAL_PATTERN.test(v)) return { ok: false, message: '该项目须填写数值结果' };
      const aboveMin = limit.min === null || compareDecimal(v, limit.min) >= 0;
      const belowMax = limit.max === null || compareDecimal(v, limit.max) <= 0;
      return { ok: true, judgement: aboveMin && belowMax ? 'pass' : 'fail' };
    }
  }
}

/** A sample conforms when every judged test passes; any failure makes it nonconforming. */
export function conclusionOf(judgements: Judgement[]): Judgement {
  if (judgements.some((j) => j === 'fail')) return 'fail';
  if (judgements.some((j) => j === 'pass')) return 'pass';
  return 'none';
}

/** "≥95 %", "≤350 Pa", "1.0–2.0 mm" */
export function limitLabel(limit: Limit, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  switch (limit.kind) {
    case 'min':
      return `≥${limit.min}${u}`;
    case 'max':
      return `≤${limit.max}${u}`;
    case 'range':
      return `${limit.min}–${limit.max}${u}`;
    case 'text':
      return limit.text ?? '';
    case 'none':
      return '—';
  }
}
