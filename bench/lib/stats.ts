import { performance } from 'node:perf_hooks';

export type Summary = { n: number; p50: number; p95: number; mean: number; min: number; max: number };

/** Nearest-rank percentile of samples in milliseconds. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Milliseconds taken by `task`. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export type Pair = { service: Summary; raw: Summary };

export type SampleOptions = { warmup: number; iterations: number; minIterations: number; budgetMs: number };

/**
 * Samples implementations of the same work in turn, rotating which goes first on
 * every iteration so drift and cache effects fall on all of them equally. Stops
 * after `iterations` rounds, or earlier when `budgetMs` is spent (but not before `minIterations`).
 */
export async function compareInterleaved<K extends string>(variants: Record<K, () => Promise<unknown>>, options: SampleOptions): Promise<Record<K, Summary>> {
  const entries = Object.entries(variants) as [K, () => Promise<unknown>][];
  for (let i = 0; i < options.warmup; i++) for (const [, task] of entries) await task();
  const samples = new Map<K, number[]>(entries.map(([key]) => [key, []]));
  const started = performance.now();
  for (let i = 0; i < options.iterations; i++) {
    for (let j = 0; j < entries.length; j++) {
      const [key, task] = entries[(i + j) % entries.length]!;
      samples.get(key)!.push(await timed(task));
    }
    if (i + 1 >= options.minIterations && performance.now() - started > options.budgetMs) break;
  }
  return Object.fromEntries(entries.map(([key]) => [key, summarize(samples.get(key)!)])) as Record<K, Summary>;
}

/** The service path and its raw-SQL baseline, alternating. */
export const comparePaired = (service: () => Promise<unknown>, raw: () => Promise<unknown>, options: SampleOptions): Promise<Pair> =>
  compareInterleaved({ service, raw }, options);

export const ms = (value: number) => (Number.isNaN(value) ? '—' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
export const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
export const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
