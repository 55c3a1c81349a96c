import { useState } from 'react';
import { Button, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS } from '@shijian/contracts';
import { institutionsApi } from '../../api/endpoints';
import type { InstitutionListQuery, InstitutionView } from '../../api/types';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { FilterBar, RegionFilter, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { CmaBadge } from './CmaBadge';
import { InstitutionForm } from './InstitutionForm';
import { im } from './messages';

const LIST = { sorts: ['name', 'regionCode', 'cmaValidUntil', 'createdAt'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'kind', 'regionCode'] as const;

export function InstitutionsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const [creating, setCreating] = useState(false);
  const writable = can(session, 'institution.write');
  const result = useListQuery(['institutions'], list.query as InstitutionListQuery, institutionsApi.list);

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
      <FilterBar name="institutionFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(im.searchPlaceholder)} width={220} />
        <SelectFilter name="kind" placeholder={t(im.kindFilter)} width={160} options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(INSTITUTION_KIND_LABELS[k]) }))} />
        <RegionFilter placeholder={t(im.regionFilter)} width={240} />
      </FilterBar>
      <ListTable<InstitutionView> list={list} result={result} columns={columns} emptyText={t(im.empty)} filteredText={t(im.emptyFiltered)} scroll={{ x: 1100 }} />
      <InstitutionForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
