import { useState } from 'react';
import { Button, Form, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, ROLES } from '@shijian/contracts';
import { usersApi } from '../../api/endpoints';
import type { UserListQuery, UserView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { OrgPicker } from '../orgs/OrgPicker';
import { um } from './messages';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserActions } from './UserActions';
import { UserForm } from './UserForm';

const LIST = { sorts: ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const, sort: 'username' as const, order: 'asc' as const };
const FILTERS = ['q', 'orgId', 'role'] as const;

function UserStatus({ user }: { user: UserView }) {
  const t = useT();
  if (user.disabled) return <Tag>{t(um.disabled)}</Tag>;
  return (
    <Space size={4} wrap>
      {user.locked ? <Tag color="red">{t(um.locked)}</Tag> : null}
      {user.mustChangePassword ? <Tag color="orange">{t(um.mustChange)}</Tag> : null}
      {!user.locked && !user.mustChangePassword ? <Tag color="green">{t(um.active)}</Tag> : null}
    </Space>
  );
}

type Dialog = { kind: 'create' | 'edit' | 'reset'; user?: UserView; open: boolean };

export function UsersPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const writable = can(session, 'user.write');
  const [dialog, setDialog] = useState<Dialog>({ kind: 'create', open: false });
  const close = () => setDialog((d) => ({ ...d, open: false }));
  const result = useListQuery(['users'], list.query as UserListQuery, usersApi.list);

  const columns: TableColumnsType<UserView> = [
    {
      title: t(um.username),
      dataIndex: 'username',
      ...list.sortable('username'),
      render: (u: string) => (
        <span className="mono">
          {u}
          {u === session.user.username ? t(um.you) : ''}
        </span>
      ),
    },
    { title: t(um.displayName), dataIndex: 'displayName', ...list.sortable('displayName') },
    { title: t(um.org), dataIndex: 'orgName' },
    { title: t(um.roles), dataIndex: 'roles', render: (roles: UserView['roles']) => roles.map((r) => <Tag key={r}>{t(ROLE_LABELS[r])}</Tag>) },
    { title: t(um.status), key: 'status', render: (_, row) => <UserStatus user={row} /> },
    { title: t(um.lastLogin), dataIndex: 'lastLoginAt', ...list.sortable('lastLoginAt'), render: (at: string | null) => (at ? formatDateTime(at) : t(um.never)) },
  ];
  if (writable) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 200,
      render: (_, row) => (
        <UserActions
          user={row}
          self={row.id === session.user.id}
          onEdit={() => setDialog({ kind: 'edit', user: row, open: true })}
          onReset={() => setDialog({ kind: 'reset', user: row, open: true })}
        />
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(um.title)}
        subtitle={t(um.subtitle)}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create', open: true })}>
              {t(um.create)}
            </Button>
          ) : null
        }
      />
      <FilterBar name="userFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(um.searchPlaceholder)} width={200} />
        <Form.Item name="orgId">
          <OrgPicker placeholder={t(um.orgFilter)} style={{ width: 260 }} />
        </Form.Item>
        <SelectFilter name="role" placeholder={t(um.roleFilter)} width={170} options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))} />
      </FilterBar>
      <ListTable<UserView> list={list} result={result} columns={columns} emptyText={t(um.empty)} filteredText={t(um.emptyFiltered)} scroll={{ x: 1000 }} />
      {dialog.kind === 'reset' && dialog.user ? (
        <ResetPasswordForm user={dialog.user} open={dialog.open} onClose={close} />
      ) : (
        <UserForm open={dialog.open} user={dialog.kind === 'edit' ? dialog.user : undefined} defaultOrgId={list.filters.orgId} onClose={close} />
      )}
    </>
  );
}
