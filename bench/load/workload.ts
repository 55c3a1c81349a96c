/**
 * The mixed workload: who the clients are (demo accounts across regions and roles), what each
 * does on a working day and how often, all through the HTTP API as the web app calls it.
 */
import { performance } from 'node:perf_hooks';
import { prng } from '../../server/src/demo/generate.js';
import { DEMO_PASSWORD } from '../../server/src/demo/seed.js';
import { syntheticUscc } from '../../server/src/demo/uscc.js';
import { Browser, Failed, type Recorder, type Reply } from './http.js';
import type { Kind, Written } from './protocol.js';

type Profile = 'officer' | 'statistician' | 'leader' | 'admin' | 'institution' | 'enterprise' | 'platform';
type Level = 'national' | 'province' | 'local';

type Account = {
  profile: Profile;
  /** Regulators: where the statistics of the account's bureau sit (the reporting units are provinces). */
  level?: Level;
  /**
   * A county of the account's area where it registers enterprises; for local officers one whose most
   * local bureau is the officer's own, so complaints taken there are handled by it and it may move them on.
   */
  home?: string;
};

/** The demo world's accounts (server/src/demo/seed.ts) that take part, with what the workload needs to know of them. */
export const ACCOUNTS: Record<string, Account> = {
  'wh.officer': { profile: 'officer', level: 'local', home: '510107' },
  'jj.officer': { profile: 'officer', level: 'local', home: '510104' },
  // 金牛区 and 仓山区 have no bureau of their own in the demo: the city's handles them.
  'cd.officer': { profile: 'officer', level: 'local', home: '510106' },
  'fz.officer': { profile: 'officer', level: 'local', home: '350104' },
  'yt.officer': { profile: 'officer', level: 'local', home: '610113' },
  // Every province has a bureau in the demo (its reporting units), so no complaint is the national bureau's own to handle.
  'samr.officer': { profile: 'officer', level: 'national', home: '110101' },
  'samr.stat': { profile: 'statistician', level: 'national' },
  'sc.stat': { profile: 'statistician', level: 'province' },
  'fj.stat': { profile: 'statistician', level: 'province' },
  'sn.stat': { profile: 'statistician', level: 'province' },
  'samr.leader': { profile: 'leader', level: 'national' },
  'sc.leader': { profile: 'leader', level: 'province' },
  'samr.admin': { profile: 'admin', level: 'national', home: '110105' },
  'sc.admin': { profile: 'admin', level: 'province', home: '510105' },
  'fj.admin': { profile: 'admin', level: 'province', home: '350203' },
  'sn.admin': { profile: 'admin', level: 'province', home: '610102' },
  'scqi.receptionist': { profile: 'institution' },
  'scqi.tester': { profile: 'institution' },
  'scqi.reviewer': { profile: 'institution' },
  'scqi.signatory': { profile: 'institution' },
  'scqi.admin': { profile: 'institution' },
  'scmi.receptionist': { profile: 'institution' },
  'scmi.verifier': { profile: 'institution' },
  'scmi.checker': { profile: 'institution' },
  'scmi.admin': { profile: 'institution' },
  'fjmi.tester': { profile: 'institution' },
  'fjmi.admin': { profile: 'institution' },
  'snse.admin': { profile: 'institution' },
  kangning: { profile: 'enterprise' },
  minkang: { profile: 'enterprise' },
  admin: { profile: 'platform' },
};

/**
 * Client i signs in as ROSTER[i % length]. Interleaved so that any 20 clients cover every
 * profile and the three provinces; officers, the bulk of a bureau's staff, come most often.
 */
