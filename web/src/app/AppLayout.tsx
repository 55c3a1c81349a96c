import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Button, Dropdown, Layout, Menu, Modal, Tag, Tooltip, Typography, App as AntApp, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AlertOutlined,
  AuditOutlined,
  MessageOutlined,
  NotificationOutlined,
  RadarChartOutlined,
  RollbackOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FormOutlined,
  SafetyCertificateOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FlagOutlined,
  InteractionOutlined,
  SearchOutlined,
  StopOutlined,
  UnorderedListOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  ProfileOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS } from '@shijian/contracts';
import { ChangePasswordForm, passwordMessages } from './ChangePasswordForm';
import { common } from './common';
import { useT } from './i18n';
import { LangSwitch } from './LangSwitch';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { SERVICE_GROUP_LABEL, SERVICE_PAGES, servicePageOfPath } from '../modules/services/menu';
import { GROUP_LABELS, mayOpen, PAGE_GROUPS, PAGES, pageOfPath, type PageKey } from './routes';
import { useSession } from './session';
import { ForbiddenPage } from './StatusPages';
import { UiProvider } from './UiProvider';
import { useLogout } from './useLogout';

const ICONS: Record<PageKey, ReactNode> = {
  home: <DashboardOutlined />,
  labQueue: <CarryOutOutlined />,
  samples: <InboxOutlined />,
  reports: <FileProtectOutlined />,
  catalogue: <ProfileOutlined />,
  campaigns: <FlagOutlined />,
  screenings: <SearchOutlined />,
  problems: <UnorderedListOutlined />,
  sampling: <ExperimentOutlined />,
  inspections: <InteractionOutlined />,
  oversight: <SafetyCertificateOutlined />,
  cases: <FileSearchOutlined />,
  caseDeadlines: <FieldTimeOutlined />,
  credit: <StopOutlined />,
  complaints: <MessageOutlined />,
  recalls: <RollbackOutlined />,
  riskDashboard: <RadarChartOutlined />,
  riskWarnings: <AlertOutlined />,
  publicity: <NotificationOutlined />,
  statReports: <BarChartOutlined />,
  reportTemplates: <FormOutlined />,
  enterprises: <ShopOutlined />,
  institutions: <ExperimentOutlined />,
  instruments: <ToolOutlined />,
  categories: <AppstoreOutlined />,
  orgs: <ApartmentOutlined />,
  users: <TeamOutlined />,
  calendar: <CalendarOutlined />,
  audit: <AuditOutlined />,
};

const m = {
  scope: { zh: '管辖范围', en: 'Scope' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  passwordChanged: { zh: '密码已修改，其他设备上的登录已失效', en: 'Password changed; sessions on other devices were signed out' },
  logout: { zh: '退出登录', en: 'Log out' },
  userMenu: { zh: '用户菜单', en: 'User menu' },
  collapse: { zh: '收起菜单', en: 'Collapse menu' },
  expand: { zh: '展开菜单', en: 'Expand menu' },
};

function SideMenu({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = PAGES.filter((p) => mayOpen(session, p));
  const groups = PAGE_GROUPS.map((group) => ({ group, pages: visible.filter((p) => p.group === group) }))
    .filter((g) => g.pages.length > 0);
  const items = groups.flatMap(({ group, pages }): NonNullable<MenuProps['items']> => {
    const entries = pages.map((p) => ({ key: p.key, icon: ICONS[p.key], label: t(p.label) }));
    return group === 'main' ? entries : [{ type: 'group' as const, key: group, label: collapsed ? null : t(GROUP_LABELS[group]), children: entries }];
  });
  // The service window (技术服务窗口) keeps its own entries, right after the overview and work queue.
  const services = SERVICE_PAGES.filter((p) => p.visible(session)).map((p) => ({ key: p.key, icon: p.icon, label: t(p.menuLabel?.(session) ?? p.label) }));
  if (services.length) {
    const at = groups[0]?.group === 'main' ? groups[0].pages.length : 0;
    items.splice(at, 0, { type: 'group' as const, key: 'services', label: collapsed ? null : t(SERVICE_GROUP_LABEL), children: services });
  }
  const selected = pageOfPath(pathname)?.key ?? servicePageOfPath(pathname)?.key;
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        const page = PAGES.find((p) => p.key === key) ?? SERVICE_PAGES.find((p) => p.key === key);
        if (page) navigate(page.path);
      }}
    />
  );
}

function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const t = useT();
  const session = useSession();
  const logout = useLogout();
  const roles = session.user.roles.map((r) => t(ROLE_LABELS[r])).join('、');
  const items: MenuProps['items'] = [
    { key: 'who', disabled: true, label: <div className="user-menu-who">{session.user.username}<br />{roles}</div> },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t(m.changePassword) },
    { key: 'logout', icon: <LogoutOutlined />, label: t(m.logout), danger: true },
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'password') onChangePassword();
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" className="user-button" aria-label={t(m.userMenu)}>
        <Avatar size="small" icon={<UserOutlined />} />
        <span className="user-name">{session.user.displayName}</span>
      </Button>
    </Dropdown>
  );
}

function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const session = useSession();
  const { message } = AntApp.useApp();
  return (
    <Modal title={t(m.changePassword)} open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm
        username={session.user.username}
        submitLabel={t(passwordMessages.submit)}
        onDone={() => {
          void message.success(t(m.passwordChanged));
          onClose();
        }}
      />
    </Modal>
  );
}

/** The signed-in shell: side menu by permission, header with org, scope, language and the user's menu. */
function Shell() {
  const t = useT();
  const session = useSession();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const page = pageOfPath(pathname);
  const servicePage = page ? undefined : servicePageOfPath(pathname);
  const allowed = page ? mayOpen(session, page) : !servicePage || servicePage.visible(session);
  // Someone without the overview (institution staff) lands on the first page they may open: their work queue.
  const landing = page?.key === 'home' && !allowed ? PAGES.find((p) => mayOpen(session, p)) : undefined;

  useEffect(() => {
    const label = page?.label ?? (servicePage ? (servicePage.menuLabel?.(session) ?? servicePage.label) : undefined);
    document.title = label ? `${t(label)} · Shijian 市监` : 'Shijian 市监';
  }, [page, servicePage, session, t]);

  return (
    <Layout className="app-layout">
      <Layout.Sider collapsible collapsed={collapsed} trigger={null} width={216} className="app-sider">
        <div className="app-brand" title={t(common.appSubtitle)}>
          <span className="app-brand-logo" aria-hidden>
            监
          </span>
          {collapsed ? null : <span className="app-brand-name">{t(common.appName)}</span>}
        </div>
        <SideMenu collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Tooltip title={t(collapsed ? m.expand : m.collapse)}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
              aria-label={t(collapsed ? m.expand : m.collapse)}
            />
          </Tooltip>
          <div className="app-header-org">
            <Typography.Text strong ellipsis>
              {session.org.name}
            </Typography.Text>
            <Tag color="blue" className="scope-tag">
              {t(m.scope)}：{session.scope.label}
            </Tag>
          </div>
          <div className="app-header-actions">
            <NotificationBell />
            <LangSwitch />
            <UserMenu onChangePassword={() => setPasswordOpen(true)} />
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">{landing ? <Navigate to={landing.path} replace /> : allowed ? <Outlet /> : <ForbiddenPage />}</Layout.Content>
      </Layout>
      <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}

export function AppLayout() {
  return (
    <UiProvider>
      <Shell />
    </UiProvider>
  );
}
