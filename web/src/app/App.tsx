import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { common } from './common';
import { useT } from './i18n';
import { Lazy, lazyNamed, PageSpinner, PlainNotice } from './lazy';
import { SessionProvider, useSessionQuery, useSessionWatcher } from './session';

// The entry chunk holds only React, the router, the query cache and this routing: Ant Design,
// the login form and everything behind the login arrive as separate chunks.
const LoginPage = lazyNamed(() => import('./LoginPage'), 'LoginPage');
const ForcedPasswordPage = lazyNamed(() => import('./ForcedPasswordPage'), 'ForcedPasswordPage');
const AppLayout = lazyNamed(() => import('./AppLayout'), 'AppLayout');
const NotFoundPage = lazyNamed(() => import('./StatusPages'), 'NotFoundPage');
const DashboardPage = lazyNamed(() => import('../modules/dashboard/DashboardPage'), 'DashboardPage');
const EnterprisesPage = lazyNamed(() => import('../modules/enterprises/EnterprisesPage'), 'EnterprisesPage');
const InstitutionsPage = lazyNamed(() => import('../modules/institutions/InstitutionsPage'), 'InstitutionsPage');
const InstitutionDetailPage = lazyNamed(() => import('../modules/institutions/InstitutionDetailPage'), 'InstitutionDetailPage');
const CategoriesPage = lazyNamed(() => import('../modules/categories/CategoriesPage'), 'CategoriesPage');
const OrgsPage = lazyNamed(() => import('../modules/orgs/OrgsPage'), 'OrgsPage');
const UsersPage = lazyNamed(() => import('../modules/users/UsersPage'), 'UsersPage');
const CalendarPage = lazyNamed(() => import('../modules/calendar/CalendarPage'), 'CalendarPage');
const AuditPage = lazyNamed(() => import('../modules/audit/AuditPage'), 'AuditPage');
const WorkQueuePage = lazyNamed(() => import('../modules/lab/WorkQueuePage'), 'WorkQueuePage');
const SamplesPage = lazyNamed(() => import('../modules/lab/SamplesPage'), 'SamplesPage');
const ReceiveSamplePage = lazyNamed(() => import('../modules/lab/ReceiveSamplePage'), 'ReceiveSamplePage');
const SampleDetailPage = lazyNamed(() => import('../modules/lab/SampleDetailPage'), 'SampleDetailPage');
const ReportsPage = lazyNamed(() => import('../modules/lab/ReportsPage'), 'ReportsPage');
const ReportDetailPage = lazyNamed(() => import('../modules/lab/ReportDetailPage'), 'ReportDetailPage');
const CataloguePage = lazyNamed(() => import('../modules/lab/CataloguePage'), 'CataloguePage');
const InstrumentsPage = lazyNamed(() => import('../modules/instruments/InstrumentsPage'), 'InstrumentsPage');
const InstrumentDetailPage = lazyNamed(() => import('../modules/instruments/InstrumentDetailPage'), 'InstrumentDetailPage');
// Public, no login: reachable from the login page and by anyone holding a report.
// Supervision and enforcement modules route their own sub-pages (nested <Routes>).
const CampaignsModule = lazyNamed(() => import('../modules/campaigns/CampaignsModule'), 'CampaignsModule');
const SamplingModule = lazyNamed(() => import('../modules/sampling/SamplingModule'), 'SamplingModule');
const InspectionsModule = lazyNamed(() => import('../modules/inspections/InspectionsModule'), 'InspectionsModule');
const EnforcementModule = lazyNamed(() => import('../modules/enforcement/EnforcementModule'), 'EnforcementModule');
const OversightModule = lazyNamed(() => import('../modules/oversight/OversightModule'), 'OversightModule');
const ReportsModule = lazyNamed(() => import('../modules/reports/ReportsModule'), 'ReportsModule');
const ServicesModule = lazyNamed(() => import('../modules/services/ServicesModule'), 'ServicesModule');
const ComplaintsModule = lazyNamed(() => import('../modules/complaints/ComplaintsModule'), 'ComplaintsModule');
const RecallsModule = lazyNamed(() => import('../modules/recalls/RecallsModule'), 'RecallsModule');
const RiskModule = lazyNamed(() => import('../modules/risk/RiskModule'), 'RiskModule');
const PublicityModule = lazyNamed(() => import('../modules/publicity/PublicityModule'), 'PublicityModule');
const NotificationsPage = lazyNamed(() => import('../modules/notifications/NotificationsPage'), 'NotificationsPage');
const PublicVerifyPage = lazyNamed(() => import('../modules/lab/PublicVerifyPage'), 'PublicVerifyPage');
const PublicRequestPage = lazyNamed(() => import('../modules/services/PublicRequestPage'), 'PublicRequestPage');

