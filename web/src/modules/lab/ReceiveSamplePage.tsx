import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Result, Row, Select, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkUscc, SAMPLE_SOURCE_LABELS, SAMPLE_SOURCES, type SampleSource } from '@shijian/contracts';
import { labApi } from '../../api/endpoints';
import type { SampleDetailView, TestItemView } from '../../api/types';
import { common } from '../../app/common';
import { useT, type Label } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../../app/StatusPages';
import { useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { PageHeader } from '../../shared/ui';
import { normalizeUscc, usccTypingProblem } from '../enterprises/uscc';
import { LabErrorAlert } from './LabErrorAlert';
import { limitLabel } from './limits';
import { lm } from './messages';
import { beijingToday } from '../../shared/format';

type Values = {
  source: SampleSource;
  clientName?: string;
  clientUscc?: string;
  commissioningOrgId?: string | null;
  productCategory: string;
  productName: string;
  specification?: string;
  producerUscc: string;
  producerName: string;
  batchNo: string;
  quantity: string;
  conditionOnArrival: string;
  storage: string;
  retentionUntil: string;
  testItemIds: string[];
};

const usccRules = (t: (l: Label) => string, required: boolean) => [
  ...(required ? [{ required: true, message: t(lm.producerUsccRequired) }] : []),
  {
    validateTrigger: ['onChange', 'onBlur'],
    validator: async (_: unknown, value: string | undefined) => {
      const problem = usccTypingProblem(value ?? '');
      if (problem) throw new Error(problem);
    },
  },
  {
    validateTrigger: 'onBlur',
    validator: async (_: unknown, value: string | undefined) => {
      if (value && value.length < 18 && !usccTypingProblem(value)) throw new Error(checkUscc(value)!.message);
    },
  },
];

export const testItemLabel = (i: Pick<TestItemView, 'standard' | 'parameter' | 'limitKind' | 'limitMin' | 'limitMax' | 'limitText' | 'unit'>) =>
  `${i.standard} ${i.parameter}（${limitLabel(i)}）`;

/** Every regulator, the directory a reception desk picks the commissioning bureau from. */
function useBureauOptions() {
  const bureaus = useQuery({ queryKey: ['lab', 'commissioning-orgs'], queryFn: labApi.commissioningOrgs, staleTime: 10 * 60_000 });
  const options = useMemo(() => (bureaus.data ?? []).map((o) => ({ value: o.id, label: o.name })), [bureaus.data]);
  return { options, loading: bureaus.isPending };
}

function Received({ sample, onAnother }: { sample: SampleDetailView; onAnother: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="success"
        title={t(lm.receivedTitle, { no: sample.sampleNo })}
        subTitle={t(lm.receivedSubtitle, { product: sample.productName, n: sample.tests.length })}
        extra={[
          <Button key="label" type="primary" icon={<PrinterOutlined />} href={labApi.labelUrl(sample.id)} target="_blank" rel="noopener">
            {t(lm.printLabel)}
          </Button>,
          <Button key="open" onClick={() => navigate(`/lab/samples/${sample.id}`)}>
            {t(lm.openSample)}
          </Button>,
          <Button key="again" onClick={onAnother}>
            {t(lm.receiveAnother)}
          </Button>,
        ]}
      />
      <Typography.Paragraph className="sample-no-big mono" copyable={{ text: sample.sampleNo }}>
        {sample.sampleNo}
      </Typography.Paragraph>
    </Card>
  );
}

/** 收样: registers a sample with its test items; the server numbers it and refuses when the CMA has expired or an item is outside the qualification. */
export function ReceiveSamplePage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<{ error: unknown; text: string } | null>(null);
  const [created, setCreated] = useState<SampleDetailView | null>(null);
  const source = Form.useWatch('source', form);
  const category = Form.useWatch('productCategory', form);
  const categories = useCategoryOptions();
  const bureaus = useBureauOptions();
  const items = useQuery({
    queryKey: ['lab', 'test-items', 'by-category', category],
    queryFn: () => labApi.testItems({ category, pageSize: 500 }),
    enabled: Boolean(category),
  });
  const itemOptions = useMemo(
    () => (items.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: testItemLabel(i) })),
    [items.data],
  );

  const receive = useMutation({
    mutationFn: (v: Values) =>
      labApi.receive({
        source: v.source,
        clientName: v.source === 'client_request' ? v.clientName?.trim() || null : null,
        ...(v.source === 'client_request' && v.clientUscc ? { clientUscc: normalizeUscc(v.clientUscc) } : {}),
        commissioningOrgId: v.source === 'client_request' ? null : v.commissioningOrgId || null,
        productCategory: v.productCategory,
        productName: v.productName,
        specification: v.specification ?? '',
        producerUscc: v.producerUscc,
        producerName: v.producerName,
        batchNo: v.batchNo,
        quantity: v.quantity,
        conditionOnArrival: v.conditionOnArrival,
        storage: v.storage,
        retentionUntil: v.retentionUntil,
        testItemIds: v.testItemIds,
      }),
    onSuccess: (sample) => {
      void client.invalidateQueries({ queryKey: ['lab', 'samples'] });
      void message.success(t(lm.receivedTitle, { no: sample.sampleNo }));
      setCreated(sample);
    },
    onError: (e) => showFormError(form, e, (text) => setFailure({ error: e, text })),
  });

  if (!can(session, 'lab.sample.receive')) return <ForbiddenPage />;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/lab/samples')}>
      {t(lm.backToSamples)}
    </Button>
  );
  if (created) {
    return (
      <>
        <PageHeader title={t(lm.receiveTitle)} extra={back} />
        <Received
          sample={created}
          onAnother={() => {
            setCreated(null);
            form.resetFields();
          }}
        />
      </>
    );
  }

  const required = requiredRule(t, lm.required);
  const initialValues: Partial<Values> = {
    source: 'regulator_commission',
    storage: '常温干燥',
    conditionOnArrival: '包装完好，无破损',
    retentionUntil: dayjs(beijingToday()).add(3, 'month').format('YYYY-MM-DD'),
    testItemIds: [],
  };

  return (
    <>
      <PageHeader title={t(lm.receiveTitle)} subtitle={t(lm.receiveSubtitle)} extra={back} />
      {failure ? <LabErrorAlert error={failure.error} text={failure.text} /> : null}
      <Form
        name="receive"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => receive.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          setFailure(null);
          // Items belong to a category: a new category starts the choice again.
          if ('productCategory' in changed) form.setFieldValue('testItemIds', []);
        }}
      >
        <Card title={t(lm.sectionRequest)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="source" label={t(lm.source)} rules={[{ required: true }]}>
                <Radio.Group optionType="button" options={SAMPLE_SOURCES.map((s) => ({ value: s, label: t(SAMPLE_SOURCE_LABELS[s]) }))} />
              </Form.Item>
            </Col>
            {source === 'client_request' ? (
              <>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="clientName"
                    label={t(lm.clientName)}
                    dependencies={['clientUscc']}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_: unknown, value?: string) => {
                          if (!value?.trim() && !getFieldValue('clientUscc')) throw new Error(t(lm.clientRequired));
                        },
                      }),
                    ]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="clientUscc"
                    label={t(lm.clientUscc)}
                    extra={t(lm.clientUsccHint)}
                    rules={usccRules(t, false)}
                    normalize={normalizeUscc}
                    validateTrigger={['onChange', 'onBlur']}
                  >
                    <Input maxLength={18} className="mono" />
                  </Form.Item>
                </Col>
              </>
            ) : (
              <Col xs={24} md={12}>
                <Form.Item
                  name="commissioningOrgId"
                  label={t(lm.commissioningOrg)}
                  rules={[{ required: true, message: t(lm.commissioningOrgRequired) }]}
                >
                  <Select
                    options={bureaus.options}
                    loading={bureaus.loading}
                    placeholder={t(lm.commissioningOrgPlaceholder)}
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>

        <Card title={t(lm.sectionSample)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="productCategory" label={t(lm.category)} rules={[{ required: true, message: t(lm.categoryRequired) }]}>
                <Select options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="productName" label={t(lm.productName)} rules={[required(lm.productName), { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="specification" label={t(lm.specification)} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="batchNo" label={t(lm.batchNo)} rules={[required(lm.batchNo), { max: 60 }]}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="quantity" label={t(lm.quantity)} rules={[required(lm.quantity), { max: 40 }]}>
                <Input maxLength={40} placeholder={t(lm.quantityPlaceholder)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="conditionOnArrival" label={t(lm.conditionOnArrival)} rules={[required(lm.conditionOnArrival), { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="storage" label={t(lm.storage)} rules={[required(lm.storage), { max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="retentionUntil" label={t(lm.retentionUntil)} rules={[{ required: true, message: t(lm.retentionRequired) }]} {...isoDateField}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(beijingToday()).startOf('day'))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t(lm.sectionProducer)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="producerUscc" label={t(lm.producerUscc)} normalize={normalizeUscc} validateTrigger={['onChange', 'onBlur']} rules={usccRules(t, true)}>
                <Input className="mono" maxLength={24} autoComplete="off" placeholder="91510107MA6XXXXXXX" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="producerName" label={t(lm.producerName)} extra={t(lm.producerNameHint)} rules={[required(lm.producerName), { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t(lm.sectionTests)} className="form-card">
          {category && !items.isPending && itemOptions.length === 0 ? <Alert type="warning" showIcon className="form-alert" title={t(lm.noItemsForCategory)} /> : null}
          <Form.Item name="testItemIds" label={t(lm.testItems)} rules={[{ required: true, type: 'array', min: 1, message: t(lm.testItemsRequired) }]}>
            <Select
              mode="multiple"
              options={itemOptions}
              loading={items.isFetching}
              disabled={!category}
              placeholder={category ? t(lm.testItemsPlaceholder) : t(lm.chooseCategoryFirst)}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
            />
          </Form.Item>
        </Card>

        <div className="form-actions">
          <Button type="primary" htmlType="submit" size="large" loading={receive.isPending}>
            {t(lm.receiveSubmit)}
          </Button>
          <Button size="large" onClick={() => navigate('/lab/samples')}>
            {t(common.cancel)}
          </Button>
        </div>
      </Form>
    </>
  );
}
