import type { ReactNode } from 'react';
import { Flex, Table, Tag, Typography, type TableColumnsType, type TablePaginationConfig, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import type { SamplingStatus } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { beijingToday, formatDate } from '../../shared/format';
import { archivePath, mayOpenArchive } from '../enforcement/api';
import { paths, type SamplingRecordView } from './api';
import { batchClocks, daysOverdue } from './clocks';
import { sm } from './messages';
import { ClockTag, ConclusionTag, SamplingStatusTag } from './tags';

/** Overdue rows stand out in red, as the notice asks; the colour is antd's error background. */
export const OVERDUE_ROW = { style: { background: '#fff1f0' } };

/** The producer's name, linked to its archive for those who may read enterprises. */
export function ProducerCell({ row }: { row: Pick<SamplingRecordView, 'enterpriseId' | 'enterpriseName' | 'enterpriseUscc'> }) {
  const session = useSession();
  return (
    <div>
      {mayOpenArchive(session) ? <Link to={archivePath(row.enterpriseId)}>{row.enterpriseName}</Link> : row.enterpriseName}
      <div className="mono secondary-text">{row.enterpriseUscc}</div>
    </div>
  );
}

/** The clocks that have started (or are next), each with its due date and state. */
export function ClocksCell({ row, today }: { row: SamplingRecordView; today: string }) {
  const clocks = batchClocks(row, today).filter((c) => c.state !== 'pending' && c.state !== 'none');
  return (
    <Flex vertical gap={4} align="flex-start">
      {clocks.map((c) => (
        <ClockTag key={c.clock} clock={c} />
      ))}
    </Flex>
  );
}

/** What useListParams().sortable gives a sortable column. */
type Sortable = { key: string; sorter: boolean; sortOrder: 'ascend' | 'descend' | null; sortDirections: ('ascend' | 'descend')[] };

export function useBatchColumns({ sortable, action }: { sortable?: Sortable; action?: (row: SamplingRecordView) => ReactNode } = {}) {
  const t = useT();
  const session = useSession();
  const categoryName = useCategoryName();
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');
  const columns: TableColumnsType<SamplingRecordView> = [
    {
      title: t(sm.recordNo),
      dataIndex: 'recordNo',
      width: 170,
      render: (no: string, row) => {
        const late = daysOverdue(row, today);
        return (
          <div>
            <Link to={paths.batch(row.id)} className="mono">
              {no}
            </Link>
            {late > 0 || row.overdue ? (
              <div>
                <Tag color="red">{t(sm.overdueDays, { n: late })}</Tag>
              </div>
            ) : null}
          </div>
        );
      },
    },
    {
      title: t(sm.product),
      key: 'product',
      width: 190,
      render: (_, row) => (
        <div>
          {row.productName}
          <div className="secondary-text">
            {categoryName(row.category)} · {row.batchNo}
          </div>
        </div>
      ),
    },
    { title: t(sm.producer), key: 'producer', width: 210, render: (_, row) => <ProducerCell row={row} /> },
    session.org.kind === 'institution'
      ? { title: t(sm.plan), dataIndex: 'planName', width: 180, render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> }
      : { title: t(sm.institution), dataIndex: 'institutionName', width: 180, render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
    { title: t(sm.sampledOn), dataIndex: 'sampledOn', width: 110, ...(sortable ?? {}), render: formatDate },
    {
      title: t(sm.status),
      dataIndex: 'status',
      width: 130,
      render: (s: SamplingStatus, row) => (
        <Flex vertical gap={4} align="flex-start">
          <SamplingStatusTag status={s} />
          {row.conclusion ? <ConclusionTag conclusion={row.conclusion} /> : null}
        </Flex>
      ),
    },
    { title: t(sm.clocks), key: 'clocks', width: 240, render: (_, row) => <ClocksCell row={row} today={today} /> },
  ];
  if (action) columns.push({ title: '', key: 'action', width: 110, render: (_, row) => action(row) });
  return columns;
}

/** A table of batches: overdue rows highlighted, with their days late and the dates of their clocks. */
export function BatchTable({
  rows,
  loading,
  empty,
  pagination,
  onChange,
  sortable,
  action,
}: {
  rows: SamplingRecordView[] | undefined;
  loading: boolean;
  empty: ReactNode;
  pagination: TablePaginationConfig | false;
  onChange?: TableProps<SamplingRecordView>['onChange'];
  sortable?: Sortable;
  action?: (row: SamplingRecordView) => ReactNode;
}) {
  const columns = useBatchColumns({ sortable, action });
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
  return (
    <Table<SamplingRecordView>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      onChange={onChange}
      pagination={pagination}
      onRow={(row) => (row.overdue ? OVERDUE_ROW : {})}
      locale={{ emptyText: empty }}
      scroll={{ x: width }}
    />
  );
}
