import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Steps, Timeline, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, ClockCircleOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  CASE_CLOCK_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STAGE_LABELS,
  FINAL_CASE_STAGES,
  TRANSFER_KIND_LABELS,
  VIOLATION_CATEGORY_LABELS,
  type CaseStage,
} from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { caseKey, casesApi, type CaseDetailView, type CaseEventView } from './api';
import { ExtensionModal, FiguresModal, ListingModal } from './CaseModals';
import { PartyCell } from './CasesPage';
import { DocumentsCard } from './DocumentsCard';
import { EVENT_KIND_LABELS, xm } from './messages';
import { formatYuan } from './money';
import { stageSteps } from './stages';
import { DaysLeftTag, StageTag } from './tags';
import { TransitionCard } from './TransitionCard';

/** When each stage was reached, for the steps. */
function stageDate(detail: CaseDetailView, stage: CaseStage): string | null {
  switch (stage) {
    case 'lead':
      return detail.leadOn;
    case 'filed':
      return detail.filedOn;
    case 'decided':
      return detail.decidedOn;
    case 'executed':
      return detail.executedOn;
    case 'closed':
    case 'not_filed':
      return detail.closedOn;
    case 'transferred':
      return detail.transferredOn;
    case 'investigating':
      return detail.events.find((e) => e.toStage === 'investigating')?.at.slice(0, 10) ?? null;
  }
}

function CaseSteps({ detail }: { detail: CaseDetailView }) {
  const t = useT();
  const left = detail.events.find((e) => e.toStage === 'transferred')?.fromStage ?? null;
  const reached = new Set(detail.events.map((e) => e.toStage).filter((s): s is CaseStage => Boolean(s)));
  const steps = stageSteps(detail.stage, left, reached);
  return (
    <Card className="detail-card">
      <Steps
        size="small"
        items={steps.map((s) => ({
          key: s.stage,
          title: t(CASE_STAGE_LABELS[s.stage]),
          status: s.status,
          content: s.skipped ? t(xm.skipped) : s.status === 'finish' || s.status === 'process' ? formatDate(stageDate(detail, s.stage)) : undefined,
          icon: s.stage === 'not_filed' || s.stage === 'transferred' ? <StopOutlined /> : undefined,
        }))}
      />
    </Card>
  );
}

function CaseFacts({ detail }: { detail: CaseDetailView }) {
  const t = useT();
  const session = useSession();
  const categoryName = useCategoryName();
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'no', label: t(xm.caseNo), children: <span className="mono">{detail.caseNo}</span> },
    { key: 'party', label: t(xm.party), children: <PartyCell name={detail.partyName} uscc={detail.partyUscc} enterpriseId={detail.partyEnterpriseId} /> },
    { key: 'source', label: t(xm.source), children: t(CASE_SOURCE_LABELS[detail.source]) },
    { key: 'violation', label: t(xm.violationCategory), children: t(VIOLATION_CATEGORY_LABELS[detail.violationCategory]) },
    { key: 'category', label: t(xm.productCategory), children: detail.productCategory ? categoryName(detail.productCategory) : '—' },
    { key: 'org', label: t(xm.handlingOrg), children: detail.orgName },
    { key: 'lead', label: t(xm.leadOn), children: formatDate(detail.leadOn) },
    { key: 'filed', label: t(xm.filedOn), children: formatDate(detail.filedOn) },
    { key: 'summary', label: t(xm.summary), span: 'filled', children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{detail.summary}</Typography.Paragraph> },
  ];
  if (detail.source === 'sampling' && detail.sourceRef && can(session, 'sampling.read')) {
    items.splice(3, 0, { key: 'batch', label: t(xm.sourceBatch), children: <Link to={`/supervision/sampling/batches/${detail.sourceRef}`}>{t(xm.openBatch)}</Link> });
  }
  if (detail.decidedOn) {
    items.push(
      { key: 'decidedOn', label: t(xm.decidedOn), children: formatDate(detail.decidedOn) },
      { key: 'decisionNo', label: t(xm.decisionNo), children: detail.decisionNo ?? '—' },
      { key: 'decision', label: t(xm.decision), span: 'filled', children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{detail.decision}</Typography.Paragraph> },
    );
  }
  if (detail.executedOn) items.push({ key: 'executed', label: t(xm.executedOn), children: formatDate(detail.executedOn) });
  if (detail.closedOn && detail.stage === 'closed') items.push({ key: 'closed', label: t(xm.closedOn), children: formatDate(detail.closedOn) });
  if (detail.notFiledReason) items.push({ key: 'notFiled', label: t(xm.notFiledReason), span: 'filled', children: detail.notFiledReason });
  if (detail.transferKind) {
    items.push({
      key: 'transfer',
      label: t(xm.transferredTo),
      span: 'filled',
      children: `${t(TRANSFER_KIND_LABELS[detail.transferKind])}：${detail.transferredTo ?? '—'}（${formatDate(detail.transferredOn)}）`,
    });
  }
  return (
    <Card title={t(xm.facts)} className="detail-card">
      <Descriptions bordered styles={{ label: { whiteSpace: 'nowrap' } }} size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}

