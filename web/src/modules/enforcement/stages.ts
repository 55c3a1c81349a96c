import type { CaseStage } from '@shijian/contracts';

/** The ordinary path of a case; not filing and transfer leave it. */
export const MAIN_PATH: readonly CaseStage[] = ['lead', 'filed', 'investigating', 'decided', 'executed', 'closed'];

/** `skipped`: a stage of the path the case went past without entering (filed straight to decided). */
export type StageStep = { stage: CaseStage; status: 'finish' | 'process' | 'wait'; skipped: boolean };

/**
 * The steps to draw for a case: the main path with the current stage in progress
 * (finished once closed); a case not filed or transferred ends its path there,
 * after the stage it left from. `reached` (the stages its history entered)
 * tells a skipped stage from one that was passed through; without it every
 * earlier stage counts as passed.
 */
export function stageSteps(stage: CaseStage, leftFrom: CaseStage | null = null, reached?: ReadonlySet<CaseStage>): StageStep[] {
  const passed = (s: CaseStage): StageStep => {
    const skipped = Boolean(reached) && s !== 'lead' && !reached!.has(s);
    return { stage: s, status: skipped ? 'wait' : 'finish', skipped };
  };
  if (stage === 'not_filed') return [passed('lead'), { stage: 'not_filed', status: 'finish', skipped: false }];
  if (stage === 'transferred') {
    const from = leftFrom && MAIN_PATH.includes(leftFrom) ? leftFrom : 'lead';
    const before = MAIN_PATH.slice(0, MAIN_PATH.indexOf(from) + 1);
    return [...before.map(passed), { stage: 'transferred', status: 'finish', skipped: false }];
  }
  const current = MAIN_PATH.indexOf(stage);
  return MAIN_PATH.map((s, i) => {
    if (i < current) return passed(s);
    if (i === current) return { stage: s, status: stage === 'closed' ? 'finish' : 'process', skipped: false };
    return { stage: s, status: 'wait', skipped: false };
  });
}
