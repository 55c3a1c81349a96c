import { Menu } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { NotFoundPage } from '../../app/StatusPages';
import { paths } from './api';
import { BatchDetailPage } from './BatchDetailPage';
import { BatchesPage } from './BatchesPage';
import { DisposalDetailPage } from './DisposalDetailPage';
import { DisposalsPage } from './DisposalsPage';
import { sm } from './messages';
import { NewBatchPage } from './NewBatchPage';
import { NewPlanPage } from './NewPlanPage';
import { PlanDetailPage } from './PlanDetailPage';
import { PlansPage } from './PlansPage';
import { QueuePage } from './QueuePage';
import { ReceiveBatchPage } from './ReceiveBatchPage';

/** The module's sections as a navigation bar; the URL decides which one is current. Institutions have no disposals. */
function SectionTabs() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = [
    { key: 'queue', label: sm.tabQueue },
    { key: 'plans', label: sm.tabPlans },
    { key: 'batches', label: sm.tabBatches },
    ...(session.org.kind === 'regulator' ? [{ key: 'disposals', label: sm.tabDisposals }] : []),
  ];
  const active = tabs.find((tab) => pathname.startsWith(`${paths.base}/${tab.key}`))?.key;
  return (
    <nav aria-label={t(sm.title)}>
      <Menu
        mode="horizontal"
        selectedKeys={active ? [active] : []}
        onClick={({ key }) => navigate(`${paths.base}/${key}`)}
        items={tabs.map((tab) => ({ key: tab.key, label: t(tab.label) }))}
        style={{ marginBottom: 16, background: 'transparent' }}
      />
    </nav>
  );
}

/** The module's pages, routed below /supervision/sampling; everyone lands on their queue. */
export function SamplingModule() {
  return (
    <>
      <SectionTabs />
      <Routes>
        <Route index element={<Navigate to="queue" replace />} />
        <Route path="queue" element={<QueuePage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/new" element={<NewPlanPage />} />
        <Route path="plans/:id" element={<PlanDetailPage />} />
        <Route path="batches" element={<BatchesPage />} />
        <Route path="batches/new" element={<NewBatchPage />} />
        <Route path="batches/:id" element={<BatchDetailPage />} />
        <Route path="batches/:id/receive" element={<ReceiveBatchPage />} />
        <Route path="disposals" element={<DisposalsPage />} />
        <Route path="disposals/:id" element={<DisposalDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
