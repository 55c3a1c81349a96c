import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { orgsApi } from '../../api/endpoints';
import type { OrgView } from '../../api/types';
import { useT } from '../../app/i18n';
import { buildOrgTree, type OrgNode } from './orgTree';

type TreeOption = { value: string; title: string; children?: TreeOption[] };

const toOptions = (nodes: OrgNode[]): TreeOption[] => nodes.map((n) => ({ value: n.org.id, title: n.org.name, children: toOptions(n.children) }));

/** Every org in the caller's scope, for pickers; one request shared by the whole app. */
export function useScopeOrgs() {
  return useQuery({ queryKey: ['orgs', 'all'], queryFn: () => orgsApi.list({ pageSize: 1000 }), staleTime: 60_000 });
}

export function useOrgById(): (id: string | undefined) => OrgView | undefined {
  const { data } = useScopeOrgs();
  const byId = useMemo(() => new Map((data?.items ?? []).map((o) => [o.id, o])), [data]);
  return (id) => (id ? byId.get(id) : undefined);
}

/** Choose an org from the scope's tree, searchable by name. */
export function OrgPicker({
  value,
  onChange,
  placeholder,
  style,
  id,
  allowClear = true,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  allowClear?: boolean;
}) {
  const t = useT();
  const orgs = useScopeOrgs();
  const treeData = useMemo(() => toOptions(buildOrgTree(orgs.data?.items ?? [])), [orgs.data]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      treeData={treeData}
      loading={orgs.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      treeDefaultExpandAll={treeData.length < 20}
      placeholder={placeholder ?? t({ zh: '选择机构', en: 'Choose an organisation' })}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
