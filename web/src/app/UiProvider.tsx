import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useLang } from './i18n';

const theme = {
  token: {
    colorPrimary: '#1f4e9c',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

/**
 * Ant Design in the chosen language (its default is English) with the platform's theme.
 * `App` (message, modal, notification) is left out where a page needs none of it — the
 * login page, which should load as little as possible.
 */
export function UiProvider({ children, bare = false }: { children: ReactNode; bare?: boolean }) {
  const { lang } = useLang();
  // Idempotent, and done before any child formats a date in this render.
  const dayjsLocale = lang === 'zh' ? 'zh-cn' : 'en';
  if (dayjs.locale() !== dayjsLocale) dayjs.locale(dayjsLocale);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : undefined} theme={theme}>
      {bare ? children : <AntApp>{children}</AntApp>}
    </ConfigProvider>
  );
}
