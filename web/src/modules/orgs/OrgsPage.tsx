import { useMemo, useState, type Key } from 'react';
import { Card, Col, Empty, Input, Row, Skeleton, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ORG_KIND_LABELS, REGULATOR_LEVEL_LABELS } from '@shijian/contracts';
import { orgsApi } from '../../api/endpoints';
import type { OrgView } from '../../api/types';
import { useT, type Translate } from '../../app/i18n';
import { PageHeader, QueryError } from '../../shared/ui';
import { om } from './messages';
import { branchIds, buildOrgTree, filterOrgTree, type OrgNode } from './orgTree';
import { OrgDetail } from './OrgDetail';

const ENTERPRISE_GROUP = 'enterprise-accounts';

function nodeTitle(org: OrgView, t: Translate) {
  const tag = org.level ? t(REGULATOR_LEVEL_LABELS[org.level]) : t(ORG_KIND_LABELS[org.kind]);
  return (
    <Space size={6}>
      <span>{org.name}</span>
      <Tag color={org.kind === 'regulator' ? 'blue' : org.kind === 'institution' ? 'purple' : 'default'}>{tag}</Tag>
    </Space>
  );
}

function toTreeData(nodes: OrgNode[], t: Translate): TreeDataNode[] {
  return nodes.map((n) => ({ key: n.org.id, title: nodeTitle(n.org, t), children: toTreeData(n.children, t) }));
}

/** The scope's organisations as a tree (bureaus, with institutions under their bureau) and the chosen one's details. */
export function OrgsPage() {
  const t = useT();
  const orgs = useQuery({ queryKey: ['orgs', 'all'], queryFn: () => orgsApi.list({ pageSize: 1000 }) });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);

  const items = useMemo(() => orgs.data?.items ?? [], [orgs.data]);
  const byId = useMemo(() => new Map(items.map((o) => [o.id, o])), [items]);
  const tree = useMemo(() => buildOrgTree(items.filter((o) => o.kind !== 'enterprise')), [items]);
  const enterprises = useMemo(() => items.filter((o) => o.kind === 'enterprise').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [items]);

  const filtered = filterOrgTree(tree, search);
  const matchingEnterprises = enterprises.filter((o) => o.name.includes(search.trim()));
  const treeData = toTreeData(filtered, t);
  if (matchingEnterprises.length) {
    treeData.push({
      key: ENTERPRISE_GROUP,
      title: <Typography.Text type="secondary">{t(om.enterpriseGroup, { n: matchingEnterprises.length })}</Typography.Text>,
      selectable: false,
      children: matchingEnterprises.map((o) => ({ key: o.id, title: nodeTitle(o, t) })),
    });
  }
  // Searching opens every branch that leads to a match; otherwise the top bureaus start open.
  const defaultExpanded = tree.map((n) => n.org.id);
  const expandedKeys = search.trim() ? [...branchIds(filtered), ENTERPRISE_GROUP] : (expanded ?? defaultExpanded);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  return (
    <>
      <PageHeader title={t(om.title)} subtitle={t(om.subtitle)} />
      {orgs.isError ? <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card>
            <Input.Search allowClear placeholder={t(om.search)} value={search} onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 12 }} aria-label={t(om.search)} />
            {orgs.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : treeData.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={search.trim() ? t(om.noMatch, { text: search.trim() }) : t(om.empty)} />
            ) : (
              <Tree
                showLine
                blockNode
                treeData={treeData}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys)}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys[0] ? String(keys[0]) : null)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          {selected ? (
            <OrgDetail
              key={selected.id}
              org={selected}
              parent={selected.parentId ? byId.get(selected.parentId) : undefined}
              onCreated={(org) => {
                setSelectedId(org.id);
                setExpanded((prev) => [...new Set([...(prev ?? defaultExpanded), selected.id])]);
              }}
            />
          ) : (
            <Card>
              <Empty description={t(om.pick)} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
