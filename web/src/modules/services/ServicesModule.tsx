import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { BookingsPage } from './BookingsPage';
import { CataloguePage } from './CataloguePage';
import { CertificatesPage } from './CertificatesPage';
import { FeeRulesPage } from './FeeRulesPage';
import { ItemsPage } from './ItemsPage';
import { OnsitePage } from './OnsitePage';
import { RequestDetailPage } from './RequestDetailPage';
import { RequestsPage } from './RequestsPage';
import { SlotsPage } from './SlotsPage';

/** The technical-service window (技术服务窗口), routed below /services (the side menu's guard covers each page); notices link to /services/requests/:id and /services/bookings. */
export function ServicesModule() {
  return (
    <Routes>
      <Route index element={<Navigate to="catalogue" replace />} />
      <Route path="catalogue" element={<CataloguePage />} />
      <Route path="items" element={<ItemsPage />} />
      <Route path="requests" element={<RequestsPage />} />
      <Route path="requests/:id" element={<RequestDetailPage />} />
      <Route path="slots" element={<SlotsPage />} />
      <Route path="bookings" element={<BookingsPage />} />
      <Route path="onsite" element={<OnsitePage />} />
      <Route path="certificates" element={<CertificatesPage />} />
      <Route path="fee-rules" element={<FeeRulesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
