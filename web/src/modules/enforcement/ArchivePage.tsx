import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Badge, Button, Card, Descriptions, Empty, Flex, Result, Skeleton, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  ENTERPRISE_SIZE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type BatchConclusion,
  type CaseStage,
  type ComplaintKind,
  type ComplaintStatus,
  type DishonestyStatus,
  type InspectionOutcome,
  type Judgement,
  type RecallStatus,
  type RectificationStatus,
  type SamplingStatus,
  type ScreeningResult,
} from '@shijian/contracts';
import { ApiError } from '../../api/client';
import type { InstrumentView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../../app/StatusPages';
import { useCategoryName } from '../../shared/categories';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { ResultTag } from '../campaigns/tags';
import { paths as complaintPaths } from '../complaints/api';
import { KindTag, StatusTag as ComplaintStatusTag } from '../complaints/parts';
import { OutcomeTag, TierTag } from '../inspections/tags';
import { ValidityBadge } from '../instruments/ValidityBadge';
import { JudgementTag } from '../lab/tags';
import { paths as recallPaths } from '../recalls/api';
import { RecallProgress, StatusTag as RecallStatusTag } from '../recalls/parts';
import { ConclusionTag, SamplingStatusTag } from '../sampling/tags';
import { archiveApi, mayOpenArchive, type CaseView, type EnterpriseArchive } from './api';
import { xm } from './messages';
import { DueCell, ListingStatusTag, StageTag } from './tags';

type Archive = EnterpriseArchive;
type Row<K extends keyof Archive> = Archive[K] extends (infer R)[] ? R : never;

function ArchiveTable<T extends object>({ rows, columns, empty, rowKey = 'id' }: { rows: T[]; columns: TableColumnsType<T>; empty: string; rowKey?: string }) {
  return (
    <Table<T>
      rowKey={rowKey}
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
    />
  );
}

function EnterpriseFacts({ archive }: { archive: Archive }) {
  const t = useT();
  const categoryName = useCategoryName();
  const e = archive.enterprise;
  return (
    <Card title={t(xm.enterpriseFacts)} className="detail-card">
      <Descriptions
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        size="small"
        column={{ xs: 1, md: 2, xxl: 3 }}
        items={[
          { key: 'uscc', label: t(xm.partyUscc), children: <span className="mono">{e.uscc}</span> },
          { key: 'region', label: t(xm.region), children: e.regionName },
          { key: 'legal', label: t(xm.legalRepresentative), children: e.legalRepresentative },
          { key: 'size', label: t(xm.size), children: t(ENTERPRISE_SIZE_LABELS[e.size]) },
          { key: 'tier', label: t(xm.riskTier), children: <TierTag tier={archive.riskTier} /> },
          { key: 'registered', label: t(xm.registeredAt), children: formatDate(e.createdAt) },
          { key: 'address', label: t(xm.address), span: 'filled' as const, children: e.address },
          {
            key: 'categories',
            label: t(xm.categories),
            span: 'filled' as const,
            children: e.categories.length ? e.categories.map((c) => <Tag key={c}>{categoryName(c)}</Tag>) : '—',
          },
        ]}
      />
    </Card>
  );
}

/** 企业专门档案: everything the supervision chain knows about one enterprise, in one view. */
export function ArchivePage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const { enterpriseId = '' } = useParams();
  const archive = useQuery({ queryKey: ['enforcement', 'archive', enterpriseId], queryFn: () => archiveApi.get(enterpriseId), enabled: mayOpenArchive(session) });
  if (!mayOpenArchive(session)) return <ForbiddenPage />;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t(xm.back)}
    </Button>
  );
  if (archive.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (archive.isError) {
    const missing = archive.error instanceof ApiError && (archive.error.status === 404 || archive.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(xm.archiveNotFound)} extra={back} /> : <QueryError error={archive.error} onRetry={() => void archive.refetch()} />;
  }
  const a = archive.data;
  const listed = a.credit.some((c) => c.status === 'listed');
  const link = (allowed: boolean, to: string, text: ReactNode, mono = false) => (allowed ? <Link to={to} className={mono ? 'mono' : undefined}>{text}</Link> : <span className={mono ? 'mono' : undefined}>{text}</span>);

  const screeningColumns: TableColumnsType<Row<'screenings'>> = [
    { title: t(xm.screenedOn), dataIndex: 'screenedOn', width: 120, render: formatDate },
    { title: t(xm.campaignName), dataIndex: 'campaignName', render: (n: string | null) => n ?? '—' },
    { title: t(xm.categories), dataIndex: 'category', render: (c: string) => categoryName(c) },
    { title: t(xm.result), dataIndex: 'result', render: (r: ScreeningResult) => <ResultTag result={r} /> },
    { title: t(xm.problems), dataIndex: 'problems', render: (p: string) => p || '—' },
    { title: t(xm.rectification), dataIndex: 'rectificationStatus', render: (s: RectificationStatus) => t(RECTIFICATION_STATUS_LABELS[s]) },
    { title: t(xm.rectificationDeadline), dataIndex: 'rectificationDeadline', width: 120, render: formatDate },
  ];
  const samplingColumns: TableColumnsType<Row<'sampling'>> = [
    { title: t(xm.recordNo), dataIndex: 'recordNo', render: (no: string, row) => link(can(session, 'sampling.read'), `/supervision/sampling/batches/${row.id}`, no, true) },
    { title: t(xm.product), key: 'product', render: (_, row) => <div>{row.productName}<div className="secondary-text">{row.batchNo}</div></div> },
    { title: t(xm.categories), dataIndex: 'category', render: (c: string) => categoryName(c) },
    { title: t(xm.sampledOn), dataIndex: 'sampledOn', width: 120, render: formatDate },
    { title: t(xm.institution), dataIndex: 'institutionName' },
    { title: t(xm.samplingStatus), dataIndex: 'status', render: (s: SamplingStatus) => <SamplingStatusTag status={s} /> },
    { title: t(xm.conclusion), dataIndex: 'conclusion', render: (c: BatchConclusion | null) => <ConclusionTag conclusion={c} /> },
  ];
  const reportColumns: TableColumnsType<Row<'reports'>> = [
    { title: t(xm.reportNo), key: 'no', render: (_, row) => link(can(session, 'lab.sample.read'), `/lab/reports/${row.id}`, `${row.reportNo} v${row.version}`, true) },
    { title: t(xm.product), dataIndex: 'productName' },
    { title: t(xm.conclusion), dataIndex: 'conclusion', render: (j: Judgement) => <JudgementTag judgement={j} /> },
    { title: t(xm.institution), dataIndex: 'institutionName' },
    { title: t(xm.issuedAt), dataIndex: 'issuedAt', render: formatDateTime },
    { title: t(xm.samplingStatus), dataIndex: 'status', render: (s: string) => (s === 'superseded' ? <Tag color="warning">{t(xm.reportSuperseded)}</Tag> : <Tag color="success">{t(xm.reportCurrent)}</Tag>) },
  ];
  const caseColumns: TableColumnsType<CaseView> = [
    { title: t(xm.caseNo), dataIndex: 'caseNo', render: (no: string, row) => link(can(session, 'case.read'), `/enforcement/cases/${row.id}`, no, true) },
    { title: t(xm.leadOn), dataIndex: 'leadOn', width: 120, render: formatDate },
    { title: t(xm.summary), dataIndex: 'summary', ellipsis: true },
    { title: t(xm.stage), dataIndex: 'stage', render: (s: CaseStage) => <StageTag stage={s} /> },
    { title: t(xm.dueOn), key: 'due', render: (_, row) => <DueCell clock={row.clock} dueOn={row.dueOn} daysLeft={row.daysLeft} /> },
    { title: t(xm.handlingOrg), dataIndex: 'orgName' },
  ];
  const inspectionColumns: TableColumnsType<Row<'inspections'>> = [
    { title: t(xm.drawName), dataIndex: 'drawName', render: (name: string, row) => link(can(session, 'inspection.read'), `/supervision/inspections/draws/${row.drawId}`, name) },
    { title: t(xm.drawnAt), dataIndex: 'drawnAt', render: formatDateTime },
    { title: t(xm.outcome), dataIndex: 'outcome', render: (o: InspectionOutcome | null) => <OutcomeTag outcome={o} /> },
    { title: t(xm.inspectedOn), dataIndex: 'inspectedOn', width: 120, render: formatDate },
  ];
  const instrumentColumns: TableColumnsType<InstrumentView> = [
    { title: t(xm.instrumentName), dataIndex: 'name', render: (name: string, row) => link(true, `/instruments/${row.id}`, name) },
    { title: t(xm.serialNumber), dataIndex: 'serialNumber', render: (s: string) => <span className="mono">{s}</span> },
    { title: t(xm.compulsory), dataIndex: 'compulsory', width: 100, render: (c: boolean) => (c ? <Tag color="blue">{t(xm.yes)}</Tag> : t(xm.no)) },
    { title: t(xm.validUntil), dataIndex: 'validUntil', width: 120, render: formatDate },
    { title: t(xm.validity), key: 'validity', render: (_, row) => <ValidityBadge instrument={row} /> },
  ];
  const creditColumns: TableColumnsType<Row<'credit'>> = [
    { title: t(xm.decisionNo), dataIndex: 'decisionNo', render: (no: string, row) => link(can(session, 'credit.read'), `/enforcement/credit/${row.id}`, no) },
    { title: t(xm.listedOn), dataIndex: 'listedOn', width: 120, render: formatDate },
    { title: t(xm.expiresOn), dataIndex: 'expiresOn', width: 120, render: formatDate },
    { title: t(xm.listingStatus), dataIndex: 'status', render: (s: DishonestyStatus) => <ListingStatusTag status={s} /> },
  ];
  const recallColumns: TableColumnsType<Row<'recalls'>> = [
    { title: t(xm.recallNo), dataIndex: 'recallNo', width: 130, render: (no: string, row) => link(can(session, 'recall.read'), recallPaths.one(row.id), no, true) },
    {
      title: t(xm.recallProduct),
      key: 'product',
      render: (_, row) => (
        <div>
          {row.productName}
          <div className="secondary-text">{[row.productCategory ? categoryName(row.productCategory) : null, row.batches || null].filter(Boolean).join(' · ')}</div>
        </div>
      ),
    },
    { title: t(xm.recallStatus), dataIndex: 'status', width: 150, render: (s: RecallStatus) => <RecallStatusTag status={s} /> },
    { title: t(xm.recallProgress), key: 'progress', width: 200, render: (_, row) => <RecallProgress recall={row} /> },
    { title: t(xm.reportedOn), dataIndex: 'reportedOn', width: 120, render: formatDate },
  ];
  const complaintColumns: TableColumnsType<Row<'complaints'>> = [
    {
      title: t(xm.complaintNo),
      dataIndex: 'complaintNo',
      width: 210,
      render: (no: string, row) => <span style={{ whiteSpace: 'nowrap' }}>{link(can(session, 'complaint.read'), complaintPaths.one(row.id), no, true)}</span>,
    },
    { title: t(xm.complaintKind), dataIndex: 'kind', width: 90, render: (k: ComplaintKind) => <KindTag kind={k} /> },
    { title: t(xm.complaintSubject), dataIndex: 'subject', ellipsis: { showTitle: true } },
    { title: t(xm.complaintStatus), dataIndex: 'status', width: 150, render: (s: ComplaintStatus) => <ComplaintStatusTag status={s} /> },
    { title: t(xm.receivedOn), dataIndex: 'receivedOn', width: 120, render: formatDate },
    { title: t(xm.complaintHandlingOrg), dataIndex: 'handlingOrgName' },
  ];

  const tab = (key: string, label: string, count: number, warn: boolean, children: ReactNode) => ({
    key,
    label: (
      <span>
        {label} <Badge count={count} showZero color={warn ? '#cf1322' : '#bfbfbf'} size="small" />
      </span>
    ),
    children,
  });

  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span>{a.enterprise.name}</span>
            <TierTag tier={a.riskTier} />
            {listed ? <Tag color="red">{t(xm.onCreditList)}</Tag> : null}
          </Flex>
        }
        subtitle={t(xm.archiveSubtitle)}
        extra={back}
      />
      <EnterpriseFacts archive={a} />
      <Card className="detail-card">
        <Tabs
          items={[
            tab('screenings', t(xm.tabScreenings), a.screenings.length, a.screenings.some((s) => s.result === 'nonconforming'), (
              <ArchiveTable rows={a.screenings} columns={screeningColumns} empty={t(xm.screeningsEmpty)} />
            )),
            tab('sampling', t(xm.tabSampling), a.sampling.length, a.sampling.some((s) => s.conclusion === 'nonconforming'), (
              <ArchiveTable rows={a.sampling} columns={samplingColumns} empty={t(xm.samplingEmpty)} />
            )),
            tab('reports', t(xm.tabReports), a.reports.length, a.reports.some((r) => r.conclusion === 'fail' && r.status !== 'superseded'), (
              <ArchiveTable rows={a.reports} columns={reportColumns} empty={t(xm.reportsEmpty)} />
            )),
            tab('cases', t(xm.tabCases), a.cases.length, a.cases.length > 0, <ArchiveTable rows={a.cases} columns={caseColumns} empty={t(xm.casesEmptyArchive)} />),
            tab('inspections', t(xm.tabInspections), a.inspections.length, a.inspections.some((i) => i.outcome === 'case_opened'), (
              <ArchiveTable rows={a.inspections} columns={inspectionColumns} empty={t(xm.inspectionsEmpty)} rowKey="targetId" />
            )),
            tab('instruments', t(xm.tabInstruments), a.instruments.length, a.instruments.some((i) => i.status === 'in_use' && !i.validToday), (
              <ArchiveTable rows={a.instruments} columns={instrumentColumns} empty={t(xm.instrumentsEmpty)} />
            )),
            tab('credit', t(xm.tabCredit), a.credit.length, listed, <ArchiveTable rows={a.credit} columns={creditColumns} empty={t(xm.creditEmptyArchive)} />),
            // Red while a recall is still open (reported, assessed, planned or under way), or a complaint is past its limit.
            tab('recalls', t(xm.tabRecalls), a.recalls.length, a.recalls.some((r) => r.status !== 'no_recall' && r.status !== 'completed'), (
              <ArchiveTable rows={a.recalls} columns={recallColumns} empty={t(xm.recallsEmpty)} />
            )),
            tab('complaints', t(xm.tabComplaints), a.complaints.length, a.complaints.some((c) => c.overdue), (
              <ArchiveTable rows={a.complaints} columns={complaintColumns} empty={t(xm.complaintsEmpty)} />
            )),
          ]}
        />
      </Card>
    </>
  );
}