export const ROSTER = [
  'wh.officer', 'sc.stat', 'scqi.tester', 'fz.officer', 'kangning', 'samr.stat', 'yt.officer', 'sc.admin', 'cd.officer', 'scmi.receptionist',
  'fj.stat', 'jj.officer', 'samr.leader', 'minkang', 'samr.officer', 'sn.stat', 'scqi.receptionist', 'fj.admin', 'sc.leader', 'admin',
  'wh.officer', 'fz.officer', 'scqi.reviewer', 'yt.officer', 'sn.admin', 'cd.officer', 'scmi.verifier', 'jj.officer', 'samr.admin', 'samr.officer',
  'scqi.signatory', 'fjmi.tester', 'kangning', 'wh.officer', 'scqi.admin', 'snse.admin', 'fz.officer', 'scmi.checker', 'fjmi.admin', 'scmi.admin',
];

/** Client i's loopback source address: 127.0.0.2 onwards (127.0.0.1 is the servers'). */
export function clientAddress(i: number): string {
  return `127.0.${Math.floor(i / 250)}.${2 + (i % 250)}`;
}

const EPIDEMIC_CATEGORIES = ['mask', 'ventilator', 'protective_suit', 'ir_thermometer', 'covid_test_kit', 'meltblown', 'nonwoven', 'ir_sensor'];
const NAME_PREFIXES = ['成都', '四川', '福建', '福州', '厦门', '西安', '陕西', '负载测试', '91'];

/**
 * Per-address limits of the server's public and login routes (config.rateLimit of the routes in
 * server/src/modules/identity/routes.ts, lab/routes.ts and complaints/routes.ts), per minute.
 */
const LIMITS = { login: 20, verify: 60, publicComplaint: 10 } as const;
type Route = keyof typeof LIMITS;
const LOGIN_RETRY_MS = 5000;

/** What the workload learns from the demo world before the clock starts (bench/load/discover.ts). */
export type World = {
  /** Issued reports with their codes and the verdict public verification must give. */
  reports: { no: string; code: string; expected: 'authentic' | 'superseded' }[];
  /** The weekly statistical tables: their current and recent periods, and the cells of their metrics. */
  templates: { id: string; code: string; periods: string[]; cells: string[] }[];
  /** Demo enterprises the public complains about. */
  targets: { uscc: string; name: string }[];
  /** Catalogue items of one institution, for enterprises' service requests. */
  serviceLines: { institutionId: string; itemId: string }[];
};

type Op = { kind: Kind; weight: number; route?: Route; run: (c: Client) => Promise<void> };


const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

const isArrayOf = (body: unknown, key: string) => Array.isArray((body as Record<string, unknown> | null)?.[key]);

/** One office worker at one PC, signed in as `username`. */
export class Client {
  readonly browser: Browser;
  readonly account: Account;
  readonly rand: () => number;
  orgId: string | null = null;
  private readonly menu: Op[];
  private readonly totalWeight: number;
  /** Send times per rate-limited route, to stay inside the address's allowance. */
  private readonly sent = new Map<Route, number[]>();
  /** Complaints this client took by phone and is moving on: accept, then reply. */
  private readonly complaints: { id: string; status: 'received' | 'accepted' }[] = [];
  private readonly totals = new Map<string, number>();
  private serial = 0;
  /** Where this phase's latencies and errors go (set by the driver). */
  rec: Recorder;
  /** Mean milliseconds between re-logins (0: never), and when the next one is due. */
  reloginMs = 0;
  private nextRelogin = Number.POSITIVE_INFINITY;
  /** After a failed login the person reads the message before trying again, rather than hammering the server. */
  private loginRetryAt = 0;

