import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { beijingToday } from '../../shared/format';

type Values = { date: string; text: string };

/**
 * Closes something for good (a rectification, a ledger problem): asks for the
 * date and what was done, under a warning that it cannot be undone, then submits.
 * Server field errors land under the matching field (`dateField` / `textField`).
 */
export function CompletionModal({
  open,
  title,
  warning,
  dateLabel,
  dateRequired,
  textLabel,
  textRequired,
  okText,
  earliest,
  initialText,
  dateField,
  textField,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  warning: string;
  dateLabel: string;
  dateRequired: string;
  textLabel: string;
  textRequired: string;
  okText: string;
  /** No date before this one can be chosen (the screening's date). */
  earliest?: string;
  initialText?: string;
  dateField: string;
  textField: string;
  onSubmit: (values: Values) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t(common.cancel)}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={warning} />
      {error ? <Alert type="error" showIcon className="form-alert" role="alert" title={error} /> : null}
      <Form
        name="completion"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ date: today, text: initialText ?? '' }}
        onValuesChange={() => setError(null)}
        onFinish={async (values) => {
          setBusy(true);
          try {
            await onSubmit({ date: values.date, text: values.text.trim() });
            onClose();
          } catch (e) {
            // The server names its own fields; map them onto this form's two.
            const rename = (field: string) => (field === dateField ? 'date' : field === textField ? 'text' : field);
            const mapped = e instanceof ApiError ? new ApiError(e.status, e.code, e.message, e.fields.map((f) => ({ ...f, field: rename(f.field) })), e.details) : e;
            showFormError(form, mapped, setError);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="date" label={dateLabel} rules={[{ required: true, message: dateRequired }]} {...isoDateField}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today || (!!earliest && d.format('YYYY-MM-DD') < earliest)} />
        </Form.Item>
        <Form.Item name="text" label={textLabel} rules={[{ required: true, whitespace: true, message: textRequired }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
