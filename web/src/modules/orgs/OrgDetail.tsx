import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { ORG_KIND_LABELS, REGULATOR_LEVEL_LABELS } from '@shijian/contracts';
import type { OrgView } from '../../api/types';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { CreateBureauForm } from './CreateBureauForm';
import { om } from './messages';
import { childLevel } from './orgTree';
import { RenameOrgForm } from './RenameOrgForm';

export function OrgDetail({ org, parent, onCreated }: { org: OrgView; parent?: OrgView; onCreated: (org: OrgView) => void }) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'rename' | 'create' | null>(null);
  const writable = can(session, 'org.write');
  const mayCreateBelow = writable && childLevel(org) !== null;
  const mayRename = writable && org.kind === 'regulator';

  return (
    <Card
      title={org.name}
      extra={
        <Flex gap={8} wrap>
          {can(session, 'user.read') ? (
            <Button icon={<TeamOutlined />} onClick={() => navigate(`/users?orgId=${org.id}`)}>
              {t(om.viewUsers)}
            </Button>
          ) : null}
          {mayRename ? (
            <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
              {t(om.rename)}
            </Button>
          ) : null}
          {mayCreateBelow ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
              {t(om.createChild)}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'kind', label: t(om.kind), children: t(ORG_KIND_LABELS[org.kind]) },
          ...(org.level ? [{ key: 'level', label: t(om.level), children: t(REGULATOR_LEVEL_LABELS[org.level]) }] : []),
          { key: 'region', label: t(om.region), children: org.regionCode ? `${org.regionName ?? ''}（${org.regionCode}）` : '—' },
          { key: 'parent', label: t(om.parent), children: parent?.name ?? '—' },
          { key: 'users', label: t(om.users), children: org.userCount },
          { key: 'created', label: t(om.createdAt), children: formatDateTime(org.createdAt) },
        ]}
      />
      {org.kind === 'institution' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t(om.institutionHint)}
          <Button type="link" size="small" onClick={() => navigate('/institutions')}>
            {t(om.openInstitutions)}
          </Button>
        </Typography.Paragraph>
      ) : null}
      {mayRename ? <RenameOrgForm org={org} open={dialog === 'rename'} onClose={() => setDialog(null)} /> : null}
      {mayCreateBelow ? <CreateBureauForm parent={org} open={dialog === 'create'} onClose={() => setDialog(null)} onCreated={onCreated} /> : null}
    </Card>
  );
}
