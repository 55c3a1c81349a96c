import { describe, expect, it } from 'vitest';
import type { CaseStage } from '@shijian/contracts';
import { stageSteps } from './stages';

const statuses = (steps: ReturnType<typeof stageSteps>) => steps.map((s) => `${s.stage}:${s.skipped ? 'skipped' : s.status}`);

describe('the steps of a case', () => {
  it('marks the stages before the current one finished and the rest waiting', () => {
    expect(statuses(stageSteps('filed'))).toEqual(['lead:finish', 'filed:process', 'investigating:wait', 'decided:wait', 'executed:wait', 'closed:wait']);
  });

  it('finishes every step of a closed case', () => {
    expect(stageSteps('closed').every((s) => s.status === 'finish')).toBe(true);
  });

  it('shows a stage the case went past without entering as skipped, not done', () => {
    const reached = new Set<CaseStage>(['lead', 'filed', 'decided']);
    expect(statuses(stageSteps('decided', null, reached))).toEqual(['lead:finish', 'filed:finish', 'investigating:skipped', 'decided:process', 'executed:wait', 'closed:wait']);
  });

  it('ends a case not filed right after the lead', () => {
    expect(statuses(stageSteps('not_filed'))).toEqual(['lead:finish', 'not_filed:finish']);
  });

  it('ends a transferred case after the stage it left from', () => {
    expect(statuses(stageSteps('transferred', 'investigating'))).toEqual(['lead:finish', 'filed:finish', 'investigating:finish', 'transferred:finish']);
    expect(statuses(stageSteps('transferred'))).toEqual(['lead:finish', 'transferred:finish']);
  });
});
