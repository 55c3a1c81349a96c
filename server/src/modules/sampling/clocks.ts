import type { SamplingClock, SamplingStatus } from '@shijian/contracts';
import { addWorkingDays, periodEnd, type DayOverrides } from '../../platform/calendar/working-days.js';

/** Sample delivered to the lab within 5 working days of sampling. */
export const DELIVERY_WORKING_DAYS = 5;
/** Report within 20 working days of receipt. */
export const REPORT_WORKING_DAYS = 20;
/** Objection within 15 days of receiving the result. */
export const OBJECTION_DAYS = 15;

export const deliveryDue = (sampledOn: string, o: DayOverrides) => addWorkingDays(sampledOn, DELIVERY_WORKING_DAYS, o);
export const reportDue = (receivedOn: string, o: DayOverrides) => addWorkingDays(receivedOn, REPORT_WORKING_DAYS, o);
export const objectionDue = (notifiedOn: string, o: DayOverrides) => periodEnd(notifiedOn, OBJECTION_DAYS, o);

/** Clocks that are the authorities' duty: overdue means someone is late. The objection window is the enterprise's right. */
export const DUTY_CLOCKS: readonly SamplingClock[] = ['delivery', 'report'];

/**
 * A nonconforming result becomes final when its objection window ends with no
 * objection: the batch counts as closed from the next day, with no job to run.
 */
export function batchStatus(row: { status: SamplingStatus; objectionDueOn: string | null }, today: string): SamplingStatus {
  return row.status === 'reported' && row.objectionDueOn !== null && row.objectionDueOn < today ? 'closed' : row.status;
}
