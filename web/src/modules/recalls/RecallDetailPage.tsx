import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Progress, Result, Row, Skeleton, Space, Steps, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, ExportOutlined, NotificationOutlined, ProfileOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useLang, useT, type Label } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { useRegionPathLabel } from '../../shared/RegionCascader';
import { PageHeader, QueryError } from '../../shared/ui';
import { keys, paths, recallsApi, type RecallProgressView, type RecallView } from './api';
import { MEASURE_LABELS, rm } from './messages';
import { ProducerCell, RiskTag, SourceTag, StatusTag, useEnterpriseLink } from './parts';
import { AssessModal, PlanDrawer, ProgressModal } from './RecallForms';
import { recallActions, recalledPercent, recallSteps, withIncrements, type RecallAction, type StepKey } from './steps';

/** Chinese labels stay on one line; the longer English ones (with the Chinese term) wrap. */
const labelStyle = (lang: 'zh' | 'en') => (lang === 'zh' ? { whiteSpace: 'nowrap' as const } : { width: 150 });
const paragraph = (text: string) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>;

const STEP_LABELS: Record<StepKey, Label> = {
  report: rm.stepReport,
  assess: rm.stepAssess,
  noRecall: rm.stepNoRecall,
  plan: rm.stepPlan,
  notice: rm.stepNotice,
  recalling: rm.stepRecalling,
  done: rm.stepDone,
};

/** When each step happened, where the record keeps it. */
function stepDate(r: RecallView, key: StepKey): string | null {
  switch (key) {
    case 'report':
      return formatDate(r.reportedOn);
    case 'notice':
      return r.publishedAt ? formatDate(r.publishedAt) : null;
    case 'plan':
      return r.startsOn && r.endsOn ? `${r.startsOn} ~ ${r.endsOn}` : null;
    case 'done':
      return r.status === 'completed' && r.progress.length ? formatDate(r.progress[r.progress.length - 1]!.reportedOn) : null;
    default:
      return null;
  }
}

function RecallSteps({ recall }: { recall: RecallView }) {
  const t = useT();
  return (
    <Card className="detail-card">
      <Steps
        size="small"
        items={recallSteps(recall).map((s) => ({ key: s.key, title: t(STEP_LABELS[s.key]), status: s.status, content: stepDate(recall, s.key) ?? undefined }))}
      />
    </Card>
  );
}

function Facts({ recall }: { recall: RecallView }) {
  const t = useT();
  const { lang } = useLang();
  const categoryName = useCategoryName();
  const region = useRegionPathLabel(recall.regionCode);
  return (
    <Card title={t(rm.facts)} className="detail-card">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: labelStyle(lang) }}
        items={[
          { key: 'no', label: t(rm.recallNo), children: <span className="mono">{recall.recallNo}</span> },
          { key: 'source', label: t(rm.source), children: <SourceTag source={recall.source} /> },
          { key: 'producer', label: t(rm.producer), children: <ProducerCell recall={recall} /> },
          { key: 'region', label: t(rm.region), children: region ?? recall.regionCode },
          { key: 'product', label: t(rm.productName), children: recall.productName },
          { key: 'category', label: t(rm.productCategory), children: recall.productCategory ? categoryName(recall.productCategory) : '—' },
          { key: 'batches', label: t(rm.batches), children: recall.batches || '—' },
          { key: 'injuries', label: t(rm.injuries), children: recall.injuries > 0 ? <Typography.Text type="danger">{recall.injuries}</Typography.Text> : recall.injuries },
          { key: 'reportedOn', label: t(rm.reportedOn), children: formatDate(recall.reportedOn) },
          { key: 'status', label: t(rm.status), children: <StatusTag status={recall.status} /> },
          { key: 'defect', label: t(rm.defect), span: 'filled', children: paragraph(recall.defect) },
        ]}
      />
    </Card>
  );
}

function ActionButton({ label, onClick, primary }: { label: Label; onClick: () => void; primary?: boolean }) {
  const t = useT();
  return (
    <Button size="small" type={primary ? 'primary' : 'default'} onClick={onClick}>
      {t(label)}
    </Button>
  );
}

