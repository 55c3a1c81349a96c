import type { Label } from '@shijian/contracts';

/** Words used on many pages. Page-specific texts live next to their page. */
export const common = {
  appName: { zh: '市监 Shijian', en: 'Shijian 市监' },
  appSubtitle: { zh: '市场监管一体化平台', en: 'Market supervision platform' },
  loading: { zh: '加载中…', en: 'Loading…' },
  retry: { zh: '重试', en: 'Retry' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  confirm: { zh: '确定', en: 'OK' },
  edit: { zh: '编辑', en: 'Edit' },
  search: { zh: '查询', en: 'Search' },
  reset: { zh: '重置', en: 'Reset' },
  dateFrom: { zh: '开始日期', en: 'From' },
  dateTo: { zh: '结束日期', en: 'To' },
  actions: { zh: '操作', en: 'Actions' },
  total: { zh: '共 {n} 条', en: '{n} in total' },
  totalAtLeast: { zh: '超过 {n} 条（请用条件缩小范围）', en: 'more than {n} (narrow the filters)' },
  notFound: { zh: '未找到', en: 'Not found' },
  notFoundPage: { zh: '页面不存在或已被移动', en: 'This page does not exist or has moved.' },
  forbidden: { zh: '您没有访问此页面的权限', en: 'You do not have access to this page.' },
  backHome: { zh: '返回工作台', en: 'Back to overview' },
  serverUnreachable: { zh: '无法连接服务器', en: 'Cannot reach the server' },
  loadFailed: { zh: '数据加载失败', en: 'Could not load data' },
  chunkFailed: { zh: '页面加载失败，可能系统刚刚更新，请刷新页面', en: 'The page failed to load (the system may have been updated). Please reload.' },
  reload: { zh: '刷新页面', en: 'Reload' },
} satisfies Record<string, Label>;
