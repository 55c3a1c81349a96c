import { useState, type CSSProperties } from 'react';
import { Cascader } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { regionsApi } from '../api/endpoints';
import type { RegionView } from '../api/types';
import { useT } from '../app/i18n';

type RegionOption = { value: string; label: string; isLeaf: boolean; children?: RegionOption[] };

export type RegionCascaderProps = {
  /** The chosen region's 6-digit code. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Offer only this region's subtree (the user's scope); its ancestors are shown but fixed. */
  within?: string | null;
  /** Allow choosing a province or city, as filters do; forms that need a county leave this off. */
  anyLevel?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  status?: '' | 'error' | 'warning';
};

const REGION_STALE = 60 * 60 * 1000;

const childrenQuery = (parent: string) => ({
  queryKey: ['regions', parent],
  queryFn: () => regionsApi.children(parent || undefined),
  staleTime: REGION_STALE,
});

export function regionPathQuery(code: string | null | undefined) {
  return {
    queryKey: ['regionPath', code ?? ''],
    queryFn: async () => (await regionsApi.path(code!)).path,
    enabled: Boolean(code),
    staleTime: REGION_STALE,
  };
}

/**
 * The GB/T 2260 region picker: province → city → county, each level fetched when
 * opened. An existing value is shown by loading its path and the lists along it.
 */
export function RegionCascader({ value, onChange, within, anyLevel = false, placeholder, allowClear = true, disabled, style, id, status }: RegionCascaderProps) {
  const t = useT();
  const [opened, setOpened] = useState<string[]>([]);
  const locked = useQuery(regionPathQuery(within)).data ?? [];
  const valuePath = useQuery(regionPathQuery(value)).data;

  // Which child lists the tree needs: the top level, the scope's own children, the chosen value's path, what the user opened.
  const wanted = new Set<string>();
  const lastLocked = locked[locked.length - 1];
  if (within) {
    if (lastLocked?.hasChildren) wanted.add(lastLocked.code);
  } else wanted.add('');
  for (const region of valuePath ?? []) if (region.hasChildren) wanted.add(region.code);
  for (const code of opened) wanted.add(code);
  const parents = [...wanted];

  const lists = useQueries({ queries: parents.map(childrenQuery) });
  const childrenOf = new Map<string, RegionView[]>();
  parents.forEach((parent, i) => {
    const data = lists[i]?.data;
    if (data) childrenOf.set(parent, data);
  });

  const toOption = (region: RegionView): RegionOption => {
    const kids = childrenOf.get(region.code);
    return { value: region.code, label: region.name, isLeaf: !region.hasChildren, children: kids?.map(toOption) };
  };
  let options: RegionOption[];
  if (within) {
    // The scope's ancestors form a single fixed chain ending in the scope region and its subtree.
    options = [];
    let level = options;
    locked.forEach((region, i) => {
      const option = i === locked.length - 1 ? toOption(region) : { value: region.code, label: region.name, isLeaf: false, children: [] };
      level.push(option);
      level = option.children ?? [];
    });
  } else options = (childrenOf.get('') ?? []).map(toOption);

  const cascaderValue = value ? (valuePath?.map((r) => r.code) ?? [value]) : [];

  return (
    <Cascader<RegionOption>
      id={id}
      status={status}
      style={style}
      disabled={disabled}
      options={options}
      value={cascaderValue}
      changeOnSelect={anyLevel}
      allowClear={allowClear}
      placeholder={placeholder ?? t({ zh: '请选择省 / 市 / 区县', en: 'Province / city / county' })}
      notFoundContent={t({ zh: '暂无地区', en: 'No regions' })}
      loadData={(selected) => {
        const last = selected[selected.length - 1];
        if (last) setOpened((prev) => (prev.includes(last.value) ? prev : [...prev, last.value]));
      }}
      onChange={(codes) => {
        const list = (codes ?? []) as string[];
        onChange?.(list.length ? list[list.length - 1] : undefined);
      }}
    />
  );
}

/** The region's full name, e.g. 四川省 / 成都市 / 武侯区, for read-only display. */
export function useRegionPathLabel(code: string | null | undefined): string | undefined {
  const path = useQuery(regionPathQuery(code)).data;
  return path?.map((r) => r.name).join(' / ');
}
