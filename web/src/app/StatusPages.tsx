import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { common } from './common';
import { useT } from './i18n';

function BackHome() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t(common.backHome)}
    </Button>
  );
}

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title={t(common.notFound)} subTitle={t(common.notFoundPage)} extra={<BackHome />} />;
}

export function ForbiddenPage() {
  const t = useT();
  return <Result status="403" title="403" subTitle={t(common.forbidden)} extra={<BackHome />} />;
}
