import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, Empty, Flex, Popover, Spin, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { NOTIFICATIONS_KEY, notificationsApi, safeLink, UNREAD_KEY, type NotificationView } from './api';
import { nm } from './messages';

/** Marks a notice read (once) and refreshes the count and the lists. */
export function useOpenNotice() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const read = useMutation({
    mutationFn: notificationsApi.markRead,
    onSettled: () => void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
  return (n: NotificationView) => {
    if (!n.read) read.mutate(n.id);
    const link = safeLink(n.link);
    if (link) navigate(link);
  };
}

/** One notice in a list: unread ones in bold with a dot. */
export function NoticeItem({ notice, onOpen }: { notice: NotificationView; onOpen: (n: NotificationView) => void }) {
  return (
    <li>
      <button type="button" className={`notice-item${notice.read ? '' : ' notice-unread'}`} onClick={() => onOpen(notice)}>
        <Flex gap={8} align="flex-start">
          <Badge status={notice.read ? 'default' : 'processing'} className="notice-dot" />
          <div style={{ minWidth: 0 }}>
            <div className="notice-title">{notice.title}</div>
            <div className="notice-body">{notice.body}</div>
            <div className="secondary-text">{formatDateTime(notice.createdAt)}</div>
          </div>
        </Flex>
      </button>
    </li>
  );
}

/**
 * The bell in the header: the unread count, polled every minute and on returning to
 * the window, and the latest notices when opened. Opening a notice marks it read and
 * follows its link (a report's period, a returned submission).
 */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useQuery({ queryKey: UNREAD_KEY, queryFn: notificationsApi.unread, refetchInterval: 60_000, refetchOnWindowFocus: 'always', staleTime: 0 });
  const recent = useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'recent'], queryFn: () => notificationsApi.list({ pageSize: 8 }), enabled: open, staleTime: 0 });
  const openNotice = useOpenNotice();
  const count = unread.data?.unread ?? 0;
  const label = count ? t(nm.bellWithCount, { n: count }) : t(nm.bell);

  const content = (
    <div className="notice-panel">
      {recent.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : recent.data?.items.length ? (
        <ul className="notice-list" aria-label={t(nm.recent)}>
          {recent.data.items.map((n) => (
            <NoticeItem
              key={n.id}
              notice={n}
              onOpen={(notice) => {
                setOpen(false);
                openNotice(notice);
              }}
            />
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(nm.none)} />
      )}
      <div className="notice-footer">
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
        >
          {t(nm.all)}
        </Button>
      </div>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={<Typography.Text strong>{t(nm.recent)}</Typography.Text>}
      content={content}
      arrow={false}
    >
      <Tooltip title={open ? undefined : label}>
        <Button type="text" aria-label={label} data-testid="notification-bell">
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 17 }} />
          </Badge>
        </Button>
      </Tooltip>
    </Popover>
  );
}
