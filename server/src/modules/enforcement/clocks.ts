import type { CaseClock, CaseStage } from '@shijian/contracts';
import { addWorkingDays, periodEnd, type DayOverrides } from '../../platform/calendar/working-days.js';

/** 立案: decide within 15 working days of the lead (《市场监督管理行政处罚程序规定》第十八条), extendable with approval. */
export const FILING_WORKING_DAYS = 15;
/** 处理决定: within 90 days of filing (同规定第六十四条), extensions approved and recorded. */
export const DECISION_DAYS = 90;

export function filingDue(leadOn: string, extendedWorkingDays: number, overrides: DayOverrides): string {
  return addWorkingDays(leadOn, FILING_WORKING_DAYS + extendedWorkingDays, overrides);
}

export function decisionDue(filedOn: string, extendedDays: number, overrides: DayOverrides): string {
  return periodEnd(filedOn, DECISION_DAYS + extendedDays, overrides);
}

/** The clock that runs in a stage, and its limit; none once decided or ended. */
export function runningClock(
  stage: CaseStage,
  limits: { filingDueOn: string; decisionDueOn: string | null },
): { clock: CaseClock; dueOn: string } | { clock: null; dueOn: null } {
  if (stage === 'lead') return { clock: 'filing', dueOn: limits.filingDueOn };
  if ((stage === 'filed' || stage === 'investigating') && limits.decisionDueOn) return { clock: 'decision', dueOn: limits.decisionDueOn };
  return { clock: null, dueOn: null };
}

/** Where a case may go from each stage. */
export const NEXT_STAGES: Record<CaseStage, CaseStage[]> = {
  lead: ['filed', 'not_filed', 'transferred'],
  filed: ['investigating', 'decided', 'transferred'],
  investigating: ['decided', 'transferred'],
  decided: ['executed', 'closed'],
  executed: ['closed'],
  closed: [],
  not_filed: [],
  transferred: [],
};
