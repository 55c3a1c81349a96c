import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from '../lib/stats.js';
import type { Kind, Latency, OpResult, PhaseResult } from './protocol.js';

/** A request that did not end in a 2xx answer the workload could use. */
export class Failed extends Error {}

export type Reply = { status: number; body: unknown; ms: number };

/**
 * One browser: a single keep-alive connection from its own loopback address (so the
 * server's per-address limits see one office PC), the session cookie and CSRF token.
 */
export class Browser {
  private readonly agent: http.Agent;
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(
    private readonly base: string,
    readonly localAddress: string,
    private readonly timeoutMs: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress });
  }

  /**
   * Sends a request and reads the whole answer. `anonymous` leaves the session out, as a
   * member of the public would. Throws Failed on a non-2xx status, a socket error or the timeout.
   */
  send(method: string, path: string, options: { body?: unknown; anonymous?: boolean } = {}): Promise<Reply> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {};
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (!options.anonymous && this.cookie) {
      headers.cookie = this.cookie;
      if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(`${this.base}${path}`, { method, headers, agent: this.agent, localAddress: this.localAddress }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err) => fail(`socket ${(err as NodeJS.ErrnoException).code ?? err.message}`));
        res.on('end', () => {
          clearTimeout(timer);
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status === 200 && !options.anonymous) this.takeCookie(res.headers['set-cookie']);
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Left as text: every answer of the workload is JSON, so the check that reads it fails.
          }
          if (status < 200 || status > 299) {
            const code = (body as { error?: { code?: string; message?: string } })?.error;
            reject(new Failed(`HTTP ${status}${code ? ` ${code.code}: ${code.message}` : ''}`));
            return;
          }
          resolve({ status, body, ms });
        });
      });
      const fail = (message: string) => {
        clearTimeout(timer);
        reject(new Failed(message));
      };
      const timer = setTimeout(() => {
        req.destroy();
        fail(`timeout after ${this.timeoutMs / 1000} s`);
      }, this.timeoutMs);
      req.on('error', (err) => fail(`socket ${(err as NodeJS.ErrnoException).code ?? err.message}`));
      req.end(payload);
    });
  }

  private takeCookie(setCookie: string[] | undefined) {
    for (const line of setCookie ?? []) {
      const [pair] = line.split(';');
      if (!pair?.startsWith('sj_session=')) continue;
      // The server clears the cookie on logout by setting it empty.
      this.cookie = pair === 'sj_session=' ? null : pair;
    }
  }

  close() {
    this.agent.destroy();
  }
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN,
  };
}

/** Latencies of answered requests and the errors, per operation, for one phase. */
export class Recorder {
  private readonly ops = new Map<string, { kind: Kind; ms: number[]; errors: number }>();
  private readonly errors = new Map<string, { op: string; message: string; count: number }>();
  readonly deferred: Record<string, number> = {};

  private entry(op: string, kind: Kind) {
    let e = this.ops.get(op);
    if (!e) this.ops.set(op, (e = { kind, ms: [], errors: 0 }));
    return e;
  }

  ok(op: string, kind: Kind, ms: number) {
    this.entry(op, kind).ms.push(ms);
  }

  failed(op: string, kind: Kind, message: string) {
    this.entry(op, kind).errors += 1;
    const key = `${op}\n${message}`;
    const e = this.errors.get(key);
    if (e) e.count += 1;
    else this.errors.set(key, { op, message, count: 1 });
  }

  defer(route: string) {
    this.deferred[route] = (this.deferred[route] ?? 0) + 1;
  }

  /** Every answered request's latency, for pooling phases. */
  samples(): number[] {
    return [...this.ops.values()].flatMap((e) => e.ms);
  }

  summarize(): Pick<PhaseResult, 'ops' | 'kinds' | 'overall' | 'errors' | 'deferred'> {
    const ops: OpResult[] = [...this.ops.entries()]
      .map(([op, e]) => ({ op, kind: e.kind, latency: latency(e.ms), errors: e.errors }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.op.localeCompare(b.op));
    const kinds = [...new Set(ops.map((o) => o.kind))].map((kind) => {
      const of = [...this.ops.values()].filter((e) => e.kind === kind);
      return { kind, latency: latency(of.flatMap((e) => e.ms)), errors: of.reduce((n, e) => n + e.errors, 0) };
    });
    const all = [...this.ops.values()];
    return {
      ops,
      kinds,
      overall: { latency: latency(all.flatMap((e) => e.ms)), errors: all.reduce((n, e) => n + e.errors, 0) },
      errors: [...this.errors.values()].sort((a, b) => b.count - a.count),
      deferred: this.deferred,
    };
  }
}
