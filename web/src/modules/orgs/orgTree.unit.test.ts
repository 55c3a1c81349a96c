import { describe, expect, it } from 'vitest';
import type { OrgView } from '../../api/types';
import { branchIds, buildOrgTree, childLevel, filterOrgTree } from './orgTree';

let n = 0;
function org(partial: Partial<OrgView> & Pick<OrgView, 'name'>): OrgView {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'regulator',
    level: null,
    regionCode: null,
    regionName: null,
    parentId: null,
    userCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...partial,
  };
}

describe('buildOrgTree', () => {
  const province = org({ name: '四川省市场监督管理局', level: 'province', regionCode: '510000', parentId: 'outside-scope' });
  const mianyang = org({ name: '绵阳市市场监督管理局', level: 'city', regionCode: '510700', parentId: province.id });
  const chengdu = org({ name: '成都市市场监督管理局', level: 'city', regionCode: '510100', parentId: province.id });
  const institute = org({ name: '四川省产品质量监督检验检测院', kind: 'institution', regionCode: '510104', parentId: province.id });
  const wuhou = org({ name: '成都市武侯区市场监督管理局', level: 'county', regionCode: '510107', parentId: chengdu.id });
  const company = org({ name: '成都康宁医疗用品有限公司', kind: 'enterprise', regionCode: '510107' });

  it('makes an org whose parent is outside the scope a root', () => {
    const roots = buildOrgTree([wuhou, company, institute, chengdu, mianyang, province]);
    expect(roots.map((r) => r.org.name)).toEqual([province.name, company.name]);
  });

  it('orders bureaus by region code before institutions', () => {
    const [root] = buildOrgTree([institute, mianyang, chengdu, province]);
    expect(root!.children.map((c) => c.org.name)).toEqual([chengdu.name, mianyang.name, institute.name]);
  });

  it('keeps the ancestors of a match when filtering and expands them', () => {
    const filtered = filterOrgTree(buildOrgTree([province, chengdu, mianyang, wuhou]), '武侯');
    expect(filtered).toHaveLength(1);
    expect(filtered[0]!.children.map((c) => c.org.name)).toEqual([chengdu.name]);
    expect(branchIds(filtered)).toEqual([province.id, chengdu.id]);
  });

  it('offers a county below a city and nothing below a county or an institution', () => {
    expect(childLevel(chengdu)).toBe('county');
    expect(childLevel(wuhou)).toBeNull();
    expect(childLevel(institute)).toBeNull();
  });
});
