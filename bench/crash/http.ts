import http from 'node:http';
import { DEMO_PASSWORD } from '../../server/src/demo/seed.js';

export type Answer = { status: number; body: unknown };

/**
 * One JSON request to the server on 127.0.0.1, sent from `localAddress` (the server's
 * per-address limits key on it). Rejects when no answer arrives: connection refused or
 * reset, or `timeoutMs` without a response.
 */
export function send(
  port: number,
  method: string,
  path: string,
  options: { localAddress: string; agent?: http.Agent; body?: unknown; headers?: Record<string, string>; timeoutMs?: number },
): Promise<Answer & { setCookie: string[] }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        localAddress: options.localAddress,
        agent: options.agent ?? false,
        headers: {
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: kept as text for the error report
          }
          resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie'] ?? [] });
        });
      },
    );
    req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error(`no answer in ${options.timeoutMs ?? 60_000} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A signed-in demo account: its session cookie and CSRF token, on its own loopback address and keep-alive connection. */
export class Session {
  private constructor(
    readonly port: number,
    readonly username: string,
    readonly localAddress: string,
    private readonly agent: http.Agent,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(port: number, username: string, localAddress: string): Promise<Session> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answer = await send(port, 'POST', '/api/auth/login', { localAddress, agent, body: { username, password: DEMO_PASSWORD } });
    if (answer.status !== 200) throw new Error(`login ${username} from ${localAddress}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    const cookie = answer.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('sj_session='));
    const csrf = (answer.body as { csrfToken?: string }).csrfToken;
    if (!cookie || !csrf) throw new Error(`login ${username}: no session cookie or CSRF token in the answer`);
    return new Session(port, username, localAddress, agent, cookie, csrf);
  }

  request(method: string, path: string, body?: unknown): Promise<Answer> {
    return send(this.port, method, path, {
      localAddress: this.localAddress,
      agent: this.agent,
      body,
      headers: { cookie: this.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }) },
    });
  }

  close() {
    this.agent.destroy();
  }
}
