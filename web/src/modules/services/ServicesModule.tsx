import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { CataloguePage } from './CataloguePage';
import { FeeRulesPage } from './FeeRulesPage';
import { ItemsPage } from './ItemsPage';
import { RequestDetailPage } from './RequestDetailPage';
import { RequestsPage } from './RequestsPage';

/** The technical-service window (技术服务窗口), routed below /services (the side menu's guard covers each page); notices link to /services/requests/:id. */
export function ServicesModule() {
  return (
    <Routes>
      <Route index element={<Navigate to="catalogue" replace />} />
      <Route path="catalogue" element={<CataloguePage />} />
      <Route path="items" element={<ItemsPage />} />
      <Route path="requests" element={<RequestsPage />} />
      <Route path="requests/:id" element={<RequestDetailPage />} />
      <Route path="fee-rules" element={<FeeRulesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
