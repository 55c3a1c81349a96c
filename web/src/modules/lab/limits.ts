import type { LimitKind } from '@shijian/contracts';

export type Limit = { limitKind: LimitKind; limitMin: string | null; limitMax: string | null; limitText: string | null; unit: string };

/**
 * A requirement as printed on the report: "≥95 %", "≤350 Pa", "1.0–2.0 mm", the
 * text of a text requirement, or "—" when the item is not judged. The same
 * wording as the server's PDF (server/src/modules/lab/judgement.ts), so the
 * screen and the paper agree.
 */
export function limitLabel(limit: Limit): string {
  const u = limit.unit ? ` ${limit.unit}` : '';
  switch (limit.limitKind) {
    case 'min':
      return `≥${limit.limitMin ?? '?'}${u}`;
    case 'max':
      return `≤${limit.limitMax ?? '?'}${u}`;
    case 'range':
      return `${limit.limitMin ?? '?'}–${limit.limitMax ?? '?'}${u}`;
    case 'text':
      return limit.limitText ?? '';
    case 'none':
      return '—';
  }
}

/** A value with its unit, "96.5 %"; text results ("符合") stand alone. */
export function valueWithUnit(value: string, unit: string): string {
  return unit && /^-?\d/.test(value) ? `${value} ${unit}` : value;
}
