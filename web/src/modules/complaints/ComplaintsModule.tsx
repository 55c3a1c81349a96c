import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { ComplaintDetailPage } from './ComplaintDetailPage';
import { ComplaintsPage } from './ComplaintsPage';

/** Complaints and reports (投诉举报), routed below /complaints (the side menu's guard covers each page). */
export function ComplaintsModule() {
  return (
    <Routes>
      <Route index element={<ComplaintsPage />} />
      <Route path=":id" element={<ComplaintDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
