import type { ReactNode } from 'react';
import { Button, Card, Col, Empty, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useT, type Label } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { formatQuantity } from '../enforcement/money';
import { keys, paths, samplingApi, type DisposalView, type SamplingRecordListQuery } from './api';
import { BatchTable } from './BatchTable';
import { sm } from './messages';

const QUEUE_SIZE = 10;

function useRecords(name: string, query: SamplingRecordListQuery, enabled = true) {
  return useQuery({ queryKey: [...keys.all, 'queue', name], queryFn: () => samplingApi.records({ pageSize: QUEUE_SIZE, ...query }), enabled });
}

/** One section of the queue: a count, what it means, the first rows and a link to the whole filtered list. */
function Section({ title, hint, total, loading, more, children }: { title: Label; hint: Label; total: number | undefined; loading: boolean; more: string; children: ReactNode }) {
  const t = useT();
  return (
    <Card
      className="detail-card"
      title={
        <span>
          {t(title)} <Typography.Text type="secondary">({loading ? '…' : (total ?? 0)})</Typography.Text>
        </span>
      }
      extra={<Link to={more}>{t(sm.showAll)}</Link>}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t(hint)}
      </Typography.Paragraph>
      {children}
    </Card>
  );
}

function DisposalTable({ rows, loading }: { rows: DisposalView[] | undefined; loading: boolean }) {
  const t = useT();
  const columns: TableColumnsType<DisposalView> = [
    { title: t(sm.recordNo), dataIndex: 'recordNo', render: (no: string, row) => <Link to={paths.disposal(row.id)} className="mono">{no}</Link> },
    { title: t(sm.product), key: 'product', render: (_, row) => `${row.productName} · ${row.batchNo}` },
    { title: t(sm.enterprise), dataIndex: 'enterpriseName' },
    { title: t(sm.openedOn), dataIndex: 'openedOn', width: 120, render: formatDate },
    { title: t(sm.notifiedOn), dataIndex: 'enterpriseNotifiedOn', width: 130, render: (d: string | null) => (d ? formatDate(d) : <Typography.Text type="warning">{t(sm.notNotified)}</Typography.Text>) },
    { title: `${t(sm.totalRecovered)} / ${t(sm.totalShipped)}`, key: 'recovered', render: (_, row) => `${formatQuantity(row.totalRecovered)} / ${formatQuantity(row.totalShipped)} ${row.unit}` },
  ];
  return (
    <Table<DisposalView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(sm.queueEmptyDisposals)} /> }}
    />
  );
}

/** A testing institution's queue: batches to receive first, then those in its lab. */
function LabQueue() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const awaiting = useRecords('awaiting', { status: 'sampled', order: 'asc' });
  const inLab = useRecords('in-lab', { status: 'in_lab', order: 'asc' });
  const receive = can(session, 'sampling.receive')
    ? (row: { id: string; status: string }) =>
        row.status === 'sampled' ? (
          <Button type="primary" size="small" onClick={() => navigate(paths.receive(row.id))}>
            {t(sm.receive)}
          </Button>
        ) : null
    : undefined;
  return (
    <>
      {awaiting.isError ? <QueryError error={awaiting.error} onRetry={() => void awaiting.refetch()} /> : null}
      <Section title={sm.awaitingReceipt} hint={sm.awaitingReceiptHint} total={awaiting.data?.total} loading={awaiting.isPending} more={`${paths.batches}?status=sampled`}>
        <BatchTable
          rows={awaiting.data?.items}
          loading={awaiting.isFetching}
          pagination={false}
          action={receive}
          empty={awaiting.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(sm.queueEmptyReceipt)} />}
        />
      </Section>
      <Section title={sm.inLab} hint={sm.inLabHint} total={inLab.data?.total} loading={inLab.isPending} more={`${paths.batches}?status=in_lab`}>
        <BatchTable
          rows={inLab.data?.items}
          loading={inLab.isFetching}
          pagination={false}
          empty={inLab.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(sm.queueEmptyInLab)} />}
        />
      </Section>
    </>
  );
}

/** A bureau's queue: overdue batches and open disposals first, then nonconforming batches in their objection window. */
function RegulatorQueue() {
  const t = useT();
  const overdue = useRecords('overdue', { overdue: 'true' });
  const objection = useRecords('objection', { status: 'reported', conclusion: 'nonconforming', order: 'asc' });
  const disposals = useQuery({ queryKey: [...keys.all, 'queue', 'disposals'], queryFn: () => samplingApi.disposals({ status: 'open', pageSize: QUEUE_SIZE, order: 'asc' }) });
  const stats: { label: Label; value: number | undefined; loading: boolean; danger: boolean }[] = [
    { label: sm.overdueBatches, value: overdue.data?.total, loading: overdue.isPending, danger: true },
    { label: sm.openDisposals, value: disposals.data?.total, loading: disposals.isPending, danger: false },
    { label: sm.objectionWindow, value: objection.data?.total, loading: objection.isPending, danger: false },
  ];
  return (
    <>
      {overdue.isError ? <QueryError error={overdue.error} onRetry={() => void overdue.refetch()} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map((s) => (
          <Col key={s.label.zh} xs={24} md={8}>
            <Card size="small" className="stat-card">
              <Statistic title={t(s.label)} value={s.value ?? 0} loading={s.loading} styles={{ content: { color: s.danger && s.value ? '#cf1322' : undefined } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Section title={sm.overdueBatches} hint={sm.overdueHint} total={overdue.data?.total} loading={overdue.isPending} more={`${paths.batches}?overdue=true`}>
        <BatchTable
          rows={overdue.data?.items}
          loading={overdue.isFetching}
          pagination={false}
          empty={overdue.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(sm.queueEmptyOverdue)} />}
        />
      </Section>
      <Section title={sm.openDisposals} hint={sm.openDisposalsHint} total={disposals.data?.total} loading={disposals.isPending} more={`${paths.disposals}?status=open`}>
        <DisposalTable rows={disposals.data?.items} loading={disposals.isFetching} />
      </Section>
      <Section title={sm.objectionWindow} hint={sm.objectionWindowHint} total={objection.data?.total} loading={objection.isPending} more={`${paths.batches}?status=reported&conclusion=nonconforming`}>
        <BatchTable
          rows={objection.data?.items}
          loading={objection.isFetching}
          pagination={false}
          empty={objection.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(sm.queueEmptyObjection)} />}
        />
      </Section>
    </>
  );
}

/** What needs doing now, by who is asking: institutions receive, bureaus chase limits and disposals. */
export function QueuePage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const lab = session.org.kind === 'institution';
  return (
    <>
      <PageHeader
        title={t(sm.queueTitle)}
        subtitle={t(lab ? sm.queueSubtitleLab : sm.queueSubtitleRegulator)}
        extra={
          can(session, 'sampling.record') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(paths.newBatch())}>
              {t(sm.recordBatch)}
            </Button>
          ) : null
        }
      />
      {lab ? <LabQueue /> : <RegulatorQueue />}
    </>
  );
}
