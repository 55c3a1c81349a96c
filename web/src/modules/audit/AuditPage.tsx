import { Descriptions, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { auditApi } from '../../api/endpoints';
import type { AuditEntryView } from '../../api/types';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { AuditFilters } from './AuditFilters';
import { ACTION_LABELS, ENTITY_LABELS } from './labels';
import { am } from './messages';
import { VerifyChains } from './VerifyChains';

// The log is ordered by time only; "sort" here just names the one sortable column.
const LIST = { sorts: ['at'] as const, sort: 'at' as const, order: 'desc' as const };
const FILTERS = ['action', 'entityType', 'entityId', 'from', 'to'] as const;

function EntryDetails({ entry }: { entry: AuditEntryView }) {
  const t = useT();
  const hash = (value: string | null) => <span className="hash">{value ?? '—'}</span>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'chain', label: t(am.chain), children: hash(entry.chainId) },
        { key: 'seq', label: t(am.seq), children: entry.seq },
        { key: 'prev', label: t(am.prevHash), children: hash(entry.prevHash) },
        { key: 'after', label: t(am.afterHash), children: hash(entry.afterHash) },
        { key: 'hash', label: t(am.hash), children: hash(entry.hash) },
        { key: 'actor', label: t(am.actorUserId), children: hash(entry.actorUserId) },
        { key: 'ua', label: t(am.userAgent), children: entry.userAgent ?? '—' },
      ]}
    />
  );
}

export function AuditPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const { from, to, ...filters } = list.filters;
  // Dates in the URL are whole days in the user's time zone; the API takes instants.
  const query = {
    page: list.page,
    pageSize: list.pageSize,
    order: list.order,
    ...filters,
    from: from ? dayjs(from).startOf('day').toISOString() : undefined,
    to: to ? dayjs(to).endOf('day').toISOString() : undefined,
  };
  const result = useListQuery(['audit'], query, auditApi.list);
  const label = (map: typeof ACTION_LABELS, code: string) => (map[code] ? t(map[code]) : code);

  const columns: TableColumnsType<AuditEntryView> = [
    { title: t(am.at), dataIndex: 'at', width: 170, ...list.sortable('at'), render: (at: string) => formatDateTime(at) },
    {
      title: t(am.actor),
      key: 'actor',
      render: (_, e) => (
        <span>
          {e.actorName ?? t(am.system)}
          {e.actorOrgName ? <Typography.Text type="secondary"> · {e.actorOrgName}</Typography.Text> : null}
        </span>
      ),
    },
    {
      title: t(am.action),
      dataIndex: 'action',
      render: (a: string) => (
        <Tooltip title={a}>
          <span>{label(ACTION_LABELS, a)}</span>
        </Tooltip>
      ),
    },
    { title: t(am.entityType), dataIndex: 'entityType', render: (type: string) => label(ENTITY_LABELS, type) },
    {
      title: t(am.entityId),
      dataIndex: 'entityId',
      render: (id: string, e) => (
        <Tooltip title={t(am.filterEntity)}>
          <Typography.Link className="hash" onClick={() => list.setFilters({ ...list.filters, entityType: e.entityType, entityId: id })}>
            {id.length > 13 ? `${id.slice(0, 8)}…` : id}
          </Typography.Link>
        </Tooltip>
      ),
    },
    { title: t(am.ip), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t(am.title)} subtitle={t(am.subtitle)} extra={can(session, 'audit.verify') ? <VerifyChains /> : null} />
      <AuditFilters values={list.filters} onApply={list.setFilters} />
      <ListTable<AuditEntryView>
        size="middle"
        list={list}
        result={result}
        columns={columns}
        expandable={{ expandedRowRender: (entry) => <EntryDetails entry={entry} /> }}
        emptyText={t(am.empty)}
        filteredText={t(am.emptyFiltered)}
        scroll={{ x: 960 }}
      />
    </>
  );
}