  constructor(
    readonly index: number,
    readonly username: string,
    readonly world: World,
    target: string,
    timeoutMs: number,
    seed: number,
    private readonly written: Written,
    rec: Recorder,
  ) {
    this.rec = rec;
    const account = ACCOUNTS[username];
    if (!account) throw new Error(`no such account in the workload: ${username}`);
    this.account = account;
    this.browser = new Browser(target, clientAddress(index), timeoutMs);
    this.rand = prng(seed * 7919 + index); // deterministic per client: a run's mix can be repeated
    this.menu = menuOf(account);
    this.totalWeight = this.menu.reduce((n, op) => n + op.weight, 0);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  private allowed(route: Route): boolean {
    // The server counts per fixed minute from the first request; staying under the limit in every
    // 70-second span (sent times, which precede arrival) keeps every such minute under it too.
    const now = performance.now();
    const times = (this.sent.get(route) ?? []).filter((t) => now - t < 70_000);
    this.sent.set(route, times);
    return times.length < LIMITS[route] - 1;
  }

  private spend(route: Route) {
    const times = this.sent.get(route) ?? [];
    times.push(performance.now());
    this.sent.set(route, times);
  }

  /**
   * Sends one request of operation `op`, records its latency or its error, and hands the answer
   * to `check`, which names what is wrong with it (a 2xx answer the web app could not use is an error too).
   * `audited` is the audit action the request leaves when it succeeds, for the check of the database afterwards.
   */
  async call(op: string, kind: Kind, send: () => Promise<Reply>, check: (body: unknown) => string | null = () => null, audited?: string): Promise<unknown> {
    const rec = this.rec;
    try {
      const reply = await send();
      const problem = check(reply.body);
      if (problem) throw new Failed(`unexpected answer: ${problem}`);
      rec.ok(op, kind, reply.ms);
      if (audited) bump(this.written.answered, audited);
      return reply.body;
    } catch (err) {
      const message = err instanceof Failed ? err.message : String(err);
      rec.failed(op, kind, message);
      if (audited && message.startsWith('timeout')) bump(this.written.timedOut, audited);
      return undefined;
    }
  }

  get signedIn() {
    return this.browser.cookie !== null && this.browser.csrf !== null;
  }

  /** Signs in; false when the address's login allowance is spent and nothing was sent. */
  async login(): Promise<boolean> {
    if (!this.allowed('login')) {
      this.rec.defer('login');
      return false;
    }
    this.spend('login');
    const body = await this.call(
      'POST /api/auth/login',
      'login',
      () => this.browser.send('POST', '/api/auth/login', { body: { username: this.username, password: DEMO_PASSWORD } }),
      (b) => {
        const csrf = (b as { csrfToken?: unknown }).csrfToken;
        if (typeof csrf !== 'string' || !csrf) return 'no csrfToken';
        if (!this.browser.cookie) return 'no session cookie';
        return null;
      },
      'auth.login',
    );
    if (body) {
      const view = body as { csrfToken: string; org: { id: string } };
      this.browser.csrf = view.csrfToken;
      this.orgId = view.org.id;
    } else {
      this.loginRetryAt = performance.now() + LOGIN_RETRY_MS;
    }
    return true;
  }

  /** The session ends (logout) and the user signs in again. */
  private async relogin() {
    const out = await this.call(
      'POST /api/auth/logout',
      'login',
      () => this.browser.send('POST', '/api/auth/logout', { body: {} }),
      (b) => ((b as { ok?: unknown }).ok === true ? null : 'not ok'),
      'auth.logout',
    );
    if (out) {
      this.browser.cookie = null;
      this.browser.csrf = null;
    }
    await this.login();
  }

  scheduleRelogin() {
    this.nextRelogin = this.reloginMs > 0 ? performance.now() + this.reloginMs * (0.3 + 1.4 * this.rand()) : Number.POSITIVE_INFINITY;
  }

  /** One action of the working day; false when nothing could be sent (the per-minute allowances are spent). */
  async step(): Promise<boolean> {
    if (!this.signedIn) return performance.now() >= this.loginRetryAt && this.login();
    if (performance.now() >= this.nextRelogin) {
      await this.relogin();
      this.scheduleRelogin();
      return true;
    }
    for (let attempt = 0; attempt < 10; attempt++) {
      let r = this.rand() * this.totalWeight;
      const op = this.menu.find((o) => (r -= o.weight) < 0) ?? this.menu[this.menu.length - 1]!;
      if (op.route && !this.allowed(op.route)) {
        this.rec.defer(op.route);
        continue;
      }
      if (op.route) this.spend(op.route);
      await op.run(this);
      return true;
    }
    return false;
  }

  /** A page of a list with filters, paging within what the last answer said there is. */
  async list(path: string, params: Record<string, string | number | undefined> = {}, pageSize = 20) {
    const pages = Math.max(1, Math.min(5, Math.ceil((this.totals.get(path) ?? 0) / pageSize)));
    const query = new URLSearchParams({ page: String(1 + Math.floor(this.rand() * pages)), pageSize: String(pageSize) });
    for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
    const body = await this.call(`GET ${path}`, 'list', () => this.browser.send('GET', `${path}?${query}`), (b) =>
      isArrayOf(b, 'items') && typeof (b as { total?: unknown }).total === 'number' ? null : 'not a page',
    );
    if (body) this.totals.set(path, (body as { total: number }).total);
  }

  async get(op: string, kind: Kind, path: string, check: (body: unknown) => string | null) {
    await this.call(op, kind, () => this.browser.send('GET', path), check);
  }

  nextSerial() {
    this.serial += 1;
    // Synthetic USCCs far from the demo's (20,200,000+) and the tests' (70,000,000+).
    return 300_000_000 + this.index * 100_000 + this.serial;
  }

  ownComplaints() {
    return this.complaints;
  }
}

// ---------- the operations ----------

const list = (name: string, weight: number, params: (c: Client) => Record<string, string | number | undefined> = () => ({})): Op => ({
  kind: 'list',
  weight,
  run: (c) => c.list(name, params(c)),
});

const enterprisesList = (weight: number) =>
  list('/api/enterprises', weight, (c) => {
    const r = c.rand();
    return {
      sort: c.pick(['name', 'createdAt']),
      order: c.pick(['asc', 'desc']),
      q: r < 0.3 ? c.pick(NAME_PREFIXES) : undefined,
      category: r >= 0.3 && r < 0.5 ? c.pick(EPIDEMIC_CATEGORIES) : undefined,
    };
  });

const casesList = (weight: number) => list('/api/cases', weight, (c) => ({ sort: c.pick(['leadOn', 'dueOn']) }));
const complaintsList = (weight: number) =>
  list('/api/complaints', weight, (c) => {
    const r = c.rand();
    return r < 0.4 ? { status: 'received' } : r < 0.55 ? { overdue: 'true' } : {};
  });

const table = (weight: number, national: boolean): Op => ({
  kind: 'statistics',
  weight,
  run: (c) => {
    const t = c.pick(c.world.templates);
    // Above the units the national bureau reads the roll-up of submissions or the live figures; a province its own table.
    const mode = national ? c.pick(['rollup', 'live', undefined]) : undefined;
    return c.get('GET /api/reports/templates/:id/periods/:key/table', 'statistics', `/api/reports/templates/${t.id}/periods/${c.pick(t.periods)}/table${mode ? `?mode=${mode}` : ''}`, (b) =>
      Object.keys((b as { cells?: object }).cells ?? {}).length ? null : 'no cells',
    );
  },
});

const trend = (weight: number): Op => ({
  kind: 'statistics',
  weight,
  run: (c) => {
    const t = c.pick(c.world.templates);
    return c.get('GET /api/reports/templates/:id/trend', 'statistics', `/api/reports/templates/${t.id}/trend?cell=${c.pick(t.cells)}&periods=8`, (b) =>
      isArrayOf(b, 'points') ? null : 'no points',
    );
  },
});

const completeness = (weight: number): Op => ({
  kind: 'statistics',
  weight,
  run: (c) => {
    const t = c.pick(c.world.templates);
    return c.get('GET /api/reports/templates/:id/periods/:key/completeness', 'statistics', `/api/reports/templates/${t.id}/periods/${c.pick(t.periods)}/completeness`, (b) =>
      isArrayOf(b, 'units') ? null : 'no units',
    );
  },
});

const compare = (weight: number): Op => ({
  kind: 'statistics',
  weight,
  run: (c) => {
    const t = c.pick(c.world.templates);
    return c.get('GET /api/reports/templates/:id/periods/:key/compare', 'statistics', `/api/reports/templates/${t.id}/periods/${c.pick(t.periods)}/compare?cell=${c.pick(t.cells)}`, (b) =>
      isArrayOf(b, 'units') ? null : 'no units',
    );
  },
});

const riskScores = (weight: number): Op => ({
  kind: 'statistics',
  weight,
  run: (c) =>
    c.get('GET /api/risk/scores', 'statistics', `/api/risk/scores?dimension=${c.pick(['enterprise', 'category', 'region'])}&limit=20`, (b) =>
      Array.isArray(b) ? null : 'not a list',
    ),
});

const riskTrend = (weight: number): Op => ({
  kind: 'statistics',
  weight,
  run: (c) => c.get('GET /api/risk/trend', 'statistics', `/api/risk/trend?weeks=12`, (b) => (Array.isArray(b) ? null : 'not a list')),
});

/** Public verification of a report from the demo world; now and then with a mistyped code. */
const verify = (weight: number): Op => ({
  kind: 'verify',
  weight,
  route: 'verify',
  run: (c) => {
    const report = c.pick(c.world.reports);
    const typo = c.rand() < 0.15;
    const code = typo ? `${report.code.slice(0, -1)}${report.code.endsWith('Z') ? 'Y' : 'Z'}` : report.code;
    const expected = typo ? 'not_found' : report.expected;
    return c.get('GET /api/public/reports/verify', 'verify', `/api/public/reports/verify?no=${encodeURIComponent(report.no)}&code=${code}`, (b) => {
      const status = (b as { status?: unknown }).status;
      return status === expected ? null : `status ${String(status)} for ${report.no}, expected ${expected}`;
    });
  },
});

const post = (c: Client, op: string, audited: string, path: string, body: unknown, check: (b: unknown) => string | null, anonymous = false) =>
  c.call(op, 'write', () => c.browser.send('POST', path, { body, anonymous }), check, audited);

/** A member of the public complains about a demo enterprise on the portal (the public audit chain). */
const publicComplaint = (weight: number): Op => ({
  kind: 'write',
  weight,
  route: 'publicComplaint',
  run: async (c) => {
    const target = c.pick(c.world.targets);
    const kind = c.rand() < 0.8 ? 'complaint' : 'report';
    await post(
      c,
      'POST /api/public/complaints',
      'complaint.received',
      '/api/public/complaints',
      {
        kind,
        complainantName: `市民${c.index}`,
        complainantPhone: `139${String(c.index).padStart(4, '0')}${String(Math.floor(c.rand() * 10_000)).padStart(4, '0')}`,
        targetName: target.name,
        targetUscc: target.uscc,
        productCategory: c.pick(EPIDEMIC_CATEGORIES),
        subject: kind === 'complaint' ? '产品质量问题，要求退货' : '举报疑似无证生产',
        content: '负载测试：通过门户提交的投诉举报，内容为模拟数据。',
        amountYuan: kind === 'complaint' ? `${10 + Math.floor(c.rand() * 500)}.00` : undefined,
      },
      (b) => (typeof (b as { complaintNo?: unknown }).complaintNo === 'string' && typeof (b as { accessCode?: unknown }).accessCode === 'string' ? null : 'no number or code'),
      true,
    );
  },
});

/** An officer records a complaint taken by phone, letter or visit, in the area of the officer's own bureau. */
async function intake(c: Client) {
  const created = await post(
    c,
    'POST /api/complaints',
    'complaint.received',
    '/api/complaints',
    {
      kind: 'complaint',
      channel: c.pick(['phone', 'letter', 'visit']),
      complainantName: `来电人${c.index}`,
      complainantPhone: `028-8${String(c.index).padStart(3, '0')}${String(Math.floor(c.rand() * 10_000)).padStart(4, '0')}`,
      targetName: '某药店（负载测试）',
      targetRegionCode: c.account.home,
      productCategory: c.pick(EPIDEMIC_CATEGORIES),
      subject: '购买的防疫用品质量问题',
      content: '负载测试：电话登记的投诉，内容为模拟数据。',
      amountYuan: `${20 + Math.floor(c.rand() * 300)}.00`,
    },
    (b) => {
      const view = b as { id?: unknown; status?: unknown; handlingOrgId?: unknown };
      if (typeof view.id !== 'string' || view.status !== 'received') return 'not a received complaint';
      // Routed elsewhere, the officer could not move it on: the workload's regions would be wrong.
      return view.handlingOrgId === c.orgId ? null : `${c.username}'s complaint in ${c.account.home} handled by ${String(view.handlingOrgId)}, not the officer's bureau`;
    },
  );
  if (!created) return;
  c.ownComplaints().push({ id: (created as { id: string }).id, status: 'received' });
}

const complaintIntake = (weight: number): Op => ({ kind: 'write', weight, run: intake });

/** The next step of one of the officer's own complaints: accept it (mediation begins), or answer the complainant. */
const complaintStep = (weight: number): Op => ({
  kind: 'write',
  weight,
  run: async (c) => {
    const own = c.ownComplaints();
    const next = own[0];
    if (!next) return intake(c);
    const accept = next.status === 'received';
    const path = `/api/complaints/${next.id}/${accept ? 'accept' : 'reply'}`;
    const body = accept ? { note: '符合受理条件，安排调解（负载测试）' } : { reply: '已联系经营者核实处理，答复如上（负载测试）' };
    const done = await post(c, `POST /api/complaints/:id/${accept ? 'accept' : 'reply'}`, accept ? 'complaint.accepted' : 'complaint.replied', path, body, (b) => {
      const view = b as { status?: unknown; reply?: unknown };
      if (view.status !== 'accepted') return `status ${String(view.status)}`;
      return accept || typeof view.reply === 'string' ? null : 'no reply';
    });
    if (!done) {
      // Not retried: a step that failed is an error already, and retrying could hide a lost write.
      own.shift();
      return;
    }
    if (accept) next.status = 'accepted';
    else own.shift();
  },
});

const registerEnterprise = (weight: number): Op => ({
  kind: 'write',
  weight,
  run: async (c) => {
    const serial = c.nextSerial();
    const uscc = syntheticUscc(c.account.home!, serial);
    await post(
      c,
      'POST /api/enterprises',
      'enterprise.created',
      '/api/enterprises',
      {
        uscc,
        name: `负载测试企业${c.index}-${serial % 100_000}有限公司`,
        regionCode: c.account.home,
        address: '负载测试路1号',
        legalRepresentative: '测试',
        size: c.pick(['micro', 'small', 'medium']),
        categories: [c.pick(EPIDEMIC_CATEGORIES)],
      },
      (b) => ((b as { uscc?: unknown }).uscc === uscc ? null : 'another USCC in the answer'),
    );
  },
});

const serviceRequest = (weight: number): Op => ({
  kind: 'write',
  weight,
  run: async (c) => {
    const lines = c.world.serviceLines;
    const first = c.pick(lines);
    const second = c.pick(lines);
    const chosen = first.itemId === second.itemId ? [first] : [first, second];
    await post(
      c,
      'POST /api/service-requests',
      'service.request_submitted',
      '/api/service-requests',
      {
        institutionId: first.institutionId,
        lines: chosen.map((l) => ({ itemId: l.itemId, quantity: 1 + Math.floor(c.rand() * 20) })),
        epidemicRelated: c.rand() < 0.5,
        description: '负载测试：复工复产前检定',
        contactName: '王芳',
        contactPhone: '028-85551234',
      },
      (b) => (typeof (b as { requestNo?: unknown }).requestNo === 'string' ? null : 'no request number'),
    );
  },
});

/**
 * What each profile does, weighted like a working day: mostly reading lists, some statistics,
 * the public's verifications in between, and writes where the role has them.
 */
function menuOf(account: Account): Op[] {
  const national = account.level === 'national';
  const reporting = account.level === 'national' || account.level === 'province';
  const stats = (tableW: number, trendW: number, nationalW: number) =>
    reporting ? [table(tableW, national), trend(trendW), ...(national ? [completeness(nationalW), compare(nationalW)] : [])] : [];
  const ops: Op[] = [];
  switch (account.profile) {
    case 'officer':
      ops.push(
        enterprisesList(12), casesList(10), complaintsList(10), list('/api/screenings', 5), list('/api/sampling/records', 4),
        list('/api/lab/reports', 3), list('/api/risk/warnings', 3), list('/api/notifications', 3),
        riskScores(5), riskTrend(3),
        verify(15),
        ...(account.level === 'local' ? [complaintIntake(5), complaintStep(8)] : []), registerEnterprise(2), publicComplaint(2),
      );
      break;
    case 'statistician':
      ops.push(enterprisesList(8), casesList(5), complaintsList(4), list('/api/notifications', 3), ...stats(18, 10, 6), riskScores(5), riskTrend(3), verify(15), publicComplaint(2));
      break;
    case 'leader':
      ops.push(casesList(10), complaintsList(8), list('/api/risk/warnings', 6), enterprisesList(6), list('/api/notifications', 3), ...stats(12, 6, 4), riskScores(8), riskTrend(4), verify(15), publicComplaint(2));
      break;
    case 'admin':
      ops.push(enterprisesList(20), casesList(5), complaintsList(5), list('/api/users', 4), list('/api/notifications', 3), ...stats(6, 3, 2), riskScores(4), verify(15), registerEnterprise(12), publicComplaint(2));
      break;
    case 'institution':
      ops.push(
        list('/api/lab/samples', 25, (c) => (c.rand() < 0.4 ? { queue: 'mine' } : {})), list('/api/lab/reports', 15), list('/api/service-requests', 10),
        list('/api/instruments', 6), list('/api/sampling/records', 6), list('/api/notifications', 5),
        verify(25), publicComplaint(2),
      );
      break;
    case 'enterprise':
      ops.push(
        list('/api/lab/samples', 12), list('/api/service-requests', 15), list('/api/instruments', 8), list('/api/recalls', 5), list('/api/credit/listings', 5),
        list('/api/notifications', 5), enterprisesList(5),
        verify(20), serviceRequest(12), publicComplaint(3),
      );
      break;
    case 'platform':
      ops.push(list('/api/orgs', 15), list('/api/users', 15), enterprisesList(20), list('/api/institutions', 10), verify(15));
      break;
  }
  return ops;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sign-in of every client, arriving evenly over `rampMs`. */
export async function signIn(clients: Client[], rec: Recorder, rampMs: number) {
  await Promise.all(
    clients.map(async (c, i) => {
      c.rec = rec;
      await pause((i * rampMs) / clients.length);
      while (!(await c.login())) await pause(1000);
    }),
  );
}

/** Every client works until `endAt` (performance.now() time), one request after another, re-logging in now and then. */
export async function workUntil(clients: Client[], rec: Recorder, endAt: number, reloginMs: number) {
  for (const c of clients) {
    c.rec = rec;
    c.reloginMs = reloginMs;
    c.scheduleRelogin();
  }
  await Promise.all(
    clients.map(async (c) => {
      // A client with nothing it may send waits rather than spin (the loop would starve every other client).
      while (performance.now() < endAt) if (!(await c.step())) await pause(200);
    }),
  );
}
