import type { SamplingQuotaView, SamplingTaskView } from './api';

/** A quota with what is already given to institutions and what is left to give. */
export type QuotaProgress = SamplingQuotaView & { assigned: number; unassigned: number };

export const quotaKey = (q: { areaCode: string; category: string }) => `${q.areaCode}/${q.category}`;

/** Batches of each quota already handed out as tasks, and what remains (never below zero). */
export function quotaProgress(quotas: SamplingQuotaView[], tasks: Pick<SamplingTaskView, 'areaCode' | 'category' | 'batches'>[]): QuotaProgress[] {
  return quotas.map((q) => {
    const assigned = tasks.filter((t) => t.areaCode === q.areaCode && t.category === q.category).reduce((sum, t) => sum + t.batches, 0);
    return { ...q, assigned, unassigned: Math.max(q.batches - assigned, 0) };
  });
}

/** Whole-number percentage, capped at 100, for progress bars. */
export function percent(done: number, of: number): number {
  if (of <= 0) return 0;
  return Math.min(100, Math.round((done / of) * 100));
}

/** Tasks that can still take a batch (the server refuses one past the task's batches). */
export function openTasks<T extends Pick<SamplingTaskView, 'batches' | 'sampled'>>(tasks: T[]): T[] {
  return tasks.filter((t) => t.sampled < t.batches);
}
