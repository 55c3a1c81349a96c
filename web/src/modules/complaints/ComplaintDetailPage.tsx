import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Timeline, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, ClockCircleOutlined, FileSearchOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { COMPLAINT_EVENT_LABELS, COMPLAINT_KIND_LABELS, type ComplaintEventAction } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useLang, useT, type Translate } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { formatDate, formatDateTime } from '../../shared/format';
import { useRegionPathLabel } from '../../shared/RegionCascader';
import { PageHeader, QueryError } from '../../shared/ui';
import { formatYuan } from '../enforcement/money';
import { complaintActions, isHandlingBureau } from './actions';
import { complaintsApi, keys, paths, type ComplaintView } from './api';
import { ComplaintActions } from './ComplaintActions';
import { cm } from './messages';
import { dueState } from './due';
import { channelLabel, clockLabel, DueTag, KindTag, StatusTag, TargetCell, useToday } from './parts';
import { complaintTimeline, type TimelineStep } from './timeline';

/** Chinese labels stay on one line; the longer English ones (with the Chinese term) wrap. */
const labelStyle = (lang: 'zh' | 'en') => (lang === 'zh' ? { whiteSpace: 'nowrap' as const } : { width: 150 });
const paragraph = (text: string) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>;

/** The case a complaint became, a link to it in the enforcement module. */
function CaseLink({ caseId, caseNo }: { caseId: string; caseNo: string | null }) {
  const t = useT();
  return (
    <Link to={paths.case(caseId)} data-testid="complaint-case-link">
      <FileSearchOutlined /> {t(cm.openCase, { no: caseNo ?? '' })}
    </Link>
  );
}

function Facts({ c }: { c: ComplaintView }) {
  const t = useT();
  const { lang } = useLang();
  const categoryName = useCategoryName();
  const region = useRegionPathLabel(c.targetRegionCode);
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'no', label: t(cm.complaintNo), children: <span className="mono">{c.complaintNo}</span> },
    { key: 'kind', label: t(cm.kind), children: <KindTag kind={c.kind} /> },
    { key: 'status', label: t(cm.status), children: <StatusTag status={c.status} /> },
    { key: 'channel', label: t(cm.channel), children: t(channelLabel(c.channel)) },
    { key: 'received', label: t(cm.receivedOn), children: formatDate(c.receivedOn) },
    { key: 'org', label: t(cm.handlingOrg), children: c.handlingOrgName },
    { key: 'target', label: t(cm.target), children: <TargetCell complaint={c} /> },
    { key: 'region', label: t(cm.targetRegionShort), children: region ?? c.targetRegionCode },
    { key: 'category', label: t(cm.productCategory), children: c.productCategory ? categoryName(c.productCategory) : '—' },
  ];
  if (c.kind === 'complaint') items.push({ key: 'amount', label: t(cm.amountYuan), children: c.amountYuan ? <span className="mono">¥ {formatYuan(c.amountYuan)}</span> : '—' });
  items.push(
    { key: 'subject', label: t(cm.subject), span: 'filled', children: <Typography.Text strong>{c.subject}</Typography.Text> },
    { key: 'content', label: t(cm.content), span: 'filled', children: paragraph(c.content) },
  );
  if (c.decidedOn || c.decisionNote) {
    items.push(
      { key: 'decidedOn', label: t(cm.decidedOn), children: formatDate(c.decidedOn) },
      { key: 'decisionNote', label: t(cm.decisionNote), children: c.decisionNote ? paragraph(c.decisionNote) : '—' },
    );
  }
  if (c.caseId) items.push({ key: 'case', label: t(cm.caseLead), span: 'filled', children: <CaseLink caseId={c.caseId} caseNo={c.caseNo} /> });
  if (c.reply) {
    items.push(
      { key: 'repliedAt', label: t(cm.repliedAt), span: 'filled', children: formatDateTime(c.repliedAt) },
      { key: 'reply', label: t(cm.reply), span: 'filled', children: paragraph(c.reply) },
    );
  }
  return (
    <Card title={t(cm.facts)} className="detail-card">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} styles={{ label: labelStyle(lang) }} items={items} />
    </Card>
  );
}

