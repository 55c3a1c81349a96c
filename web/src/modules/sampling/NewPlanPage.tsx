import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { regionWithin } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../../app/StatusPages';
import { useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { RegionCascader } from '../../shared/RegionCascader';
import { requiredRule } from '../../shared/rules';
import { scopeRegion } from '../../shared/scope';
import { PageHeader } from '../../shared/ui';
import { lookupApi } from '../enforcement/api';
import { keys, paths, samplingApi } from './api';
import { showListFormError } from './formErrors';
import { sm } from './messages';
import { quotaKey } from './quota';
import { beijingToday } from '../../shared/format';

type Quota = { areaCode?: string; category?: string; batches?: number | null };
type Values = { name: string; campaignId?: string; startsOn: string; endsOn: string; quotas: Quota[] };

/** 制定抽查计划: quotas by area (within the bureau's region) and product category. */
export function NewPlanPage() {
  const t = useT();
  const required = requiredRule(t, sm.required);
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const within = scopeRegion(session);
  const categories = useCategoryOptions();
  const quotas = Form.useWatch('quotas', form) ?? [];
  const startsOn = Form.useWatch('startsOn', form);
  const campaigns = useQuery({ queryKey: ['campaigns', 'options'], queryFn: lookupApi.campaigns, enabled: can(session, 'campaign.read'), staleTime: 5 * 60_000 });

  const create = useMutation({
    mutationFn: (v: Values) =>
      samplingApi.createPlan({
        name: v.name,
        campaignId: v.campaignId || undefined,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        quotas: v.quotas.map((q) => ({ areaCode: q.areaCode ?? '', category: q.category ?? '', batches: q.batches ?? 0 })),
      }),
    onSuccess: (plan) => {
      void client.invalidateQueries({ queryKey: keys.all });
      void message.success(t(sm.planCreated, { name: plan.name }));
      navigate(paths.plan(plan.id));
    },
    onError: (e) => showListFormError(form, e, 'quotas', (text) => void message.error(text)),
  });

  if (!can(session, 'sampling.plan') || session.org.kind !== 'regulator') return <ForbiddenPage />;
  const total = quotas.reduce((sum, q) => sum + (q?.batches ?? 0), 0);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.plans)}>
      {t(sm.backToPlans)}
    </Button>
  );

  return (
    <>
      <PageHeader title={t(sm.newPlanTitle)} subtitle={t(sm.newPlanSubtitle)} extra={back} />
      <Form<Values>
        name="samplingPlan"
        form={form}
        layout="vertical"
        initialValues={{ startsOn: dayjs(beijingToday()).format('YYYY-MM-DD'), endsOn: dayjs(beijingToday()).add(2, 'month').format('YYYY-MM-DD'), quotas: [{ areaCode: within ?? undefined, batches: 10 }] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Card title={t(sm.planFacts)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t(sm.planName)} rules={[required(sm.planName), { max: 200 }]}>
                <Input maxLength={200} placeholder="2026年成都市医用口罩产品质量监督抽查" />
              </Form.Item>
            </Col>
            {can(session, 'campaign.read') ? (
              <Col xs={24} md={12}>
                <Form.Item name="campaignId" label={t(sm.campaign)}>
                  <Select
                    allowClear
                    placeholder={t(sm.optional)}
                    loading={campaigns.isPending}
                    options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={12} md={6}>
              <Form.Item name="startsOn" label={t(sm.startsOn)} rules={[{ required: true, message: t(sm.periodRequired) }]} {...isoDateField}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="endsOn"
                label={t(sm.endsOn)}
                dependencies={['startsOn']}
                rules={[
                  { required: true, message: t(sm.periodRequired) },
                  ({ getFieldValue }) => ({
                    validator: async (_: unknown, value?: string) => {
                      const start = getFieldValue('startsOn') as string | undefined;
                      if (value && start && value < start) throw new Error(t(sm.endBeforeStart));
                    },
                  }),
                ]}
                {...isoDateField}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => Boolean(startsOn && d.isBefore(dayjs(startsOn)))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t(sm.quotas)} className="form-card" extra={<Typography.Text strong>{t(sm.totalBatches, { n: total })}</Typography.Text>}>
          <Typography.Paragraph type="secondary">{t(sm.quotasHint)}</Typography.Paragraph>
          <Form.List
            name="quotas"
            rules={[
              {
                validator: async (_: unknown, rows?: Quota[]) => {
                  if (!rows?.length) throw new Error(t(sm.quotasRequired));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={fields}
                  columns={[
                    {
                      title: t(sm.area),
                      key: 'area',
                      width: '42%',
                      render: (_, field) => (
                        <Form.Item
                          name={[field.name, 'areaCode']}
                          style={{ margin: 0 }}
                          rules={[
                            { required: true, message: t(sm.areaRequired) },
                            {
                              validator: async (_: unknown, code?: string) => {
                                if (code && within && !regionWithin(code, within)) throw new Error(t(sm.areaOutsideScope));
                              },
                            },
                          ]}
                        >
                          <RegionCascader within={within} anyLevel style={{ width: '100%' }} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t(sm.category),
                      key: 'category',
                      width: '34%',
                      render: (_, field) => (
                        <Form.Item
                          name={[field.name, 'category']}
                          style={{ margin: 0 }}
                          dependencies={[['quotas', field.name, 'areaCode']]}
                          rules={[
                            { required: true, message: t(sm.categoryRequired) },
                            ({ getFieldValue }) => ({
                              validator: async (_: unknown, category?: string) => {
                                const rows = (getFieldValue('quotas') ?? []) as Quota[];
                                const mine = rows[field.name];
                                if (!category || !mine?.areaCode) return;
                                const key = quotaKey({ areaCode: mine.areaCode, category });
                                const first = rows.findIndex((r) => r?.areaCode && r.category && quotaKey({ areaCode: r.areaCode, category: r.category }) === key);
                                if (first !== field.name) throw new Error(t(sm.quotaDuplicate));
                              },
                            }),
                          ]}
                        >
                          <Select options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} placeholder={t(sm.category)} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t(sm.batches),
                      key: 'batches',
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'batches']} style={{ margin: 0 }} rules={[{ required: true, type: 'integer', min: 1, max: 100_000, message: t(sm.batchesRequired) }]}>
                          <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '',
                      key: 'remove',
                      width: 50,
                      render: (_, field) => (
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t(sm.removeQuota)} disabled={fields.length === 1} onClick={() => remove(field.name)} />
                      ),
                    },
                  ]}
                />
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ areaCode: within ?? undefined, batches: 10 })} style={{ marginTop: 12 }} block>
                  {t(sm.addQuota)}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" size="large" loading={create.isPending}>
            {t(sm.createPlan)}
          </Button>
          <Button size="large" onClick={() => navigate(paths.plans)}>
            {t(common.cancel)}
          </Button>
        </div>
      </Form>
    </>
  );
}
