import { useState } from 'react';
import { Alert, App, Button, Dropdown, Form, Input, Modal, Radio, Select } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { COMPLAINT_KIND_LABELS, VIOLATION_CATEGORIES, VIOLATION_CATEGORY_LABELS, type ViolationCategory } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT, type Label } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import type { ComplaintAction } from './actions';
import { complaintsApi, keys, type ComplaintView } from './api';
import { cm } from './messages';

type Values = { note?: string; agreed?: boolean; reply?: string; violationCategory?: ViolationCategory; summary?: string };

const SUMMARY_MAX = 2000;

function call(action: ComplaintAction, c: ComplaintView, v: Values): Promise<ComplaintView> {
  switch (action) {
    case 'accept':
      return complaintsApi.accept(c.id, { note: v.note ?? '' });
    case 'reject':
      return complaintsApi.reject(c.id, { note: v.note ?? '' });
    case 'mediation':
      return complaintsApi.mediation(c.id, { agreed: v.agreed === true, note: v.note ?? '' });
    case 'reply':
      return complaintsApi.reply(c.id, { reply: v.reply ?? '' });
    case 'lead':
      return complaintsApi.openLead(c.id, { violationCategory: v.violationCategory ?? 'quality', summary: v.summary ?? '' });
  }
}

/** The case's summary to start from: what the complaint says, within the case's limit. */
const leadSummary = (c: ComplaintView, kind: string) => `${kind}${c.complaintNo}：${c.subject}。${c.content}`.slice(0, SUMMARY_MAX);

/** The dialog's words for each step. */
function texts(action: ComplaintAction, c: ComplaintView): { title: Label; alert: Label | null; done: Label; danger: boolean } {
  const report = c.kind === 'report';
  switch (action) {
    case 'accept':
      return { title: cm.acceptTitle, alert: cm.acceptText, done: cm.accepted, danger: false };
    case 'reject':
      return { title: report ? cm.rejectReportTitle : cm.rejectComplaintTitle, alert: cm.rejectText, done: cm.rejected, danger: true };
    case 'mediation':
      return { title: cm.mediationTitle, alert: null, done: cm.mediationSaved, danger: false };
    case 'reply':
      return { title: cm.replyTitle, alert: cm.replyText, done: cm.replied, danger: false };
    case 'lead':
      return { title: cm.leadTitle, alert: report ? cm.leadTextReport : cm.leadTextComplaint, done: cm.leadOpened, danger: false };
  }
}

/**
 * One step, confirmed in a dialog that also takes what the step needs: the note of a decision
 * (the reason for a refusal), the outcome of mediation, the reply, or the case lead's summary.
 * Its OK button is 确定.
 */
function StepModal({ complaint, action, onClose }: { complaint: ComplaintView; action: ComplaintAction; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, cm.required);
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const words = texts(action, complaint);
  const kindName = t(COMPLAINT_KIND_LABELS[complaint.kind]);
  const run = useMutation({
    mutationFn: (v: Values) => call(action, complaint, v),
    onSuccess: (updated) => {
      client.setQueryData(keys.one(complaint.id), updated);
      void client.invalidateQueries({ queryKey: keys.all });
      if (action === 'lead') void client.invalidateQueries({ queryKey: ['enforcement'] });
      void message.success(t(words.done, { no: updated.caseNo ?? '' }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void modal.error({ title: t(cm.actionFailed), content: text })),
  });
  const rejectReason = complaint.kind === 'report' ? cm.rejectReportReason : cm.rejectComplaintReason;
  const initialValues: Values =
    action === 'accept'
      ? { note: t(cm.acceptNoteDefault) }
      : action === 'lead'
        ? { violationCategory: 'quality', summary: leadSummary(complaint, kindName) }
        : {};

  return (
    <Modal
      open
      title={t(words.title, { no: complaint.complaintNo })}
      okText={t(common.confirm)}
      okButtonProps={{ danger: words.danger, autoInsertSpace: false }}
      cancelText={t(common.cancel)}
      cancelButtonProps={{ autoInsertSpace: false }}
      confirmLoading={run.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {words.alert ? <Alert type={words.danger ? 'warning' : 'info'} showIcon className="form-alert" title={t(words.alert)} /> : null}
      <Form<Values> name={`complaint-${action}`} form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => run.mutate(v)}>
        {action === 'accept' ? (
          <Form.Item name="note" label={t(cm.acceptNote)} rules={[required(cm.acceptNote), { max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
        {action === 'reject' ? (
          <Form.Item name="note" label={t(rejectReason)} rules={[required(rejectReason), { max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
        {action === 'mediation' ? (
          <>
            <Form.Item name="agreed" label={t(cm.agreed)} rules={[{ required: true, message: t(cm.chooseRequired, { field: t(cm.agreed) }) }]}>
              <Radio.Group
                options={[
                  { value: true, label: t(cm.agreedYes) },
                  { value: false, label: t(cm.agreedNo) },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t(cm.mediationNote)} rules={[required(cm.mediationNote), { max: 1000 }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        ) : null}
        {action === 'reply' ? (
          <Form.Item name="reply" label={t(cm.reply)} rules={[required(cm.reply), { max: 2000 }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount />
          </Form.Item>
        ) : null}
        {action === 'lead' ? (
          <>
            <Form.Item name="violationCategory" label={t(cm.violationCategory)} rules={[{ required: true, message: t(cm.chooseRequired, { field: t(cm.violationCategory) }) }]}>
              <Select options={VIOLATION_CATEGORIES.map((c) => ({ value: c, label: t(VIOLATION_CATEGORY_LABELS[c]) }))} />
            </Form.Item>
            <Form.Item name="summary" label={t(cm.summary)} rules={[required(cm.summary), { max: SUMMARY_MAX }]}>
              <Input.TextArea rows={5} maxLength={SUMMARY_MAX} showCount />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/**
 * The handling bureau's buttons for the steps `actions` allows: 受理 (a refusal, 不予受理, sits
 * under 其他决定 beside it), 不予立案 for a report, 登记调解结果, 答复 and 转为案件线索.
 */
export function ComplaintActions({ complaint, actions }: { complaint: ComplaintView; actions: readonly ComplaintAction[] }) {
  const t = useT();
  const [step, setStep] = useState<ComplaintAction | null>(null);
  const has = (a: ComplaintAction) => actions.includes(a);
  const rejectLabel = complaint.kind === 'report' ? cm.rejectReport : cm.rejectComplaint;
  return (
    <>
      {has('accept') ? (
        <Button type="primary" autoInsertSpace={false} onClick={() => setStep('accept')}>
          {t(cm.accept)}
        </Button>
      ) : null}
      {has('reject') && has('accept') ? (
        <Dropdown menu={{ items: [{ key: 'reject', danger: true, label: t(rejectLabel) }], onClick: () => setStep('reject') }}>
          <Button>
            {t(cm.otherDecisions)} <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
      {has('reject') && !has('accept') ? (
        <Button danger autoInsertSpace={false} onClick={() => setStep('reject')}>
          {t(rejectLabel)}
        </Button>
      ) : null}
      {has('mediation') ? (
        <Button type="primary" onClick={() => setStep('mediation')}>
          {t(cm.mediation)}
        </Button>
      ) : null}
      {has('reply') ? (
        <Button autoInsertSpace={false} onClick={() => setStep('reply')}>
          {t(cm.replyAction)}
        </Button>
      ) : null}
      {has('lead') ? <Button onClick={() => setStep('lead')}>{t(cm.lead)}</Button> : null}
      {step ? <StepModal key={step} complaint={complaint} action={step} onClose={() => setStep(null)} /> : null}
    </>
  );
}
