import dayjs from 'dayjs';
import type { InstrumentView } from '../../api/types';

/** Within this many days a valid verification is flagged as running out (the due reminder). */
export const EXPIRING_DAYS = 30;

/**
 * An instrument's verification state for its badge, from the server's figures:
 * - valid / expiring: in use and covered today (`validToday`), expiring within 30 days;
 * - failed: the latest verification failed (it takes the instrument out of use at once);
 * - expired: the last passing verification ran out;
 * - none: never verified;
 * - inactive: suspended or retired, whatever its certificate says.
 */
export type Validity = 'valid' | 'expiring' | 'expired' | 'failed' | 'none' | 'inactive';

export type ValidityFields = Pick<InstrumentView, 'status' | 'validUntil' | 'validToday' | 'lastVerificationPassed'>;

export function validityOf(instrument: ValidityFields, today: string): Validity {
  if (instrument.status !== 'in_use') return 'inactive';
  if (instrument.validToday && instrument.validUntil) {
    return dayjs(instrument.validUntil).diff(dayjs(today), 'day') <= EXPIRING_DAYS ? 'expiring' : 'valid';
  }
  if (instrument.lastVerificationPassed === false) return 'failed';
  if (instrument.lastVerificationPassed === null) return 'none';
  return 'expired';
}

/** Days until (positive) or since (negative) the end of validity. */
export function daysLeft(validUntil: string, today: string): number {
  return dayjs(validUntil).diff(dayjs(today), 'day');
}
