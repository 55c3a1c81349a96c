import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';

/** Routed below /publicity (the side menu's guard covers each page). */
export function PublicityModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
