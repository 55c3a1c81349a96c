import type { SignalKind, WarningLevel } from '@shijian/contracts';

export type RiskModel = {
  weights: Record<SignalKind, number>;
  halfLifeDays: number;
  windowDays: number;
  thresholds: Record<WarningLevel, number>;
};

/** The default model: a nonconforming sample or a case weighs most, an opinion item least; a signal counts half after 90 days. */
export const DEFAULT_RISK_MODEL: RiskModel = {
  weights: { sampling_nonconforming: 10, complaint: 2, report: 4, case: 8, recall: 12, opinion: 1 },
  halfLifeDays: 90,
  windowDays: 365,
  thresholds: { blue: 5, yellow: 10, orange: 20, red: 40 },
};

/**
 * What a signal of `ageDays` still counts, as a share of its weight: halved every `halfLifeDays`,
 * nothing beyond the window. A signal dated in the future (a typing error) counts as today's.
 */
export function decay(ageDays: number, model: Pick<RiskModel, 'halfLifeDays' | 'windowDays'>): number {
  if (ageDays > model.windowDays) return 0;
  return Math.pow(0.5, Math.max(0, ageDays) / model.halfLifeDays);
}

/** A subject's score: the decayed weights of its signals, summed. */
export function score(signals: { kind: SignalKind; ageDays: number }[], model: RiskModel): number {
  return signals.reduce((sum, s) => sum + model.weights[s.kind] * decay(s.ageDays, model), 0);
}

/**
 * The warning level of a score. Thresholds are set for one enterprise; a product category or a
 * region gathers many enterprises' signals, so its thresholds are multiplied by `scale`.
 */
export function levelOf(value: number, thresholds: RiskModel['thresholds'], scale = 1): WarningLevel | null {
  if (value >= thresholds.red * scale) return 'red';
  if (value >= thresholds.orange * scale) return 'orange';
  if (value >= thresholds.yellow * scale) return 'yellow';
  if (value >= thresholds.blue * scale) return 'blue';
  return null;
}

export const LEVEL_RANK: Record<WarningLevel, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };
