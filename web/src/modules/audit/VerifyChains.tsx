import { useState } from 'react';
import { Button, Modal, Result, Spin, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { auditApi } from '../../api/endpoints';
import type { AuditVerifyView } from '../../api/types';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { am } from './messages';

type Problem = AuditVerifyView['problems'][number];

function VerifyResult({ result }: { result: AuditVerifyView }) {
  const t = useT();
  const counts = { chains: result.chains, entries: result.entries };
  if (result.ok) return <Result status="success" title={t(am.verifyOk)} subTitle={t(am.verifyOkDetail, counts)} />;
  return (
    <>
      <Result status="error" title={t(am.verifyBad, { n: result.problems.length })} subTitle={t(am.verifyBadDetail, counts)} />
      <Table<Problem>
        size="small"
        rowKey={(p) => `${p.chainId}:${p.seq ?? ''}:${p.kind}:${p.entityId ?? ''}`}
        dataSource={result.problems}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t(am.problemKind), dataIndex: 'message' },
          { title: t(am.chain), dataIndex: 'chainId', render: (c: string) => <span className="hash">{c}</span> },
          { title: t(am.seq), dataIndex: 'seq', width: 70 },
          { title: t(am.entityType), dataIndex: 'entityType', width: 110 },
          { title: t(am.entityId), dataIndex: 'entityId', render: (id: string | null) => <span className="hash">{id ?? '—'}</span> },
        ]}
      />
    </>
  );
}

/** Runs the server's full verification (every chain, every record's snapshot) and shows what it found. */
export function VerifyChains() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const verify = useMutation({ mutationFn: auditApi.verify });
  const start = () => {
    setOpen(true);
    verify.mutate();
  };
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} onClick={start}>
        {t(am.verify)}
      </Button>
      <Modal
        title={t(am.verifyTitle)}
        open={open}
        width={verify.data && !verify.data.ok ? 900 : 560}
        onCancel={() => setOpen(false)}
        mask={{ closable: !verify.isPending }}
        footer={[
          <Button key="again" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {t(am.again)}
          </Button>,
          <Button key="close" type="primary" onClick={() => setOpen(false)}>
            {t(am.close)}
          </Button>,
        ]}
      >
        {verify.isPending ? (
          <div className="verify-progress" role="status">
            <Spin size="large" />
            <Typography.Paragraph type="secondary">{t(am.verifying)}</Typography.Paragraph>
          </div>
        ) : verify.isError ? (
          <Result status="warning" title={t(am.verifyFailed)} subTitle={errorMessage(verify.error)} />
        ) : verify.data ? (
          <VerifyResult result={verify.data} />
        ) : null}
      </Modal>
    </>
  );
}
