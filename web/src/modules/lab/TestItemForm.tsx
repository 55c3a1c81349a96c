import { useState } from 'react';
import { App, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LIMIT_KIND_LABELS, LIMIT_KINDS, type LimitKind } from '@shijian/contracts';
import { labApi } from '../../api/endpoints';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useCategoryOptions } from '../../shared/categories';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { LabErrorAlert } from './LabErrorAlert';
import { limitLabel } from './limits';
import { lm } from './messages';

type Values = {
  standard: string;
  parameter: string;
  unit?: string;
  limitKind: LimitKind;
  limitMin?: string;
  limitMax?: string;
  limitText?: string;
  required: boolean;
  categories: string[];
};

const DECIMAL = /^-?\d{1,12}(\.\d{1,8})?$/;

/**
 * Adds an item to the institution's catalogue. The limit fields follow the kind
 * (a lower limit for "at least", both for a range, a text for a text requirement);
 * the server refuses an item outside the qualification and names who is qualified.
 */
export function TestItemForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<{ error: unknown; text: string } | null>(null);
  const categories = useCategoryOptions();
  const kind = Form.useWatch('limitKind', form) ?? 'min';
  const preview = Form.useWatch([], form) as Partial<Values> | undefined;

  const create = useMutation({
    mutationFn: (v: Values) =>
      labApi.createTestItem({
        standard: v.standard,
        parameter: v.parameter,
        unit: v.unit ?? '',
        limitKind: v.limitKind,
        limitMin: v.limitKind === 'min' || v.limitKind === 'range' ? v.limitMin : null,
        limitMax: v.limitKind === 'max' || v.limitKind === 'range' ? v.limitMax : null,
        limitText: v.limitKind === 'text' ? v.limitText : null,
        required: v.required,
        categories: v.categories ?? [],
      }),
    onSuccess: (item) => {
      void client.invalidateQueries({ queryKey: ['lab', 'test-items'] });
      void message.success(t(lm.itemCreated, { item: `${item.standard} ${item.parameter}` }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => setFailure({ error: e, text })),
  });

  const required = requiredRule(t, lm.required);
  const decimal = { pattern: DECIMAL, message: t(lm.decimalRule) };
  const needsMin = kind === 'min' || kind === 'range';
  const needsMax = kind === 'max' || kind === 'range';

  return (
    <Modal
      title={t(lm.createItem)}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setFailure(null);
      }}
    >
      {failure ? <LabErrorAlert error={failure.error} text={failure.text} /> : null}
      <Form
        name="testItem"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ limitKind: 'min', required: true, categories: [] }}
        onValuesChange={() => setFailure(null)}
        onFinish={(v) => create.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="standard" label={t(lm.standard)} rules={[required(lm.standard), { max: 60 }]}>
              <Input maxLength={60} placeholder="GB 2626-2019" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="parameter" label={t(lm.parameter)} rules={[required(lm.parameter), { max: 100 }]}>
              <Input maxLength={100} placeholder={t(lm.parameterPlaceholder)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="unit" label={t(lm.unit)} rules={[{ max: 20 }]}>
              <Input maxLength={20} placeholder="% / Pa / kPa" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="limitKind" label={t(lm.limitKind)} rules={[{ required: true }]}>
              <Select options={LIMIT_KINDS.map((k) => ({ value: k, label: t(LIMIT_KIND_LABELS[k]) }))} />
            </Form.Item>
          </Col>
          {needsMin ? (
            <Col xs={24} md={12}>
              <Form.Item name="limitMin" label={t(lm.limitMin)} rules={[required(lm.limitMin), decimal]}>
                <Input inputMode="decimal" maxLength={22} />
              </Form.Item>
            </Col>
          ) : null}
          {needsMax ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="limitMax"
                label={t(lm.limitMax)}
                dependencies={['limitMin']}
                rules={[
                  required(lm.limitMax),
                  decimal,
                  ({ getFieldValue }) => ({
                    validator: async (_: unknown, value?: string) => {
                      const min = getFieldValue('limitMin') as string | undefined;
                      if (kind === 'range' && value && min && DECIMAL.test(value) && DECIMAL.test(min) && Number(min) > Number(value)) throw new Error(t(lm.maxBelowMin));
                    },
                  }),
                ]}
              >
                <Input inputMode="decimal" maxLength={22} />
              </Form.Item>
            </Col>
          ) : null}
          {kind === 'text' ? (
            <Col span={24}>
              <Form.Item name="limitText" label={t(lm.limitText)} rules={[required(lm.limitText), { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={24}>
            <Form.Item name="categories" label={t(lm.categories)}>
              <Select mode="multiple" options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} allowClear />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="required" valuePropName="checked" extra={t(lm.requiredItemHint)}>
              <Checkbox>{t(lm.requiredItem)}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <div className="secondary-text">
          {t(lm.requirementPreview)}：
          {limitLabel({ limitKind: kind, limitMin: preview?.limitMin ?? null, limitMax: preview?.limitMax ?? null, limitText: preview?.limitText ?? null, unit: preview?.unit ?? '' })}
        </div>
      </Form>
    </Modal>
  );
}
