import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CALENDAR_DAY_KIND_LABELS, CALENDAR_DAY_KINDS, type CalendarDayKind } from '@shijian/contracts';
import { calendarApi } from '../../api/endpoints';
import type { CalendarDayView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { calm } from './messages';

type Values = { date: string; kind: CalendarDayKind; name: string };

/** Set a date as a public holiday or a make-up workday (PUT replaces whatever the date had). */
export function CalendarDayForm({ open, day, existing, onClose }: { open: boolean; day?: CalendarDayView; existing: CalendarDayView[]; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const chosenDate = Form.useWatch('date', form);
  const overwrites = !day && existing.some((d) => d.date === chosenDate);
  const save = useMutation({
    mutationFn: (v: Values) => calendarApi.setDay(v.date, { kind: v.kind, name: v.name }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void message.success(t(calm.saved));
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });

  return (
    <Modal
      title={t(day ? calm.editTitle : calm.add)}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form name="calendarDay" form={form} layout="vertical" preserve={false} initialValues={day ?? { kind: 'holiday' }} onFinish={(v) => save.mutate(v)} onValuesChange={() => setError(null)}>
        <Form.Item
          name="date"
          label={t(calm.date)}
          rules={[{ required: true, message: t(calm.dateRequired) }]}
          extra={overwrites ? <span className="warning-text">{t(calm.existing)}</span> : undefined}
          {...isoDateField}
        >
          <DatePicker style={{ width: '100%' }} disabled={Boolean(day)} />
        </Form.Item>
        <Form.Item name="kind" label={t(calm.kind)} rules={[{ required: true, message: t(calm.kindRequired) }]}>
          <Radio.Group options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(CALENDAR_DAY_KIND_LABELS[k]) }))} optionType="button" />
        </Form.Item>
        <Form.Item name="name" label={t(calm.name)} rules={[{ required: true, whitespace: true, message: t(calm.nameRequired) }, { max: 50 }]}>
          <Input maxLength={50} placeholder={t(calm.namePlaceholder)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
