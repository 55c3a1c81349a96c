import type { ReactNode } from 'react';
import {
  CalendarOutlined,
  CarOutlined,
  FieldTimeOutlined,
  PercentageOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShoppingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { Label } from '../../app/i18n';
import type { Who } from '../../app/permissions';
import { serviceAccess } from './access';
import { wm } from './messages';

/**
 * The service window's entries in the side menu, a group of their own. Each also guards its
 * path: the shell shows 403 for a page the user may not open, as it does for app/routes.ts.
 * `menuLabel` names a page by who reads it (预约登记 for an institution, 我的预约 for an enterprise).
 */
export type ServicePage = { key: string; path: string; label: Label; icon: ReactNode; visible: (who: Who) => boolean; menuLabel?: (who: Who) => Label };

const everyone = () => true;

export const SERVICE_GROUP_LABEL: Label = wm.group;

/** The bookings page's name for the reader: the institution's register, the requester's own, or a bureau's view. */
export function bookingsLabel(who: Who): Label {
  if (who.org.kind === 'institution') return wm.menuBookingsStaff;
  if (who.org.kind === 'enterprise') return wm.menuMyBookings;
  return serviceAccess.request(who) ? wm.menuMyBookings : wm.menuBookingsArea;
}

export const SERVICE_PAGES: ServicePage[] = [
  { key: 'serviceCatalogue', path: '/services/catalogue', label: wm.menuCatalogue, icon: <ShoppingOutlined />, visible: everyone },
  { key: 'serviceRequests', path: '/services/requests', label: wm.menuRequests, icon: <SolutionOutlined />, visible: everyone },
  { key: 'serviceSlots', path: '/services/slots', label: wm.menuSlots, icon: <FieldTimeOutlined />, visible: serviceAccess.slots },
  { key: 'serviceBookings', path: '/services/bookings', label: wm.menuMyBookings, icon: <CalendarOutlined />, visible: everyone, menuLabel: bookingsLabel },
  { key: 'serviceOnsite', path: '/services/onsite', label: wm.menuOnsite, icon: <CarOutlined />, visible: serviceAccess.onsiteRead },
  { key: 'serviceCertificates', path: '/services/certificates', label: wm.menuCertificates, icon: <SafetyCertificateOutlined />, visible: everyone },
  { key: 'serviceItems', path: '/services/items', label: wm.menuItems, icon: <ProfileOutlined />, visible: serviceAccess.catalogueWrite },
  { key: 'serviceFeeRules', path: '/services/fee-rules', label: wm.menuFeeRules, icon: <PercentageOutlined />, visible: everyone },
];

export function servicePageOfPath(pathname: string): ServicePage | undefined {
  return SERVICE_PAGES.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));
}
