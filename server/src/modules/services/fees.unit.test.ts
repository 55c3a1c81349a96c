import { describe, expect, it } from 'vitest';
import { fromFen, lineFee, ruleInForce, toFen, type FeeFacts, type FeeRule } from './fees.js';

const none: FeeFacts = { epidemic: false, compulsoryVerification: false, regulatorCommission: false, epidemicProducer: false, smallMicro: false };
const rule = (over: Partial<FeeRule> & Pick<FeeRule, 'id' | 'condition' | 'reductionPercent'>): FeeRule => ({
  name: over.id,
  regionCode: null,
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  active: true,
  ...over,
});
const RULES: FeeRule[] = [
  rule({ id: 'a-epidemic', condition: 'epidemic', reductionPercent: 100 }),
  rule({ id: 'b-compulsory', condition: 'compulsory_verification', reductionPercent: 100 }),
  rule({ id: 'c-commission', condition: 'regulator_commission', reductionPercent: 100 }),
  rule({ id: 'd-producer', condition: 'epidemic_producer', reductionPercent: 100 }),
  rule({ id: 'e-small', condition: 'small_micro', reductionPercent: 50 }),
];

describe('amounts in fen', () => {
  it('reads and writes yuan exactly', () => {
    expect(toFen('12')).toBe(1200n);
    expect(toFen('0.5')).toBe(50n);
    expect(toFen('1234567.89')).toBe(123456789n);
    expect(fromFen(5n)).toBe('0.05');
    expect(fromFen(123456789n)).toBe('1234567.89');
    expect(() => toFen('1.234')).toThrow();
  });
});

describe('fee rules', () => {
  it('charges the full fee when no rule applies', () => {
    const fee = lineFee('80.00', 3, none, RULES, '2026-11-30', '510107');
    expect(fee).toEqual({ grossFen: 24000n, waivedFen: 0n, rule: null });
  });

  it.each([
    ['epidemic work', { epidemic: true }, 'a-epidemic'],
    ['compulsory verification', { compulsoryVerification: true }, 'b-compulsory'],
    ['a regulator commission', { regulatorCommission: true }, 'c-commission'],
    ['a producer of epidemic goods', { epidemicProducer: true }, 'd-producer'],
  ] as const)('waives the whole fee for %s', (_label, facts, ruleId) => {
    const fee = lineFee('80.00', 3, { ...none, ...facts }, RULES, '2026-11-30', '510107');
    expect(fee.waivedFen).toBe(24000n);
    expect(fee.rule?.id).toBe(ruleId);
  });

  it('halves the fee of a micro or small enterprise, rounding half up to the fen', () => {
    expect(lineFee('80.00', 3, { ...none, smallMicro: true }, RULES, '2026-11-30', '510107').waivedFen).toBe(12000n);
    // 0.05 × 50% = 0.025 → 0.03 waived, 0.02 payable.
    const odd = lineFee('0.05', 1, { ...none, smallMicro: true }, RULES, '2026-11-30', '510107');
    expect(odd.waivedFen).toBe(3n);
  });

  it('applies the most favourable rule, not the sum of rules', () => {
    const fee = lineFee('100', 1, { ...none, smallMicro: true, epidemic: true }, RULES, '2026-11-30', '510107');
    expect(fee.rule?.id).toBe('a-epidemic');
    expect(fee.waivedFen).toBe(10000n);
  });

  it('prefers the more local rule between equal reductions, whatever the order rules come in', () => {
    const sichuan = rule({ id: 'z-sichuan', condition: 'small_micro', reductionPercent: 50, regionCode: '510000' });
    const facts = { ...none, smallMicro: true };
    expect(lineFee('10', 1, facts, [...RULES, sichuan], '2026-11-30', '510107').rule?.id).toBe('z-sichuan');
    expect(lineFee('10', 1, facts, [sichuan, ...RULES].reverse(), '2026-11-30', '510107').rule?.id).toBe('z-sichuan');
    // Outside Sichuan the national rule applies.
    expect(lineFee('10', 1, facts, [...RULES, sichuan], '2026-11-30', '350102').rule?.id).toBe('e-small');
  });

  it('follows effective dates and the active flag', () => {
    const period = rule({ id: 'p', condition: 'small_micro', reductionPercent: 70, effectiveFrom: '2020-02-01', effectiveTo: '2020-06-30' });
    expect(ruleInForce(period, '2020-01-31', '510107')).toBe(false);
    expect(ruleInForce(period, '2020-02-01', '510107')).toBe(true);
    expect(ruleInForce(period, '2020-06-30', '510107')).toBe(true);
    expect(ruleInForce(period, '2020-07-01', '510107')).toBe(false);
    expect(ruleInForce({ ...period, active: false }, '2020-03-01', '510107')).toBe(false);
    const facts = { ...none, smallMicro: true };
    expect(lineFee('10', 1, facts, [...RULES, period], '2020-03-01', '510107').rule?.id).toBe('p');
    expect(lineFee('10', 1, facts, [...RULES, period], '2020-07-01', '510107').rule?.id).toBe('e-small');
  });

  it('counts a county rule only inside that county', () => {
    const county = rule({ id: 'county', condition: 'epidemic', reductionPercent: 100, regionCode: '510107' });
    expect(ruleInForce(county, '2026-11-30', '510107')).toBe(true);
    expect(ruleInForce(county, '2026-11-30', '510104')).toBe(false);
  });

  it('records the rule but waives nothing on a free item', () => {
    const fee = lineFee('0', 2, { ...none, epidemic: true }, RULES, '2026-11-30', '510107');
    expect(fee.grossFen).toBe(0n);
    expect(fee.waivedFen).toBe(0n);
  });
});
