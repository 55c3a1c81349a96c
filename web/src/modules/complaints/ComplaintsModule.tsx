import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';

/** Routed below /complaints (the side menu's guard covers each page). */
export function ComplaintsModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
