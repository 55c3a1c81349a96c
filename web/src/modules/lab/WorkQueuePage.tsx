import { Button, Card, Col, Empty, Row, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS, SAMPLE_SOURCE_LABELS, type SampleStatus } from '@shijian/contracts';
import { labApi } from '../../api/endpoints';
import type { SampleView } from '../../api/types';
import { common } from '../../app/common';
import { useT, type Label } from '../../app/i18n';
import { can, type Permission } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { lm } from './messages';
import { SampleStatusTag } from './tags';

/** What each state asks of whom: the step the queue offers for a sample. */
const STEPS: { status: SampleStatus; permission: Permission; label: Label; hint: Label }[] = [
  { status: 'received', permission: 'lab.sample.assign', label: lm.stepAssign, hint: lm.stepAssignHint },
  { status: 'testing', permission: 'lab.result.enter', label: lm.stepEnter, hint: lm.stepEnterHint },
  { status: 'in_review', permission: 'lab.sample.review', label: lm.stepReview, hint: lm.stepReviewHint },
  { status: 'in_approval', permission: 'lab.sample.approve', label: lm.stepApprove, hint: lm.stepApproveHint },
  { status: 'approved', permission: 'lab.sample.approve', label: lm.stepIssue, hint: lm.stepIssueHint },
];

/**
 * The landing page of institution staff: what is waiting for the caller's roles
 * (`queue=mine` on the server), plus, for signatories, approved samples whose
 * report is still to be issued (the server's queue stops at approval).
 */
export function WorkQueuePage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const signatory = can(session, 'lab.sample.approve');
  const queue = useQuery({ queryKey: ['lab', 'samples', 'queue'], queryFn: () => labApi.samples({ queue: 'mine', pageSize: 100, sort: 'receivedAt', order: 'asc' }) });
  const toIssue = useQuery({
    queryKey: ['lab', 'samples', 'to-issue'],
    queryFn: () => labApi.samples({ status: 'approved', pageSize: 100, sort: 'receivedAt', order: 'asc' }),
    enabled: signatory,
  });
  const mySteps = STEPS.filter((s) => can(session, s.permission));
  const rows = [...(queue.data?.items ?? []), ...(signatory ? (toIssue.data?.items ?? []) : [])];
  const stepOf = (status: SampleStatus) => STEPS.find((s) => s.status === status);
  const roles = session.user.roles.map((r) => t(ROLE_LABELS[r])).join('、');
  const loading = queue.isPending || (signatory && toIssue.isPending);

  const columns: TableColumnsType<SampleView> = [
    {
      title: t(lm.todo),
      key: 'step',
      width: 150,
      render: (_, row) => {
        const step = stepOf(row.status);
        return step ? <Tag color="blue">{t(step.label)}</Tag> : null;
      },
    },
    { title: t(lm.sampleNo), dataIndex: 'sampleNo', render: (no: string, row) => <Link to={`/lab/samples/${row.id}`} className="mono">{no}</Link> },
    { title: t(lm.productName), dataIndex: 'productName' },
    { title: t(lm.category), dataIndex: 'productCategory', render: (c: string) => categoryName(c) },
    { title: t(lm.source), dataIndex: 'source', render: (s: SampleView['source']) => t(SAMPLE_SOURCE_LABELS[s]) },
    { title: t(lm.status), dataIndex: 'status', render: (s: SampleStatus) => <SampleStatusTag status={s} /> },
    { title: t(lm.receivedAt), dataIndex: 'receivedAt', render: formatDateTime },
    {
      title: t(common.actions),
      key: 'open',
      width: 100,
      render: (_, row) => (
        <Button type="primary" size="small" onClick={() => navigate(`/lab/samples/${row.id}`)}>
          {t(lm.handle)}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(lm.queueTitle)}
        subtitle={t(lm.queueSubtitle, { roles: roles || '—' })}
        extra={
          can(session, 'lab.sample.receive') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/lab/samples/new')}>
              {t(lm.receive)}
            </Button>
          ) : null
        }
      />
      {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {mySteps.length ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {mySteps.map((step) => (
            <Col key={step.status} xs={24} sm={12} lg={6}>
              <Card className="stat-card" size="small">
                <Statistic title={t(step.label)} value={rows.filter((r) => r.status === step.status).length} loading={loading} />
                <div className="queue-hint">{t(step.hint)}</div>
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      <Card>
        <Table<SampleView>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={rows.length > 20 ? { pageSize: 20, showTotal: (n) => t(common.total, { n }) } : false}
          locale={{
            emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mySteps.length ? t(lm.queueEmpty) : t(lm.queueNoRole)} />,
          }}
          scroll={{ x: 900 }}
        />
      </Card>
    </>
  );
}
