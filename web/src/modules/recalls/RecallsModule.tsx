import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { RecallDetailPage } from './RecallDetailPage';
import { RecallsPage } from './RecallsPage';

/** Defect recall (缺陷召回), routed below /recalls (the side menu's guard covers each page). */
export function RecallsModule() {
  return (
    <Routes>
      <Route index element={<RecallsPage />} />
      <Route path=":id" element={<RecallDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