function AssessmentCard({ recall, onAssess }: { recall: RecallView; onAssess?: () => void }) {
  const t = useT();
  const done = recall.status !== 'reported';
  return (
    <Card title={t(rm.assessment)} className="detail-card" extra={onAssess ? <ActionButton primary label={rm.assess} onClick={onAssess} /> : null}>
      {done ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'risk', label: t(rm.riskLevel), children: <RiskTag level={recall.riskLevel} /> },
            {
              key: 'required',
              label: t(rm.recallRequired),
              children: recall.status === 'no_recall' ? <Tag>{t(rm.recallRequiredNo)}</Tag> : <Tag color="orange">{t(rm.recallRequiredYes)}</Tag>,
            },
            { key: 'conclusion', label: t(rm.conclusion), children: recall.conclusion ? paragraph(recall.conclusion) : '—' },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t(rm.assessmentPending)}</Typography.Text>
      )}
    </Card>
  );
}

function PlanCard({ recall, onPlan }: { recall: RecallView; onPlan?: () => void }) {
  const t = useT();
  const { lang } = useLang();
  if (recall.status === 'no_recall') return null;
  return (
    <Card title={t(rm.plan)} className="detail-card" extra={onPlan ? <ActionButton primary label={rm.planAction} onClick={onPlan} /> : null}>
      {recall.scope ? (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          styles={{ label: labelStyle(lang) }}
          items={[
            {
              key: 'measures',
              label: t(rm.measures),
              children: (
                <Space size={[0, 4]} wrap>
                  {recall.measures.map((m) => (
                    <Tag key={m} color="blue">
                      {t(MEASURE_LABELS[m])}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'total', label: t(rm.quantityTotal), children: recall.quantityTotal ?? '—' },
            { key: 'period', label: t(rm.period), span: 'filled', children: `${formatDate(recall.startsOn)} ~ ${formatDate(recall.endsOn)}` },
            { key: 'scope', label: t(rm.scope), span: 'filled', children: paragraph(recall.scope) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t(rm.planPending)}</Typography.Text>
      )}
    </Card>
  );
}

function NoticeCard({ recall, onPublish, publishing }: { recall: RecallView; onPublish?: () => void; publishing: boolean }) {
  const t = useT();
  if (recall.status === 'no_recall') return null;
  const planned = recall.scope !== null;
  return (
    <Card
      title={
        <span>
          <NotificationOutlined /> {t(rm.notice)}
        </span>
      }
      className="detail-card"
      extra={
        onPublish ? (
          <Button size="small" type="primary" danger loading={publishing} onClick={onPublish}>
            {t(rm.publish)}
          </Button>
        ) : null
      }
    >
      {recall.publishedAt ? (
        <Space orientation="vertical" size={4}>
          <span>
            <Tag color="geekblue">{t(rm.published)}</Tag>
            <Typography.Text type="secondary">
              {t(rm.publishedAt)}：{formatDateTime(recall.publishedAt)}
            </Typography.Text>
          </span>
          <a href={paths.portal(recall.productName)} target="_blank" rel="noreferrer" data-testid="portal-link">
            <ExportOutlined /> {t(rm.openPortal)}
          </a>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t(planned ? rm.noticeNotPublished : rm.noticePending)}</Typography.Text>
      )}
    </Card>
  );
}

function ProgressCard({ recall, onReport }: { recall: RecallView; onReport?: () => void }) {
  const t = useT();
  if (recall.status === 'no_recall') return null;
  const percent = recalledPercent(recall.quantityRecalled, recall.quantityTotal);
  type Row = RecallProgressView & { increment: number };
  const columns: TableColumnsType<Row> = [
    { title: t(rm.reportedOn), dataIndex: 'reportedOn', width: 110, render: formatDate },
    { title: t(rm.quantityRecalled), dataIndex: 'quantityRecalled', width: 130, align: 'right' },
    { title: t(rm.increment), dataIndex: 'increment', width: 100, align: 'right', render: (n: number) => (n > 0 ? `+${n}` : n) },
    { title: t(rm.note), dataIndex: 'note', render: (note: string) => note || '—' },
    { title: t(rm.recordedAt), dataIndex: 'createdAt', width: 150, render: formatDateTime },
  ];
  return (
    <Card title={t(rm.progressTitle)} className="detail-card" extra={onReport ? <ActionButton primary label={rm.progressAction} onClick={onReport} /> : null}>
      {percent === null ? (
        <Typography.Text type="secondary">{t(rm.progressPending)}</Typography.Text>
      ) : (
        <>
          <Flex gap={24} align="center" wrap style={{ marginBottom: 16 }}>
            <Progress type="circle" size={96} percent={percent} status={recall.status === 'completed' ? 'success' : 'normal'} />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t(rm.progressOf, { done: recall.quantityRecalled, total: recall.quantityTotal ?? 0 })}
              </Typography.Title>
              <Typography.Text type="secondary">
                {t(rm.period)}：{formatDate(recall.startsOn)} ~ {formatDate(recall.endsOn)}
              </Typography.Text>
            </div>
          </Flex>
          <Table<Row>
            rowKey={(p) => `${p.reportedOn}-${p.createdAt}`}
            size="small"
            columns={columns}
            dataSource={[...withIncrements(recall.progress)].reverse()}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(rm.progressEmpty)} /> }}
            scroll={{ x: 620 }}
          />
        </>
      )}
    </Card>
  );
}

export function RecallDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { modal, message } = App.useApp();
  const { id = '' } = useParams();
  const [open, setOpen] = useState<RecallAction | null>(null);
  const detail = useQuery({ queryKey: keys.one(id), queryFn: () => recallsApi.get(id) });
  const r = detail.data;
  const enterpriseLink = useEnterpriseLink({ enterpriseId: r?.enterpriseId ?? '', enterpriseUscc: r?.enterpriseUscc ?? '' });
  const publish = useMutation({
    mutationFn: () => recallsApi.publish(id),
    onSuccess: (updated) => {
      client.setQueryData(keys.one(id), updated);
      void client.invalidateQueries({ queryKey: keys.list });
      void message.success(t(rm.publishedOk));
    },
    onError: (e) => void modal.error({ title: t(rm.actionFailed), content: errorMessage(e) }),
  });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.list)}>
      {t(rm.backToList)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError || !r) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(rm.notFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const actions = recallActions(r, { assess: can(session, 'recall.assess'), plan: can(session, 'recall.plan') });
  const when = (action: RecallAction) => (actions.includes(action) ? () => setOpen(action) : undefined);
  const confirmPublish = () =>
    modal.confirm({
      title: t(rm.publishTitle, { no: r.recallNo }),
      content: t(rm.publishText),
      okText: t(common.confirm),
      cancelText: t(common.cancel),
      okButtonProps: { autoInsertSpace: false },
      cancelButtonProps: { autoInsertSpace: false },
      onOk: () => publish.mutateAsync().catch(() => undefined),
    });

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span className="mono">{r.recallNo}</span>
            <StatusTag status={r.status} />
            {r.publishedAt ? (
              <Tag color="geekblue" icon={<NotificationOutlined />}>
                {t(rm.published)}
              </Tag>
            ) : null}
          </Space>
        }
        subtitle={`${r.productName} · ${r.enterpriseName}`}
        extra={
          <>
            {back}
            {enterpriseLink ? (
              <Link to={enterpriseLink.to}>
                <ProfileOutlined /> {t(enterpriseLink.archive ? rm.archive : rm.enterpriseInfo)}
              </Link>
            ) : null}
          </>
        }
      />
      <RecallSteps recall={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Facts recall={r} />
          <PlanCard recall={r} onPlan={when('plan')} />
          <ProgressCard recall={r} onReport={when('progress')} />
        </Col>
        <Col xs={24} xl={10}>
          <AssessmentCard recall={r} onAssess={when('assess')} />
          <NoticeCard recall={r} onPublish={actions.includes('publish') ? confirmPublish : undefined} publishing={publish.isPending} />
        </Col>
      </Row>
      {open === 'assess' ? <AssessModal recall={r} onClose={() => setOpen(null)} /> : null}
      {actions.includes('plan') ? <PlanDrawer recall={r} open={open === 'plan'} onClose={() => setOpen(null)} /> : null}
      {open === 'progress' ? <ProgressModal recall={r} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
