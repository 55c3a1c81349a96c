import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Result, Row, Select, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../../app/StatusPages';
import { useCategoryName } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { beijingToday, formatDate } from '../../shared/format';
import { requiredRule } from '../../shared/rules';
import { PageHeader, QueryError } from '../../shared/ui';
import { limitLabel } from '../lab/limits';
import { keys, paths, samplingApi, type SamplingRecordView } from './api';
import { batchClocks } from './clocks';
import { sm } from './messages';
import { ClockTag } from './tags';

type Values = { testItemIds: string[]; conditionOnArrival: string; storage: string; retentionUntil: string };

function ReceiveForm({ record }: { record: SamplingRecordView }) {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const categoryName = useCategoryName();
  const [form] = Form.useForm<Values>();
  const items = useQuery({ queryKey: ['lab', 'test-items', 'by-category', record.category], queryFn: () => samplingApi.testItems(record.category) });
  const options = useMemo(
    () => (items.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: `${i.standard} ${i.parameter}（${limitLabel(i)}）` })),
    [items.data],
  );
  const receive = useMutation({
    mutationFn: (v: Values) => samplingApi.receive(record.id, v),
    onSuccess: (updated) => {
      client.setQueryData(keys.record(record.id), updated);
      void client.invalidateQueries({ queryKey: keys.all });
      void client.invalidateQueries({ queryKey: ['lab'] });
      void message.success(t(sm.received));
      navigate(paths.batch(record.id));
    },
    onError: (e) => showFormError(form, e, (text) => void modal.error({ title: t(sm.actionFailed), content: text })),
  });
  const required = requiredRule(t, sm.required);
  const delivery = batchClocks(record, dayjs(beijingToday()).format('YYYY-MM-DD'))[0]!;

  return (
    <>
      <Card title={t(sm.batchFacts)} className="form-card">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'product', label: t(sm.productName), children: record.productName },
            { key: 'category', label: t(sm.category), children: categoryName(record.category) },
            { key: 'batch', label: t(sm.batchNo), children: record.batchNo },
            { key: 'spec', label: t(sm.specification), children: record.specification || '—' },
            { key: 'quantity', label: t(sm.quantity), children: record.quantity },
            { key: 'producer', label: t(sm.producer), children: record.enterpriseName },
            { key: 'sampledOn', label: t(sm.sampledOn), children: formatDate(record.sampledOn) },
            { key: 'samplers', label: t(sm.samplers), children: record.samplers.join('、') },
            { key: 'delivery', label: t(sm.clocks), children: <ClockTag clock={delivery} /> },
          ]}
        />
      </Card>
      <Form<Values>
        name="receiveBatch"
        form={form}
        layout="vertical"
        initialValues={{ testItemIds: [], conditionOnArrival: '封样完好，包装无破损', storage: '常温干燥', retentionUntil: dayjs(beijingToday()).add(3, 'month').format('YYYY-MM-DD') }}
        onFinish={(v) =>
          modal.confirm({
            title: t(sm.receiveConfirm, { no: record.recordNo }),
            content: t(sm.receiveConfirmText),
            okText: t(sm.receiveBatch),
            cancelText: t(common.cancel),
            onOk: () => receive.mutateAsync(v).catch(() => undefined),
          })
        }
      >
        <Card title={t(sm.testItems)} className="form-card">
          {!items.isPending && options.length === 0 ? <Alert type="warning" showIcon className="form-alert" title={t(sm.noItemsForCategory)} /> : null}
          <Form.Item name="testItemIds" label={t(sm.testItems)} rules={[{ required: true, type: 'array', min: 1, message: t(sm.testItemsRequired) }]}>
            <Select mode="multiple" options={options} loading={items.isFetching} placeholder={t(sm.testItemsPlaceholder)} showSearch={{ optionFilterProp: 'label' }} allowClear />
          </Form.Item>
        </Card>
        <Card title={t(sm.conditionOnArrival)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="conditionOnArrival" label={t(sm.conditionOnArrival)} rules={[required(sm.conditionOnArrival), { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="storage" label={t(sm.storage)} rules={[required(sm.storage), { max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="retentionUntil" label={t(sm.retentionUntil)} rules={[{ required: true, message: t(sm.retentionRequired) }]} {...isoDateField}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(beijingToday()).startOf('day'))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" size="large" loading={receive.isPending}>
            {t(sm.receiveBatch)}
          </Button>
          <Button size="large" onClick={() => navigate(paths.batch(record.id))}>
            {t(common.cancel)}
          </Button>
        </div>
      </Form>
    </>
  );
}

/** 收样 of a sampled batch by the institution given the task: creates the lab sample and starts the report clock. */
export function ReceiveBatchPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: keys.record(id), queryFn: () => samplingApi.record(id), enabled: can(session, 'sampling.receive') });
  if (!can(session, 'sampling.receive')) return <ForbiddenPage />;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.batch(id))}>
      {t(sm.backToBatch)}
    </Button>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(sm.batchNotFound)} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const record = detail.data;
  return (
    <>
      <PageHeader title={t(sm.receiveTitle, { no: record.recordNo })} subtitle={t(sm.receiveSubtitle)} extra={back} />
      {record.status === 'sampled' ? <ReceiveForm record={record} /> : <Result status="info" title={t(sm.alreadyReceived)} extra={back} />}
    </>
  );
}
