import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';

/** The module's pages, routed below its path. */
export function SamplingModule() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
