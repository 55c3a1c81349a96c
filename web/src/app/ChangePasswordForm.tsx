import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { passwordProblems, PASSWORD_MIN_LENGTH } from '@shijian/contracts';
import { authApi } from '../api/endpoints';
import { showFormError } from '../shared/errors';
import { useT } from './i18n';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export const passwordMessages = {
  current: { zh: '当前密码', en: 'Current password' },
  next: { zh: '新密码', en: 'New password' },
  confirm: { zh: '确认新密码', en: 'Confirm new password' },
  currentRequired: { zh: '请输入当前密码', en: 'Enter your current password' },
  nextRequired: { zh: '请输入新密码', en: 'Enter a new password' },
  confirmRequired: { zh: '请再次输入新密码', en: 'Enter the new password again' },
  mismatch: { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  same: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  rule: {
    zh: `至少${PASSWORD_MIN_LENGTH}位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名`,
    en: `At least ${PASSWORD_MIN_LENGTH} characters from three of: upper case, lower case, digits, symbols; not containing the username`,
  },
  submit: { zh: '修改密码', en: 'Change password' },
};

/** Validates a new password with the same policy the server applies (messages in Chinese, as the server's). */
export function newPasswordRule(username: string | undefined) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) return;
      const problems = passwordProblems(value, username);
      if (problems.length) throw new Error(problems[0]);
    },
  };
}

/** Change your own password: current, new, confirm. Used by the forced page and the user-menu dialog. */
export function ChangePasswordForm({ username, onDone, submitLabel }: { username: string; onDone: () => void; submitLabel?: string }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (v: Values) => authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
    onError: (e) => showFormError(form, e, setError),
  });

  return (
    <Form name="changePassword" form={form} layout="vertical" onFinish={(v) => change.mutate(v)} onValuesChange={() => setError(null)}>
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form.Item name="currentPassword" label={t(passwordMessages.current)} rules={[{ required: true, message: t(passwordMessages.currentRequired) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t(passwordMessages.next)}
        extra={t(passwordMessages.rule)}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t(passwordMessages.nextRequired) },
          newPasswordRule(username),
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error(t(passwordMessages.same));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t(passwordMessages.confirm)}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t(passwordMessages.confirmRequired) },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t(passwordMessages.mismatch));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        {submitLabel ?? t(passwordMessages.submit)}
      </Button>
    </Form>
  );
}
