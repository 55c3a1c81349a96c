import type { Label } from '@shijian/contracts';

/** Texts of the notices (站内提醒): the bell in the header and the full list. */
export const nm = {
  bell: { zh: '站内提醒', en: 'Notices 站内提醒' },
  bellWithCount: { zh: '站内提醒，{n} 条未读', en: 'Notices, {n} unread' },
  recent: { zh: '最近的提醒', en: 'Recent notices' },
  none: { zh: '暂无提醒', en: 'No notices' },
  all: { zh: '全部提醒', en: 'All notices' },
  title: { zh: '站内提醒', en: 'Notices 站内提醒' },
  subtitle: { zh: '发给本单位的提醒：报表到期、被退回或审核通过等。点击提醒查看并标记为已读。', en: 'Notices to your organisation: reports due, returned or accepted. Open one to mark it read.' },
  unreadOnly: { zh: '只看未读', en: 'Unread only' },
  allNotices: { zh: '全部', en: 'All' },
  unreadTag: { zh: '未读', en: 'Unread' },
  empty: { zh: '还没有提醒', en: 'No notices yet' },
  emptyUnread: { zh: '没有未读的提醒', en: 'No unread notices' },
  markRead: { zh: '标为已读', en: 'Mark read' },
  open: { zh: '查看', en: 'Open' },
  time: { zh: '时间', en: 'Time' },
  notice: { zh: '提醒', en: 'Notice' },
} satisfies Record<string, Label>;
