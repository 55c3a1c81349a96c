import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { SERVICE_KIND_LABELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { serviceAccess } from './access';
import { keys, paths, servicesApi, type ServiceReferralView, type ServiceRequestLineView, type ServiceRequestView } from './api';
import { wm } from './messages';
import { clockState } from './clock';
import { GreenTag, REQUESTER_KIND_LABELS, ResponseClock, StatusTag, useNow, useOwnInstitution, Yuan } from './parts';
import { RequestActions } from './RequestActions';
import { LineActions, RequestBookingsCard, RequestCertificatesCard, RequestSamplesCard, useRequestRole } from './RequestWork';

/**
 * Which of the other requests in the chain the caller may open: the API answers 404 for one out
 * of scope, so each is asked for once (cached; the list and the detail share the entry).
 */
function useVisibleRequests(ids: string[]): (id: string) => boolean {
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: keys.request(id), queryFn: () => servicesApi.request(id), retry: false, staleTime: 60_000 })),
  });
  const visible = new Set(ids.filter((_, i) => results[i]?.isSuccess));
  return (id) => visible.has(id);
}

/** The requests this one was referred on to, and those they were referred on to in turn. */
function downstreamOf(request: ServiceRequestView): string[] {
  const found: string[] = [];
  const queue = [request.id];
  while (queue.length) {
    const from = queue.shift()!;
    for (const r of request.referrals) {
      if (r.fromRequestId === from && r.toRequestId !== request.id && !found.includes(r.toRequestId)) {
        found.push(r.toRequestId);
        queue.push(r.toRequestId);
      }
    }
  }
  return found;
}

/** A request number, linked when the caller may open it and it is not the page being read. */
function RequestRef({ id, no, current, visible }: { id: string; no: string; current: string; visible: (id: string) => boolean }) {
  const t = useT();
  if (id === current)
    return (
      <span className="mono">
        {no}（{t(wm.thisRequest)}）
      </span>
    );
  return visible(id) ? (
    <Link to={paths.request(id)} className="mono">
      {no}
    </Link>
  ) : (
    <span className="mono">{no}</span>
  );
}

