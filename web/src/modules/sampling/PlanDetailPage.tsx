import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Empty, Form, InputNumber, Modal, Progress, Result, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { showFormError } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { useRegionPathLabel } from '../../shared/RegionCascader';
import { PageHeader, QueryError } from '../../shared/ui';
import { keys, paths, samplingApi, type SamplingPlanDetailView, type SamplingTaskView } from './api';
import { BatchTable } from './BatchTable';
import { sm } from './messages';
import { percent, quotaKey, quotaProgress, type QuotaProgress } from './quota';
import { ProgressCell } from './tags';

/** A region's full name, e.g. 四川省 / 成都市 / 武侯区. */
export function RegionName({ code }: { code: string }) {
  return <>{useRegionPathLabel(code) ?? code}</>;
}

type AssignValues = { quota: string; institutionId: string; batches: number };

function AssignTaskModal({ plan, open, onClose }: { plan: SamplingPlanDetailView; open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const categoryName = useCategoryName();
  const [form] = Form.useForm<AssignValues>();
  const [search, setSearch] = useState('');
  const chosen = Form.useWatch('quota', form);
  const open_ = quotaProgress(plan.quotas, plan.tasks).filter((q) => q.unassigned > 0);
  const quota = open_.find((q) => quotaKey(q) === chosen);
  const institutions = useQuery({
    queryKey: ['institutions', 'testing', search],
    queryFn: () => samplingApi.institutions({ kind: 'testing', q: search || undefined, pageSize: 50 }),
    enabled: open,
    staleTime: 60_000,
  });
  const assign = useMutation({
    mutationFn: (v: AssignValues) => {
      const q = open_.find((x) => quotaKey(x) === v.quota)!;
      return samplingApi.assignTask(plan.id, { institutionId: v.institutionId, areaCode: q.areaCode, category: q.category, batches: v.batches });
    },
    onSuccess: (task) => {
      void client.invalidateQueries({ queryKey: keys.all });
      void message.success(t(sm.taskAssigned, { name: task.institutionName, n: task.batches }));
      onClose();
    },
    onError: (e) => {
      // The quota row is one field here; the server names its two parts.
      const mapped =
        e instanceof ApiError ? new ApiError(e.status, e.code, e.message, e.fields.map((f) => (f.field === 'areaCode' || f.field === 'category' ? { ...f, field: 'quota' } : f)), e.details) : e;
      showFormError(form, mapped, (text) => void message.error(text));
    },
  });
  return (
    <Modal
      open={open}
      title={t(sm.assignTitle)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(sm.assignTask)}
      cancelText={t(common.cancel)}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon className="form-alert" title={t(sm.assignHint)} />
      <Form<AssignValues>
        name="assignTask"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ quota: open_[0] ? quotaKey(open_[0]) : undefined, batches: open_[0]?.unassigned }}
        onValuesChange={(changed: Partial<AssignValues>) => {
          if (changed.quota) form.setFieldValue('batches', open_.find((q) => quotaKey(q) === changed.quota)?.unassigned);
        }}
        onFinish={(v) => assign.mutate(v)}
      >
        <Form.Item name="quota" label={t(sm.quotaRow)} rules={[{ required: true, message: t(sm.quotaRowRequired) }]}>
          <Select
            options={open_.map((q) => ({
              value: quotaKey(q),
              label: (
                <span>
                  <RegionName code={q.areaCode} /> · {categoryName(q.category)} <Typography.Text type="secondary">（{t(sm.unassigned)} {q.unassigned}）</Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="institutionId" label={t(sm.institution)} rules={[{ required: true, message: t(sm.institutionRequired) }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={institutions.isFetching}
            placeholder={t(sm.institutionPlaceholder)}
            options={(institutions.data?.items ?? []).map((i) => ({
              value: i.id,
              disabled: !i.cmaValid,
              label: (
                <span>
                  {i.name} <Typography.Text type="secondary">{i.regionName}</Typography.Text> {i.cmaValid ? null : <Tag color="red">{t(sm.cmaExpired)}</Tag>}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="batches"
          label={t(sm.batches)}
          extra={quota ? t(sm.batchesOf, { n: quota.unassigned }) : undefined}
          rules={[{ required: true, type: 'integer', min: 1, max: quota?.unassigned ?? 100_000, message: t(sm.batchesRequired) }]}
        >
          <InputNumber min={1} max={quota?.unassigned} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function QuotasCard({ plan }: { plan: SamplingPlanDetailView }) {
  const t = useT();
  const categoryName = useCategoryName();
  const rows = quotaProgress(plan.quotas, plan.tasks);
  const columns: TableColumnsType<QuotaProgress> = [
    { title: t(sm.area), dataIndex: 'areaCode', render: (code: string) => <RegionName code={code} /> },
    { title: t(sm.category), dataIndex: 'category', render: (c: string) => categoryName(c) },
    { title: t(sm.batches), dataIndex: 'batches', width: 90 },
    { title: t(sm.assigned), dataIndex: 'assigned', width: 100 },
    { title: t(sm.unassigned), dataIndex: 'unassigned', width: 100, render: (n: number) => (n ? <Typography.Text type="warning">{n}</Typography.Text> : 0) },
    {
      title: t(sm.sampled),
      key: 'sampled',
      width: 220,
      render: (_, q) => <ProgressCell done={q.sampled} of={q.batches} />,
    },
  ];
  return (
    <Card title={t(sm.quotasCard)} className="detail-card">
      <Table<QuotaProgress> rowKey={(q) => quotaKey(q)} size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 800 }} />
    </Card>
  );
}

function TasksCard({ plan, onAssign }: { plan: SamplingPlanDetailView; onAssign?: () => void }) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const mayRecord = can(session, 'sampling.record');
  const allAssigned = quotaProgress(plan.quotas, plan.tasks).every((q) => q.unassigned === 0);
  const columns: TableColumnsType<SamplingTaskView> = [
    { title: t(sm.institution), dataIndex: 'institutionName' },
    { title: t(sm.area), dataIndex: 'areaCode', render: (code: string) => <RegionName code={code} /> },
    { title: t(sm.category), dataIndex: 'category', render: (c: string) => categoryName(c) },
    {
      title: t(sm.sampled),
      key: 'sampled',
      width: 220,
      render: (_, task) => <ProgressCell done={task.sampled} of={task.batches} />,
    },
  ];
  if (mayRecord) {
    columns.push({
      title: t(common.actions),
      key: 'record',
      width: 130,
      render: (_, task) =>
        task.sampled < task.batches ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => navigate(paths.newBatch(plan.id, task.id))}>
            {t(sm.recordBatch)}
          </Button>
        ) : null,
    });
  }
  return (
    <Card
      title={t(sm.tasksCard)}
      className="detail-card"
      extra={
        onAssign ? (
          <Button type="primary" size="small" icon={<SendOutlined />} disabled={allAssigned} title={allAssigned ? t(sm.allAssigned) : undefined} onClick={onAssign}>
            {t(sm.assignTask)}
          </Button>
        ) : null
      }
    >
      <Table<SamplingTaskView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={plan.tasks}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(sm.tasksEmpty)} /> }}
      />
    </Card>
  );
}

function PlanBatches({ plan }: { plan: SamplingPlanDetailView }) {
  const t = useT();
  const batches = useQuery({ queryKey: [...keys.all, 'records', 'of-plan', plan.id], queryFn: () => samplingApi.records({ planId: plan.id, pageSize: 10 }) });
  return (
    <Card title={t(sm.planBatches)} className="detail-card" extra={<Link to={`${paths.batches}?planId=${plan.id}`}>{t(sm.showAll)}</Link>}>
      <BatchTable
        rows={batches.data?.items}
        loading={batches.isFetching}
        pagination={false}
        empty={batches.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(sm.batchesEmpty)} />}
      />
    </Card>
  );
}

export function PlanDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [assigning, setAssigning] = useState(false);
  const detail = useQuery({ queryKey: keys.plan(id), queryFn: () => samplingApi.plan(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.plans)}>
      {t(sm.backToPlans)}
    </Button>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(sm.planNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const plan = detail.data;
  const mayAssign = can(session, 'sampling.plan') && session.org.kind === 'regulator';
  return (
    <>
      <PageHeader title={plan.name} subtitle={plan.orgName} extra={back} />
      <Card title={t(sm.planFacts)} className="detail-card">
        <Descriptions
          bordered
          styles={{ label: { whiteSpace: 'nowrap' } }}
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'org', label: t(sm.planOrg), children: plan.orgName },
            { key: 'period', label: t(sm.period), children: `${formatDate(plan.startsOn)} — ${formatDate(plan.endsOn)}` },
            { key: 'created', label: t(sm.createdAt), children: formatDateTime(plan.createdAt) },
            { key: 'quota', label: t(sm.quotaBatches), children: plan.quotaBatches },
            { key: 'sampled', label: t(sm.sampledBatches), children: <Progress percent={percent(plan.sampledBatches, plan.quotaBatches)} size="small" format={() => `${plan.sampledBatches}`} style={{ maxWidth: 240 }} /> },
            { key: 'nonconforming', label: t(sm.nonconformingBatches), children: plan.nonconformingBatches ? <Typography.Text type="danger">{plan.nonconformingBatches}</Typography.Text> : 0 },
          ]}
        />
      </Card>
      <QuotasCard plan={plan} />
      <TasksCard plan={plan} onAssign={mayAssign ? () => setAssigning(true) : undefined} />
      <PlanBatches plan={plan} />
      {mayAssign ? <AssignTaskModal plan={plan} open={assigning} onClose={() => setAssigning(false)} /> : null}
    </>
  );
}
