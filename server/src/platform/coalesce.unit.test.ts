import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesce.js';

/** A run that ends when the test says so. */
function controlled() {
  const runs: { end: () => void; fail: (e: Error) => void }[] = [];
  const work = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ end: resolve, fail: reject });
    });
  return { runs, work };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('coalesced work', () => {
  it('runs once for a lone call', async () => {
    const { runs, work } = controlled();
    const run = coalesced(work);
    const done = run();
    expect(runs).toHaveLength(1);
    runs[0]!.end();
    await done;
  });

  it('gives every call made during a run one shared next run, started after the first ends', async () => {
    const { runs, work } = controlled();
    const run = coalesced(work);
    const first = run();
    const later = [run(), run(), run()];
    expect(later[0]).toBe(later[1]);
    expect(runs).toHaveLength(1);
    let laterDone = false;
    void Promise.all(later).then(() => (laterDone = true));
    runs[0]!.end();
    await first;
    await tick();
    expect(runs).toHaveLength(2);
    expect(laterDone).toBe(false);
    runs[1]!.end();
    await Promise.all(later);
    // Idle again: the next call runs at once.
    void run();
    expect(runs).toHaveLength(3);
    runs[2]!.end();
  });

  it('hands a failure to the callers of that run only; those waiting get a fresh run', async () => {
    const { runs, work } = controlled();
    const run = coalesced(work);
    const first = run();
    const second = run();
    runs[0]!.fail(new Error('producer failed'));
    await expect(first).rejects.toThrow('producer failed');
    await tick();
    expect(runs).toHaveLength(2);
    runs[1]!.end();
    await expect(second).resolves.toBeUndefined();
  });
});
