import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FEE_CONDITION_LABELS, FEE_CONDITIONS, type FeeCondition } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { RegionCascader } from '../../shared/RegionCascader';
import { requiredRule } from '../../shared/rules';
import { scopeRegion } from '../../shared/scope';
import { keys, servicesApi } from './api';
import { wm } from './messages';
import { beijingToday } from '../../shared/format';

type Values = {
  name: string;
  condition?: FeeCondition;
  reductionPercent?: number | null;
  regionCode?: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  basis?: string;
};

/** 制定减免规则: a condition, how much of the fee it waives, where and when. */
export function FeeRuleForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const within = scopeRegion(session);
  const save = useMutation({
    mutationFn: (v: Values) =>
      servicesApi.createFeeRule({
        name: v.name.trim(),
        condition: v.condition as FeeCondition,
        reductionPercent: v.reductionPercent ?? 0,
        regionCode: v.regionCode || undefined,
        effectiveFrom: v.effectiveFrom,
        effectiveTo: v.effectiveTo || null,
        basis: v.basis?.trim() ?? '',
      }),
    onSuccess: (rule) => {
      void client.invalidateQueries({ queryKey: keys.feeRules });
      void message.success(t(wm.ruleSaved, { name: rule.name }));
      onClose();
    },
    onError: formError.show,
  });

  return (
    <FormDrawer<Values>
      title={t(wm.newRule)}
      open={open}
      onClose={onClose}
      size={600}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="feeRule"
      initialValues={{ effectiveFrom: dayjs(beijingToday()).format('YYYY-MM-DD'), regionCode: within ?? undefined }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="name" label={t(wm.ruleName)} rules={[required(wm.ruleName), { max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="condition" label={t(wm.condition)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.condition) }) }]}>
            <Select options={FEE_CONDITIONS.map((c) => ({ value: c, label: t(FEE_CONDITION_LABELS[c]) }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="reductionPercent" label={t(wm.reductionPercent)} rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t(wm.reductionRequired) }]}>
            <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="regionCode" label={t(wm.ruleRegion)} extra={t(wm.ruleRegionHint)}>
        <RegionCascader anyLevel within={within} placeholder={t(wm.nationwide)} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="effectiveFrom" label={t(wm.effectiveFrom)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.effectiveFrom) }) }]} {...isoDateField}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="effectiveTo"
            label={t(wm.effectiveTo)}
            extra={t(wm.effectiveToHint)}
            dependencies={['effectiveFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_: unknown, to?: string | null) => {
                  const from = getFieldValue('effectiveFrom') as string | undefined;
                  if (to && from && to < from) throw new Error(t(wm.effectiveToBefore));
                },
              }),
            ]}
            {...isoDateField}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="basis" label={t(wm.basis)} rules={[{ max: 200 }]}>
        <Input.TextArea rows={2} maxLength={200} showCount placeholder={t(wm.basisPlaceholder)} />
      </Form.Item>
    </FormDrawer>
  );
}
