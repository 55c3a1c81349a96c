/**
 * Exact decimal arithmetic for report cells: values travel as decimal text (from
 * PostgreSQL's numeric) and are added as integers of a millionth, so a national
 * sum of provincial fines is exact and rounding happens once, for display.
 */
const SCALE = 6;
const ONE = 10n ** BigInt(SCALE);

export function toMicros(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  // Digits beyond the sixth are dropped: the metrics never produce them (money has two, 万元 six).
  const micros = BigInt(whole!) * ONE + BigInt((fraction + '000000').slice(0, SCALE));
  return sign ? -micros : micros;
}

export function fromMicros(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / ONE;
  const fraction = (abs % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The exact sum of decimal texts; null when every part is null (nothing to add up). */
export function sumDecimals(values: (string | null | undefined)[]): string | null {
  let total = 0n;
  let any = false;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    total += toMicros(v);
    any = true;
  }
  return any ? fromMicros(total) : null;
}

/** Rounds half away from zero to `decimals` digits, keeping trailing zeros: '12.345' → '12.35'. */
export function roundDecimal(text: string, decimals: number): string {
  const micros = toMicros(text);
  const step = 10n ** BigInt(SCALE - decimals);
  const abs = micros < 0n ? -micros : micros;
  const rounded = ((abs + step / 2n) / step) * step;
  const plain = fromMicros(micros < 0n ? -rounded : rounded);
  if (decimals === 0) return plain;
  const [whole, fraction = ''] = plain.split('.');
  return `${whole}.${fraction.padEnd(decimals, '0')}`;
}

/**
 * numerator / denominator as a percentage with `decimals` digits, rounded half up,
 * exactly; null when the denominator is zero (no batch judged: no rate, not 0 %).
 */
export function percent(numerator: string, denominator: string, decimals: number): string | null {
  const num = toMicros(numerator);
  const den = toMicros(denominator);
  if (den === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const scaled = (num * 100n * scale * 2n + den) / (2n * den);
  const whole = scaled / scale;
  if (decimals === 0) return whole.toString();
  return `${whole}.${(scaled % scale).toString().padStart(decimals, '0')}`;
}
