import { describe, expect, it } from 'vitest';
import type { ReportTemplateDefinition } from '@shijian/contracts';
import { columnDecimals, formatCell, linesOf, manualValueProblem, missingManual, roundDecimal } from './cells';

const definition: ReportTemplateDefinition = {
  title: '测试表',
  rowDimension: 'category',
  rows: [
    { key: 'mask', label: '口罩', value: 'mask' },
    { key: 'suit', label: '防护服', value: 'protective_suit' },
  ],
  totalRow: { label: '合计' },
  groups: [
    {
      key: 'g',
      label: '组',
      columns: [
        { kind: 'metric', key: 'batches', label: '抽查批次', metric: 'sampling.batches' },
        { kind: 'metric', key: 'fines', label: '罚没', metric: 'cases.fines_wan' },
        { kind: 'ratio', key: 'rate', label: '不合格发现率', numerator: 'sampling.nonconforming_batches', denominator: 'sampling.judged_batches', decimals: 2 },
        { kind: 'manual', key: 'staff', label: '人次', unit: '人次', decimals: 0 },
        { kind: 'sum', key: 'both', label: '合计', of: ['batches', 'fines'] },
      ],
    },
  ],
  headerFields: ['填报单位', '填报人', '电话'],
  notes: [],
};
const column = (key: string) => definition.groups[0]!.columns.find((c) => c.key === key)!;

describe('report cells for display', () => {
  it('rounds half away from zero and keeps the digits asked for, exactly', () => {
    expect(roundDecimal('12.345', 2)).toBe('12.35');
    expect(roundDecimal('12.344999', 2)).toBe('12.34');
    expect(roundDecimal('3.26', 2)).toBe('3.26');
    expect(roundDecimal('3', 2)).toBe('3.00');
    expect(roundDecimal('126', 0)).toBe('126');
    expect(roundDecimal('0.5', 0)).toBe('1');
    expect(roundDecimal('-0.5', 0)).toBe('-1');
    expect(roundDecimal('-0.004', 2)).toBe('0.00');
    // Beyond a double's precision: no floating point on the way.
    expect(roundDecimal('123456789012345678.125', 2)).toBe('123456789012345678.13');
  });

  it('shows a rate over nothing as a dash, an empty manual cell as blank, and rates with a percent sign', () => {
    expect(formatCell(column('rate'), definition, null)).toBe('—');
    expect(formatCell(column('staff'), definition, null)).toBe('');
    expect(formatCell(column('rate'), definition, '42.857')).toBe('42.86%');
    expect(formatCell(column('fines'), definition, '3.4')).toBe('3.40');
    expect(formatCell(column('batches'), definition, '7')).toBe('7');
  });

  it('gives a sum column the digits of its widest part', () => {
    expect(columnDecimals(column('both'), definition)).toBe(2);
    expect(formatCell(column('both'), definition, '10.5')).toBe('10.50');
  });

  it('lists the rows then the 合计 row', () => {
    expect(linesOf(definition).map((l) => l.key)).toEqual(['mask', 'suit', 'total']);
    expect(linesOf({ ...definition, totalRow: null }).map((l) => l.key)).toEqual(['mask', 'suit']);
  });

  it('names the manual cells still to fill, ignoring the 合计 row', () => {
    expect(missingManual(definition, { 'mask:staff': { value: '3' }, 'total:staff': { value: null } })).toEqual([{ rowLabel: '防护服', columnLabel: '人次' }]);
  });

  it('accepts a manual figure only in the API’s form and within the column’s decimals', () => {
    expect(manualValueProblem('126', 0)).toBeNull();
    expect(manualValueProblem('126.0', 0)).toBeNull();
    expect(manualValueProblem('12.5', 0)).toBe('decimals');
    expect(manualValueProblem('3.26', 2)).toBeNull();
    expect(manualValueProblem('-3', 2)).toBe('format');
    expect(manualValueProblem('1e3', 2)).toBe('format');
    expect(manualValueProblem('', 0)).toBe('format');
  });
});
