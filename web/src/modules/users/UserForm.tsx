import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, ROLES_BY_ORG_KIND, type Role } from '@shijian/contracts';
import { usersApi } from '../../api/endpoints';
import type { UserView } from '../../api/types';
import { newPasswordRule } from '../../app/ChangePasswordForm';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { generatePassword } from '../../shared/password';
import { OrgPicker, useOrgById } from '../orgs/OrgPicker';
import { um } from './messages';

type Values = { username: string; displayName: string; phone?: string; orgId: string; roles: Role[]; password: string };

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;
const PHONE = /^[0-9+\-\s]{5,20}$/;

/**
 * Create a user, or edit name, phone and roles. The roles offered are those
 * the chosen org's kind allows; a change of roles is confirmed before saving.
 */
export function UserForm({ open, user, defaultOrgId, onClose }: { open: boolean; user?: UserView; defaultOrgId?: string; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const orgById = useOrgById();
  const orgId = Form.useWatch('orgId', form);
  const username = Form.useWatch('username', form);
  const orgKind = user ? user.orgKind : orgById(orgId)?.kind;
  const roleChoices = orgKind ? ROLES_BY_ORG_KIND[orgKind] : [];

  const save = useMutation({
    mutationFn: (v: Values) =>
      user
        ? usersApi.update(user.id, { displayName: v.displayName, phone: v.phone?.trim() ? v.phone.trim() : null, roles: v.roles })
        : usersApi.create({ username: v.username, displayName: v.displayName, phone: v.phone?.trim() || undefined, orgId: v.orgId, roles: v.roles, password: v.password }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      void client.invalidateQueries({ queryKey: ['orgs'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      void message.success(user ? t(um.saved) : t(um.created, { username: saved.username }), user ? 3 : 8);
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });

  const submit = (v: Values) => {
    const roleNames = (roles: readonly Role[]) => roles.map((r) => t(ROLE_LABELS[r])).join('、');
    const changed = user && [...user.roles].sort().join() !== [...v.roles].sort().join();
    if (!user || !changed) return save.mutate(v);
    modal.confirm({
      title: t(um.rolesConfirm),
      content: t(um.rolesConfirmDetail, { name: user.displayName, from: roleNames(user.roles), to: roleNames(v.roles) }),
      okText: t(common.confirm),
      cancelText: t(common.cancel),
      onOk: () => save.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <Modal
      title={user ? t(um.editTitle, { name: user.displayName }) : t(um.createTitle)}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form
        name="user"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={user ? { displayName: user.displayName, phone: user.phone ?? undefined, roles: user.roles } : { orgId: defaultOrgId, roles: [] }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          setError(null);
          // Roles belong to the org's kind: a new org clears choices it does not allow.
          if (changed.orgId !== undefined) {
            const allowed = ROLES_BY_ORG_KIND[orgById(changed.orgId)?.kind ?? 'enterprise'];
            form.setFieldValue('roles', (form.getFieldValue('roles') as Role[]).filter((r) => allowed.includes(r)));
          }
        }}
      >
        {user ? (
          <Typography.Paragraph>
            <Space separator="·" wrap>
              <span>
                {t(um.username)}：<span className="mono">{user.username}</span>
              </span>
              <span>
                {t(um.org)}：{user.orgName}
              </span>
            </Space>
          </Typography.Paragraph>
        ) : (
          <>
            <Form.Item name="username" label={t(um.username)} extra={t(um.usernameHint)} rules={[{ required: true, pattern: USERNAME, message: t(um.usernameRule) }]}>
              <Input className="mono" maxLength={32} autoComplete="off" />
            </Form.Item>
            <Form.Item name="orgId" label={t(um.org)} rules={[{ required: true, message: t(um.orgRequired) }]}>
              <OrgPicker allowClear={false} />
            </Form.Item>
          </>
        )}
        <Form.Item name="displayName" label={t(um.displayName)} rules={[{ required: true, whitespace: true, message: t({ zh: '请填写姓名', en: 'Enter the name' }) }, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t(um.phone)} rules={[{ pattern: PHONE, message: t(um.phoneRule) }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="roles" label={t(um.roles)} extra={roleChoices.length ? undefined : t(um.rolesPickOrg)} rules={[{ required: true, type: 'array', min: 1, message: t(um.rolesRequired) }]}>
          <Checkbox.Group options={roleChoices.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))} />
        </Form.Item>
        {user ? null : (
          <Form.Item label={t(um.password)} extra={t(um.passwordHint)} required htmlFor="user_password">
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="password" noStyle rules={[{ required: true, message: t(um.passwordRequired) }, newPasswordRule(username)]}>
                <Input className="mono" autoComplete="new-password" />
              </Form.Item>
              <Button onClick={() => form.setFields([{ name: 'password', value: generatePassword(), errors: [] }])}>{t(um.generate)}</Button>
            </Space.Compact>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
