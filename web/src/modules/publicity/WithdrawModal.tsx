import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { keys, publicityApi, type TypicalCaseView } from './api';
import { pm } from './messages';

/** 撤回: takes a typical case off the portal, with the reason; the modal is the confirmation. */
export function WithdrawModal({ item, onClose }: { item: TypicalCaseView; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, pm.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useMutation({
    mutationFn: (v: { reason: string }) => publicityApi.withdraw(item.id, v.reason.trim()),
    onSuccess: (done) => {
      void client.invalidateQueries({ queryKey: keys.all });
      void message.success(t(pm.withdrawn, { title: done.title }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal
      open
      title={t(pm.withdrawTitle, { title: item.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(pm.withdraw)}
      okButtonProps={{ danger: true }}
      cancelText={t(common.cancel)}
      confirmLoading={withdraw.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={t(pm.withdrawWarning)} />
      <Form<{ reason: string }> name="typicalCaseWithdraw" form={form} layout="vertical" preserve={false} onFinish={(v) => withdraw.mutate(v)}>
        <Form.Item name="reason" label={t(pm.withdrawReason)} rules={[required(pm.withdrawReason), { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t(pm.withdrawReasonPlaceholder)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
