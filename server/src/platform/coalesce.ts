/**
 * Wraps `work` so that overlapping calls share runs: at most one run at a time and one
 * waiting. A call made while a run is going waits for the next run, which starts after
 * it was made — so its caller sees everything written before the call — and every call
 * arriving meanwhile shares that same next run instead of starting its own.
 */
export function coalesced(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let waiting: Promise<void> | null = null;
  const run = (): Promise<void> => {
    if (!running) {
      running = work().finally(() => {
        running = null;
      });
      return running;
    }
    waiting ??= running
      .catch(() => undefined)
      .then(() => {
        waiting = null;
        return run();
      });
    return waiting;
  };
  return run;
}