function ClockCard({ detail, onExtend }: { detail: CaseDetailView; onExtend?: () => void }) {
  const t = useT();
  return (
    <Card
      title={
        <span>
          <ClockCircleOutlined /> {t(xm.clockCard)}
        </span>
      }
      className="detail-card"
      extra={
        onExtend ? (
          <Button size="small" onClick={onExtend}>
            {t(xm.extend)}
          </Button>
        ) : null
      }
    >
      {detail.clock && detail.dueOn ? (
        <div style={{ marginBottom: 12 }}>
          <div className="secondary-text">{t(xm.runningClock)}</div>
          <Typography.Text strong>{t(CASE_CLOCK_LABELS[detail.clock])}</Typography.Text>
          <Flex gap={8} align="center" style={{ marginTop: 4 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {formatDate(detail.dueOn)}
            </Typography.Title>
            <DaysLeftTag daysLeft={detail.daysLeft} />
          </Flex>
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t(xm.noClock)}</Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'filing', label: t(xm.filingDueOn), children: formatDate(detail.filingDueOn) },
          { key: 'decision', label: t(xm.decisionDueOn), children: formatDate(detail.decisionDueOn) },
        ]}
      />
    </Card>
  );
}

function FiguresCard({ detail, onEdit }: { detail: CaseDetailView; onEdit?: () => void }) {
  const t = useT();
  return (
    <Card
      title={t(xm.figures)}
      className="detail-card"
      extra={
        onEdit ? (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
            {t(xm.figuresEdit)}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'units', label: t(xm.unitsInvestigated), children: detail.unitsInvestigated },
          { key: 'staff', label: t(xm.staffDispatched), children: detail.staffDispatched },
          { key: 'fine', label: t(xm.fineYuan), children: <span className="mono">¥ {formatYuan(detail.fineYuan)}</span> },
          { key: 'confiscation', label: t(xm.confiscationYuan), children: <span className="mono">¥ {formatYuan(detail.confiscationYuan)}</span> },
        ]}
      />
    </Card>
  );
}

function eventTitle(e: CaseEventView, t: ReturnType<typeof useT>): string {
  if (e.kind === 'stage' && e.toStage) return t(xm.eventStage, { from: e.fromStage ? t(CASE_STAGE_LABELS[e.fromStage]) : '—', to: t(CASE_STAGE_LABELS[e.toStage]) });
  if (e.kind === 'extension' && e.clock) return t(xm.eventExtension, { clock: t(CASE_CLOCK_LABELS[e.clock]), n: e.extensionDays ?? 0, by: e.approvedBy ?? '—' });
  const label = EVENT_KIND_LABELS[e.kind];
  return label ? t(label) : e.kind;
}

function CaseHistory({ events }: { events: CaseEventView[] }) {
  const t = useT();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(xm.historyEmpty)} />;
  return (
    <Timeline
      items={[...events].reverse().map((e) => ({
        key: e.id,
        color: e.kind === 'extension' ? 'orange' : e.toStage && FINAL_CASE_STAGES.includes(e.toStage) ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{eventTitle(e, t)}</Typography.Text>
            <div className="secondary-text">
              {e.byName ?? '—'} · {formatDateTime(e.at)}
            </div>
            {e.note ? <div className="event-reason">{e.note}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

const LISTABLE: readonly CaseStage[] = ['decided', 'executed', 'closed'];

export function CaseDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [modal, setModal] = useState<'extend' | 'figures' | 'list' | null>(null);
  const detail = useQuery({ queryKey: caseKey(id), queryFn: () => casesApi.get(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/enforcement/cases')}>
      {t(xm.backToCases)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(xm.caseNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const c = detail.data;
  const writable = can(session, 'case.write');
  const ended = c.stage === 'not_filed' || c.stage === 'transferred';
  const mayList = can(session, 'credit.list') && LISTABLE.includes(c.stage) && !c.listingId;

  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span className="mono">{c.caseNo}</span>
            <StageTag stage={c.stage} />
          </Flex>
        }
        subtitle={c.partyName}
        extra={
          <>
            {back}
            {c.listingId ? (
              <Button onClick={() => navigate(`/enforcement/credit/${c.listingId}`)}>{t(xm.viewListing)}</Button>
            ) : mayList ? (
              <Button danger onClick={() => setModal('list')}>
                {t(xm.listOnCredit)}
              </Button>
            ) : null}
          </>
        }
      />
      <CaseSteps detail={c} />
      {c.clock && c.dueOn && c.daysLeft !== null && c.daysLeft < 0 ? (
        <Alert type="error" showIcon className="form-alert" title={t(xm.clockOverdue, { clock: t(CASE_CLOCK_LABELS[c.clock]), date: c.dueOn, n: -c.daysLeft })} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <CaseFacts detail={c} />
          {writable && c.next.length ? <TransitionCard detail={c} /> : null}
          {FINAL_CASE_STAGES.includes(c.stage) ? (
            <Card className="detail-card">
              <Typography.Text type="secondary">{t(xm.finalStage, { stage: t(CASE_STAGE_LABELS[c.stage]) })}</Typography.Text>
            </Card>
          ) : null}
          <DocumentsCard detail={c} writable={writable} />
        </Col>
        <Col xs={24} xl={8}>
          <ClockCard detail={c} onExtend={can(session, 'case.extend') && c.clock ? () => setModal('extend') : undefined} />
          <FiguresCard detail={c} onEdit={writable && !ended ? () => setModal('figures') : undefined} />
          <Card title={t(xm.history)} className="detail-card">
            <CaseHistory events={c.events} />
          </Card>
        </Col>
      </Row>
      {c.clock ? <ExtensionModal detail={c} open={modal === 'extend'} onClose={() => setModal(null)} /> : null}
      <FiguresModal detail={c} open={modal === 'figures'} onClose={() => setModal(null)} />
      {mayList || modal === 'list' ? (
        <ListingModal
          detail={c}
          open={modal === 'list'}
          onClose={() => setModal(null)}
          onListed={(listing) => {
            setModal(null);
            navigate(`/enforcement/credit/${listing.id}`);
          }}
        />
      ) : null}
    </>
  );
}