/** The complainant's name and phone: the API sends them to the handling bureau only. */
function Complainant({ c }: { c: ComplaintView }) {
  const t = useT();
  const hidden = c.complainantName === null && c.complainantPhone === null;
  return (
    <Card title={t(cm.complainant)} className="detail-card">
      {hidden ? (
        <Typography.Text type="secondary" data-testid="contact-hidden">
          <LockOutlined /> {t(cm.contactHidden)}
        </Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: t(cm.complainantName), children: c.complainantName ?? '—' },
            { key: 'phone', label: t(cm.complainantPhone), children: <span className="mono">{c.complainantPhone ?? '—'}</span> },
          ]}
        />
      )}
    </Card>
  );
}

function ClockCard({ c, today }: { c: ComplaintView; today: string }) {
  const t = useT();
  return (
    <Card
      title={
        <span>
          <ClockCircleOutlined /> {t(cm.clockCard)}
        </span>
      }
      className="detail-card"
    >
      {c.clock && c.dueOn ? (
        <div>
          <div className="secondary-text">{t(cm.runningClock)}</div>
          <Typography.Text strong>{t(clockLabel(c.kind, c.clock))}</Typography.Text>
          <Flex gap={8} align="center" wrap style={{ marginTop: 4 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {formatDate(c.dueOn)}
            </Typography.Title>
            <DueTag state={dueState(c, today)} />
          </Flex>
        </div>
      ) : (
        <Typography.Text type="secondary">{t(cm.noClock)}</Typography.Text>
      )}
    </Card>
  );
}

/** When a step read from the record happened: a day, a moment, or not recorded. */
const recordedAt = (at: string | null, t: Translate) => (at ? (at.length > 10 ? formatDateTime(at) : formatDate(at)) : t(cm.noDate));

/** A step's title, its line of when (and by whom), and its text. */
function stepContent(step: TimelineStep, c: ComplaintView, t: Translate): { title: string; when: string | null; detail: string | null } {
  switch (step.key) {
    case 'event':
      return {
        title: t(COMPLAINT_EVENT_LABELS[step.action]),
        when: step.byName ? `${formatDateTime(step.at)} · ${step.byName}` : formatDateTime(step.at),
        detail: step.note || null,
      };
    case 'received':
      return {
        title: t(cm.evReceived, { kind: t(COMPLAINT_KIND_LABELS[c.kind]), channel: t(channelLabel(c.channel)) }),
        when: recordedAt(step.at, t),
        detail: t(cm.evRouted, { org: c.handlingOrgName }),
      };
    case 'decision': {
      const title = { accepted: cm.evAccepted, not_accepted: cm.evNotAccepted, not_filed: cm.evNotFiled, lead_opened: cm.evLeadDecision }[step.outcome];
      return { title: t(title), when: recordedAt(step.at, t), detail: step.note };
    }
    case 'mediation':
      return { title: t(step.agreed ? cm.evMediated : cm.evMediationFailed), when: recordedAt(step.at, t), detail: step.note };
    case 'lead':
      return { title: t(cm.evLead), when: recordedAt(step.at, t), detail: null };
    case 'reply':
      return { title: t(cm.evReplied), when: recordedAt(step.at, t), detail: step.text };
    case 'pending':
      return { title: t(cm.evPending, { clock: t(clockLabel(c.kind, step.clock)) }), when: null, detail: t(cm.evDueOn, { date: step.dueOn }) };
  }
}

const EVENT_COLOURS: Record<ComplaintEventAction, string> = {
  received: 'blue',
  accepted: 'blue',
  not_accepted: 'red',
  not_filed: 'red',
  mediated: 'green',
  replied: 'green',
  lead_opened: 'purple',
};
const STEP_COLOURS: Record<Exclude<TimelineStep['key'], 'event'>, string> = { received: 'blue', decision: 'blue', mediation: 'green', lead: 'purple', reply: 'green', pending: 'gray' };

function stepColour(step: TimelineStep): string {
  switch (step.key) {
    case 'event':
      return EVENT_COLOURS[step.action];
    case 'decision':
      return step.outcome === 'not_accepted' || step.outcome === 'not_filed' ? 'red' : STEP_COLOURS.decision;
    case 'pending':
      return step.overdue ? 'red' : STEP_COLOURS.pending;
    default:
      return STEP_COLOURS[step.key];
  }
}

/** The case a step opened: a listed lead, or one read from the record. */
function stepCase(step: TimelineStep, c: ComplaintView): { caseId: string; caseNo: string | null } | null {
  if (step.key === 'event') return step.caseId ? { caseId: step.caseId, caseNo: step.caseNo } : null;
  if (step.key === 'lead') return { caseId: step.caseId, caseNo: step.caseNo };
  if (step.key === 'decision' && step.outcome === 'lead_opened' && c.caseId) return { caseId: c.caseId, caseNo: c.caseNo };
  return null;
}

/** What happened, oldest first (each step with its time, who took it and its note), ending with the clock still running. */
function History({ c }: { c: ComplaintView }) {
  const t = useT();
  const steps = complaintTimeline(c);
  return (
    <Timeline
      items={steps.map((step, i) => {
        const { title, when, detail } = stepContent(step, c, t);
        const late = step.key === 'pending' && step.overdue;
        const opened = stepCase(step, c);
        return {
          key: `${i}-${step.key === 'event' ? step.action : step.key}`,
          color: stepColour(step),
          content: (
            <div>
              <Typography.Text strong>{title}</Typography.Text>
              {when ? <div className="secondary-text">{when}</div> : null}
              {detail && late ? <div className="event-reason">{detail}</div> : null}
              {detail && !late ? (
                <Typography.Paragraph ellipsis={{ rows: 4, expandable: 'collapsible' }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {detail}
                </Typography.Paragraph>
              ) : null}
              {opened ? <CaseLink caseId={opened.caseId} caseNo={opened.caseNo} /> : null}
            </div>
          ),
        };
      })}
    />
  );
}

export function ComplaintDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: keys.one(id), queryFn: () => complaintsApi.get(id) });
  const today = useToday();
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.list)}>
      {t(cm.backToList)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(cm.notFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const c = detail.data;
  const actions = complaintActions(c, { orgId: session.org.id, handle: can(session, 'complaint.handle'), caseWrite: can(session, 'case.write') });
  const state = dueState(c, today);

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span className="mono">{c.complaintNo}</span>
            <KindTag kind={c.kind} />
            <StatusTag status={c.status} />
            {state.kind === 'overdue' ? <DueTag state={state} /> : null}
          </Space>
        }
        subtitle={c.subject}
        extra={
          <>
            {back}
            {c.caseId ? (
              <Button icon={<FileSearchOutlined />} onClick={() => navigate(paths.case(c.caseId!))}>
                {t(cm.openCase, { no: c.caseNo ?? '' })}
              </Button>
            ) : null}
            <ComplaintActions complaint={c} actions={actions} />
          </>
        }
      />
      {state.kind === 'overdue' && c.clock && c.dueOn ? (
        <Alert type="error" showIcon className="form-alert" title={t(cm.clockOverdueAlert, { clock: t(clockLabel(c.kind, c.clock)), date: c.dueOn })} />
      ) : null}
      {can(session, 'complaint.handle') && !isHandlingBureau(c, { orgId: session.org.id }) ? (
        <Alert type="info" showIcon className="form-alert" title={t(cm.handledElsewhere, { org: c.handlingOrgName })} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Facts c={c} />
        </Col>
        <Col xs={24} xl={8}>
          <ClockCard c={c} today={today} />
          <Complainant c={c} />
          <Card title={t(cm.timeline)} className="detail-card">
            <History c={c} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
