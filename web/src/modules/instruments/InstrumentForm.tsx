import { useState } from 'react';
import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { INSTRUMENT_STATUS_LABELS, INSTRUMENT_STATUSES, type InstrumentStatus } from '@shijian/contracts';
import { instrumentsApi } from '../../api/endpoints';
import type { InstrumentDetailView, InstrumentView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { OrgPicker } from '../orgs/OrgPicker';
import { ins } from './messages';

type Values = {
  ownerOrgId?: string;
  name: string;
  model: string;
  serialNumber: string;
  manufacturer: string;
  measuringRange?: string;
  compulsory: boolean;
  status?: InstrumentStatus;
};

/** Registers an instrument in the caller's own ledger (a platform admin picks the owner), or edits one; the serial number is fixed. */
export function InstrumentForm({ open, instrument, onClose, onSaved }: { open: boolean; instrument?: InstrumentView; onClose: () => void; onSaved?: (i: InstrumentDetailView) => void }) {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const editing = Boolean(instrument);
  const pickOwner = !editing && session.org.kind === 'platform';

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name, model: v.model, manufacturer: v.manufacturer, measuringRange: v.measuringRange ?? '', compulsory: v.compulsory };
      return instrument
        ? instrumentsApi.update(instrument.id, { ...body, status: v.status })
        : instrumentsApi.create({ ...body, serialNumber: v.serialNumber, ownerOrgId: pickOwner ? v.ownerOrgId : undefined });
    },
    onSuccess: (saved) => {
      client.setQueryData(['instruments', 'detail', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['instruments'], predicate: (q) => q.queryKey[1] !== 'detail' });
      void message.success(editing ? t(ins.updated) : t(ins.created, { name: saved.name }));
      onSaved?.(saved);
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });

  const required = requiredRule(t, ins.required);
  const initialValues: Partial<Values> = instrument
    ? { name: instrument.name, model: instrument.model, serialNumber: instrument.serialNumber, manufacturer: instrument.manufacturer, measuringRange: instrument.measuringRange, compulsory: instrument.compulsory, status: instrument.status }
    : { compulsory: false };

  return (
    <Modal
      title={t(editing ? ins.editTitle : ins.create)}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      {error ? <Alert type="error" showIcon className="form-alert" role="alert" title={error} /> : null}
      <Form name="instrument" form={form} layout="vertical" initialValues={initialValues} preserve={false} onValuesChange={() => setError(null)} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          {pickOwner ? (
            <Col span={24}>
              <Form.Item name="ownerOrgId" label={t(ins.owner)} extra={t(ins.ownerHint)} rules={[{ required: true, message: t(ins.ownerRequired) }]}>
                <OrgPicker />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t(ins.name)} rules={[required(ins.name), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="model" label={t(ins.model)} rules={[required(ins.model), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="serialNumber" label={t(ins.serialNumber)} rules={editing ? [] : [required(ins.serialNumber), { max: 100 }]}>
              <Input maxLength={100} className="mono" disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="manufacturer" label={t(ins.manufacturer)} rules={[required(ins.manufacturer), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="measuringRange" label={t(ins.measuringRange)} rules={[{ max: 100 }]}>
              <Input maxLength={100} placeholder="0–1000 Pa" />
            </Form.Item>
          </Col>
          {editing ? (
            <Col xs={24} md={12}>
              <Form.Item name="status" label={t(ins.status)}>
                <Select options={INSTRUMENT_STATUSES.map((s) => ({ value: s, label: t(INSTRUMENT_STATUS_LABELS[s]) }))} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={24}>
            <Form.Item name="compulsory" valuePropName="checked" extra={t(ins.compulsoryHint)}>
              <Checkbox>{t(ins.compulsory)}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
