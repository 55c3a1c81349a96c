import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { CheckDetailPage } from './CheckDetailPage';
import { ChecksPage } from './ChecksPage';

/** Checks of testing institutions, routed below /supervision/oversight (the side menu's guard covers the prefix). */
export function OversightModule() {
  return (
    <Routes>
      <Route index element={<ChecksPage />} />
      <Route path=":id" element={<CheckDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
