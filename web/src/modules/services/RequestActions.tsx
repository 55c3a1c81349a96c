import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { CheckOutlined, FlagOutlined, SendOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT, type Label } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { keys, servicesApi, type ServiceRequestView } from './api';
import { wm } from './messages';
import { ReferDrawer } from './ReferDrawer';

type Step = 'accept' | 'complete' | 'escalate' | 'decline';

const STEPS: Record<Step, { label: Label; confirm: Label; text: Label; done: Label; reason: boolean; danger: boolean }> = {
  accept: { label: wm.accept, confirm: wm.acceptConfirm, text: wm.acceptConfirmText, done: wm.accepted, reason: false, danger: false },
  complete: { label: wm.complete, confirm: wm.completeConfirm, text: wm.completeConfirmText, done: wm.completed, reason: false, danger: false },
  escalate: { label: wm.escalate, confirm: wm.escalateConfirm, text: wm.escalateConfirmText, done: wm.escalated, reason: true, danger: false },
  decline: { label: wm.decline, confirm: wm.declineConfirm, text: wm.declineConfirmText, done: wm.declined, reason: true, danger: true },
};

const run = (step: Step, id: string, text: string) => {
  switch (step) {
    case 'accept':
      return servicesApi.accept(id, text);
    case 'complete':
      return servicesApi.complete(id, text);
    case 'escalate':
      return servicesApi.escalate(id, text);
    case 'decline':
      return servicesApi.decline(id, text);
  }
};

/** One handling step, confirmed in a dialog that also takes its note (optional) or reason (required). */
function StepModal({ request, step, onClose }: { request: ServiceRequestView; step: Step; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Partial<Record<'note' | 'reason', string>>>();
  const def = STEPS[step];
  const field = def.reason ? 'reason' : 'note';
  const mutation = useMutation({
    mutationFn: (v: Partial<Record<'note' | 'reason', string>>) => run(step, request.id, v[field]?.trim() ?? ''),
    onSuccess: (updated) => {
      client.setQueryData(keys.request(request.id), updated);
      void client.invalidateQueries({ queryKey: keys.requests });
      void message.success(t(def.done));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void modal.error({ title: t(wm.actionFailed), content: text })),
  });
  return (
    <Modal
      open
      title={t(def.confirm, { no: request.requestNo })}
      okText={t(def.label)}
      okButtonProps={{ danger: def.danger }}
      cancelText={t(common.cancel)}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type={def.danger ? 'warning' : 'info'} showIcon className="form-alert" title={t(def.text)} />
      <Form name={`service-${step}`} form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name={field}
          label={t(def.reason ? wm.reason : wm.note)}
          rules={def.reason ? [required(wm.reason), { max: 300 }] : [{ max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={def.reason ? 300 : 500} showCount placeholder={def.reason ? undefined : t(wm.notePlaceholder)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * What the holding institution can do next: accept, refer, escalate, decline (never for a green
 * request: 首问负责, no refusal) while waiting; complete, refer or escalate once accepted.
 */
export function RequestActions({ request }: { request: ServiceRequestView }) {
  const t = useT();
  const [step, setStep] = useState<Step | null>(null);
  const [referring, setReferring] = useState(false);
  const waiting = request.status === 'submitted';
  const accepted = request.status === 'accepted';
  if (!waiting && !accepted) return null;
  const referable = request.lines.some((l) => !l.referredToRequestId);
  return (
    <>
      {waiting ? (
        <Button type="primary" icon={<CheckOutlined />} onClick={() => setStep('accept')}>
          {t(wm.accept)}
        </Button>
      ) : null}
      {accepted ? (
        <Button type="primary" icon={<FlagOutlined />} onClick={() => setStep('complete')}>
          {t(wm.complete)}
        </Button>
      ) : null}
      {referable ? (
        <Button icon={<SwapOutlined />} onClick={() => setReferring(true)}>
          {t(wm.refer)}
        </Button>
      ) : null}
      <Button icon={<SendOutlined />} onClick={() => setStep('escalate')}>
        {t(wm.escalate)}
      </Button>
      {waiting && !request.green ? (
        <Button danger icon={<StopOutlined />} onClick={() => setStep('decline')}>
          {t(wm.decline)}
        </Button>
      ) : null}
      {step ? <StepModal key={step} request={request} step={step} onClose={() => setStep(null)} /> : null}
      {referable ? <ReferDrawer request={request} open={referring} onClose={() => setReferring(false)} /> : null}
    </>
  );
}
