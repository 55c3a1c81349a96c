import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { ArchivePage } from './ArchivePage';
import { CaseDetailPage } from './CaseDetailPage';
import { CasesPage } from './CasesPage';
import { CreditPage } from './CreditPage';
import { DeadlinesPage } from './DeadlinesPage';
import { ListingDetailPage } from './ListingDetailPage';
import { NewCasePage } from './NewCasePage';

/**
 * The module's pages, routed below /enforcement. The side menu's guard covers
 * cases, deadlines and credit by their paths; the archive checks its own permission.
 */
export function EnforcementModule() {
  return (
    <Routes>
      <Route index element={<Navigate to="cases" replace />} />
      <Route path="cases" element={<CasesPage />} />
      <Route path="cases/new" element={<NewCasePage />} />
      <Route path="cases/:id" element={<CaseDetailPage />} />
      <Route path="deadlines" element={<DeadlinesPage />} />
      <Route path="credit" element={<CreditPage />} />
      <Route path="credit/:id" element={<ListingDetailPage />} />
      <Route path="archive/:enterpriseId" element={<ArchivePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
