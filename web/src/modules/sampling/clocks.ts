import type { SamplingClock } from '@shijian/contracts';
import { daysBetween } from '../enforcement/deadline';
import type { SamplingRecordView } from './api';

/**
 * Where each of a batch's three clocks stands:
 * - pending: not started (the step before has not happened);
 * - running / overdue: started, not done, before or past its limit;
 * - done / done_late: done on or before the limit, or after it;
 * - filed / lapsed (objection only): the enterprise objected, or the window closed without one;
 * - none (objection only): the batch conformed, so there is nothing to object to.
 */
export type ClockState = 'pending' | 'running' | 'overdue' | 'done' | 'done_late' | 'filed' | 'lapsed' | 'none';

export type BatchClock = { clock: SamplingClock; startedOn: string | null; dueOn: string | null; doneOn: string | null; state: ClockState; days: number | null };

type ClockFields = Pick<
  SamplingRecordView,
  'sampledOn' | 'deliveryDueOn' | 'receivedOn' | 'reportDueOn' | 'reportedOn' | 'conclusion' | 'objectionDueOn' | 'objectionFiledOn'
>;

/** A duty clock (delivery, report): `days` is the days left while running, the days late when overdue or done late. */
function dutyClock(clock: SamplingClock, startedOn: string | null, dueOn: string | null, doneOn: string | null, today: string): BatchClock {
  if (!startedOn || !dueOn) return { clock, startedOn, dueOn, doneOn, state: 'pending', days: null };
  if (doneOn) {
    const late = daysBetween(dueOn, doneOn);
    return { clock, startedOn, dueOn, doneOn, state: late > 0 ? 'done_late' : 'done', days: late > 0 ? late : null };
  }
  const left = daysBetween(today, dueOn);
  return left < 0 ? { clock, startedOn, dueOn, doneOn, state: 'overdue', days: -left } : { clock, startedOn, dueOn, doneOn, state: 'running', days: left };
}

export function batchClocks(r: ClockFields, today: string): BatchClock[] {
  const delivery = dutyClock('delivery', r.sampledOn, r.deliveryDueOn, r.receivedOn, today);
  const report = dutyClock('report', r.receivedOn, r.reportDueOn, r.reportedOn, today);
  let objection: BatchClock;
  const base = { clock: 'objection' as const, startedOn: r.reportedOn, dueOn: r.objectionDueOn, doneOn: r.objectionFiledOn };
  if (!r.objectionDueOn) objection = { ...base, state: r.reportedOn ? 'none' : 'pending', days: null };
  else if (r.objectionFiledOn) objection = { ...base, state: 'filed', days: null };
  else {
    const left = daysBetween(today, r.objectionDueOn);
    objection = { ...base, state: left < 0 ? 'lapsed' : 'running', days: left < 0 ? null : left };
  }
  return [delivery, report, objection];
}

/** Days past the running duty limit of an overdue batch (0 when not overdue). */
export function daysOverdue(r: Pick<SamplingRecordView, 'overdue' | 'nextDueOn'>, today: string): number {
  if (!r.overdue || !r.nextDueOn) return 0;
  return Math.max(daysBetween(r.nextDueOn, today), 0);
}
