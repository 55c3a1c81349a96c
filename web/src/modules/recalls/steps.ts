import type { RecallStatus } from '@shijian/contracts';

/**
 * What can be done with a recall in its status, mirroring server/src/modules/recalls/service.ts,
 * and where it stands on the way from report to completion. The server decides; this only keeps
 * locked doors out of sight.
 */
export type RecallAction = 'assess' | 'plan' | 'publish' | 'progress';

export type RecallSubject = { status: RecallStatus; publishedAt: string | null };

export type Abilities = {
  /** recall.assess: the regulator's assessment, and the public notice. */
  assess: boolean;
  /** recall.plan: the plan and the progress, by the producer (or a regulator on its behalf). */
  plan: boolean;
};

const RECALLING: readonly RecallStatus[] = ['planned', 'in_progress'];

export function recallActions(r: RecallSubject, may: Abilities): RecallAction[] {
  const actions: RecallAction[] = [];
  if (may.assess && r.status === 'reported') actions.push('assess');
  if (may.plan && r.status === 'assessed') actions.push('plan');
  if (may.assess && !r.publishedAt && RECALLING.includes(r.status)) actions.push('publish');
  if (may.plan && RECALLING.includes(r.status)) actions.push('progress');
  return actions;
}

/**
 * The share recalled, in whole percent, rounded down: 100 only once every unit is back, as the
 * server completes a recall only then. Null before there is a plan with a total.
 */
export function recalledPercent(recalled: number, total: number | null): number | null {
  if (!total || total <= 0) return null;
  return Math.min(100, Math.floor((recalled * 100) / total));
}

/** Each progress report with the units recalled since the one before (reports are cumulative). */
export function withIncrements<P extends { quantityRecalled: number }>(progress: readonly P[]): (P & { increment: number })[] {
  return progress.map((p, i) => ({ ...p, increment: p.quantityRecalled - (i > 0 ? progress[i - 1]!.quantityRecalled : 0) }));
}

export type StepKey = 'report' | 'assess' | 'noRecall' | 'plan' | 'notice' | 'recalling' | 'done';
export type Step = { key: StepKey; status: 'finish' | 'process' | 'wait' };

/** The way from report to completion; an assessment of no recall ends it there. */
export function recallSteps(r: RecallSubject): Step[] {
  const s = r.status;
  const assessed = s !== 'reported';
  if (s === 'no_recall') {
    return [
      { key: 'report', status: 'finish' },
      { key: 'assess', status: 'finish' },
      { key: 'noRecall', status: 'finish' },
    ];
  }
  const planned = RECALLING.includes(s) || s === 'completed';
  return [
    { key: 'report', status: 'finish' },
    { key: 'assess', status: assessed ? 'finish' : 'process' },
    { key: 'plan', status: planned ? 'finish' : s === 'assessed' ? 'process' : 'wait' },
    { key: 'notice', status: r.publishedAt ? 'finish' : RECALLING.includes(s) ? 'process' : 'wait' },
    { key: 'recalling', status: s === 'completed' ? 'finish' : RECALLING.includes(s) ? 'process' : 'wait' },
    { key: 'done', status: s === 'completed' ? 'finish' : 'wait' },
  ];
}
