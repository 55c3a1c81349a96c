import { Menu } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { DirectoryPage } from './DirectoryPage';
import { DrawDetailPage } from './DrawDetailPage';
import { DrawsPage } from './DrawsPage';
import { im } from './messages';
import { NewDrawPage } from './NewDrawPage';
import { QueuePage } from './QueuePage';
import { RosterPage } from './RosterPage';

const BASE = '/supervision/inspections';
const TABS = [
  { key: 'queue', label: im.tabQueue },
  { key: 'draws', label: im.tabDraws },
  { key: 'directory', label: im.tabDirectory },
  { key: 'roster', label: im.tabRoster },
] as const;

/** The module's sections as a navigation bar; the URL decides which one is current. */
function SectionTabs() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((tab) => pathname.startsWith(`${BASE}/${tab.key}`))?.key;
  return (
    <nav aria-label={t(im.title)}>
      <Menu
        mode="horizontal"
        selectedKeys={active ? [active] : []}
        onClick={({ key }) => navigate(`${BASE}/${key}`)}
        items={TABS.map((tab) => ({ key: tab.key, label: t(tab.label) }))}
        style={{ marginBottom: 16, background: 'transparent' }}
      />
    </nav>
  );
}

/** The module's pages, routed below its path. Officers land on their queue, everyone else on the draws. */
export function InspectionsModule() {
  const session = useSession();
  const home = session.user.roles.includes('officer') ? 'queue' : 'draws';
  return (
    <>
      <SectionTabs />
      <Routes>
        <Route index element={<Navigate to={home} replace />} />
        <Route path="queue" element={<QueuePage />} />
        <Route path="draws" element={<DrawsPage />} />
        <Route path="draws/new" element={<NewDrawPage />} />
        <Route path="draws/:id" element={<DrawDetailPage />} />
        <Route path="directory" element={<DirectoryPage />} />
        <Route path="roster" element={<RosterPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
