import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';

/** Routed below /risk (the side menu's guard covers each page). */
export function RiskModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
