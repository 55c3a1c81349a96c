import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Result, Row, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { labApi } from '../../api/endpoints';
import type { ReportView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { IntegrityPanel } from './IntegrityPanel';
import { lm } from './messages';
import { ReasonModal } from './ReasonModal';
import { JudgementTag, ReportStatusTag } from './tags';

/** Every version of the report: versions of one report belong to one sample (an amendment reissues the same sample). */
function useVersions(report: ReportView | undefined) {
  return useQuery({
    queryKey: ['lab', 'reports', 'versions', report?.sampleId],
    queryFn: async () => {
      const page = await labApi.reports({ q: report!.reportNo, pageSize: 100 });
      return page.items.filter((r) => r.sampleId === report!.sampleId).sort((a, b) => b.version - a.version);
    },
    enabled: Boolean(report),
  });
}

function ReportFacts({ report }: { report: ReportView }) {
  const t = useT();
  const hash = (value: string) => <span className="hash">{value}</span>;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'no', label: t(lm.reportNo), children: <span className="mono">{report.reportNo}</span> },
        { key: 'version', label: t(lm.version), children: `v${report.version}` },
        { key: 'status', label: t(lm.reportStatus), children: <ReportStatusTag status={report.status} /> },
        { key: 'conclusion', label: t(lm.conclusion), children: <JudgementTag judgement={report.conclusion} /> },
        { key: 'product', label: t(lm.productName), children: report.productName },
        {
          key: 'sample',
          label: t(lm.sampleNo),
          children: (
            <Link to={`/lab/samples/${report.sampleId}`} className="mono">
              {report.sampleNo}
            </Link>
          ),
        },
        { key: 'institution', label: t(lm.institution), children: report.institutionName },
        { key: 'signatory', label: t(lm.signatory), children: report.signatoryName },
        { key: 'issued', label: t(lm.issuedAt), children: formatDateTime(report.issuedAt) },
        { key: 'code', label: t(lm.verificationCode), children: <Typography.Text className="mono" copyable>{report.verificationCode}</Typography.Text> },
        ...(report.amendmentReason ? [{ key: 'amend', label: t(lm.amendmentReason), children: report.amendmentReason, span: 'filled' as const }] : []),
        { key: 'pdf', label: t(lm.pdfSha256), children: hash(report.pdfSha256), span: 'filled' },
        { key: 'content', label: t(lm.contentSha256), children: hash(report.contentSha256), span: 'filled' },
        { key: 'chain', label: t(lm.chainHead), children: <span className="hash">{t(lm.chainAt, { seq: report.chainSeq })} {report.chainHeadHash}</span>, span: 'filled' },
      ]}
    />
  );
}

function Versions({ current, versions }: { current: ReportView; versions: ReportView[] }) {
  const t = useT();
  const columns: TableColumnsType<ReportView> = [
    {
      title: t(lm.version),
      dataIndex: 'version',
      width: 80,
      render: (v: number, row) => (row.id === current.id ? <strong>v{v}</strong> : <Link to={`/lab/reports/${row.id}`}>v{v}</Link>),
    },
    { title: t(lm.reportStatus), dataIndex: 'status', render: (s: ReportView['status']) => <ReportStatusTag status={s} /> },
    { title: t(lm.conclusion), dataIndex: 'conclusion', render: (c: ReportView['conclusion']) => <JudgementTag judgement={c} /> },
    { title: t(lm.issuedAt), dataIndex: 'issuedAt', render: formatDateTime },
    { title: t(lm.signatory), dataIndex: 'signatoryName' },
    { title: t(lm.amendmentReason), dataIndex: 'amendmentReason', render: (r: string | null) => r ?? '—' },
    {
      title: t(lm.pdf),
      key: 'pdf',
      width: 90,
      render: (_, row) => <Button size="small" icon={<DownloadOutlined />} href={labApi.reportPdfUrl(row.id)} aria-label={t(lm.downloadPdfOf, { no: row.reportNo, v: row.version })}>PDF</Button>,
    },
  ];
  return <Table<ReportView> rowKey="id" size="small" columns={columns} dataSource={versions} pagination={false} />;
}

export function ReportDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [amending, setAmending] = useState(false);
  const detail = useQuery({ queryKey: ['lab', 'report', id], queryFn: () => labApi.report(id) });
  const versions = useVersions(detail.data);
  const remove = useMutation({ mutationFn: () => labApi.removeReport(id), onError: (e) => void modal.warning({ title: t(lm.cannotDelete), content: errorMessage(e) }) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/lab/reports')}>
      {t(lm.backToReports)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(lm.reportNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const report = detail.data;
  const newest = versions.data?.[0];
  const verifyHref = `/public/verify?no=${encodeURIComponent(report.reportNo)}&code=${encodeURIComponent(report.verificationCode)}`;

  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span className="mono">{t(lm.reportNoVersion, { no: report.reportNo, v: report.version })}</span>
            <ReportStatusTag status={report.status} />
          </Flex>
        }
        subtitle={`${report.productName} · ${report.institutionName}`}
        extra={
          <>
            {back}
            <Button type="primary" icon={<DownloadOutlined />} href={labApi.reportPdfUrl(report.id)}>
              {t(lm.downloadPdf)}
            </Button>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate(verifyHref)}>
              {t(lm.publicVerify)}
            </Button>
            {can(session, 'lab.sample.approve') && report.status === 'issued' ? (
              <Button icon={<EditOutlined />} onClick={() => setAmending(true)}>
                {t(lm.amend)}
              </Button>
            ) : null}
            {session.org.kind === 'institution' ? (
              <Popconfirm
                title={t(lm.deleteReportConfirm)}
                description={t(lm.deleteConfirmText)}
                okText={t(lm.delete)}
                okButtonProps={{ danger: true }}
                cancelText={t(common.cancel)}
                onConfirm={() => remove.mutateAsync().catch(() => undefined)}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t(lm.delete)}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      {report.status === 'superseded' ? (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t(lm.supersededNotice)}
          action={newest && newest.id !== report.id ? <Button size="small" onClick={() => navigate(`/lab/reports/${newest.id}`)}>{t(lm.openNewest, { v: newest.version })}</Button> : undefined}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t(lm.reportInfo)} className="detail-card">
            <ReportFacts report={report} />
          </Card>
          <Card title={t(lm.versions)} className="detail-card">
            {versions.isError ? <QueryError error={versions.error} /> : <Versions current={report} versions={versions.data ?? [report]} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <IntegrityPanel reportId={report.id} />
        </Col>
      </Row>
      <ReasonModal
        open={amending}
        title={t(lm.amendTitle, { no: report.reportNo })}
        description={t(lm.amendHint)}
        okText={t(lm.amendSubmit)}
        danger
        onClose={() => setAmending(false)}
        onSubmit={async (reason) => {
          const sample = await labApi.reopen(report.id, reason);
          client.setQueryData(['lab', 'sample', sample.id], sample);
          void client.invalidateQueries({ queryKey: ['lab'] });
          void message.success(t(lm.amendStarted, { no: sample.sampleNo }));
          navigate(`/lab/samples/${sample.id}`);
        }}
      />
    </>
  );
}
