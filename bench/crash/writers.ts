import { syntheticUscc } from '../../server/src/demo/uscc.js';
import type { Random } from '../../server/src/reliability/tamper.js';
import { send, Session } from './http.js';

export type Kind = 'complaint' | 'enterprise' | 'public';
export const KINDS: readonly Kind[] = ['complaint', 'enterprise', 'public'];
export const KIND_LABELS: Record<Kind, string> = {
  complaint: 'complaint registered by an officer (POST /api/complaints)',
  enterprise: 'enterprise registration with its product kinds (POST /api/enterprises)',
  public: 'public complaint, no login (POST /api/public/complaints)',
};

export type Write = {
  kind: Kind;
  /** Unique in the whole run; the record carries it in `key`. */
  marker: string;
  /** The enterprise's name or the complaint's subject, as sent. */
  key: string;
  client: number;
  /** The account the client signed in as (public complaints are sent without it). */
  username: string;
  /** Product kinds sent with an enterprise. */
  categories: number;
  /**
   * acked: 2xx with the created id; rejected: any other HTTP answer; unanswered: the
   * connection failed or was cut (sent, no answer).
   */
  state: 'sent' | 'acked' | 'rejected' | 'unanswered';
  /** The created record's id, or a public complaint's number. */
  ackedId: string | null;
  /** For an unanswered write: the failure came before the driver stopped sending (i.e. not from the kill). */
  failedBeforeKill: boolean;
  detail: string;
};

/** Demo accounts that may register enterprises and complaints, each writing in a county of its own scope. */
const ACCOUNTS = [
  { username: 'wh.officer', region: '510107' },
  { username: 'jj.officer', region: '510104' },
  { username: 'fz.officer', region: '350102' },
  { username: 'yt.officer', region: '610113' },
  { username: 'cd.officer', region: '510104' },
  { username: 'sc.admin', region: '510107' },
] as const;

/** The public complaint route allows 10 a minute per address; its counters live in the server's memory, so each start begins at zero. */
const PUBLIC_PER_ADDRESS = 10;
const PUBLIC_ADDRESSES = 150;

export type LoadOptions = {
  port: number;
  clients: number;
  random: Random;
  /** Prefix of every marker of this server lifetime. */
  tag: string;
  /** Active product-kind codes to attach to enterprises. */
  categories: readonly string[];
  /** Supplies USCC serials unique across the run. */
  nextSerial: () => number;
};

/**
 * Several clients writing audited records through the API, each waiting for its answer before
 * sending the next (so at most one write per client is in flight), until `halt()`.
 */
export class Load {
  readonly writes: Write[] = [];
  /** performance.now() of the first write sent. */
  firstSentAt = 0;
  private halted = false;
  private publicSent = 0;
  private loops: Promise<void>[] = [];
  private sessions: Session[] = [];
  private counter = 0;
  private firstSent!: () => void;
  /** Resolves when the first write has been sent. */
  readonly started = new Promise<void>((resolve) => (this.firstSent = resolve));

  private constructor(private readonly o: LoadOptions) {}

  /** Signs every client in (each from its own loopback address), then starts writing. */
  static async begin(o: LoadOptions): Promise<Load> {
    const load = new Load(o);
    load.sessions = await Promise.all(
      Array.from({ length: o.clients }, (_, i) => Session.login(o.port, ACCOUNTS[i % ACCOUNTS.length]!.username, `127.0.0.${10 + i}`)),
    );
    load.loops = load.sessions.map((session, i) => load.client(i, session));
    return load;
  }

  /** Stop sending; writes already sent still get their answer (or their error). */
  halt() {
    this.halted = true;
  }

  async settled(): Promise<void> {
    await Promise.all(this.loops);
    for (const s of this.sessions) s.close();
  }

  private publicAddress(): string | null {
    const slot = Math.floor(this.publicSent++ / PUBLIC_PER_ADDRESS);
    return slot < PUBLIC_ADDRESSES ? `127.0.0.${100 + slot}` : null;
  }

  private async client(index: number, session: Session) {
    const { random } = this.o;
    const account = ACCOUNTS[index % ACCOUNTS.length]!;
    while (!this.halted) {
      let kind = random.pick(KINDS);
      const publicFrom = kind === 'public' ? this.publicAddress() : null;
      if (kind === 'public' && !publicFrom) kind = 'complaint';
      const marker = `${this.o.tag}-c${index}-n${this.counter++}`;
      const write: Write = { kind, marker, key: '', client: index, username: account.username, categories: 0, state: 'sent', ackedId: null, failedBeforeKill: false, detail: '' };
      let path: string;
      let body: Record<string, unknown>;
      if (kind === 'enterprise') {
        const codes = random.shuffle(this.o.categories).slice(0, 1 + random.int(3));
        write.key = `压测企业 ${marker}`;
        write.categories = codes.length;
        path = '/api/enterprises';
        body = {
          uscc: syntheticUscc(account.region, this.o.nextSerial()),
          name: write.key,
          regionCode: account.region,
          address: `测试路 ${marker} 号`,
          legalRepresentative: '崩溃测',
          size: random.pick(['micro', 'small', 'medium'] as const),
          categories: codes,
        };
      } else {
        const complaint = random.next() < 0.5;
        write.key = `崩溃测试 ${marker}`;
        path = kind === 'public' ? '/api/public/complaints' : '/api/complaints';
        body = {
          kind: complaint ? 'complaint' : 'report',
          complainantName: '崩溃测',
          complainantPhone: '028-8888 6666',
          targetName: `被投诉商户 ${marker}`,
          targetRegionCode: account.region,
          subject: write.key,
          content: `写入标记 ${marker}：进程在写入过程中被 SIGKILL 结束后，该记录应完整存在或完全不存在。`,
          ...(complaint ? { amountYuan: '128.50' } : {}),
          ...(kind === 'complaint' ? { channel: random.pick(['phone', 'letter', 'visit'] as const) } : {}),
        };
      }
      this.writes.push(write);
      if (!this.firstSentAt) {
        this.firstSentAt = performance.now();
        this.firstSent();
      }
      try {
        const answer = publicFrom ? await send(this.o.port, 'POST', path, { localAddress: publicFrom, body }) : await session.request('POST', path, body);
        const created = answer.body as { id?: string; complaintNo?: string } | null;
        const id = kind === 'public' ? created?.complaintNo : created?.id;
        if (answer.status >= 200 && answer.status < 300 && id) {
          write.state = 'acked';
          write.ackedId = id;
        } else {
          write.state = 'rejected';
          write.detail = `HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
        }
      } catch (err) {
        write.state = 'unanswered';
        write.failedBeforeKill = !this.halted;
        write.detail = err instanceof Error ? err.message : String(err);
      }
    }
  }
}
