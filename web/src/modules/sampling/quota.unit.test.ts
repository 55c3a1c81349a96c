import { describe, expect, it } from 'vitest';
import { openTasks, percent, quotaProgress } from './quota';

describe('plan quotas and tasks', () => {
  const quotas = [
    { areaCode: '510107', category: 'mask', batches: 5, sampled: 2 },
    { areaCode: '510104', category: 'mask', batches: 3, sampled: 0 },
  ];

  it('sums the batches given to institutions per area and category and shows what is left', () => {
    const tasks = [
      { areaCode: '510107', category: 'mask', batches: 2 },
      { areaCode: '510107', category: 'mask', batches: 2 },
      { areaCode: '510107', category: 'protective_suit', batches: 9 },
    ];
    expect(quotaProgress(quotas, tasks).map((q) => [q.assigned, q.unassigned])).toEqual([
      [4, 1],
      [0, 3],
    ]);
  });

  it('never shows a negative remainder', () => {
    expect(quotaProgress([quotas[1]!], [{ areaCode: '510104', category: 'mask', batches: 7 }])[0]!.unassigned).toBe(0);
  });

  it('rounds and caps percentages, and treats an empty quota as 0 %', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(4, 3)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });

  it('offers only tasks with batches still to sample', () => {
    expect(openTasks([{ batches: 2, sampled: 2 }, { batches: 2, sampled: 1 }])).toEqual([{ batches: 2, sampled: 1 }]);
  });
});
