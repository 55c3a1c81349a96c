import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, cellKey, columnsOf, rollUp, sumAggregates, wantedOf, type Aggregates } from './cells.js';
import { EPIDEMIC_WEEKLY, METROLOGY_SERVICE, TEMPLATE_LIBRARY } from './library.js';

const fixture = JSON.parse(fs.readFileSync(new URL('./fixtures/epidemic-materials-weekly-2020.json', import.meta.url), 'utf8')) as {
  rows: string[];
  totalRow: string;
  columnGroups: { name: string; columns: string[]; ratioColumns?: string[]; isTotal?: boolean }[];
  notes: string[];
  headerFields: string[];
};
const d = EPIDEMIC_WEEKLY.definition;

describe('the weekly table of seed 002', () => {
  it('has the official rows, column groups and columns, 42 data columns in 8 groups', () => {
    expect(d.rows.map((r) => r.label)).toEqual(fixture.rows);
    expect(d.totalRow?.label).toBe(fixture.totalRow);
    expect(d.groups.map((g) => g.label)).toEqual(fixture.columnGroups.map((g) => g.name));
    expect(d.groups.map((g) => g.columns.map((c) => c.label))).toEqual(fixture.columnGroups.map((g) => g.columns));
    expect(columnsOf(d)).toHaveLength(42);
    expect(d.headerFields).toEqual(fixture.headerFields);
    expect(d.notes.slice(0, 2)).toEqual(fixture.notes);
    const ratio = columnsOf(d).find((c) => c.label === fixture.columnGroups[1]!.ratioColumns![0]);
    expect(ratio?.kind).toBe('ratio');
  });

  it('asks each source only for what it shows: one alias per metric column, two per ratio', () => {
    const wanted = wantedOf(d);
    expect(wanted).toHaveLength(3 + 2 + 2 + 30);
    expect(wanted.find((w) => w.alias === 'q_fines')).toEqual({ alias: 'q_fines', metric: 'cases.fines_wan', filter: { violation: 'quality' } });
  });
});

const aggregates = (rows: Record<string, Record<string, string>>): Aggregates => new Map(Object.entries(rows));

describe('assembling a unit’s table', () => {
  const table = assemble(
    d,
    aggregates({
      mask: { screened: '3', screen_failed: '1', rectified: '1', sampled: '2', batches: '5', fail_rate__num: '1', fail_rate__den: '4', q_filed: '2', q_fines: '12.345600', p_filed: '1', p_fines: '0.5' },
      meltblown: { screened: '2', batches: '3', fail_rate__num: '2', fail_rate__den: '3', q_filed: '1', q_fines: '0.0001' },
    }),
    {},
  );

  it('counts an enterprise making two kinds once in each row, and the 合计 row adds the rows', () => {
    expect(table[cellKey('mask', 'screened')]!.value).toBe('3');
    expect(table[cellKey('meltblown', 'screened')]!.value).toBe('2');
    expect(table[cellKey('total', 'screened')]!.value).toBe('5');
    expect(table[cellKey('ventilator', 'screened')]!.value).toBe('0');
  });

  it('recomputes the 合计 rate from the summed batches, never from the rows’ rates', () => {
    expect(table[cellKey('mask', 'fail_rate')]).toEqual({ value: '25.00', numerator: '1', denominator: '4' });
    expect(table[cellKey('meltblown', 'fail_rate')]!.value).toBe('66.67');
    // (25 % + 66.67 %) / 2 would be 45.83 %; the batches say 3 of 7.
    expect(table[cellKey('total', 'fail_rate')]).toEqual({ value: '42.86', numerator: '3', denominator: '7' });
    expect(table[cellKey('ventilator', 'fail_rate')]!.value).toBeNull();
  });

  it('adds the violation categories into the 合计 group, exactly', () => {
    expect(table[cellKey('mask', 't_filed')]!.value).toBe('3');
    expect(table[cellKey('mask', 't_fines')]!.value).toBe('12.8456');
    expect(table[cellKey('total', 't_fines')]!.value).toBe('12.8457');
    expect(table[cellKey('total', 'q_fines')]!.value).toBe('12.3457');
  });
});

describe('rolling units up to the level above', () => {
  const sichuan = assemble(d, aggregates({ mask: { batches: '10', fail_rate__num: '1', fail_rate__den: '10', q_fines: '1.25' } }), {});
  const fujian = assemble(d, aggregates({ mask: { batches: '90', fail_rate__num: '9', fail_rate__den: '30', q_fines: '2.5' } }), {});
  const nation = rollUp(d, [sichuan, fujian]);

  it('adds counts and amounts', () => {
    expect(nation[cellKey('mask', 'batches')]!.value).toBe('100');
    expect(nation[cellKey('total', 't_fines')]!.value).toBe('3.75');
  });

  it('recomputes each rate from the units’ numerators and denominators', () => {
    // 10 % and 30 % average to 20 %, but 10 of 40 judged batches failed.
    expect(nation[cellKey('mask', 'fail_rate')]).toEqual({ value: '25.00', numerator: '10', denominator: '40' });
    expect(nation[cellKey('total', 'fail_rate')]!.value).toBe('25.00');
  });
});

describe('areas summed before the table is assembled', () => {
  it('adds every aggregate across provinces, so the rate comes from the summed batches', () => {
    const sichuan = aggregates({ mask: { batches: '10', fail_rate__num: '1', fail_rate__den: '10', q_fines: '1.25' } });
    const fujian = aggregates({ mask: { batches: '90', fail_rate__num: '9', fail_rate__den: '30' }, meltblown: { screened: '2' } });
    const nation = assemble(d, sumAggregates([sichuan, fujian]), {});
    expect(nation[cellKey('mask', 'batches')]!.value).toBe('100');
    expect(nation[cellKey('mask', 'fail_rate')]).toEqual({ value: '25.00', numerator: '10', denominator: '40' });
    expect(nation[cellKey('mask', 'q_fines')]!.value).toBe('1.25');
    expect(nation[cellKey('total', 'screened')]!.value).toBe('2');
    // The same as rolling up the two assembled tables.
    expect(nation).toEqual(rollUp(d, [assemble(d, sichuan, {}), assemble(d, fujian, {})]));
  });
});

describe('manual cells', () => {
  it('keep their value and note, add up across units, and stay empty until entered', () => {
    const m = METROLOGY_SERVICE.definition;
    const a = assemble(m, new Map([[null, { enterprise: '4', all: '9' }]]), { 'all:standards': { value: '42', note: '据各地市上报' } });
    expect(a['all:standards']).toEqual({ value: '42', note: '据各地市上报' });
    expect(a['all:enterprise']!.value).toBe('4');
    const b = assemble(m, new Map([[null, { enterprise: '1', all: '1' }]]), { 'all:standards': { value: '8', note: '' } });
    expect(rollUp(m, [a, b])).toMatchObject({ 'all:standards': { value: '50' }, 'all:enterprise': { value: '5' } });
    // Nobody entered it: empty, not zero.
    expect(rollUp(m, [assemble(m, new Map(), {})])['all:standards']).toEqual({ value: null });
  });
});

describe('the library', () => {
  it('holds three valid templates with distinct codes', () => {
    expect(new Set(TEMPLATE_LIBRARY.map((t) => t.code)).size).toBe(3);
  });
});
