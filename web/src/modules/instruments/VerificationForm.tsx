import { useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { VERIFICATION_KIND_LABELS, VERIFICATION_KINDS, type VerificationKind } from '@shijian/contracts';
import { instrumentsApi } from '../../api/endpoints';
import type { InstrumentView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { ins } from './messages';
import { beijingToday } from '../../shared/format';

type Values = { kind: VerificationKind; performedOn: string; validUntil: string; certificateNo: string; performedBy: string; passed: boolean };

/** Records a verification or calibration: a certificate with a valid-until date, or a failure notice. */
export function VerificationForm({ instrument, open, onClose }: { instrument: InstrumentView; open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (v: Values) => instrumentsApi.addVerification(instrument.id, v),
    onSuccess: (detail) => {
      client.setQueryData(['instruments', 'detail', instrument.id], detail);
      void client.invalidateQueries({ queryKey: ['instruments'], predicate: (q) => q.queryKey[1] !== 'detail' });
      void message.success(t(ins.verificationAdded));
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });
  const required = requiredRule(t, ins.required);
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');
  return (
    <Modal
      title={`${t(ins.addVerification)} · ${instrument.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={add.isPending}
      width={620}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon className="form-alert" role="alert" title={error} /> : null}
      <Form
        name="verification"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'verification', performedOn: today, validUntil: dayjs(beijingToday()).add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD'), passed: true }}
        onValuesChange={(changed: Partial<Values>) => {
          setError(null);
          // A year's validity is the usual period; the user can change it.
          if (changed.performedOn) form.setFieldValue('validUntil', dayjs(changed.performedOn).add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD'));
        }}
        onFinish={(v) => add.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t(ins.kind)} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={VERIFICATION_KINDS.map((k) => ({ value: k, label: t(VERIFICATION_KIND_LABELS[k]) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="passed" label={t(ins.passed)} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: t(ins.pass) },
                  { value: false, label: t(ins.fail) },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="performedOn" label={t(ins.performedOn)} rules={[{ required: true, message: t(ins.required, { field: t(ins.performedOn) }) }]} {...isoDateField}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day'))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="validUntil"
              label={t(ins.validUntil)}
              dependencies={['performedOn']}
              rules={[
                { required: true, message: t(ins.required, { field: t(ins.validUntil) }) },
                ({ getFieldValue }) => ({
                  validator: async (_: unknown, value?: string) => {
                    const from = getFieldValue('performedOn') as string | undefined;
                    if (value && from && value < from) throw new Error(t(ins.validUntilRule));
                  },
                }),
              ]}
              {...isoDateField}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="certificateNo" label={t(ins.certificateNo)} rules={[required(ins.certificateNo), { max: 60 }]}>
              <Input maxLength={60} className="mono" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="performedBy" label={t(ins.performedBy)} rules={[required(ins.performedBy), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <div className="secondary-text">{t(ins.passHint)}</div>
      </Form>
    </Modal>
  );
}
