import { RISK_TIERS, type RiskTier } from '@shijian/contracts';

/** Percent (as typed, up to two decimals) → ratio in whole basis points, as the server applies it. */
export const ratioOfPercent = (percent: number | null | undefined) => Math.round((percent ?? 0) * 100) / 10_000;

/** How many of a tier of n a ratio draws: ⌈basis points × n / 10000⌉, the server's rule (draw.ts). */
export function tierQuota(ratio: number, n: number): number {
  const b = Math.round(ratio * 10_000);
  if (b <= 0 || n <= 0) return 0;
  return Math.min(n, Math.floor((b * n + 9_999) / 10_000));
}

/** The number of targets a ratio draw would make from these candidate counts. */
export function expectedTargets(ratios: Record<RiskTier, number>, candidates: Partial<Record<RiskTier, number>>): number {
  return RISK_TIERS.reduce((sum, tier) => sum + tierQuota(ratios[tier], candidates[tier] ?? 0), 0);
}