/** The referral chain, oldest first: from which institution to which, why, when and by whom. */
function ReferralChain({ request, visible }: { request: ServiceRequestView; visible: (id: string) => boolean }) {
  const t = useT();
  if (!request.referrals.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(wm.chainEmpty)} />;
  const touches = (r: ServiceReferralView) => r.fromRequestId === request.id || r.toRequestId === request.id;
  return (
    <div data-testid="referral-chain">
      <Timeline
        items={request.referrals.map((r) => ({
          key: `${r.fromRequestId}-${r.toRequestId}`,
          color: touches(r) ? 'purple' : 'gray',
          content: (
            <div>
              <Typography.Text strong>{t(wm.chainStep, { from: r.fromInstitutionName, to: r.toInstitutionName })}</Typography.Text>
              <Typography.Text type="secondary"> · {formatDateTime(r.referredAt)}</Typography.Text>
              <div>
                <RequestRef id={r.fromRequestId} no={r.fromRequestNo} current={request.id} visible={visible} />
                {' → '}
                <RequestRef id={r.toRequestId} no={r.toRequestNo} current={request.id} visible={visible} />
              </div>
              <div className="event-reason">{t(wm.chainReason, { reason: r.reason })}</div>
              {r.referredByName ? <Typography.Text type="secondary">{t(wm.chainBy, { name: r.referredByName })}</Typography.Text> : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}

function LinesTable({ request, visible }: { request: ServiceRequestView; visible: (id: string) => boolean }) {
  const t = useT();
  // 收样 / 检定 on the lines, for the holding institution's staff once accepted.
  const role = useRequestRole(request);
  const here = request.lines.filter((l) => !l.referredToRequestId);
  const working = (role.mayReceive && here.some((l) => l.kind === 'testing')) || (role.mayVerify && here.some((l) => l.kind === 'verification'));
  const toNo = new Map(request.referrals.map((r) => [r.toRequestId, r.toRequestNo]));
  const columns: TableColumnsType<ServiceRequestLineView> = [
    {
      title: t(wm.item),
      dataIndex: 'itemName',
      render: (name: string, l) => (
        <div>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(SERVICE_KIND_LABELS[l.kind])}
          </Typography.Text>
        </div>
      ),
    },
    { title: t(wm.quantity), dataIndex: 'quantity', width: 100, align: 'right' },
    { title: t(wm.unitFee), dataIndex: 'unitFeeYuan', width: 110, align: 'right', render: (v: string) => <Yuan value={v} /> },
    { title: t(wm.gross), dataIndex: 'grossYuan', width: 120, align: 'right', render: (v: string) => <Yuan value={v} /> },
    { title: t(wm.waived), dataIndex: 'waivedYuan', width: 110, align: 'right', render: (v: string) => <Yuan value={v} /> },
    { title: t(wm.payable), dataIndex: 'payableYuan', width: 110, align: 'right', render: (v: string) => <Yuan value={v} strong /> },
    {
      title: t(wm.lineRule),
      dataIndex: 'feeRuleName',
      render: (name: string | null) => (name ? <Tag color="green">{name}</Tag> : <span className="secondary-text">{t(wm.noRule)}</span>),
    },
    {
      title: t(wm.where),
      key: 'where',
      width: 230,
      render: (_, l) =>
        l.referredToRequestId ? (
          <Space size={4}>
            <Tag color="purple">{t(wm.referredTo)}</Tag>
            <RequestRef id={l.referredToRequestId} no={toNo.get(l.referredToRequestId) ?? ''} current={request.id} visible={visible} />
          </Space>
        ) : (
          <span className="secondary-text">{t(wm.stillHere)}</span>
        ),
    },
    { title: t(wm.lineWork), key: 'work', width: 110, fixed: 'right', hidden: !working, render: (_, l) => <LineActions request={request} line={l} /> },
  ];
  return (
    <Table<ServiceRequestLineView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={request.lines}
      pagination={false}
      scroll={{ x: 1000 }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            <Typography.Text strong>{t(wm.total)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <Yuan value={request.grossYuan} />
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <Yuan value={request.waivedYuan} />
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">
            <Yuan value={request.payableYuan} strong />
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} colSpan={working ? 3 : 2} />
        </Table.Summary.Row>
      )}
    />
  );
}

/** A green request's banner: the 24 hours running, or past them. */
function ClockBanner({ request }: { request: ServiceRequestView }) {
  const t = useT();
  const now = useNow();
  const state = clockState(request, now);
  if (state.kind !== 'running' && state.kind !== 'overdue') return null;
  return (
    <Alert
      type={state.kind === 'overdue' ? 'error' : 'warning'}
      showIcon
      icon={<ThunderboltOutlined />}
      className="form-alert"
      title={
        <Space wrap>
          <span>
            {t(wm.greenChannelTitle)} · {t(wm.respondBy)}：{formatDateTime(request.respondBy)}
          </span>
          <ResponseClock request={request} />
        </Space>
      }
      description={t(wm.greenChannelText)}
    />
  );
}

export function RequestDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: keys.request(id), queryFn: () => servicesApi.request(id) });
  const own = useOwnInstitution();
  const r = detail.data;
  const others = r
    ? [...new Set([...r.referrals.flatMap((x) => [x.fromRequestId, x.toRequestId]), ...(r.referredFromId ? [r.referredFromId] : [])])].filter((x) => x !== r.id)
    : [];
  const visible = useVisibleRequests(others);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.requests)}>
      {t(wm.backToList)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError || !r) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(wm.notFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const mayHandle = serviceAccess.handle(session) && own?.id === r.institutionId;
  const from = r.referredFromId ? r.referrals.find((x) => x.toRequestId === r.id) : undefined;
  // The work of the requests this one was referred on to shows here too (those the caller may open).
  const chain = [r.id, ...downstreamOf(r).filter(visible)];
  const hasKind = (kind: ServiceRequestLineView['kind']) => r.lines.some((l) => l.kind === kind);

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span className="mono">{r.requestNo}</span>
            <StatusTag status={r.status} />
            {r.green ? <GreenTag /> : null}
          </Space>
        }
        subtitle={`${r.institutionName} · ${r.requesterName}`}
        extra={
          <>
            {back}
            {mayHandle ? <RequestActions request={r} /> : null}
          </>
        }
      />
      <ClockBanner request={r} />
      <Card title={t(wm.facts)} className="detail-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'status', label: t(wm.status), children: <StatusTag status={r.status} /> },
            { key: 'green', label: t(wm.green), children: r.green ? <GreenTag /> : t(wm.no) },
            { key: 'requester', label: t(wm.requester), children: `${r.requesterName}（${t(REQUESTER_KIND_LABELS[r.requesterKind])}）` },
            { key: 'institution', label: t(wm.institution), children: r.institutionName },
            { key: 'submitted', label: t(wm.submittedAt), children: formatDateTime(r.submittedAt) },
            { key: 'epidemic', label: t(wm.epidemicRelatedShort), children: r.epidemicRelated ? t(wm.yes) : t(wm.no) },
            { key: 'clock', label: t(wm.clock), children: <ResponseClock request={r} /> },
            { key: 'respondedAt', label: t(wm.respondedAt), children: formatDateTime(r.respondedAt) },
            { key: 'responder', label: t(wm.firstResponder), children: r.firstResponderName ?? <span className="secondary-text">{t(wm.firstResponderNone)}</span> },
            {
              key: 'payable',
              label: t(wm.fees),
              children: (
                <span data-testid="request-payable">
                  <Typography.Text strong>{t(wm.payableAmount, { amount: r.payableYuan })}</Typography.Text>
                  <Typography.Text type="secondary">（{t(wm.totals, { gross: r.grossYuan, waived: r.waivedYuan })}）</Typography.Text>
                </span>
              ),
            },
            ...(r.statusNote ? [{ key: 'note', label: t(wm.statusNote), span: 'filled' as const, children: r.statusNote }] : []),
            ...(r.escalatedToOrgName ? [{ key: 'escalated', label: t(wm.escalatedTo), span: 'filled' as const, children: r.escalatedToOrgName }] : []),
            ...(r.referredFromId
              ? [
                  {
                    key: 'from',
                    label: t(wm.referredFrom),
                    span: 'filled' as const,
                    children: from ? (
                      <span>
                        {from.fromInstitutionName}（<RequestRef id={from.fromRequestId} no={from.fromRequestNo} current={r.id} visible={visible} />）：{from.reason}
                      </span>
                    ) : (
                      t(wm.referredFromHidden)
                    ),
                  },
                ]
              : []),
            ...(r.contactName || r.contactPhone
              ? [{ key: 'contact', label: t(wm.contact), span: 'filled' as const, children: [r.contactName, r.contactPhone].filter(Boolean).join('  ') }]
              : []),
            {
              key: 'description',
              label: t(wm.description),
              span: 'filled' as const,
              children: r.description ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Paragraph> : '—',
            },
          ]}
        />
      </Card>
      <Card title={t(wm.linesTitle)} className="detail-card">
        <LinesTable request={r} visible={visible} />
      </Card>
      <RequestBookingsCard request={r} />
      {hasKind('verification') ? <RequestCertificatesCard request={r} ids={chain} /> : null}
      {hasKind('testing') ? <RequestSamplesCard ids={chain} /> : null}
      <Card title={t(wm.chainTitle)} className="detail-card">
        <ReferralChain request={r} visible={visible} />
      </Card>
    </>
  );
}
