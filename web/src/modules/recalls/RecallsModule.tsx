import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';

/** Routed below /recalls (the side menu's guard covers each page). */
export function RecallsModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
