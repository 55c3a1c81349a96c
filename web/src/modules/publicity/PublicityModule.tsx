import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { useT } from '../../app/i18n';
import { paths } from './api';
import { pm } from './messages';
import { QaPage } from './QaPage';
import { TypicalCasesPage } from './TypicalCasesPage';

/** 门户发布, routed below /publicity (the side menu's guard covers each page): typical cases and the epidemic-goods Q&A. */
export function PublicityModule() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith(paths.qa) ? paths.qa : paths.cases;
  return (
    <>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key)}
        items={[
          { key: paths.cases, label: t(pm.tabCases) },
          { key: paths.qa, label: t(pm.tabQa) },
        ]}
      />
      <Routes>
        <Route index element={<Navigate to="cases" replace />} />
        <Route path="cases" element={<TypicalCasesPage />} />
        <Route path="qa" element={<QaPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
