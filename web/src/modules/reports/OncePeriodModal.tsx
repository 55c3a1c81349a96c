import { App, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { keys, reportsApi, type ReportPeriodView, type ReportTemplateView } from './api';
import { rm } from './messages';

type Values = { key: string; label: string; fromDate: string; toDate: string; dueDate: string; dueTime: string };

export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 设置报送期次 of a one-off report: its days, its deadline and a code for its URL. */
export function OncePeriodModal({ template, open, onClose, onCreated }: { template: ReportTemplateView; open: boolean; onClose: () => void; onCreated: (p: ReportPeriodView) => void }) {
  const t = useT();
  const required = requiredRule(t, rm.required);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values) => reportsApi.createPeriod(template.id, v),
    onSuccess: (p) => {
      void client.invalidateQueries({ queryKey: keys.template(template.id) });
      void client.invalidateQueries({ queryKey: keys.templates });
      void message.success(t(rm.periodCreated, { label: p.label }));
      onCreated(p);
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  const choose = (label: { zh: string; en: string }) => ({ required: true, message: t(rm.chooseRequired, { field: t(label) }) });
  const notBefore = (other: keyof Values, text: { zh: string; en: string }) => ({ getFieldValue }: { getFieldValue: (name: keyof Values) => unknown }) => ({
    validator: async (_: unknown, value?: string | null) => {
      const before = getFieldValue(other) as string | null | undefined;
      if (value && before && value < before) throw new Error(t(text));
    },
  });

  return (
    <Modal
      open={open}
      width={620}
      title={t(rm.periodTitle)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values> name="oncePeriod" form={form} layout="vertical" preserve={false} initialValues={{ key: 'once-', dueTime: template.schedule.dueTime }} onFinish={(v) => create.mutate(v)}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="key"
              label={t(rm.periodKey)}
              extra={t(rm.periodKeyHint)}
              rules={[required(rm.periodKey), { pattern: /^once-[a-z0-9-]{1,40}$/, message: t(rm.periodKeyFormat) }]}
            >
              <Input className="mono" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="label" label={t(rm.periodLabel)} rules={[required(rm.periodLabel), { max: 60 }]}>
              <Input maxLength={60} placeholder="2026年专项整治行动总结" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fromDate" label={t(rm.fromDate)} rules={[choose(rm.fromDate)]} {...isoDateField}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="toDate" label={t(rm.toDate)} dependencies={['fromDate']} rules={[choose(rm.toDate), notBefore('fromDate', rm.toBeforeFrom)]} {...isoDateField}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dueDate" label={t(rm.dueDate)} dependencies={['toDate']} rules={[choose(rm.dueDate), notBefore('toDate', rm.dueBeforeTo)]} {...isoDateField}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dueTime" label={t(rm.dueTime)} rules={[required(rm.dueTime), { pattern: TIME, message: t(rm.timeFormat) }]}>
              <Input placeholder="17:00" style={{ width: 120 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
