import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Timeline, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, ClockCircleOutlined, FileSearchOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { COMPLAINT_KIND_LABELS } from '@shijian/contracts';
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
import { channelLabel, clockLabel, DueTag, KindTag, StatusTag, TargetCell, useCalendar, useToday } from './parts';
import { complaintTimeline, type TimelineStep } from './timeline';
import { dueState, type DayOverrides } from './workdays';

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

function ClockCard({ c, today, calendar }: { c: ComplaintView; today: string; calendar: DayOverrides | undefined }) {
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
            <DueTag state={dueState(c, today, calendar)} />
          </Flex>
        </div>
      ) : (
        <Typography.Text type="secondary">{t(cm.noClock)}</Typography.Text>
      )}
    </Card>
  );
}

function stepContent(step: TimelineStep, c: ComplaintView, t: Translate) {
  switch (step.key) {
    case 'received':
      return {
        title: t(cm.evReceived, { kind: t(COMPLAINT_KIND_LABELS[c.kind]), channel: t(channelLabel(c.channel)) }),
        detail: t(cm.evRouted, { org: c.handlingOrgName }),
      };
    case 'decision': {
      const title = { accepted: cm.evAccepted, not_accepted: cm.evNotAccepted, not_filed: cm.evNotFiled, lead_opened: cm.evLeadDecision }[step.outcome];
      return { title: t(title), detail: step.note };
    }
    case 'mediation':
      return { title: t(step.agreed ? cm.evMediated : cm.evMediationFailed), detail: step.note };
    case 'lead':
      return { title: t(cm.evLead), detail: null };
    case 'reply':
      return { title: t(cm.evReplied), detail: step.text };
    case 'pending':
      return { title: t(cm.evPending, { clock: t(clockLabel(c.kind, step.clock)) }), detail: t(cm.evDueOn, { date: step.dueOn }) };
  }
}

const STEP_COLOURS: Record<TimelineStep['key'], string> = { received: 'blue', decision: 'blue', mediation: 'green', lead: 'purple', reply: 'green', pending: 'gray' };

/** What happened, oldest first, ending with the clock still running. */
function History({ c }: { c: ComplaintView }) {
  const t = useT();
  const steps = complaintTimeline(c);
  return (
    <Timeline
      items={steps.map((step) => {
        const { title, detail } = stepContent(step, c, t);
        const refused = step.key === 'decision' && (step.outcome === 'not_accepted' || step.outcome === 'not_filed');
        const late = step.key === 'pending' && step.overdue;
        return {
          key: step.key,
          color: late || refused ? 'red' : STEP_COLOURS[step.key],
          content: (
            <div>
              <Typography.Text strong>{title}</Typography.Text>
              {step.key !== 'pending' ? (
                <div className="secondary-text">{step.at ? (step.at.length > 10 ? formatDateTime(step.at) : formatDate(step.at)) : t(cm.noDate)}</div>
              ) : null}
              {detail ? <div className={late ? 'event-reason' : undefined}>{detail}</div> : null}
              {step.key === 'lead' || (step.key === 'decision' && step.outcome === 'lead_opened' && c.caseId) ? <CaseLink caseId={c.caseId!} caseNo={c.caseNo} /> : null}
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
  const calendar = useCalendar([detail.data?.dueOn ?? null], today);
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
  const state = dueState(c, today, calendar);

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
          <ClockCard c={c} today={today} calendar={calendar} />
          <Complainant c={c} />
          <Card title={t(cm.timeline)} className="detail-card">
            <History c={c} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
