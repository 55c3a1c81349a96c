import type { ReactNode } from 'react';
import { Alert, Button, Empty, Flex, Typography } from 'antd';
import { common } from '../app/common';
import { useT } from '../app/i18n';
import { errorMessage } from './errors';

/** A page's title line with its main actions on the right. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex className="page-header" justify="space-between" align="center" wrap gap={12}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
    </Flex>
  );
}

/** What an empty table says: different when filters hide everything. */
export function ListEmpty({ filtered, emptyText, filteredText }: { filtered: boolean; emptyText: string; filteredText?: string }) {
  const t = useT();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={filtered ? (filteredText ?? t({ zh: '没有符合条件的记录，请调整筛选条件', en: 'Nothing matches these filters. Try changing them.' })) : emptyText}
    />
  );
}

/** A failed load, with the server's message and a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      className="query-error"
      title={t(common.loadFailed)}
      description={errorMessage(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t(common.retry)}</Button> : undefined}
    />
  );
}
