/**
 * The double-random draw (双随机): which enterprises are inspected, and by whom.
 * Pure and deterministic: the same seed, parameters and inputs give the same
 * targets on any machine, so anyone holding the published record can re-run it.
 *
 * The algorithm, `shijian-draw-v1`, in full:
 *
 * 1. Canonical inputs. Candidates are sorted by enterprise id, inspectors by user
 *    id, conflicts by (inspector id, enterprise id), comparing the strings by UTF-16
 *    code units; duplicates are dropped. The order the inputs arrive in never matters.
 * 2. Random stream. The seed is 32 bytes (64 hex digits) from a cryptographic
 *    generator. Stream `L` is the concatenation of blocks HMAC-SHA256(key = seed
 *    bytes, message = UTF-8 of `L:i`) for i = 0, 1, 2, …; it is read as unsigned
 *    32-bit big-endian integers. A number below n is drawn by rejection: take the
 *    next integer u, reject it while u ≥ 2³² − (2³² mod n), answer u mod n.
 *    Every use has its own stream, so one never shifts another.
 * 3. Targets. Ratio mode: for each tier in the order high, elevated, general, low,
 *    the tier's candidates (canonical order) are shuffled by Fisher–Yates with stream
 *    `targets:<tier>` (for i = 0, 1, … while i < k and i < n − 1: swap items i and
 *    i + below(n − i)), and the first k are taken, k = ⌈b × n / 10000⌉ where b is the tier's ratio in basis points,
 *    round(ratio × 10000). So a non-empty tier with a ratio above zero yields at
 *    least one target, and 10 % of 30 is exactly 3 (no floating-point residue).
 *    Count mode: all candidates shuffled the same way with stream `targets`, and the
 *    first `count` taken. Targets are numbered in this order.
 * 4. Inspectors. The roster is shuffled once by Fisher–Yates with stream
 *    `inspectors` (all of it: k = n). For each target in order, the eligible inspectors are those
 *    without a declared conflict with the enterprise and — when excludeOwnCounty —
 *    whose bureau's region code differs from the enterprise's county code. Of them
 *    the `inspectorsPerTarget` with the fewest assignments so far are taken, ties
 *    broken by shuffled order. Fewer eligible than needed refuses the whole draw.
 * 5. Digest. SHA-256 (hex) of the canonical JSON (keys sorted, no whitespace) of
 *    `{ "inputs": …, "parameters": … }`.
 */
import { createHmac } from 'node:crypto';
import { DRAW_ALGORITHM, RISK_TIERS, type DrawInputs, type DrawParameters, type DrawnTarget } from '@shijian/contracts';
import { canonicalJson, sha256Hex } from '../../platform/audit/canonical.js';

export { DRAW_ALGORITHM };
export type { DrawInputs, DrawParameters, DrawnTarget };
export type DrawCandidate = DrawInputs['candidates'][number];
export type DrawInspector = DrawInputs['inspectors'][number];
export type DrawConflict = DrawInputs['conflicts'][number];

/** Only what the algorithm reads; the stored parameters carry the filters as well. */
export type DrawRule = Pick<DrawParameters, 'mode' | 'ratios' | 'count' | 'inspectorsPerTarget' | 'excludeOwnCounty'>;

export type DrawRefusal =
  | { kind: 'bad_seed' }
  | { kind: 'bad_parameters'; message: string }
  | { kind: 'no_candidates' }
  | { kind: 'count_exceeds'; count: number; available: number }
  | { kind: 'too_few_inspectors'; enterpriseId: string; eligible: number; needed: number };

/** The draw cannot be made with these inputs; `refusal` says why (the service names the enterprise). */
export class DrawRefused extends Error {
  constructor(readonly refusal: DrawRefusal) {
    super(`draw refused: ${refusal.kind}`);
    this.name = 'DrawRefused';
  }
}

const SEED_PATTERN = /^[0-9a-f]{64}$/;
export const isSeed = (seed: string) => SEED_PATTERN.test(seed);

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Inputs sorted by id and without duplicates: the order a draw runs on and its digest covers. */
export function canonicalInputs(inputs: DrawInputs): DrawInputs {
  const unique = <T>(items: T[], key: (t: T) => string) => {
    const seen = new Map<string, T>();
    for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
    return [...seen.entries()].sort(([a], [b]) => byCodeUnits(a, b)).map(([, item]) => item);
  };
  return {
    candidates: unique(inputs.candidates, (c) => c.enterpriseId).map((c) => ({ enterpriseId: c.enterpriseId, regionCode: c.regionCode, tier: c.tier })),
    inspectors: unique(inputs.inspectors, (i) => i.userId).map((i) => ({ userId: i.userId, regionCode: i.regionCode })),
    // The separator sorts below every id character, so the order is by inspector id first.
    conflicts: unique(inputs.conflicts, (c) => `${c.inspectorUserId}\u0000${c.enterpriseId}`).map((c) => ({ inspectorUserId: c.inspectorUserId, enterpriseId: c.enterpriseId })),
  };
}

/** SHA-256 of the canonical JSON of the parameters and the canonical inputs. */
export function drawDigest(parameters: DrawParameters, inputs: DrawInputs): string {
  return sha256Hex(canonicalJson({ inputs: canonicalInputs(inputs), parameters }));
}

