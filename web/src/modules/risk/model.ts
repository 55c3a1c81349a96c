/**
 * The scoring model's form and the contract: what the form holds becomes the body the contract
 * checks, and each issue (or server field error) finds the form field it belongs under. Pure.
 */
import { RiskModelBody as RiskModelSchema, type SignalKind, type WarningLevel } from '@shijian/contracts';
import type { z } from 'zod';

export type ModelValues = {
  weights: Partial<Record<SignalKind, number | null>>;
  halfLifeDays?: number | null;
  windowDays?: number | null;
  thresholds: Partial<Record<WarningLevel, number | null>>;
};
export type FieldPath = (string | number)[];
export type FieldErrors = { name: FieldPath; errors: string[] }[];

/**
 * A contract issue's path or a server field (`weights.case`, `thresholds`) as the form field it
 * belongs under; a rule about the thresholds as a whole goes under the red one, the last of the four.
 */
export function fieldOfPath(path: readonly PropertyKey[] | string): FieldPath {
  const parts = (typeof path === 'string' ? path.split('.') : path).map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (parts.length === 1 && parts[0] === 'thresholds') return ['thresholds', 'red'];
  return parts.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
}

/** Issues gathered per field, in the order found. */
export function groupErrors(issues: readonly { path: readonly PropertyKey[] | string; message: string }[]): FieldErrors {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const issue of issues) {
    const name = fieldOfPath(issue.path);
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/** The form's values checked by the contract (RiskModelBody): the body to send, or the errors per field. */
export function checkModel(values: ModelValues): { ok: true; body: z.infer<typeof RiskModelSchema> } | { ok: false; errors: FieldErrors } {
  // An emptied input is null in the form; to the contract it is missing, which has its own message.
  const body = JSON.parse(JSON.stringify(values, (_key, value: unknown) => (value === null ? undefined : value))) as unknown;
  const checked = RiskModelSchema.safeParse(body);
  return checked.success ? { ok: true, body: checked.data } : { ok: false, errors: groupErrors(checked.error.issues) };
}

/** How much of a signal still counts after `days`, as the server reckons it (scoring.ts decay). */
export function decayShare(days: number, halfLifeDays: number, windowDays: number): number {
  return days > windowDays ? 0 : Math.pow(0.5, Math.max(0, days) / halfLifeDays);
}
