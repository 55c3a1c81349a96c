import type { BenchDb } from '../lib/backend.js';

/** One statement the app sent while recording: its text, parameters and round trip in ms. */
export type Statement = { text: string; params: unknown[]; ms: number };

type QueryFn = (...args: unknown[]) => Promise<unknown>;

/**
 * Watches every statement sent through the database driver (the pool's or PGlite's `query`, which
 * Drizzle calls for statements outside transactions) by wrapping that method of this one connection
 * object until `stop()`: the bench's own diagnostics, not the app's code. Knows how many are in
 * flight, so a trace can wait for the requests a load run left behind (their clients gone, their
 * handlers still at work) before it records one request alone.
 */
export function watchStatements(b: BenchDb) {
  const target = (b.database.pool ?? b.database.pglite) as unknown as { query: QueryFn };
  const original = target.query;
  let inFlight = 0;
  let lastActivity = performance.now();
  let recording: Statement[] | null = null;
  target.query = async function watched(this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const started = performance.now();
    inFlight++;
    lastActivity = started;
    try {
      return await original.apply(this, args);
    } finally {
      inFlight--;
      lastActivity = performance.now();
      if (recording) {
        const text = typeof first === 'string' ? first : String((first as { text?: string }).text ?? '');
        const params = Array.isArray(second) ? second : ((first as { values?: unknown[] }).values ?? []);
        recording.push({ text, params, ms: lastActivity - started });
      }
    }
  };

  /** Resolves once no statement has been in flight for `quietMs` (at most `maxMs`); the ms waited. */
  async function idle(quietMs = 250, maxMs = 60_000): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < maxMs && (inFlight > 0 || performance.now() - lastActivity < quietMs)) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return performance.now() - started;
  }

  return {
    idle,
    /** The statements sent while `during` runs, after `quietMs` without any. */
    async trace(during: () => Promise<unknown>, quietMs?: number): Promise<Statement[]> {
      await idle(quietMs);
      recording = [];
      try {
        await during();
        return recording;
      } finally {
        recording = null;
      }
    },
    stop() {
      target.query = original;
    },
  };
}

/** A statement on one line, cut to `max` characters, for a table cell. */
export const oneLine = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
