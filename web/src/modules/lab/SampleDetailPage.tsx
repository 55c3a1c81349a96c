import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Result, Row, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FileProtectOutlined, PrinterOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SAMPLE_SOURCE_LABELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { labApi } from '../../api/endpoints';
import type { ReportView, ResultView, SampleDetailView, SampleTestView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { AssignModal } from './AssignModal';
import { limitLabel, valueWithUnit } from './limits';
import { lm } from './messages';
import { ReasonModal } from './ReasonModal';
import { ResultModal } from './ResultModal';
import { SampleEvents } from './SampleEvents';
import { JudgementTag, ReportStatusTag, SampleStatusTag } from './tags';

export const sampleKey = (id: string) => ['lab', 'sample', id] as const;

/** The reports issued for a sample, newest version first. */
export function useSampleReports(sample: Pick<SampleDetailView, 'id'> | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['lab', 'reports', 'of-sample', sample?.id],
    queryFn: async () => {
      const page = await labApi.reports({ sampleId: sample!.id, pageSize: 100 });
      return page.items.sort((a, b) => b.version - a.version);
    },
    enabled: Boolean(sample) && enabled,
  });
}

function SampleFacts({ sample }: { sample: SampleDetailView }) {
  const t = useT();
  const categoryName = useCategoryName();
  const hidden = <Typography.Text type="secondary">{t(lm.blindHidden)}</Typography.Text>;
  const orHidden = (value: string | null) => (sample.blind ? hidden : (value ?? '—'));
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xxl: 3 }}
      items={[
        { key: 'no', label: t(lm.sampleNo), children: <span className="mono">{sample.sampleNo}</span> },
        { key: 'product', label: t(lm.productName), children: sample.productName },
        { key: 'category', label: t(lm.category), children: categoryName(sample.productCategory) },
        { key: 'spec', label: t(lm.specification), children: sample.specification || '—' },
        { key: 'batch', label: t(lm.batchNo), children: sample.batchNo },
        { key: 'qty', label: t(lm.quantity), children: sample.quantity },
        { key: 'source', label: t(lm.source), children: t(SAMPLE_SOURCE_LABELS[sample.source]) },
        { key: 'client', label: t(lm.clientName), children: orHidden(sample.clientName) },
        { key: 'bureau', label: t(lm.commissioningOrg), children: orHidden(sample.commissioningOrgName) },
        { key: 'producer', label: t(lm.producerName), children: orHidden(sample.producerName) },
        { key: 'uscc', label: t(lm.producerUscc), children: sample.blind ? hidden : <span className="mono">{sample.producerUscc ?? '—'}</span> },
        { key: 'institution', label: t(lm.institution), children: sample.institutionName },
        { key: 'condition', label: t(lm.conditionOnArrival), children: sample.conditionOnArrival },
        { key: 'storage', label: t(lm.storage), children: sample.storage },
        { key: 'retention', label: t(lm.retentionUntil), children: formatDate(sample.retentionUntil) },
        { key: 'received', label: t(lm.receivedAt), children: formatDateTime(sample.receivedAt) },
        { key: 'conclusion', label: t(lm.conclusion), children: <JudgementTag judgement={sample.conclusion} /> },
      ]}
    />
  );
}

function History({ history }: { history: ResultView[] }) {
  const t = useT();
  const columns: TableColumnsType<ResultView> = [
    { title: t(lm.version), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
    { title: t(lm.resultValue), key: 'value', render: (_, r) => valueWithUnit(r.value, r.unit) },
    { title: t(lm.judgement), dataIndex: 'judgement', render: (j: ResultView['judgement']) => <JudgementTag judgement={j} /> },
    { title: t(lm.instrument), dataIndex: 'instrumentName' },
    { title: t(lm.testedOn), dataIndex: 'testedOn', render: formatDate },
    { title: t(lm.enteredBy), dataIndex: 'enteredByName' },
    { title: t(lm.enteredAt), dataIndex: 'enteredAt', render: formatDateTime },
    { title: t(lm.correctionReason), dataIndex: 'reason', render: (r: string | null) => r ?? <Typography.Text type="secondary">{t(lm.firstEntry)}</Typography.Text> },
  ];
  return <Table<ResultView> rowKey="id" size="small" columns={columns} dataSource={history} pagination={false} className="history-table" />;
}

function TestsCard({ sample, onEnter }: { sample: SampleDetailView; onEnter: (test: SampleTestView) => void }) {
  const t = useT();
  const session = useSession();
  const mayEnter = can(session, 'lab.result.enter') && sample.status === 'testing';
  const columns: TableColumnsType<SampleTestView> = [
    { title: t(lm.parameter), dataIndex: 'parameter' },
    { title: t(lm.standard), dataIndex: 'standard', render: (s: string) => <span className="mono">{s}</span> },
    { title: t(lm.requirement), key: 'limit', render: (_, test) => limitLabel(test) },
    { title: t(lm.tester), dataIndex: 'testerName', render: (n: string | null) => n ?? <Typography.Text type="secondary">{t(lm.unassigned)}</Typography.Text> },
    {
      title: t(lm.result),
      key: 'result',
      render: (_, test) =>
        test.result ? (
          <Flex gap={6} align="center">
            <span>{valueWithUnit(test.result.value, test.result.unit)}</span>
            {test.result.version > 1 ? (
              <Tooltip title={t(lm.correctedTimes, { n: test.result.version - 1 })}>
                <Tag color="orange">v{test.result.version}</Tag>
              </Tooltip>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    { title: t(lm.judgement), key: 'judgement', render: (_, test) => <JudgementTag judgement={test.result?.judgement ?? null} /> },
    { title: t(lm.instrument), key: 'instrument', render: (_, test) => test.result?.instrumentName ?? '—' },
    { title: t(lm.testedOn), key: 'testedOn', render: (_, test) => formatDate(test.result?.testedOn) },
  ];
  if (mayEnter) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 110,
      render: (_, test) =>
        test.testerId === session.user.id ? (
          <Button size="small" type={test.result ? 'default' : 'primary'} icon={<EditOutlined />} onClick={() => onEnter(test)} aria-label={t(test.result ? lm.correctFor : lm.enterFor, { parameter: test.parameter })}>
            {t(test.result ? lm.correct : lm.enter)}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t(lm.notMine)}</Typography.Text>
        ),
    });
  }
  return (
    <Card title={t(lm.tests)} className="detail-card">
      <Table<SampleTestView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sample.tests}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          rowExpandable: (test) => test.history.length > 0,
          expandedRowRender: (test) => <History history={test.history} />,
          columnTitle: <Tooltip title={t(lm.historyHint)}>{t(lm.history)}</Tooltip>,
        }}
      />
    </Card>
  );
}

