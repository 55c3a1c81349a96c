import { Button, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { labApi } from '../../api/endpoints';
import type { ReportListQuery, ReportView } from '../../api/types';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { lm } from './messages';
import { JudgementTag, ReportStatusTag } from './tags';

// Reports are ordered by issue time only.
const LIST = { sorts: ['issuedAt'] as const, sort: 'issuedAt' as const, order: 'desc' as const };
const FILTERS = ['q', 'status'] as const;

/** Issued reports in scope (every version), with the PDF a click away. */
export function ReportsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const query: ReportListQuery = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as ReportListQuery;
  const result = useListQuery(['lab', 'reports'], query, labApi.reports);

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
      <FilterBar name="reportFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(lm.reportsSearch)} width={240} />
        <SelectFilter
          name="status"
          label={t(lm.reportStatus)}
          width={150}
          options={[
            { value: 'issued', label: t(lm.reportCurrent) },
            { value: 'superseded', label: t(lm.reportSuperseded) },
          ]}
        />
      </FilterBar>
      <ListTable<ReportView> list={list} result={result} columns={columns} emptyText={t(lm.reportsEmpty)} scroll={{ x: 1100 }} />
    </>
  );
}