function ServerUnreachable({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return <PlainNotice text={t(common.serverUnreachable)} action={t(common.retry)} onAction={onRetry} />;
}

/**
 * Lets signed-in users through. Someone who must change an admin-set password
 * sees only the change-password page until they have done so.
 */
function RequireSession({ children, passwordChange = false }: { children: ReactNode; passwordChange?: boolean }) {
  const { data: session, isPending, isError, refetch } = useSessionQuery();
  const location = useLocation();
  if (isPending) return <PageSpinner />;
  if (isError) return <ServerUnreachable onRetry={() => void refetch()} />;
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.user.mustChangePassword !== passwordChange) return <Navigate to={passwordChange ? '/' : '/change-password'} replace />;
  return <SessionProvider value={session}>{children}</SessionProvider>;
}

const page = (element: ReactNode) => <Lazy>{element}</Lazy>;

export function App() {
  useSessionWatcher();
  return (
    <Routes>
      <Route path="/login" element={page(<LoginPage />)} />
      <Route path="/public/verify" element={page(<PublicVerifyPage />)} />
      <Route path="/public/service-request" element={page(<PublicRequestPage />)} />
      <Route path="/change-password" element={<RequireSession passwordChange>{page(<ForcedPasswordPage />)}</RequireSession>} />
      <Route element={<RequireSession>{page(<AppLayout />)}</RequireSession>}>
        <Route index element={page(<DashboardPage />)} />
        <Route path="lab/queue" element={page(<WorkQueuePage />)} />
        <Route path="lab/samples" element={page(<SamplesPage />)} />
        <Route path="lab/samples/new" element={page(<ReceiveSamplePage />)} />
        <Route path="lab/samples/:id" element={page(<SampleDetailPage />)} />
        <Route path="lab/reports" element={page(<ReportsPage />)} />
        <Route path="lab/reports/:id" element={page(<ReportDetailPage />)} />
        <Route path="lab/catalogue" element={page(<CataloguePage />)} />
        <Route path="supervision/campaigns/*" element={page(<CampaignsModule />)} />
        <Route path="supervision/sampling/*" element={page(<SamplingModule />)} />
        <Route path="supervision/inspections/*" element={page(<InspectionsModule />)} />
        <Route path="supervision/oversight/*" element={page(<OversightModule />)} />
        <Route path="enforcement/*" element={page(<EnforcementModule />)} />
        <Route path="reports/*" element={page(<ReportsModule />)} />
        <Route path="services/*" element={page(<ServicesModule />)} />
        <Route path="complaints/*" element={page(<ComplaintsModule />)} />
        <Route path="recalls/*" element={page(<RecallsModule />)} />
        <Route path="risk/*" element={page(<RiskModule />)} />
        <Route path="publicity/*" element={page(<PublicityModule />)} />
        <Route path="notifications" element={page(<NotificationsPage />)} />
        <Route path="instruments" element={page(<InstrumentsPage />)} />
        <Route path="instruments/:id" element={page(<InstrumentDetailPage />)} />
        <Route path="enterprises" element={page(<EnterprisesPage />)} />
        <Route path="institutions" element={page(<InstitutionsPage />)} />
        <Route path="institutions/:id" element={page(<InstitutionDetailPage />)} />
        <Route path="categories" element={page(<CategoriesPage />)} />
        <Route path="orgs" element={page(<OrgsPage />)} />
        <Route path="users" element={page(<UsersPage />)} />
        <Route path="calendar" element={page(<CalendarPage />)} />
        <Route path="audit" element={page(<AuditPage />)} />
        <Route path="*" element={page(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
