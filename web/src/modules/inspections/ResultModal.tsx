import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { INSPECTION_OUTCOME_LABELS, INSPECTION_OUTCOMES, type InspectionOutcome } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { inspectionsApi, type TargetView } from './api';
import { im } from './messages';
import { beijingToday } from '../../shared/format';

type Values = { outcome: InspectionOutcome; inspectedOn: string; note?: string };

/** Records (or corrects) the result of one target. The server refuses a date before the draw or after today. */
export function ResultModal({ target, drawnAt, onClose }: { target: TargetView | null; drawnAt: string | null; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => inspectionsApi.recordResult(target!.id, { outcome: v.outcome, inspectedOn: v.inspectedOn, note: v.note?.trim() ?? '' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['inspections'] });
      void message.success(t(im.resultSaved));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  if (!target) return null;
  const earliest = drawnAt ? dayjs(drawnAt).startOf('day') : null;
  return (
    <Modal
      open
      title={t(im.resultTitle, { name: target.enterpriseName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        name="inspectionResult"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ outcome: target.outcome ?? undefined, inspectedOn: target.inspectedOn ?? dayjs(beijingToday()).format('YYYY-MM-DD'), note: target.resultNote ?? '' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="outcome" label={t(im.outcome)} rules={[{ required: true, message: t(im.outcomeRequired) }]}>
          <Select options={INSPECTION_OUTCOMES.map((o) => ({ value: o, label: t(INSPECTION_OUTCOME_LABELS[o]) }))} />
        </Form.Item>
        <Form.Item name="inspectedOn" label={t(im.inspectedOn)} rules={[{ required: true, message: t(im.inspectedOnRequired) }]} {...isoDateField}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day')) || Boolean(earliest && d.isBefore(earliest))} />
        </Form.Item>
        <Form.Item name="note" label={t(im.note)} extra={t(im.noteHint)} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
