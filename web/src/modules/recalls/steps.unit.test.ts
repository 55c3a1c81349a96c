import { describe, expect, it } from 'vitest';
import { recallActions, recalledPercent, recallSteps, withIncrements } from './steps';

const regulator = { assess: true, plan: true };
const leader = { assess: true, plan: false };
const producer = { assess: false, plan: true };

describe('what can be done with a recall', () => {
  it('starts with the regulator’s risk assessment', () => {
    expect(recallActions({ status: 'reported', publishedAt: null }, regulator)).toEqual(['assess']);
    expect(recallActions({ status: 'reported', publishedAt: null }, producer)).toEqual([]);
  });

  it('lets the producer file a plan once a recall is needed, and nothing after no recall', () => {
    expect(recallActions({ status: 'assessed', publishedAt: null }, producer)).toEqual(['plan']);
    expect(recallActions({ status: 'assessed', publishedAt: null }, leader)).toEqual([]);
    expect(recallActions({ status: 'no_recall', publishedAt: null }, regulator)).toEqual([]);
  });

  it('publishes the notice once, after the plan, while progress is reported', () => {
    expect(recallActions({ status: 'planned', publishedAt: null }, regulator)).toEqual(['publish', 'progress']);
    expect(recallActions({ status: 'in_progress', publishedAt: '2026-03-02T02:00:00.000Z' }, regulator)).toEqual(['progress']);
    expect(recallActions({ status: 'planned', publishedAt: null }, producer)).toEqual(['progress']);
    expect(recallActions({ status: 'planned', publishedAt: null }, leader)).toEqual(['publish']);
  });

  it('has nothing left to do once completed', () => {
    expect(recallActions({ status: 'completed', publishedAt: null }, regulator)).toEqual([]);
  });
});

describe('the share recalled', () => {
  it('rounds down, so 100% means every unit is back', () => {
    expect(recalledPercent(0, 1200)).toBe(0);
    expect(recalledPercent(600, 1200)).toBe(50);
    expect(recalledPercent(1199, 1200)).toBe(99);
    expect(recalledPercent(1200, 1200)).toBe(100);
  });

  it('has none before the plan gives a total', () => {
    expect(recalledPercent(0, null)).toBeNull();
    expect(recalledPercent(0, 0)).toBeNull();
  });

  it('turns the cumulative reports into what each period brought back', () => {
    const reports = [{ quantityRecalled: 300 }, { quantityRecalled: 300 }, { quantityRecalled: 1000 }];
    expect(withIncrements(reports).map((p) => p.increment)).toEqual([300, 0, 700]);
  });
});

describe('where a recall stands', () => {
  it('walks from report through plan, notice and progress to completion', () => {
    expect(recallSteps({ status: 'reported', publishedAt: null }).map((s) => s.status)).toEqual(['finish', 'process', 'wait', 'wait', 'wait', 'wait']);
    expect(recallSteps({ status: 'planned', publishedAt: null }).map((s) => s.status)).toEqual(['finish', 'finish', 'finish', 'process', 'process', 'wait']);
    expect(recallSteps({ status: 'completed', publishedAt: '2026-03-02T02:00:00.000Z' }).every((s) => s.status === 'finish')).toBe(true);
  });

  it('ends at the assessment when no recall is needed', () => {
    expect(recallSteps({ status: 'no_recall', publishedAt: null }).map((s) => s.key)).toEqual(['report', 'assess', 'noRecall']);
  });
});
