import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usersApi } from '../../api/endpoints';
import type { UserView } from '../../api/types';
import { newPasswordRule } from '../../app/ChangePasswordForm';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { generatePassword } from '../../shared/password';
import { um } from './messages';

/** Admin reset: the warning says what happens, the danger button confirms it. */
export function ResetPasswordForm({ user, open, onClose }: { user: UserView; open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [error, setError] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (v: { newPassword: string }) => usersApi.resetPassword(user.id, v.newPassword),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      void message.success(t(um.resetDone, { name: user.displayName }), 6);
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });
  return (
    <Modal
      title={t(um.resetTitle, { name: user.displayName })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(um.resetOk)}
      okButtonProps={{ danger: true }}
      cancelText={t(common.cancel)}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t(um.resetWarning)} className="form-alert" />
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form name="resetPassword" form={form} layout="vertical" preserve={false} onFinish={(v) => reset.mutate(v)} onValuesChange={() => setError(null)}>
        <Form.Item label={t(um.newPassword)} required htmlFor="resetPassword_newPassword">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="newPassword" noStyle rules={[{ required: true, message: t(um.passwordRequired) }, newPasswordRule(user.username)]}>
              <Input className="mono" autoComplete="new-password" />
            </Form.Item>
            <Button onClick={() => form.setFields([{ name: 'newPassword', value: generatePassword(), errors: [] }])}>{t(um.generate)}</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
