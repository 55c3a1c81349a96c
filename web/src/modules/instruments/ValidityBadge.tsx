import { Badge, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { INSTRUMENT_STATUS_LABELS } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { beijingToday, formatDate } from '../../shared/format';
import { ins } from './messages';
import { daysLeft, validityOf, type ValidityFields } from './validity';

/** 有效 / 即将到期 / 已过期 / 不合格 …, from the server's figures; the server alone decides whether a result may use it. */
export function ValidityBadge({ instrument }: { instrument: ValidityFields }) {
  const t = useT();
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');
  const state = validityOf(instrument, today);
  switch (state) {
    case 'valid':
      return <Badge status="success" text={t(ins.valid)} />;
    case 'expiring':
      return <Badge status="warning" text={t(ins.expiring, { n: Math.max(daysLeft(instrument.validUntil!, today), 0) })} />;
    case 'expired':
      return (
        <Tooltip title={t(ins.expiredOn, { date: formatDate(instrument.validUntil) })}>
          <Badge status="error" text={t(ins.expired)} />
        </Tooltip>
      );
    case 'failed':
      return <Badge status="error" text={t(ins.failed)} />;
    case 'none':
      return <Badge status="default" text={t(ins.never)} />;
    case 'inactive':
      return <Badge status="default" text={t(INSTRUMENT_STATUS_LABELS[instrument.status])} />;
  }
}