function ReportsCard({ reports }: { reports: ReportView[] }) {
  const t = useT();
  return (
    <Card title={t(lm.reportsOfSample)} className="detail-card">
      <Flex vertical gap={8}>
        {reports.map((r) => (
          <Flex key={r.id} gap={8} align="center" wrap>
            <FileProtectOutlined />
            <Link to={`/lab/reports/${r.id}`} className="mono">
              {t(lm.reportNoVersion, { no: r.reportNo, v: r.version })}
            </Link>
            <ReportStatusTag status={r.status} />
            <Typography.Text type="secondary">{formatDateTime(r.issuedAt)}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** The workflow buttons the caller's roles allow in the sample's state; the server checks again (and the separation of duties). */
function WorkflowActions({ sample, onAssign }: { sample: SampleDetailView; onAssign: () => void }) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [returning, setReturning] = useState(false);
  const done = (detail: SampleDetailView, text: string) => {
    client.setQueryData(sampleKey(sample.id), detail);
    void client.invalidateQueries({ queryKey: ['lab'] });
    void message.success(text);
  };
  const fail = (e: unknown) => void modal.error({ title: t(lm.actionFailed), content: errorMessage(e) });
  const step = useMutation({
    mutationFn: (run: () => Promise<SampleDetailView>) => run(),
    onError: fail,
  });
  const issue = useMutation({
    mutationFn: () => labApi.issue(sample.id),
    onSuccess: (report) => {
      void client.invalidateQueries({ queryKey: ['lab'] });
      void message.success(t(lm.issued, { no: report.reportNo, v: report.version }));
      navigate(`/lab/reports/${report.id}`);
    },
    onError: fail,
  });
  const remove = useMutation({ mutationFn: () => labApi.removeSample(sample.id), onError: (e) => void modal.warning({ title: t(lm.cannotDelete), content: errorMessage(e) }) });

  const confirm = (title: string, content: string, okText: string, run: () => Promise<SampleDetailView>, success: string) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: t(common.cancel),
      onOk: () => step.mutateAsync(run).then((detail) => done(detail, success)).catch(() => undefined),
    });

  const mine = sample.tests.some((test) => test.testerId === session.user.id);
  const open = sample.tests.filter((test) => !test.result);
  const buttons = [];
  if (can(session, 'lab.sample.assign') && (sample.status === 'received' || sample.status === 'testing')) {
    buttons.push(
      <Button key="assign" type={sample.status === 'received' ? 'primary' : 'default'} icon={<TeamOutlined />} onClick={onAssign}>
        {t(sample.status === 'received' ? lm.assign : lm.reassign)}
      </Button>,
    );
  }
  if (can(session, 'lab.result.enter') && sample.status === 'testing' && mine) {
    buttons.push(
      <Tooltip key="submit" title={open.length ? t(lm.submitMissing, { items: open.map((x) => x.parameter).join('、') }) : undefined}>
        <Button
          type="primary"
          disabled={open.length > 0}
          onClick={() => confirm(t(lm.submitConfirm), t(lm.submitConfirmText), t(lm.submit), () => labApi.submit(sample.id), t(lm.submitted))}
        >
          {t(lm.submit)}
        </Button>
      </Tooltip>,
    );
  }
  if (can(session, 'lab.sample.review') && sample.status === 'in_review') {
    buttons.push(
      <Button key="review" type="primary" onClick={() => confirm(t(lm.reviewConfirm), t(lm.reviewConfirmText), t(lm.review), () => labApi.review(sample.id), t(lm.reviewed))}>
        {t(lm.review)}
      </Button>,
    );
  }
  if (can(session, 'lab.sample.approve') && sample.status === 'in_approval') {
    buttons.push(
      <Button key="approve" type="primary" onClick={() => confirm(t(lm.approveConfirm), t(lm.approveConfirmText), t(lm.approve), () => labApi.approve(sample.id), t(lm.approved))}>
        {t(lm.approve)}
      </Button>,
    );
  }
  const mayReturn =
    (can(session, 'lab.sample.review') && sample.status === 'in_review') || (can(session, 'lab.sample.approve') && (sample.status === 'in_review' || sample.status === 'in_approval'));
  if (mayReturn) {
    buttons.push(
      <Button key="return" danger onClick={() => setReturning(true)}>
        {t(lm.returnForRework)}
      </Button>,
    );
  }
  if (can(session, 'lab.sample.approve') && sample.status === 'approved') {
    buttons.push(
      <Button
        key="issue"
        type="primary"
        icon={<FileProtectOutlined />}
        loading={issue.isPending}
        onClick={() =>
          modal.confirm({
            title: t(lm.issueConfirm, { no: sample.sampleNo }),
            content: t(lm.issueConfirmText),
            okText: t(lm.issue),
            cancelText: t(common.cancel),
            onOk: () => issue.mutateAsync().catch(() => undefined),
          })
        }
      >
        {t(lm.issue)}
      </Button>,
    );
  }
  if (session.org.kind === 'institution') {
    buttons.push(
      <Button key="label" icon={<PrinterOutlined />} href={labApi.labelUrl(sample.id)} target="_blank" rel="noopener">
        {t(lm.printLabel)}
      </Button>,
    );
  }
  if (can(session, 'lab.sample.receive')) {
    buttons.push(
      <Popconfirm
        key="delete"
        title={t(lm.deleteConfirm)}
        description={t(lm.deleteConfirmText)}
        okText={t(lm.delete)}
        okButtonProps={{ danger: true }}
        cancelText={t(common.cancel)}
        onConfirm={() => remove.mutateAsync().catch(() => undefined)}
      >
        <Button danger icon={<DeleteOutlined />}>
          {t(lm.delete)}
        </Button>
      </Popconfirm>,
    );
  }
  return (
    <>
      {buttons}
      <ReasonModal
        open={returning}
        title={t(lm.returnTitle, { no: sample.sampleNo })}
        description={t(lm.returnHint)}
        okText={t(lm.returnForRework)}
        danger
        onClose={() => setReturning(false)}
        onSubmit={async (reason) => done(await labApi.returnForRework(sample.id, reason), t(lm.returned))}
      />
    </>
  );
}

/** Where the sample stands, for the caller: what is waiting and for whom. */
function NextStep({ sample }: { sample: SampleDetailView }) {
  const t = useT();
  const returned = [...sample.events].reverse().find((e) => e.step === 'returned' || e.step === 'reopened');
  const lastIsReturn = returned && sample.events[sample.events.length - 1] === returned;
  return (
    <>
      {sample.blind ? <Alert type="info" showIcon className="form-alert" title={t(lm.blindNotice)} /> : null}
      {lastIsReturn && sample.status === 'testing' ? (
        <Alert type="warning" showIcon className="form-alert" title={t(returned.step === 'returned' ? lm.returnedNotice : lm.reopenedNotice, { by: returned.byName, reason: returned.reason ?? '' })} />
      ) : null}
    </>
  );
}

export function SampleDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [assigning, setAssigning] = useState(false);
  const [entering, setEntering] = useState<SampleTestView | null>(null);
  const detail = useQuery({ queryKey: sampleKey(id), queryFn: () => labApi.sample(id) });
  const hasReports = Boolean(detail.data?.events.some((e) => e.step === 'issued'));
  const reports = useSampleReports(detail.data, hasReports);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/lab/samples')}>
      {t(lm.backToSamples)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(lm.sampleNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const sample = detail.data;
  // The test being entered, fresh from the latest detail.
  const current = entering ? (sample.tests.find((x) => x.id === entering.id) ?? null) : null;

  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span className="mono">{sample.sampleNo}</span>
            <SampleStatusTag status={sample.status} />
          </Flex>
        }
        subtitle={sample.productName}
        extra={
          <>
            {back}
            <WorkflowActions sample={sample} onAssign={() => setAssigning(true)} />
          </>
        }
      />
      <NextStep sample={sample} />
      {reports.data?.length ? <ReportsCard reports={reports.data} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <Card title={t(lm.sampleInfo)} className="detail-card">
            <SampleFacts sample={sample} />
          </Card>
          <TestsCard sample={sample} onEnter={setEntering} />
        </Col>
        <Col xs={24} xxl={7}>
          <Card title={t(lm.events)} className="detail-card">
            {sample.events.length ? <SampleEvents events={sample.events} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
      </Row>
      <AssignModal sample={sample} open={assigning} onClose={() => setAssigning(false)} />
      <ResultModal sample={sample} test={current} onClose={() => setEntering(null)} />
    </>
  );
}
