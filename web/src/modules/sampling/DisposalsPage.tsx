import { Button, Flex, Select, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { DISPOSAL_STATUS_LABELS, DISPOSAL_STATUSES, type DisposalStatus } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { archivePath, mayOpenArchive } from '../enforcement/api';
import { formatQuantity, shareText } from '../enforcement/money';
import { keys, paths, samplingApi, type DisposalListQuery, type DisposalView } from './api';
import { sm } from './messages';
import { DisposalStatusTag } from './tags';

const LIST = { sorts: ['openedOn'] as const, sort: 'openedOn' as const, order: 'desc' as const };
const FILTERS = ['status'] as const;

/** The enterprise, linked to its archive for those who may read enterprises. */
export function EnterpriseLink({ id, name }: { id: string; name: string }) {
  const session = useSession();
  return mayOpenArchive(session) ? <Link to={archivePath(id)}>{name}</Link> : <>{name}</>;
}

/** Disposals of nonconforming batches in scope: opened automatically with the report, closed by the bureau. */
export function DisposalsPage() {
  const t = useT();
  const list = useListParams(LIST, FILTERS);
  const result = useListQuery([...keys.all, 'disposals'], list.query as DisposalListQuery, samplingApi.disposals);
  const columns: TableColumnsType<DisposalView> = [
    { title: t(sm.recordNo), dataIndex: 'recordNo', render: (no: string, row) => <Link to={paths.disposal(row.id)} className="mono">{no}</Link> },
    { title: t(sm.product), key: 'product', render: (_, row) => <div>{row.productName}<div className="secondary-text">{row.batchNo}</div></div> },
    { title: t(sm.enterprise), key: 'enterprise', render: (_, row) => <EnterpriseLink id={row.enterpriseId} name={row.enterpriseName} /> },
    { title: t(sm.openedOn), dataIndex: 'openedOn', width: 120, ...list.sortable('openedOn'), render: formatDate },
    {
      title: t(sm.notifiedOn),
      dataIndex: 'enterpriseNotifiedOn',
      width: 130,
      render: (d: string | null) => (d ? formatDate(d) : <Typography.Text type="warning">{t(sm.notNotified)}</Typography.Text>),
    },
    {
      title: `${t(sm.totalRecovered)} / ${t(sm.totalShipped)}`,
      key: 'flows',
      render: (_, row) => (
        <span>
          {formatQuantity(row.totalRecovered)} / {formatQuantity(row.totalShipped)} {row.unit}
          <span className="secondary-text"> · {shareText(row.totalRecovered, row.totalShipped)}</span>
        </span>
      ),
    },
    { title: t(sm.disposalStatus), dataIndex: 'status', width: 100, render: (s: DisposalStatus) => <DisposalStatusTag status={s} /> },
    { title: t(sm.closedOn), dataIndex: 'closedOn', width: 120, render: formatDate },
  ];
  return (
    <>
      <PageHeader title={t(sm.disposalsTitle)} subtitle={t(sm.disposalsSubtitle)} />
      <Flex gap={8} className="filter-bar">
        <Select
          allowClear
          value={list.filters.status}
          placeholder={t(sm.disposalStatus)}
          aria-label={t(sm.disposalStatus)}
          style={{ width: 150 }}
          options={DISPOSAL_STATUSES.map((s) => ({ value: s, label: t(DISPOSAL_STATUS_LABELS[s]) }))}
          onChange={(status?: string) => list.setFilters({ status })}
        />
        <Button onClick={() => list.setFilters({})}>{t(common.reset)}</Button>
      </Flex>
      <ListTable<DisposalView> list={list} result={result} columns={columns} emptyText={t(sm.disposalsEmpty)} scroll={{ x: 1100 }} />
    </>
  );
}
