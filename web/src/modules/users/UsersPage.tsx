import { useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ROLE_LABELS, ROLES } from '@shijian/contracts';
import { usersApi } from '../../api/endpoints';
import type { UserListQuery, UserView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { OrgPicker } from '../orgs/OrgPicker';
import { um } from './messages';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserActions } from './UserActions';
import { UserForm } from './UserForm';

const LIST = { sorts: ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const, sort: 'username' as const, order: 'asc' as const };
const FILTERS = ['q', 'orgId', 'role'] as const;
type Filters = { q?: string; orgId?: string; role?: string };

function UserFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  return (
    <Form name="userFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(um.searchPlaceholder)} style={{ width: 200 }} onSearch={() => form.submit()} aria-label={t(um.searchPlaceholder)} />
      </Form.Item>
      <Form.Item name="orgId">
        <OrgPicker placeholder={t(um.orgFilter)} style={{ width: 260 }} onChange={(orgId) => onApply({ ...form.getFieldsValue(), orgId })} />
      </Form.Item>
      <Form.Item name="role">
        <Select
          allowClear
          placeholder={t(um.roleFilter)}
          style={{ width: 170 }}
          options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
          onChange={(role?: string) => onApply({ ...form.getFieldsValue(), role })}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t(common.search)}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onApply({})}>{t(common.reset)}</Button>
      </Form.Item>
    </Form>
  );
}

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
  const result = useQuery({ queryKey: ['users', list.query], queryFn: () => usersApi.list(list.query as UserListQuery), placeholderData: keepPreviousData });

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
      <UserFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<UserView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(um.empty)} filteredText={t(um.emptyFiltered)} /> }}
        scroll={{ x: 1000 }}
      />
      {dialog.kind === 'reset' && dialog.user ? (
        <ResetPasswordForm user={dialog.user} open={dialog.open} onClose={close} />
      ) : (
        <UserForm open={dialog.open} user={dialog.kind === 'edit' ? dialog.user : undefined} defaultOrgId={list.filters.orgId} onClose={close} />
      )}
    </>
  );
}
