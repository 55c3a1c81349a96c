import { regionPrefix, type FeeCondition } from '@shijian/contracts';

/**
 * Fees of a request line under the fee rules (收费减免): pure, so every rule is unit-tested.
 * Money is counted in fen as bigint; a reduction is rounded half up to the fen, once.
 */

export type FeeRule = {
  id: string;
  name: string;
  condition: FeeCondition;
  reductionPercent: number;
  /** null: the whole country. */
  regionCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  active: boolean;
};

/** What is known about a line and its requester when the fee is computed. */
export type FeeFacts = {
  /** The request is epidemic work (declared, or the item is an epidemic item). */
  epidemic: boolean;
  /** The item is a compulsory verification (强制检定). */
  compulsoryVerification: boolean;
  /** A regulator commissioned the work. */
  regulatorCommission: boolean;
  /** The requesting enterprise produces epidemic goods (a category of the epidemic group). */
  epidemicProducer: boolean;
  /** The requesting enterprise is micro or small. */
  smallMicro: boolean;
};

const HOLDS: Record<FeeCondition, (f: FeeFacts) => boolean> = {
  epidemic: (f) => f.epidemic,
  compulsory_verification: (f) => f.compulsoryVerification,
  regulator_commission: (f) => f.regulatorCommission,
  epidemic_producer: (f) => f.epidemicProducer,
  small_micro: (f) => f.smallMicro,
};

export function toFen(yuan: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!match) throw new Error(`not an amount in yuan: ${yuan}`);
  return BigInt(match[1]!) * 100n + BigInt(((match[2] ?? '') + '00').slice(0, 2));
}

export function fromFen(fen: bigint): string {
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
}

/** Whether a rule applies on `date` (YYYY-MM-DD) to work done by an institution in `regionCode`. */
export function ruleInForce(rule: FeeRule, date: string, regionCode: string): boolean {
  if (!rule.active || date < rule.effectiveFrom) return false;
  if (rule.effectiveTo && date > rule.effectiveTo) return false;
  if (!rule.regionCode) return true;
  return regionCode.startsWith(regionPrefix(rule.regionCode));
}

/** 0 for a national rule, else the length of its region prefix (2 province, 4 city, 6 county). */
const localness = (rule: FeeRule) => (rule.regionCode ? regionPrefix(rule.regionCode).length : 0);

export type LineFee = { grossFen: bigint; waivedFen: bigint; rule: FeeRule | null };

/**
 * The fee of `quantity` units at `unitFee` yuan: rules do not stack — the one most favourable
 * to the requester applies (a larger reduction; on a tie, the more local rule, then the
 * lower id, so the choice never depends on the order rules were listed in).
 */
export function lineFee(unitFee: string, quantity: number, facts: FeeFacts, rules: FeeRule[], date: string, regionCode: string): LineFee {
  const grossFen = toFen(unitFee) * BigInt(quantity);
  const applicable = rules
    .filter((r) => ruleInForce(r, date, regionCode) && HOLDS[r.condition](facts))
    .sort((a, b) => b.reductionPercent - a.reductionPercent || localness(b) - localness(a) || a.id.localeCompare(b.id));
  const rule = applicable[0] ?? null;
  if (!rule || grossFen === 0n) return { grossFen, waivedFen: 0n, rule };
  const waivedFen = (grossFen * BigInt(rule.reductionPercent) * 2n + 100n) / 200n;
  return { grossFen, waivedFen: waivedFen > grossFen ? grossFen : waivedFen, rule };
}
