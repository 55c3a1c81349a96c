import { Route, Routes } from 'react-router-dom';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ForbiddenPage, NotFoundPage } from '../../app/StatusPages';
import { CampaignDetailPage } from './CampaignDetailPage';
import { CampaignsPage } from './CampaignsPage';
import { ProblemsPage } from './ProblemsPage';
import { ScreeningsPage } from './ScreeningsPage';

/** The module's pages, routed below /supervision/campaigns. */
export function CampaignsModule() {
  const session = useSession();
  if (!can(session, 'campaign.read')) return <ForbiddenPage />;
  return (
    <Routes>
      <Route index element={<CampaignsPage />} />
      <Route path="screenings" element={<ScreeningsPage />} />
      <Route path="problems" element={<ProblemsPage />} />
      <Route path=":id" element={<CampaignDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
