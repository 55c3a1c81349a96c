import dayjs from 'dayjs';
import type { InstrumentView, InstrumentVerificationView } from '../../api/types';

/** Within this many days a valid verification is flagged as running out (the due reminder). */
export const EXPIRING_DAYS = 30;

/**
 * An instrument's verification state for its badge:
 * - valid / expiring: in use and covered today (the server's `validToday`), expiring within 30 days;
 * - expired: the last passing verification ran out;
 * - failed: the latest verification failed (known only when the history is at hand);
 * - none: never verified (likewise);
 * - failedOrNone: no passing verification in force, and the list view can't tell which of the two;
 * - inactive: suspended or retired, whatever its certificate says.
 */
export type Validity = 'valid' | 'expiring' | 'expired' | 'failed' | 'none' | 'failedOrNone' | 'inactive';

export function validityOf(
  instrument: Pick<InstrumentView, 'status' | 'validUntil' | 'validToday'>,
  today: string,
  verifications?: Pick<InstrumentVerificationView, 'passed'>[],
): Validity {
  if (instrument.status !== 'in_use') return 'inactive';
  if (instrument.validToday && instrument.validUntil) {
    return dayjs(instrument.validUntil).diff(dayjs(today), 'day') <= EXPIRING_DAYS ? 'expiring' : 'valid';
  }
  if (instrument.validUntil && instrument.validUntil < today) return 'expired';
  if (!verifications) return 'failedOrNone';
  // Verifications come newest first; the latest one decides.
  if (!verifications.length) return 'none';
  return verifications[0]!.passed ? 'expired' : 'failed';
}

/** Days until (positive) or since (negative) the end of validity. */
export function daysLeft(validUntil: string, today: string): number {
  return dayjs(validUntil).diff(dayjs(today), 'day');
}
