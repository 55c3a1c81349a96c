import { METRICS } from '@shijian/contracts';
import { describe, expect, it } from 'vitest';
import { ReportTemplateBody, type Label } from '@shijian/contracts';
import { bodyOf, emptyValues, keyFromValue, metricOptions, nextKey, placeErrors, valuesOf, type DesignerValues } from './designer';

const t = (label: Label) => label.zh;

/** Notice 003's form, as the library serves it. */
const library = ReportTemplateBody.parse({
  code: 'metrology_service',
  name: '计量服务保障企业复工复产情况统计表',
  frequency: 'weekly',
  accumulation: 'period',
  unitLevel: 'province',
  definition: {
    title: '计量服务保障企业复工复产情况统计表',
    rowDimension: 'none',
    rows: [{ key: 'all', label: '本辖区', value: null }],
    totalRow: null,
    groups: [
      {
        key: 'service',
        label: '计量服务',
        columns: [
          { kind: 'manual', key: 'staff', label: '出动计量技术人员（人次）', unit: '人次' },
          { kind: 'metric', key: 'all', label: '检定校准记录合计', metric: 'verifications.instruments' },
        ],
      },
      { key: 'rates', label: '比率', columns: [{ kind: 'ratio', key: 'rate', label: '比率', numerator: 'sampling.nonconforming_batches', denominator: 'sampling.judged_batches' }] },
    ],
  },
});

describe('the template designer', () => {
  it('turns a library form into the form and back into the same body', () => {
    expect(bodyOf(valuesOf(library))).toEqual({ ...library, campaignId: null });
  });

  it('sends only the fields of each column’s kind, the 合计 row only when switched on, and no blank notes', () => {
    const v: DesignerValues = emptyValues('province');
    v.code = ' demo ';
    v.name = '演示';
    v.withTotal = false;
    v.definition.title = '演示表';
    v.definition.notes = ['  ', '说明一'];
    v.definition.groups[0]!.label = '服务';
    v.definition.groups[0]!.columns = [{ kind: 'manual', key: 'c1', label: '人次', metric: 'cases.filed', unit: '人次', decimals: null, of: ['x'] }];
    const body = bodyOf(v);
    expect(body.code).toBe('demo');
    expect(body.definition.totalRow).toBeNull();
    expect(body.definition.notes).toEqual(['说明一']);
    expect(body.definition.groups[0]!.columns[0]).toEqual({ kind: 'manual', key: 'c1', label: '人次', unit: '人次', decimals: 0 });
    expect(ReportTemplateBody.safeParse(body).success).toBe(true);
    v.withTotal = true;
    expect(bodyOf(v).definition.totalRow).toEqual({ label: '合计' });
  });

  it('offers only the metrics that can be split by the chosen rows', () => {
    const byDomain = metricOptions('domain', t).flatMap((g) => g.options.map((o) => o.value));
    expect(byDomain).toContain('checks.fake_reports');
    expect(byDomain).not.toContain('sampling.batches');
    expect(metricOptions('category', t).flatMap((g) => g.options.map((o) => o.value))).not.toContain('verifications.instruments');
    // Every metric can stand in a single-row table: all of the catalogue is offered.
    expect(metricOptions('none', t).flatMap((g) => g.options)).toHaveLength(Object.values(METRICS).filter((m) => (m.dimensions as readonly string[]).includes('none')).length);
    expect(metricOptions('none', t).flatMap((g) => g.options.map((o) => o.value))).toContain('dispatches.staff_person_times');
  });

  it('makes keys that are free and valid', () => {
    expect(nextKey('c', ['c1', 'c3'])).toBe('c4');
    expect(nextKey('c', ['c3', 'c4'])).toBe('c5');
    expect(nextKey('g', [])).toBe('g1');
    expect(keyFromValue('ir_thermometer', [])).toBe('ir_thermometer');
    expect(keyFromValue('total', [])).toBe('r1');
    expect(keyFromValue('Mask-1', ['r1'])).toBe('r2');
  });

  it('places server errors on their fields, or the nearest field above, and keeps the rest apart', () => {
    const registered = [['code'], ['definition', 'rows', 0, 'value'], ['definition', 'groups', 0, 'columns', 1, 'numerator'], ['definition', 'groups', 0, 'columns', 0, 'metric']];
    const { placed, rest } = placeErrors(
      [
        { field: 'definition.rows.0.value', message: '请为每行选择对应的分类' },
        { field: 'definition.groups.0.columns.1.metric', message: '指标不能按检验检测领域分行' },
        { field: 'definition.groups.0.columns.0.metric', message: '未知的统计指标' },
        { field: 'definition.rows', message: '单行（不分类）的表只能有一行' },
      ],
      registered,
    );
    expect(placed).toEqual([
      { name: ['definition', 'rows', 0, 'value'], errors: ['请为每行选择对应的分类'] },
      { name: ['definition', 'groups', 0, 'columns', 1, 'numerator'], errors: ['指标不能按检验检测领域分行'] },
      { name: ['definition', 'groups', 0, 'columns', 0, 'metric'], errors: ['未知的统计指标'] },
    ]);
    expect(rest).toEqual(['单行（不分类）的表只能有一行']);
  });
});
