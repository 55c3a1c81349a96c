import { useMemo } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkUscc } from '@shijian/contracts';
import { labApi } from '../../api/endpoints';
import { useT } from '../../app/i18n';
import { useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { normalizeUscc, usccTypingProblem } from '../enterprises/uscc';
import { limitLabel } from '../lab/limits';
import { keys, servicesApi, type ServiceRequestLineView, type ServiceRequestView } from './api';
import { wm } from './messages';
import { useNow } from './parts';
import { beijingDate } from './time';

type Values = {
  productCategory?: string;
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

/**
 * 收样 for a testing line of an accepted request: the sample, its producer and the test items
 * (from the lab's catalogue for the product category). The client comes from the request, so
 * the requester follows the sample and downloads its report.
 */
export function SampleDrawer({ request, line, open, onClose }: { request: ServiceRequestView; line: ServiceRequestLineView; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const categories = useCategoryOptions();
  const category = Form.useWatch('productCategory', form);
  const items = useQuery({
    queryKey: ['lab', 'test-items', 'by-category', category],
    queryFn: () => labApi.testItems({ category, pageSize: 500 }),
    enabled: Boolean(category),
  });
  const itemOptions = useMemo(() => (items.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: `${i.standard} ${i.parameter}（${limitLabel(i)}）` })), [items.data]);
  const receive = useMutation({
    mutationFn: (v: Values) =>
      servicesApi.receiveSample(request.id, {
        lineId: line.id,
        productCategory: v.productCategory ?? '',
        productName: v.productName.trim(),
        specification: v.specification?.trim() ?? '',
        producerUscc: v.producerUscc,
        producerName: v.producerName.trim(),
        batchNo: v.batchNo.trim(),
        quantity: v.quantity.trim(),
        conditionOnArrival: v.conditionOnArrival.trim(),
        storage: v.storage.trim(),
        retentionUntil: v.retentionUntil,
        testItemIds: v.testItemIds,
      }),
    onSuccess: (sample) => {
      void client.invalidateQueries({ queryKey: keys.requestSamples(request.id) });
      void client.invalidateQueries({ queryKey: ['lab', 'samples'] });
      void message.success(t(wm.sampleReceived, { no: sample.sampleNo }));
      onClose();
    },
    onError: formError.show,
  });
  const today = beijingDate(useNow(60_000));

  return (
    <FormDrawer<Values>
      title={t(wm.receiveSampleTitle, { item: line.itemName })}
      open={open}
      onClose={onClose}
      size={720}
      form={form}
      formError={formError}
      saving={receive.isPending}
      saveText={t(wm.receiveSampleSubmit)}
      name="requestSample"
      formKey={line.id}
      initialValues={{
        productName: line.itemName.replace(/(检测|检验)$/, ''),
        quantity: String(line.quantity),
        storage: '常温干燥',
        conditionOnArrival: '包装完好，无破损',
        retentionUntil: dayjs(today).add(3, 'month').format('YYYY-MM-DD'),
        testItemIds: [],
      }}
      onValuesChange={(changed: Partial<Values>) => {
        // Items belong to a category: a new category starts the choice again.
        if ('productCategory' in changed) form.setFieldValue('testItemIds', []);
      }}
      onFinish={(v) => receive.mutate(v)}
    >
      <Typography.Paragraph type="secondary">{t(wm.receiveSampleHint, { requester: request.requesterName })}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="productCategory" label={t(wm.productCategory)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.productCategory) }) }]}>
            <Select options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="productName" label={t(wm.productName)} rules={[required(wm.productName), { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="specification" label={t(wm.specification)} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="batchNo" label={t(wm.batchNo)} rules={[required(wm.batchNo), { max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="quantity" label={t(wm.sampleQuantity)} rules={[required(wm.sampleQuantity), { max: 40 }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="producerUscc"
            label={t(wm.producerUscc)}
            normalize={normalizeUscc}
            validateTrigger={['onChange', 'onBlur']}
            rules={[
              { required: true, message: t(wm.required, { field: t(wm.producerUscc) }) },
              {
                validator: async (_: unknown, value?: string) => {
                  const problem = usccTypingProblem(value ?? '');
                  if (problem) throw new Error(problem);
                },
              },
              {
                validateTrigger: 'onBlur',
                validator: async (_: unknown, value?: string) => {
                  if (value && value.length < 18 && !usccTypingProblem(value)) throw new Error(checkUscc(value)!.message);
                },
              },
            ]}
          >
            <Input className="mono" maxLength={24} autoComplete="off" placeholder="91510107MA6XXXXXXX" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="producerName" label={t(wm.producerName)} rules={[required(wm.producerName), { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="conditionOnArrival" label={t(wm.conditionOnArrival)} rules={[required(wm.conditionOnArrival), { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="storage" label={t(wm.storage)} rules={[required(wm.storage), { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="retentionUntil" label={t(wm.retentionUntil)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.retentionUntil) }) }]} {...isoDateField}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
          </Form.Item>
        </Col>
      </Row>
      {category && !items.isPending && itemOptions.length === 0 ? <Alert type="warning" showIcon className="form-alert" title={t(wm.noTestItems)} /> : null}
      <Form.Item name="testItemIds" label={t(wm.testItems)} rules={[{ required: true, type: 'array', min: 1, message: t(wm.testItemsRequired) }]}>
        <Select
          mode="multiple"
          options={itemOptions}
          loading={items.isFetching}
          disabled={!category}
          placeholder={category ? t(wm.testItemsPlaceholder) : t(wm.chooseCategoryFirst)}
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
        />
      </Form.Item>
    </FormDrawer>
  );
}
