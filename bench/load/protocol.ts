/** What bench/load.ts and its client process (bench/load/clients.ts) say to each other over IPC. */

/** The kinds of request of the workload; the baseline's trivial request is a kind of its own. */
export const KINDS = ['login', 'list', 'write', 'verify', 'statistics'] as const;
export type Kind = (typeof KINDS)[number] | 'baseline';

export type ClientPlan = {
  /** The real server, e.g. http://127.0.0.1:PORT. */
  target: string;
  /** The bare Fastify server of the baseline. */
  bare: string;
  /** The real server's process, whose CPU time is read from /proc around each phase. */
  serverPid: number;
  clients: number;
  /** Seconds of the mixed workload. */
  duration: number;
  /** Seconds over which the clients arrive and sign in. */
  ramp: number;
  /** Mean seconds between a client's re-logins during the mix (0: never). */
  relogin: number;
  /** A request unanswered after this many seconds is an error. */
  timeout: number;
  /** Seconds of baseline, half before the mix and half after. */
  baseline: number;
  seed: number;
};

export type Latency = { n: number; p50: number; p99: number; max: number; mean: number };

export type OpResult = { op: string; kind: Kind; latency: Latency; errors: number };

export type PhaseResult = {
  name: string;
  /** Epoch milliseconds. */
  startedAt: number;
  seconds: number;
  loadBefore: number[];
  loadAfter: number[];
  /** CPU seconds the server process used during the phase (null where /proc is not readable). */
  serverCpu: number | null;
  /** CPU seconds the client process used during the phase. */
  clientCpu: number;
  ops: OpResult[];
  kinds: { kind: Kind; latency: Latency; errors: number }[];
  overall: { latency: Latency; errors: number };
  /** Distinct error messages, most frequent first. */
  errors: { op: string; message: string; count: number }[];
  /** Picks passed over because this address had spent its per-minute allowance on that route. */
  deferred: Record<string, number>;
};

/**
 * Audited writes and sign-ins by the audit action they leave behind: answered 2xx, and timed out
 * (the client gave up; the server may still have completed them).
 */
export type Written = { answered: Record<string, number>; timedOut: Record<string, number> };

export type LoadResult = {
  world: { reports: number; templates: number; targets: number; serviceLines: number; accounts: number };
  baselineBefore: PhaseResult;
  signIn: PhaseResult;
  mix: PhaseResult;
  baselineAfter: PhaseResult;
  /** Both baseline halves pooled. */
  baseline: Latency;
  /** Epoch milliseconds at the start of the sign-in: audit entries from here on are the run's. */
  windowStart: number;
  written: Written;
};

export type ToParent = { type: 'result'; result: LoadResult } | { type: 'failed'; message: string };
export type ToChild = { type: 'plan'; plan: ClientPlan };
