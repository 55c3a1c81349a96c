import { useState } from 'react';
import { Button, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS } from '@shijian/contracts';
import { institutionsApi } from '../../api/endpoints';
import type { InstitutionListQuery, InstitutionView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { RegionCascader } from '../../shared/RegionCascader';
import { scopeRegion } from '../../shared/scope';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { CmaBadge } from './CmaBadge';
import { InstitutionForm } from './InstitutionForm';
import { im } from './messages';

const LIST = { sorts: ['name', 'regionCode', 'cmaValidUntil', 'createdAt'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'kind', 'regionCode'] as const;
type Filters = { q?: string; kind?: string; regionCode?: string };

function InstitutionFilters({ values, within, onApply }: { values: Filters; within: string | null; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  return (
    <Form name="institutionFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(im.searchPlaceholder)} style={{ width: 220 }} onSearch={() => form.submit()} aria-label={t(im.searchPlaceholder)} />
      </Form.Item>
      <Form.Item name="kind">
        <Select
          allowClear
          placeholder={t(im.kindFilter)}
          style={{ width: 160 }}
          options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(INSTITUTION_KIND_LABELS[k]) }))}
          onChange={(kind?: string) => onApply({ ...form.getFieldsValue(), kind })}
        />
      </Form.Item>
      <Form.Item name="regionCode">
        <RegionCascader anyLevel within={within} placeholder={t(im.regionFilter)} style={{ width: 240 }} onChange={(regionCode) => onApply({ ...form.getFieldsValue(), regionCode })} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t(common.search)}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onApply({})}>{t(common.reset)}</Button>
      </Form.Item>
    </Form>
  );
}

export function InstitutionsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const [creating, setCreating] = useState(false);
  const writable = can(session, 'institution.write');
  const result = useQuery({
    queryKey: ['institutions', list.query],
    queryFn: () => institutionsApi.list(list.query as InstitutionListQuery),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<InstitutionView> = [
    { title: t(im.name), dataIndex: 'name', ...list.sortable('name'), render: (name: string, row) => <Link to={`/institutions/${row.id}`}>{name}</Link> },
    { title: t(im.kind), dataIndex: 'kind', render: (kind: InstitutionView['kind']) => t(INSTITUTION_KIND_LABELS[kind]) },
    { title: t(im.region), dataIndex: 'regionName', ...list.sortable('regionCode') },
    { title: t(im.cmaNumber), dataIndex: 'cmaNumber', render: (n: string | null) => (n ? <span className="mono">{n}</span> : '—') },
    { title: t(im.cmaValidUntil), dataIndex: 'cmaValidUntil', ...list.sortable('cmaValidUntil'), render: formatDate },
    { title: t(im.cmaStatus), key: 'cmaStatus', render: (_, row) => <CmaBadge institution={row} /> },
    { title: t(im.domains), dataIndex: 'domains', render: (domains: string[]) => domains.map((d) => <Tag key={d}>{d}</Tag>) },
    { title: t(im.scopeCount), dataIndex: 'scopeCount', align: 'right', width: 96 },
  ];

  return (
    <>
      <PageHeader
        title={t(im.title)}
        subtitle={t(im.subtitle)}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t(im.create)}
            </Button>
          ) : null
        }
      />
      <InstitutionFilters key={JSON.stringify(list.filters)} values={list.filters} within={scopeRegion(session)} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<InstitutionView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(im.empty)} filteredText={t(im.emptyFiltered)} /> }}
        scroll={{ x: 1100 }}
      />
      <InstitutionForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
