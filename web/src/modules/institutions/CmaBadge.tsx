import { Badge } from 'antd';
import dayjs from 'dayjs';
import type { InstitutionView } from '../../api/types';
import { useT } from '../../app/i18n';
import { im } from './messages';
import { beijingToday } from '../../shared/format';

/** Within this many days a valid certificate is flagged as expiring. */
const EXPIRING_DAYS = 90;

/** The CMA certificate's state: valid, expiring soon, expired or absent. Validity itself is the server's judgement. */
export function CmaBadge({ institution }: { institution: Pick<InstitutionView, 'cmaNumber' | 'cmaValid' | 'cmaValidUntil'> }) {
  const t = useT();
  if (!institution.cmaNumber || !institution.cmaValidUntil) return <Badge status="default" text={t(im.noCertificate)} />;
  if (!institution.cmaValid) return <Badge status="error" text={t(im.expired)} />;
  const daysLeft = dayjs(institution.cmaValidUntil).diff(dayjs(beijingToday()).startOf('day'), 'day');
  if (daysLeft <= EXPIRING_DAYS) return <Badge status="warning" text={t(im.expiring, { n: Math.max(daysLeft, 0) })} />;
  return <Badge status="success" text={t(im.valid)} />;
}
