import { App, Button, Flex, Popconfirm } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usersApi } from '../../api/endpoints';
import type { UserView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { um } from './messages';

/** 编辑 · 停用/启用 · 重置密码 for one row; nobody disables themselves. */
export function UserActions({ user, self, onEdit, onReset }: { user: UserView; self: boolean; onEdit: () => void; onReset: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const toggle = useMutation({
    mutationFn: () => usersApi.update(user.id, { disabled: !user.disabled }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      void message.success(t(saved.disabled ? um.disabledDone : um.enabledDone, { name: saved.displayName }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Flex gap={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t(common.edit)}
      </Button>
      {self ? null : (
        <Popconfirm
          title={t(user.disabled ? um.enableConfirm : um.disableConfirm, { name: user.displayName })}
          description={user.disabled ? undefined : t(um.disableDetail)}
          okText={t(user.disabled ? um.enable : um.disable)}
          okButtonProps={{ danger: !user.disabled }}
          cancelText={t(common.cancel)}
          onConfirm={() => toggle.mutateAsync()}
        >
          <Button type="link" size="small" danger={!user.disabled}>
            {t(user.disabled ? um.enable : um.disable)}
          </Button>
        </Popconfirm>
      )}
      {self ? null : (
        <Button type="link" size="small" onClick={onReset}>
          {t(um.resetPassword)}
        </Button>
      )}
    </Flex>
  );
}
