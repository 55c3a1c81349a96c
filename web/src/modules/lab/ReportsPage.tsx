import { Button, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { labApi } from '../../api/endpoints';
import type { ReportListQuery, ReportView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { lm } from './messages';
import { JudgementTag, ReportStatusTag } from './tags';

// Reports are ordered by issue time only.
const LIST = { sorts: ['issuedAt'] as const, sort: 'issuedAt' as const, order: 'desc' as const };
const FILTERS = ['q', 'status'] as const;
type Filters = { q?: string; status?: string };

function ReportFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  return (
    <Form name="reportFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(lm.reportsSearch)} style={{ width: 240 }} onSearch={() => form.submit()} aria-label={t(lm.reportsSearch)} />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t(lm.reportStatus)}
          aria-label={t(lm.reportStatus)}
          style={{ width: 150 }}
          options={[
            { value: 'issued', label: t(lm.reportCurrent) },
            { value: 'superseded', label: t(lm.reportSuperseded) },
          ]}
          onChange={(status?: string) => onApply({ ...form.getFieldsValue(), status })}
        />
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

/** Issued reports in scope (every version), with the PDF a click away. */
export function ReportsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const query: ReportListQuery = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as ReportListQuery;
  const result = useQuery({ queryKey: ['lab', 'reports', query], queryFn: () => labApi.reports(query), placeholderData: keepPreviousData });

  const columns: TableColumnsType<ReportView> = [
    {
      title: t(lm.reportNo),
      dataIndex: 'reportNo',
      render: (no: string, row) => (
        <Link to={`/lab/reports/${row.id}`} className="mono">
          {no}
        </Link>
      ),
    },
    { title: t(lm.version), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
    { title: t(lm.reportStatus), dataIndex: 'status', render: (s: ReportView['status']) => <ReportStatusTag status={s} /> },
    { title: t(lm.productName), dataIndex: 'productName' },
    {
      title: t(lm.sampleNo),
      dataIndex: 'sampleNo',
      render: (no: string, row) => (
        <Link to={`/lab/samples/${row.sampleId}`} className="mono">
          {no}
        </Link>
      ),
    },
    ...(session.org.kind === 'institution' ? [] : [{ title: t(lm.institution), dataIndex: 'institutionName' }]),
    { title: t(lm.conclusion), dataIndex: 'conclusion', render: (c: ReportView['conclusion']) => <JudgementTag judgement={c} /> },
    { title: t(lm.signatory), dataIndex: 'signatoryName' },
    { title: t(lm.issuedAt), dataIndex: 'issuedAt', ...list.sortable('issuedAt'), render: formatDateTime },
    {
      title: t(lm.pdf),
      key: 'pdf',
      width: 90,
      render: (_, row) => (
        <Button size="small" icon={<DownloadOutlined />} href={labApi.reportPdfUrl(row.id)} aria-label={t(lm.downloadPdfOf, { no: row.reportNo, v: row.version })}>
          PDF
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t(lm.reportsTitle)} subtitle={t(session.org.kind === 'enterprise' ? lm.reportsSubtitleClient : lm.reportsSubtitle)} />
      <ReportFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<ReportView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(lm.reportsEmpty)} /> }}
        scroll={{ x: 1100 }}
      />
    </>
  );
}
