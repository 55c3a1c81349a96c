import type { ReactNode } from 'react';
import { PercentageOutlined, ProfileOutlined, ShoppingOutlined, SolutionOutlined } from '@ant-design/icons';
import type { Label } from '../../app/i18n';
import type { Who } from '../../app/permissions';
import { serviceAccess } from './access';
import { wm } from './messages';

/**
 * The service window's entries in the side menu, a group of their own. Each also guards its
 * path: the shell shows 403 for a page the user may not open, as it does for app/routes.ts.
 */
export type ServicePage = { key: string; path: string; label: Label; icon: ReactNode; visible: (who: Who) => boolean };

const everyone = () => true;

export const SERVICE_GROUP_LABEL: Label = wm.group;

export const SERVICE_PAGES: ServicePage[] = [
  { key: 'serviceCatalogue', path: '/services/catalogue', label: wm.menuCatalogue, icon: <ShoppingOutlined />, visible: everyone },
  { key: 'serviceRequests', path: '/services/requests', label: wm.menuRequests, icon: <SolutionOutlined />, visible: everyone },
  { key: 'serviceItems', path: '/services/items', label: wm.menuItems, icon: <ProfileOutlined />, visible: serviceAccess.catalogueWrite },
  { key: 'serviceFeeRules', path: '/services/fee-rules', label: wm.menuFeeRules, icon: <PercentageOutlined />, visible: everyone },
];

export function servicePageOfPath(pathname: string): ServicePage | undefined {
  return SERVICE_PAGES.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));
}
