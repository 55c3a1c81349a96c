import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Result, Skeleton, Table, Tag, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INSTITUTION_KIND_LABELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { institutionsApi } from '../../api/endpoints';
import type { InstitutionDetailView, QualificationScopeView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { useRegionPathLabel } from '../../shared/RegionCascader';
import { PageHeader, QueryError } from '../../shared/ui';
import { CmaBadge } from './CmaBadge';
import { InstitutionForm } from './InstitutionForm';
import { im } from './messages';
import { ScopeForm } from './ScopeForm';

function InstitutionFacts({ institution }: { institution: InstitutionDetailView }) {
  const t = useT();
  const regionPath = useRegionPathLabel(institution.regionCode);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'kind', label: t(im.kind), children: t(INSTITUTION_KIND_LABELS[institution.kind]) },
        { key: 'region', label: t(im.region), children: regionPath ?? institution.regionName },
        { key: 'address', label: t(im.address), children: institution.address, span: 'filled' },
        { key: 'cma', label: t(im.cmaNumber), children: institution.cmaNumber ? <span className="mono">{institution.cmaNumber}</span> : '—' },
        {
          key: 'valid',
          label: t(im.cmaValidUntil),
          children: (
            <Flex gap={12} align="center">
              {formatDate(institution.cmaValidUntil)}
              <CmaBadge institution={institution} />
            </Flex>
          ),
        },
        { key: 'domains', label: t(im.domains), span: 'filled', children: institution.domains.length ? institution.domains.map((d) => <Tag key={d}>{d}</Tag>) : '—' },
      ]}
    />
  );
}

function ScopesTable({ institution, writable }: { institution: InstitutionDetailView; writable: boolean }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const categoryName = useCategoryName();
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (scopeId: string) => institutionsApi.removeScope(institution.id, scopeId),
    onSuccess: (detail) => {
      client.setQueryData(['institutions', 'detail', institution.id], detail);
      void client.invalidateQueries({ queryKey: ['institutions'], predicate: (q) => q.queryKey[1] !== 'detail' });
      void message.success(t(im.scopeRemoved));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const columns: TableColumnsType<QualificationScopeView> = [
    { title: t(im.scopeDomain), dataIndex: 'domain' },
    { title: t(im.scopeParameter), dataIndex: 'parameter' },
    { title: t(im.scopeStandard), dataIndex: 'standard', render: (s: string) => <span className="mono">{s}</span> },
    { title: t(im.scopeCategory), dataIndex: 'categoryCode', render: (c: string | null) => (c ? categoryName(c) : '—') },
  ];
  if (writable) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 90,
      render: (_, scope) => (
        <Popconfirm
          title={t(im.removeScopeConfirm)}
          description={`${scope.parameter}（${scope.standard}）— ${t(im.removeScopeDetail)}`}
          okText={t(im.removeScope)}
          okButtonProps={{ danger: true }}
          cancelText={t(common.cancel)}
          onConfirm={() => remove.mutateAsync(scope.id)}
        >
          <Button type="link" danger size="small">
            {t(im.removeScope)}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <Card
      title={t(im.scopes)}
      extra={
        writable ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t(im.addScope)}
          </Button>
        ) : null
      }
    >
      <Table<QualificationScopeView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={institution.scopes}
        pagination={institution.scopes.length > 20 ? { pageSize: 20, showTotal: (n) => t(common.total, { n }) } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(im.noScopes)} /> }}
      />
      <ScopeForm institution={institution} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

export function InstitutionDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const writable = can(session, 'institution.write');
  const detail = useQuery({ queryKey: ['institutions', 'detail', id], queryFn: () => institutionsApi.get(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/institutions')}>
      {t(im.backToList)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    // A malformed id is a validation error on the server; to the user both mean "no such institution".
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(im.notFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const institution = detail.data;
  return (
    <>
      <PageHeader
        title={institution.name}
        subtitle={<CmaBadge institution={institution} />}
        extra={
          <>
            {back}
            {writable ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t(common.edit)}
              </Button>
            ) : null}
          </>
        }
      />
      <Card title={t(im.basics)} style={{ marginBottom: 16 }}>
        <InstitutionFacts institution={institution} />
      </Card>
      <ScopesTable institution={institution} writable={writable} />
      <InstitutionForm open={editing} institution={institution} onClose={() => setEditing(false)} />
    </>
  );
}
