import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Empty, Flex, Result, Skeleton, Table, Tag, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { INSTRUMENT_STATUS_LABELS, VERIFICATION_KIND_LABELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { instrumentsApi } from '../../api/endpoints';
import type { InstrumentDetailView, InstrumentVerificationView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { InstrumentForm } from './InstrumentForm';
import { LedgerCard } from './LedgerDetails';
import { ins } from './messages';
import { ValidityBadge } from './ValidityBadge';
import { VerificationForm } from './VerificationForm';

function Facts({ instrument }: { instrument: InstrumentDetailView }) {
  const t = useT();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'owner', label: t(ins.owner), children: instrument.ownerName },
        { key: 'model', label: t(ins.model), children: instrument.model },
        { key: 'serial', label: t(ins.serialNumber), children: <span className="mono">{instrument.serialNumber}</span> },
        { key: 'maker', label: t(ins.manufacturer), children: instrument.manufacturer },
        { key: 'range', label: t(ins.measuringRange), children: instrument.measuringRange || '—' },
        { key: 'compulsory', label: t(ins.compulsory), children: instrument.compulsory ? t(ins.yes) : t(ins.no) },
        { key: 'status', label: t(ins.status), children: t(INSTRUMENT_STATUS_LABELS[instrument.status]) },
        {
          key: 'valid',
          label: t(ins.validUntil),
          children: (
            <Flex gap={12} align="center">
              {formatDate(instrument.validUntil)}
              <ValidityBadge instrument={instrument} />
            </Flex>
          ),
        },
      ]}
    />
  );
}

function Verifications({ items }: { items: InstrumentVerificationView[] }) {
  const t = useT();
  const columns: TableColumnsType<InstrumentVerificationView> = [
    { title: t(ins.kind), dataIndex: 'kind', render: (k: InstrumentVerificationView['kind']) => t(VERIFICATION_KIND_LABELS[k]) },
    { title: t(ins.performedOn), dataIndex: 'performedOn', render: formatDate },
    { title: t(ins.validUntil), dataIndex: 'validUntil', render: (d: string, row) => (row.passed ? formatDate(d) : '—') },
    { title: t(ins.passed), dataIndex: 'passed', render: (p: boolean) => (p ? <Tag color="success">{t(ins.pass)}</Tag> : <Tag color="error">{t(ins.fail)}</Tag>) },
    { title: t(ins.certificateNo), dataIndex: 'certificateNo', render: (c: string) => <span className="mono">{c}</span> },
    { title: t(ins.performedBy), dataIndex: 'performedBy' },
    { title: t(ins.recordedAt), dataIndex: 'createdAt', render: formatDateTime },
  ];
  return (
    <Table<InstrumentVerificationView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(ins.noVerifications)} /> }}
    />
  );
}

export function InstrumentDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const detail = useQuery({ queryKey: ['instruments', 'detail', id], queryFn: () => instrumentsApi.get(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/instruments')}>
      {t(ins.backToList)}
    </Button>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(ins.notFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const instrument = detail.data;
  // Owners write their own ledger; a platform admin may correct anyone's.
  const writable = can(session, 'instrument.write') && (session.org.kind === 'platform' || instrument.ownerOrgId === session.org.id);

  return (
    <>
      <PageHeader
        title={instrument.name}
        subtitle={<ValidityBadge instrument={instrument} />}
        extra={
          <>
            {back}
            {writable ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t(common.edit)}
              </Button>
            ) : null}
          </>
        }
      />
      {!writable ? <Alert type="info" showIcon className="form-alert" title={t(ins.readOnly)} /> : null}
      <Card title={t(ins.basics)} className="detail-card">
        <Facts instrument={instrument} />
      </Card>
      <LedgerCard instrumentId={instrument.id} writable={writable} />
      <Card
        title={t(ins.verifications)}
        className="detail-card"
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setVerifying(true)}>
              {t(ins.addVerification)}
            </Button>
          ) : null
        }
      >
        <Verifications items={instrument.verifications} />
      </Card>
      <InstrumentForm open={editing} instrument={instrument} onClose={() => setEditing(false)} />
      <VerificationForm instrument={instrument} open={verifying} onClose={() => setVerifying(false)} />
    </>
  );
}
