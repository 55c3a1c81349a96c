import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { DashboardPage } from './DashboardPage';
import { ModelPage } from './ModelPage';
import { OpinionsPage } from './OpinionsPage';
import { WarningDetailPage } from './WarningDetailPage';
import { WarningsPage } from './WarningsPage';

/**
 * Risk monitoring and early warning (风险监测预警), routed below /risk (the side menu's guard
 * covers each page with risk.read; 舆情导入 checks risk.import itself, 评分模型 edits need risk.model).
 */
export function RiskModule() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="warnings" element={<WarningsPage />} />
      <Route path="warnings/:id" element={<WarningDetailPage />} />
      <Route path="opinions" element={<OpinionsPage />} />
      <Route path="model" element={<ModelPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
