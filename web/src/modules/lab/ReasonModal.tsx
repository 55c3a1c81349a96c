import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { lm } from './messages';

/** Asks for the reason an irreversible step needs (return for rework, amendment), then runs it. */
export function ReasonModal({
  open,
  title,
  description,
  okText,
  danger = false,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t(common.cancel)}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={description} />
      {error ? <Alert type="error" showIcon className="form-alert" role="alert" title={error} /> : null}
      <Form
        name="reason"
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={() => setError(null)}
        onFinish={async ({ reason }) => {
          setBusy(true);
          try {
            await onSubmit(reason.trim());
            onClose();
          } catch (e) {
            setError(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={t(lm.reason)} rules={[{ required: true, whitespace: true, message: t(lm.reasonRequired) }, { max: 300 }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
