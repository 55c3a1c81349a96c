import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Modal, Radio, Result, Row, Skeleton, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, ExperimentOutlined, FileProtectOutlined, FileSearchOutlined, SafetyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OBJECTION_OUTCOME_LABELS, OBJECTION_OUTCOMES, SAMPLING_CLOCK_LABELS, SAMPLING_PLACE_LABELS, type ObjectionOutcome } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { beijingToday, formatDate } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { keys, paths, samplingApi, type SamplingRecordView } from './api';
import { ProducerCell } from './BatchTable';
import { batchClocks, daysOverdue, type BatchClock } from './clocks';
import { sm } from './messages';
import { clockColour, ConclusionTag, SamplingStatusTag, useClockText } from './tags';

function useRecordUpdate(record: SamplingRecordView) {
  const client = useQueryClient();
  return (updated: SamplingRecordView) => {
    client.setQueryData(keys.record(record.id), updated);
    void client.invalidateQueries({ queryKey: keys.all });
  };
}

type ObjectionValues = { filedOn: string; reason: string };

/** The enterprise's objection, recorded by the bureau within the 15-day window. */
function ObjectionModal({ record, open, onClose }: { record: SamplingRecordView; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ObjectionValues>();
  const update = useRecordUpdate(record);
  const file = useMutation({
    mutationFn: (v: ObjectionValues) => samplingApi.fileObjection(record.id, v),
    onSuccess: (updated) => {
      update(updated);
      void message.success(t(sm.objectionFiled));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');
  return (
    <Modal
      open={open}
      title={t(sm.fileObjectionTitle, { no: record.recordNo })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(sm.fileObjection)}
      cancelText={t(common.cancel)}
      confirmLoading={file.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon className="form-alert" title={t(sm.fileObjectionHint, { date: record.objectionDueOn ?? '—' })} />
      <Form<ObjectionValues> name="objection" form={form} layout="vertical" preserve={false} initialValues={{ filedOn: today }} onFinish={(v) => file.mutate(v)}>
        <Form.Item name="filedOn" label={t(sm.filedOn)} rules={[{ required: true, message: t(sm.dateRequired) }]} {...isoDateField}>
          <DatePicker style={{ width: 200 }} disabledDate={(d) => d.format('YYYY-MM-DD') > today || Boolean(record.reportedOn && d.format('YYYY-MM-DD') < record.reportedOn)} />
        </Form.Item>
        <Form.Item name="reason" label={t(sm.reason)} rules={[{ required: true, whitespace: true, message: t(sm.reasonRequired) }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type DecisionValues = { outcome: ObjectionOutcome; decidedOn: string; note: string };

function DecisionModal({ record, open, onClose }: { record: SamplingRecordView; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const update = useRecordUpdate(record);
  const decide = useMutation({
    mutationFn: (v: DecisionValues) => samplingApi.decideObjection(record.id, v),
    onSuccess: (updated) => {
      update(updated);
      void message.success(t(sm.objectionDecided));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');
  return (
    <Modal
      open={open}
      title={t(sm.decideTitle, { no: record.recordNo })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(sm.decideObjection)}
      cancelText={t(common.cancel)}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={t(sm.decideHint)} />
      <Form<DecisionValues> name="objectionDecision" form={form} layout="vertical" preserve={false} initialValues={{ decidedOn: today }} onFinish={(v) => decide.mutate(v)}>
        <Form.Item name="outcome" label={t(sm.outcome)} rules={[{ required: true, message: t(sm.outcomeRequired) }]}>
          <Radio.Group optionType="button" options={OBJECTION_OUTCOMES.map((o) => ({ value: o, label: t(OBJECTION_OUTCOME_LABELS[o]) }))} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t(sm.decidedOn)} rules={[{ required: true, message: t(sm.dateRequired) }]} {...isoDateField}>
          <DatePicker
            style={{ width: 200 }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today || Boolean(record.objectionFiledOn && d.format('YYYY-MM-DD') < record.objectionFiledOn)}
          />
        </Form.Item>
        <Form.Item name="note" label={t(sm.decisionNote)} rules={[{ required: true, whitespace: true, message: t(sm.decisionNoteRequired) }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The sampling date, then each clock with its limit, when it was met, and its state now. */
function ClockTimeline({ record }: { record: SamplingRecordView }) {
  const t = useT();
  const text = useClockText();
  const clocks = batchClocks(record, dayjs(beijingToday()).format('YYYY-MM-DD'));
  const doneLabel = { delivery: sm.receivedOn, report: sm.reportedOn, objection: sm.objectionFiledOn } as const;
  const item = (c: BatchClock) => ({
    key: c.clock,
    color: c.state === 'overdue' ? 'red' : c.state === 'pending' || c.state === 'none' || c.state === 'lapsed' ? 'gray' : c.state === 'running' ? 'blue' : c.state === 'done_late' ? 'orange' : 'green',
    content: (
      <div>
        <Typography.Text strong>{t(SAMPLING_CLOCK_LABELS[c.clock])}</Typography.Text>{' '}
        <Tag color={clockColour(c)} style={{ marginInlineStart: 4 }}>
          {text(c)}
        </Tag>
        {c.dueOn ? <div className="secondary-text">{t(sm.dueShort, { date: formatDate(c.dueOn) })}</div> : null}
        {c.doneOn ? (
          <div>
            {t(doneLabel[c.clock])}：{formatDate(c.doneOn)}
          </div>
        ) : null}
        {c.clock === 'objection' && record.objectionOutcome ? <div>{t(OBJECTION_OUTCOME_LABELS[record.objectionOutcome])}</div> : null}
      </div>
    ),
  });
  return (
    <Timeline
      items={[
        {
          key: 'sampled',
          color: 'green',
          content: (
            <div>
              <Typography.Text strong>{t(sm.sampledStep)}</Typography.Text>
              <div>{formatDate(record.sampledOn)}</div>
            </div>
          ),
        },
        ...clocks.map(item),
      ]}
    />
  );
}

function LinksCard({ record }: { record: SamplingRecordView }) {
  const t = useT();
  const session = useSession();
  const none = <Typography.Text type="secondary">{t(sm.notYet)}</Typography.Text>;
  const rows: { key: string; icon: ReactNode; label: string; link: ReactNode; show: boolean }[] = [
    { key: 'sample', icon: <ExperimentOutlined />, label: t(sm.labSample), link: record.sampleId ? <Link to={`/lab/samples/${record.sampleId}`}>{t(sm.open)}</Link> : none, show: can(session, 'lab.sample.read') },
    { key: 'report', icon: <FileProtectOutlined />, label: t(sm.labReport), link: record.reportId ? <Link to={`/lab/reports/${record.reportId}`}>{t(sm.open)}</Link> : none, show: can(session, 'lab.sample.read') },
    { key: 'case', icon: <FileSearchOutlined />, label: t(sm.caseLead), link: record.caseId ? <Link to={`/enforcement/cases/${record.caseId}`}>{t(sm.open)}</Link> : none, show: can(session, 'case.read') },
    { key: 'disposal', icon: <SafetyOutlined />, label: t(sm.disposal), link: record.disposalId ? <Link to={paths.disposal(record.disposalId)}>{t(sm.open)}</Link> : none, show: session.org.kind === 'regulator' },
  ];
  return (
    <Card title={t(sm.links)} className="detail-card">
      <Descriptions
        size="small"
        column={1}
        items={rows
          .filter((r) => r.show)
          .map((r) => ({
            key: r.key,
            label: (
              <span>
                {r.icon} {r.label}
              </span>
            ),
            children: r.link,
          }))}
      />
    </Card>
  );
}

function BatchFacts({ record }: { record: SamplingRecordView }) {
  const t = useT();
  const categoryName = useCategoryName();
  return (
    <Card title={t(sm.batchFacts)} className="detail-card">
      <Descriptions
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'no', label: t(sm.recordNo), children: <span className="mono">{record.recordNo}</span> },
          { key: 'plan', label: t(sm.plan), children: <Link to={paths.plan(record.planId)}>{record.planName}</Link> },
          { key: 'producer', label: t(sm.producer), children: <ProducerCell row={record} /> },
          { key: 'institution', label: t(sm.institution), children: record.institutionName },
          { key: 'product', label: t(sm.productName), children: record.productName },
          { key: 'category', label: t(sm.category), children: categoryName(record.category) },
          { key: 'spec', label: t(sm.specification), children: record.specification || '—' },
          { key: 'batch', label: t(sm.batchNo), children: record.batchNo },
          { key: 'quantity', label: t(sm.quantity), children: record.quantity },
          { key: 'place', label: t(sm.place), children: t(SAMPLING_PLACE_LABELS[record.place]) },
          { key: 'samplers', label: t(sm.samplers), children: record.samplers.join('、') },
          { key: 'sampledOn', label: t(sm.sampledOn), children: formatDate(record.sampledOn) },
          { key: 'conclusion', label: t(sm.conclusion), children: <ConclusionTag conclusion={record.conclusion} /> },
          ...(record.objectionReason
            ? [
                {
                  key: 'objection',
                  label: t(sm.objectionReason),
                  span: 'filled' as const,
                  children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{record.objectionReason}</Typography.Paragraph>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export function BatchDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [modal, setModal] = useState<'objection' | 'decision' | null>(null);
  const detail = useQuery({ queryKey: keys.record(id), queryFn: () => samplingApi.record(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.batches)}>
      {t(sm.backToBatches)}
    </Button>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(sm.batchNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const r = detail.data;
  const dispose = can(session, 'sampling.dispose');
  const late = daysOverdue(r, dayjs(beijingToday()).format('YYYY-MM-DD'));
  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span className="mono">{r.recordNo}</span>
            <SamplingStatusTag status={r.status} />
            {r.conclusion ? <ConclusionTag conclusion={r.conclusion} /> : null}
          </Flex>
        }
        subtitle={`${r.productName} · ${r.batchNo}`}
        extra={
          <>
            {back}
            {can(session, 'sampling.receive') && r.status === 'sampled' ? (
              <Button type="primary" onClick={() => navigate(paths.receive(r.id))}>
                {t(sm.receive)}
              </Button>
            ) : null}
            {/* After the window a batch reads closed, but an objection posted in time may still arrive and be recorded. */}
            {dispose && (r.status === 'reported' || r.status === 'closed') && r.conclusion === 'nonconforming' && !r.objectionFiledOn ? (
              <Button onClick={() => setModal('objection')}>{t(sm.fileObjection)}</Button>
            ) : null}
            {dispose && r.status === 'objection' ? (
              <Button type="primary" onClick={() => setModal('decision')}>
                {t(sm.decideObjection)}
              </Button>
            ) : null}
          </>
        }
      />
      {r.overdue ? (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={`${r.nextClock ? t(SAMPLING_CLOCK_LABELS[r.nextClock]) : ''} · ${t(sm.dueShort, { date: formatDate(r.nextDueOn) })} · ${t(sm.overdueDays, { n: late })}`}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <BatchFacts record={r} />
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t(sm.timeline)} className="detail-card">
            <ClockTimeline record={r} />
          </Card>
          <LinksCard record={r} />
        </Col>
      </Row>
      {dispose ? (
        <>
          <ObjectionModal record={r} open={modal === 'objection'} onClose={() => setModal(null)} />
          <DecisionModal record={r} open={modal === 'decision'} onClose={() => setModal(null)} />
        </>
      ) : null}
    </>
  );
}
