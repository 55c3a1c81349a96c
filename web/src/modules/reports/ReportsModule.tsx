import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { CurrentPeriodRedirect, PeriodPage } from './PeriodPage';
import { TemplateDesignerPage } from './TemplateDesignerPage';
import { TemplatesPage } from './TemplatesPage';

/**
 * 统计报表, routed below /reports. The side menu's guard covers /reports (report.read)
 * and /reports/templates with the designer (report.template).
 */
export function ReportsModule() {
  return (
    <Routes>
      <Route index element={<TemplatesPage />} />
      <Route path="templates" element={<TemplatesPage manage />} />
      <Route path="templates/new" element={<TemplateDesignerPage />} />
      <Route path="templates/:templateId/edit" element={<TemplateDesignerPage />} />
      <Route path=":templateId" element={<CurrentPeriodRedirect />} />
      <Route path=":templateId/periods/:key" element={<PeriodPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
