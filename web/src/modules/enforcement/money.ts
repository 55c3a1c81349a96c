/**
 * Amounts in yuan (and disposal quantities) travel as exact decimal strings
 * ("12000.5", "0"): never through a JS number, so no float ever rounds a fine.
 */

/** What the server accepts: up to 13 digits, at most two decimals, no sign. */
export const YUAN_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

/** Strips what people type around a number: spaces, thousands separators (also the full-width comma), a trailing 元. */
export function normalizeYuan(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s,，]/g, '').replace(/元$/, '');
}

export function isYuan(value: string): boolean {
  return YUAN_PATTERN.test(value);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Thousands separators, and exactly two decimals when `fixed` (money) or the
 * decimals it has without trailing zeros otherwise (quantities). Text that is
 * not a plain decimal is returned as it is.
 */
export function formatDecimal(value: string | null | undefined, fixed: boolean): string {
  if (value === null || value === undefined || value === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const int = groupThousands(whole.replace(/^0+(?=\d)/, ''));
  const decimals = fixed ? fraction.padEnd(2, '0') : fraction.replace(/0+$/, '');
  return `${sign}${int}${decimals ? `.${decimals}` : ''}`;
}

/** ¥ with thousands separators and two decimals: "1234567.5" → "1,234,567.50". */
export const formatYuan = (value: string | null | undefined) => formatDecimal(value, true);

/** A quantity: "1200.00" → "1,200", "12.50" → "12.5". */
export const formatQuantity = (value: string | null | undefined) => formatDecimal(value, false);

/** True for "0", "0.0", "0.00" … (no fine imposed). */
export const isZero = (value: string | null | undefined) => !value || /^0*(\.0*)?$/.test(value);

/** An exact decimal in hundredths as a bigint ("12.5" → 1250n); null for text that is not one. */
export function toCents(value: string | null | undefined): bigint | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec((value ?? '').trim());
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** -1, 0 or 1 as a is below, equal to or above b; null when either is not a decimal. */
export function compareDecimal(a: string | null | undefined, b: string | null | undefined): -1 | 0 | 1 | null {
  const x = toCents(a);
  const y = toCents(b);
  if (x === null || y === null) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** part / whole as a percentage with one decimal ("33.3%"), or "—" when the whole is zero. */
export function shareText(part: string, whole: string): string {
  const p = toCents(part);
  const w = toCents(whole);
  if (p === null || w === null || w === 0n) return '—';
  const tenths = (p * 1000n + w / 2n) / w;
  return `${tenths / 10n}.${tenths % 10n}%`;
}
