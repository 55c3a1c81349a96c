import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Drawer, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { METRICS, type MetricKey } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { formatDate } from '../../shared/format';
import { QueryError } from '../../shared/ui';
import { keys, reportsApi, type DrillRecord } from './api';
import { cellKey } from './cells';
import { rm } from './messages';
import type { CellTarget } from './ReportTable';

const KIND_LABELS: Record<DrillRecord['kind'], { zh: string; en: string }> = {
  screening: { zh: '排查', en: 'Screening' },
  sampling: { zh: '抽查', en: 'Sampling' },
  case: { zh: '案件', en: 'Case' },
  check: { zh: '机构检查', en: 'Institution check' },
  verification: { zh: '检定校准', en: 'Verification' },
  dispatch: { zh: '上门服务', en: 'On-site service' },
  certificate: { zh: '检定证书', en: 'Certificate' },
  service_request: { zh: '服务申请', en: 'Service request' },
};

/** Only app paths become links: a record's link is data. */
const appPath = (link: string) => (link.startsWith('/') && !link.startsWith('//') ? link : null);

/**
 * The records behind a computed cell, paged, as they stand now and within the caller's
 * scope, each linking to its page (a case, a sampled batch, an institution check).
 */
export function DrillDrawer({
  templateId,
  periodKey,
  target,
  unit,
  frozen,
  onClose,
}: {
  templateId: string;
  periodKey: string;
  target: CellTarget | null;
  unit?: string;
  frozen: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [page, setPage] = useState({ cell: '', page: 1, pageSize: 20 });
  const cell = target ? cellKey(target.rowKey, target.column.key) : '';
  // A different cell starts from its first page.
  const current = page.cell === cell ? page : { cell, page: 1, pageSize: page.pageSize };
  const records = useQuery({
    queryKey: [...keys.period(templateId, periodKey), 'records', cell, unit ?? '', current.page, current.pageSize],
    queryFn: () => reportsApi.records(templateId, periodKey, cell, { unit, page: current.page, pageSize: current.pageSize }),
    enabled: Boolean(target),
    placeholderData: keepPreviousData,
  });
  const metricLabel = (key: string | undefined, fallback: string | undefined) => (key && key in METRICS ? t(METRICS[key as MetricKey].label) : (fallback ?? ''));

  const columns: TableColumnsType<DrillRecord> = [
    { title: t(rm.recordDate), dataIndex: 'date', width: 110, render: formatDate },
    { title: t(rm.recordKind), dataIndex: 'kind', width: 96, render: (k: DrillRecord['kind']) => <Tag>{t(KIND_LABELS[k])}</Tag> },
    {
      title: t(rm.recordTitle),
      dataIndex: 'title',
      render: (title: string, r) => {
        const link = appPath(r.link);
        return link ? (
          <Link to={link} onClick={onClose}>
            {title}
          </Link>
        ) : (
          title
        );
      },
    },
    { title: t(rm.recordDetail), dataIndex: 'detail', render: (detail: string) => <Typography.Text type="secondary">{detail}</Typography.Text> },
    { title: t(rm.recordRegion), dataIndex: 'regionCode', width: 96, render: (code: string) => <span className="mono">{code}</span> },
  ];

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      size={860}
      destroyOnHidden
      title={target ? t(rm.drillTitle, { row: target.rowLabel, column: target.column.label }) : ''}
    >
      {records.data ? (
        <Typography.Paragraph type="secondary">
          {t(rm.drillMetric, { metric: metricLabel(records.data.metric.key, records.data.metric.label) })}
          {target?.column.kind === 'ratio' ? `；${t(rm.drillRatio)}` : ''}
        </Typography.Paragraph>
      ) : null}
      {frozen ? <Alert type="info" showIcon className="form-alert" title={t(rm.frozenNote)} /> : null}
      {records.isError ? <QueryError error={records.error} onRetry={() => void records.refetch()} /> : null}
      <Table<DrillRecord>
        rowKey={(r) => `${r.kind}:${r.id}`}
        size="small"
        columns={columns}
        dataSource={records.data?.items}
        loading={records.isFetching}
        locale={{ emptyText: records.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(rm.drillEmpty)} /> }}
        pagination={{
          current: current.page,
          pageSize: current.pageSize,
          total: records.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: ['20', '50', '100'],
          showTotal: (n) => t(common.total, { n }),
          onChange: (p, size) => setPage({ cell, page: size !== current.pageSize ? 1 : p, pageSize: size }),
        }}
      />
    </Drawer>
  );
}
