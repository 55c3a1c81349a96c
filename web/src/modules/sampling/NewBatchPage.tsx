import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SAMPLING_PLACE_LABELS, SAMPLING_PLACES, type SamplingPlace } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../../app/StatusPages';
import { useCategoryName } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { useRegionPathLabel } from '../../shared/RegionCascader';
import { requiredRule } from '../../shared/rules';
import { PageHeader } from '../../shared/ui';
import { normalizeUscc, RegisteredHint, useRegisteredEnterprise, usccRules } from '../enforcement/uscc';
import { keys, paths, samplingApi, type SamplingTaskView } from './api';
import { usePlanOptions } from './BatchesPage';
import { sm } from './messages';
import { openTasks } from './quota';
import { beijingToday } from '../../shared/format';

type Values = {
  planId?: string;
  taskId: string;
  enterpriseUscc: string;
  productName: string;
  specification?: string;
  batchNo: string;
  quantity: string;
  place: SamplingPlace;
  samplers: string[];
  sampledOn: string;
};

function TaskLabel({ task }: { task: SamplingTaskView }) {
  const t = useT();
  const categoryName = useCategoryName();
  const area = useRegionPathLabel(task.areaCode) ?? task.areaCode;
  return <>{t(sm.taskOption, { area, category: categoryName(task.category), institution: task.institutionName, sampled: task.sampled, batches: task.batches })}</>;
}

/** 抽样单: one sampled batch under a task; the delivery clock (5 working days) starts from the sampling date. */
export function NewBatchPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const planId = Form.useWatch('planId', form) ?? params.get('planId') ?? undefined;
  const uscc = Form.useWatch('enterpriseUscc', form);
  const registered = useRegisteredEnterprise(uscc, can(session, 'enterprise.read'));
  const plans = usePlanOptions();
  const plan = useQuery({ queryKey: keys.plan(planId ?? ''), queryFn: () => samplingApi.plan(planId!), enabled: Boolean(planId) });
  const tasks = openTasks(plan.data?.tasks ?? []);
  const period = plan.data ? { from: plan.data.startsOn, to: plan.data.endsOn } : null;

  const record = useMutation({
    mutationFn: (v: Values) =>
      samplingApi.sample({
        taskId: v.taskId,
        enterpriseUscc: v.enterpriseUscc,
        productName: v.productName,
        specification: v.specification ?? '',
        batchNo: v.batchNo,
        quantity: v.quantity,
        place: v.place,
        samplers: v.samplers.map((s) => s.trim()).filter(Boolean),
        sampledOn: v.sampledOn,
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: keys.all });
      void message.success(t(sm.batchRecorded, { no: created.recordNo, date: created.deliveryDueOn }));
      navigate(paths.batch(created.id));
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });

  if (!can(session, 'sampling.record')) return <ForbiddenPage />;
  const required = requiredRule(t, sm.required);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.batches)}>
      {t(sm.backToBatches)}
    </Button>
  );
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');

  return (
    <>
      <PageHeader title={t(sm.newBatchTitle)} subtitle={t(sm.newBatchSubtitle)} extra={back} />
      <Form<Values>
        name="samplingRecord"
        form={form}
        layout="vertical"
        initialValues={{
          planId: params.get('planId') ?? undefined,
          taskId: params.get('taskId') ?? undefined,
          place: 'production',
          samplers: session.org.kind === 'regulator' ? [session.user.displayName] : [],
          sampledOn: today,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('planId' in changed) form.setFieldValue('taskId', undefined);
        }}
        onFinish={(v) => record.mutate(v)}
      >
        <Card title={t(sm.sectionTask)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="planId" label={t(sm.plan)} rules={[{ required: true, message: t(sm.planRequired) }]}>
                <Select options={plans.options} loading={plans.loading} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="taskId" label={t(sm.task)} rules={[{ required: true, message: t(sm.taskRequired) }]}>
                <Select
                  disabled={!planId}
                  loading={plan.isFetching}
                  placeholder={planId ? undefined : t(sm.choosePlanFirst)}
                  options={tasks.map((task) => ({ value: task.id, label: <TaskLabel task={task} /> }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {planId && plan.data && !tasks.length ? <Alert type="warning" showIcon title={t(sm.noOpenTasks)} /> : null}
        </Card>
        <Card title={t(sm.sectionProduct)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="enterpriseUscc"
                label={t(sm.producerUscc)}
                normalize={normalizeUscc}
                validateTrigger={['onChange', 'onBlur']}
                rules={usccRules(t, true)}
                extra={<RegisteredHint enterprise={registered.enterprise} notFound={sm.producerNotFound} />}
              >
                <Input className="mono" maxLength={24} autoComplete="off" placeholder="91510107MA6XXXXXXX" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="productName" label={t(sm.productName)} rules={[required(sm.productName), { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="specification" label={t(sm.specification)} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="batchNo" label={t(sm.batchNo)} rules={[required(sm.batchNo), { max: 60 }]}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="quantity" label={t(sm.quantity)} rules={[required(sm.quantity), { max: 40 }]}>
                <Input maxLength={40} placeholder={t(sm.quantityPlaceholder)} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t(sm.sectionSampling)} className="form-card">
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item name="place" label={t(sm.place)} rules={[{ required: true }]}>
                <Radio.Group optionType="button" options={SAMPLING_PLACES.map((p) => ({ value: p, label: t(SAMPLING_PLACE_LABELS[p]) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="samplers"
                label={t(sm.samplers)}
                required
                extra={t(sm.samplersHint)}
                rules={[
                  {
                    validator: async (_: unknown, names?: string[]) => {
                      const clean = (names ?? []).map((n) => n.trim()).filter(Boolean);
                      if (clean.length < 2) throw new Error(t(sm.samplersRequired));
                      if (clean.some((n) => n.length > 40)) throw new Error(t(sm.samplerTooLong));
                    },
                  },
                ]}
              >
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} maxCount={10} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="sampledOn" label={t(sm.sampledOn)} extra={t(sm.sampledOnHint)} rules={[{ required: true, message: t(sm.dateRequired) }]} {...isoDateField}>
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={(d) => {
                    const day = d.format('YYYY-MM-DD');
                    return day > today || Boolean(period && (day < period.from || day > period.to));
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" size="large" loading={record.isPending}>
            {t(sm.submitBatch)}
          </Button>
          <Button size="large" onClick={() => navigate(paths.batches)}>
            {t(common.cancel)}
          </Button>
        </div>
      </Form>
    </>
  );
}