/** A deterministic stream of unbiased integers, keyed by the seed and named by its use. */
export class SeededStream {
  private block = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;

  constructor(
    private readonly key: Buffer,
    private readonly label: string,
  ) {}

  static of(seed: string, label: string): SeededStream {
    if (!isSeed(seed)) throw new DrawRefused({ kind: 'bad_seed' });
    return new SeededStream(Buffer.from(seed, 'hex'), label);
  }

  /** The next unsigned 32-bit integer of the stream. */
  nextUint32(): number {
    if (this.offset + 4 > this.block.length) {
      this.block = createHmac('sha256', this.key).update(`${this.label}:${this.counter}`, 'utf8').digest();
      this.counter += 1;
      this.offset = 0;
    }
    const value = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /** A uniform integer in [0, n), by rejection sampling (no modulo bias). */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below(${n})`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const u = this.nextUint32();
      if (u < limit) return u % n;
    }
  }
}

/** The first k items of a Fisher–Yates shuffle (all of them when k is omitted); the input is not changed. */
export function shuffledPrefix<T>(items: readonly T[], stream: SeededStream, k = items.length): T[] {
  const a = [...items];
  const n = a.length;
  const steps = Math.min(k, n);
  for (let i = 0; i < steps && i < n - 1; i++) {
    const j = i + stream.below(n - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, steps);
}

/** A ratio in whole basis points (0.01 %). */
export const basisPoints = (ratio: number) => Math.round(ratio * 10_000);

/** How many of a tier of n are drawn: ⌈b × n / 10000⌉ in integers. */
export function tierQuota(ratio: number, n: number): number {
  const b = basisPoints(ratio);
  if (b <= 0 || n <= 0) return 0;
  return Math.min(n, Math.floor((b * n + 9_999) / 10_000));
}

function checkRule(rule: DrawRule) {
  if (!Number.isInteger(rule.inspectorsPerTarget) || rule.inspectorsPerTarget < 2) {
    throw new DrawRefused({ kind: 'bad_parameters', message: '每个检查对象至少配2名执法检查人员' });
  }
  if (rule.mode === 'ratio') {
    if (!rule.ratios || RISK_TIERS.some((t) => !(rule.ratios![t] >= 0 && rule.ratios![t] <= 1))) {
      throw new DrawRefused({ kind: 'bad_parameters', message: '各风险等级的抽取比例应在0到100%之间' });
    }
  } else if (!Number.isInteger(rule.count) || rule.count! < 1) {
    throw new DrawRefused({ kind: 'bad_parameters', message: '抽取数量至少为1' });
  }
}

/** Chooses the targets and their inspectors. Throws DrawRefused when the draw cannot be made. */
export function draw(seed: string, rule: DrawRule, rawInputs: DrawInputs): DrawnTarget[] {
  if (!isSeed(seed)) throw new DrawRefused({ kind: 'bad_seed' });
  checkRule(rule);
  const inputs = canonicalInputs(rawInputs);
  if (!inputs.candidates.length) throw new DrawRefused({ kind: 'no_candidates' });

  const chosen: DrawCandidate[] = [];
  if (rule.mode === 'ratio') {
    for (const tier of RISK_TIERS) {
      const pool = inputs.candidates.filter((c) => c.tier === tier);
      const k = tierQuota(rule.ratios![tier], pool.length);
      if (k > 0) chosen.push(...shuffledPrefix(pool, SeededStream.of(seed, `targets:${tier}`), k));
    }
  } else {
    const count = rule.count!;
    if (count > inputs.candidates.length) throw new DrawRefused({ kind: 'count_exceeds', count, available: inputs.candidates.length });
    chosen.push(...shuffledPrefix(inputs.candidates, SeededStream.of(seed, 'targets'), count));
  }
  if (!chosen.length) throw new DrawRefused({ kind: 'no_candidates' });

  const roster = shuffledPrefix(inputs.inspectors, SeededStream.of(seed, 'inspectors'));
  const conflicted = new Set(inputs.conflicts.map((c) => `${c.inspectorUserId}\u0000${c.enterpriseId}`));
  const load = new Map<string, number>(roster.map((i) => [i.userId, 0]));
  const needed = rule.inspectorsPerTarget;

  return chosen.map((target, position) => {
    const eligible = roster.filter(
      (i) => !conflicted.has(`${i.userId}\u0000${target.enterpriseId}`) && !(rule.excludeOwnCounty && i.regionCode === target.regionCode),
    );
    if (eligible.length < needed) {
      throw new DrawRefused({ kind: 'too_few_inspectors', enterpriseId: target.enterpriseId, eligible: eligible.length, needed });
    }
    // Stable sort: among equal loads the shuffled roster order decides.
    const picked = [...eligible].sort((a, b) => load.get(a.userId)! - load.get(b.userId)!).slice(0, needed);
    for (const i of picked) load.set(i.userId, load.get(i.userId)! + 1);
    return { position, enterpriseId: target.enterpriseId, regionCode: target.regionCode, tier: target.tier, inspectorUserIds: picked.map((i) => i.userId) };
  });
}

