import type { ComplaintKind, ComplaintStatus } from '@shijian/contracts';
import { addWorkingDays, type DayOverrides } from '../../platform/calendar/working-days.js';

/** 投诉: decide whether to accept within 7 working days of receipt (《市场监督管理投诉举报处理暂行办法》第十四条). */
export const ACCEPT_WORKING_DAYS = 7;
/** 举报: checked, and a filing decision made, within 15 working days of receipt. */
export const CHECK_WORKING_DAYS = 15;
/** 调解: ends without agreement 45 working days after acceptance (同办法第二十四条). */
export const MEDIATION_WORKING_DAYS = 45;

/** The decision due for a complaint or report received on `receivedOn`. */
export function decisionDue(kind: ComplaintKind, receivedOn: string, overrides: DayOverrides): string {
  return addWorkingDays(receivedOn, kind === 'complaint' ? ACCEPT_WORKING_DAYS : CHECK_WORKING_DAYS, overrides);
}

export function mediationDue(acceptedOn: string, overrides: DayOverrides): string {
  return addWorkingDays(acceptedOn, MEDIATION_WORKING_DAYS, overrides);
}

/** The clock running in a status, and its limit: none once decided and mediated or ended. */
export function runningClock(status: ComplaintStatus, limits: { decisionDueOn: string; mediationDueOn: string | null }): { clock: 'decision' | 'mediation'; dueOn: string } | { clock: null; dueOn: null } {
  if (status === 'received') return { clock: 'decision', dueOn: limits.decisionDueOn };
  if (status === 'accepted' && limits.mediationDueOn) return { clock: 'mediation', dueOn: limits.mediationDueOn };
  return { clock: null, dueOn: null };
}
