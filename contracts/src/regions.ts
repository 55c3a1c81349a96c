/**
 * GB/T 2260 administrative division codes. A province's subtree is a 2-digit
 * prefix, a city's 4, a county's 6 — so scope is a code range.
 */
export type RegionLevel = 1 | 2 | 3;

export const REGION_CODE_PATTERN = /^\d{6}$/;

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

/** The significant prefix of a region code: '51' for 510000, '5101' for 510100, '510107' for 510107. */
export function regionPrefix(code: string): string {
  return code.slice(0, regionLevel(code) * 2);
}

/** True when `code` lies in the subtree of `ancestor` (a region is in its own subtree). */
export function regionWithin(code: string, ancestor: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}

export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}
