import { Button, Segmented, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { NOTIFICATIONS_KEY, notificationsApi, safeLink, type NotificationView } from './api';
import { useOpenNotice } from './NotificationBell';
import { nm } from './messages';

const LIST = { sorts: ['createdAt'] as const, sort: 'createdAt' as const, order: 'desc' as const };
const FILTERS = ['unread'] as const;

/** 全部提醒: every notice to the caller's org, newest first, unread ones marked. */
export function NotificationsPage() {
  const t = useT();
  const list = useListParams(LIST, FILTERS);
  const query = { page: list.page, pageSize: list.pageSize, unread: list.filters.unread === 'true' ? ('true' as const) : undefined };
  const result = useListQuery([...NOTIFICATIONS_KEY, 'list'], query, notificationsApi.list);
  const openNotice = useOpenNotice();

  const columns: TableColumnsType<NotificationView> = [
    {
      title: t(nm.notice),
      key: 'notice',
      render: (_, n) => (
        <div>
          <Typography.Text strong={!n.read}>{n.title}</Typography.Text> {n.read ? null : <Tag color="blue">{t(nm.unreadTag)}</Tag>}
          <div className="notice-body">{n.body}</div>
        </div>
      ),
    },
    { title: t(nm.time), dataIndex: 'createdAt', width: 170, render: formatDateTime },
    {
      title: '',
      key: 'actions',
      width: 120,
      render: (_, n) => (
        <Button size="small" type={safeLink(n.link) ? 'link' : 'text'} onClick={() => openNotice(n)} disabled={n.read && !safeLink(n.link)}>
          {safeLink(n.link) ? t(nm.open) : t(nm.markRead)}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t(nm.title)} subtitle={t(nm.subtitle)} />
      <Segmented
        style={{ marginBottom: 16 }}
        value={list.filters.unread === 'true' ? 'unread' : 'all'}
        onChange={(v) => list.setFilters({ unread: v === 'unread' ? 'true' : undefined })}
        options={[
          { value: 'all', label: t(nm.allNotices) },
          { value: 'unread', label: t(nm.unreadOnly) },
        ]}
      />
      <ListTable<NotificationView> list={list} result={result} columns={columns} emptyText={t(nm.empty)} filteredText={t(nm.emptyUnread)} />
    </>
  );
}
