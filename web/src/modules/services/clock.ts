import { toCents } from '../enforcement/money';
import type { ServiceRequestView } from './api';

/** Pure arithmetic of the service window: the 24-hour clock and the fee estimate. */
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export type ClockState =
  | { kind: 'none' }
  | { kind: 'answered'; ms: number; at: string }
  | { kind: 'closed' }
  | { kind: 'running'; ms: number }
  | { kind: 'overdue'; ms: number };

/** Where a request's 24-hour green-channel clock stands at `now` (the server's `overdue` rule: green, waiting, past its limit). */
export function clockState(r: Pick<ServiceRequestView, 'green' | 'status' | 'respondBy' | 'respondedAt' | 'submittedAt' | 'overdue'>, now: number): ClockState {
  if (!r.green || !r.respondBy) return { kind: 'none' };
  if (r.respondedAt) return { kind: 'answered', ms: Date.parse(r.respondedAt) - Date.parse(r.submittedAt), at: r.respondedAt };
  if (r.status !== 'submitted') return { kind: 'closed' };
  const left = Date.parse(r.respondBy) - now;
  return left > 0 && !r.overdue ? { kind: 'running', ms: left } : { kind: 'overdue', ms: Math.max(0, -left) };
}

/** Σ fee × quantity in exact cents, for the estimate shown before submitting. */
export function grossOf(lines: { feeYuan: string; quantity: number }[]): string {
  let cents = 0n;
  for (const l of lines) cents += (toCents(l.feeYuan) ?? 0n) * BigInt(Math.max(0, Math.trunc(l.quantity || 0)));
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
