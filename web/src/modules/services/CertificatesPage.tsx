import { Link } from 'react-router-dom';
import { Button, Tag, Typography, type TableColumnsType } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { CERTIFICATE_KIND_LABELS, CERTIFICATE_KINDS } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { formatDate } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, paths, servicesApi, type CertificateListQuery, type CertificateView } from './api';
import { wm } from './messages';
import { CertificateKindTag } from './parts';

const LIST = { sorts: ['createdAt'] as const, sort: 'createdAt' as const, order: 'desc' as const };
const FILTERS = ['q', 'kind'] as const;

/** The PDF, opened by the browser with the session cookie (检定证书 or 检定结果通知书). */
export function CertificatePdfLink({ certificate }: { certificate: CertificateView }) {
  const t = useT();
  return (
    <Button
      type="link"
      size="small"
      icon={<FilePdfOutlined />}
      href={servicesApi.certificatePdfUrl(certificate.id)}
      target="_blank"
      rel="noopener"
      aria-label={t(wm.downloadPdfOf, { no: certificate.certificateNo })}
      data-testid="certificate-pdf"
    >
      {t(wm.downloadPdf)}
    </Button>
  );
}

/** The portal's check of this certificate, on this server: the printed QR code's address without its host. */
const publicVerifyPath = (c: CertificateView) => {
  const url = new URL(c.verifyUrl);
  return `${url.pathname}${url.search}`;
};

/** The columns of a certificate list; `withRequest` adds the request it was issued for. */
export function useCertificateColumns({ withRequest }: { withRequest: boolean }): TableColumnsType<CertificateView> {
  const t = useT();
  const side = useSession().org.kind;
  return [
    {
      title: t(wm.certificateNo),
      dataIndex: 'certificateNo',
      width: 210,
      render: (no: string, c) => (
        <div>
          <Typography.Text className="mono" copyable={{ text: no }}>
            {no}
          </Typography.Text>
          <div>
            <CertificateKindTag kind={c.kind} />
          </div>
          <div className="secondary-text">
            {t(wm.verificationCode)}{' '}
            <Typography.Text className="mono" copyable={{ text: c.verificationCode }} data-testid="certificate-code">
              {c.verificationCode}
            </Typography.Text>{' '}
            <a href={publicVerifyPath(c)} target="_blank" rel="noopener">
              {t(wm.checkOnPortal)}
            </a>
          </div>
        </div>
      ),
    },
    {
      title: t(wm.instrument),
      key: 'instrument',
      width: 230,
      render: (_, c) => (
        <div>
          <Typography.Text strong>{c.instrumentName}</Typography.Text>
          {c.instrumentId ? (
            <Tag color="blue" style={{ marginLeft: 6 }}>
              {t(wm.inLedger)}
            </Tag>
          ) : null}
          <div className="secondary-text">
            {[c.model, c.serialNumber].filter(Boolean).join(' · ')}
          </div>
        </div>
      ),
    },
    { title: t(wm.client), dataIndex: 'clientName', width: 190, hidden: side === 'enterprise' },
    { title: t(wm.verifiedBy), dataIndex: 'institutionName', width: 190, hidden: side === 'institution' },
    { title: t(wm.performedOn), dataIndex: 'performedOn', width: 110, render: formatDate },
    {
      title: t(wm.validUntil),
      dataIndex: 'validUntil',
      width: 110,
      render: (d: string | null, c) => (c.passed ? <span data-testid="certificate-valid-until">{formatDate(d)}</span> : <span className="secondary-text">—</span>),
    },
    {
      title: t(wm.conclusionShort),
      dataIndex: 'passed',
      width: 90,
      render: (p: boolean) => (p ? <Tag color="success">{t(wm.pass)}</Tag> : <Tag color="error">{t(wm.fail)}</Tag>),
    },
    {
      title: t(wm.relatedRequest),
      key: 'request',
      width: 190,
      hidden: !withRequest,
      render: (_, c) => (
        <Link to={paths.request(c.requestId)} className="mono">
          {c.requestNo}
        </Link>
      ),
    },
    { title: t(wm.file), key: 'pdf', width: 110, render: (_, c) => <CertificatePdfLink certificate={c} /> },
  ];
}

/** 检定证书: certificates and result notices the caller may read — its own instruments', its institution's, or its area's. */
export function CertificatesPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as CertificateListQuery;
  const result = useListQuery(keys.certificates, query, servicesApi.certificates);
  const columns = useCertificateColumns({ withRequest: true });
  const side = session.org.kind;
  const subtitle = side === 'enterprise' ? wm.certificatesSubtitleEnterprise : side === 'institution' ? wm.certificatesSubtitleInstitution : wm.certificatesSubtitleRegulator;
  return (
    <>
      <PageHeader title={t(wm.certificatesTitle)} subtitle={t(subtitle)} />
      <FilterBar name="certificateFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(wm.certificatesSearch)} width={260} />
        <SelectFilter name="kind" label={t(wm.certificateKind)} width={170} options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: CERTIFICATE_KIND_LABELS[k] }))} />
      </FilterBar>
      <ListTable<CertificateView> list={list} result={result} columns={columns} emptyText={t(wm.certificatesEmpty)} scroll={{ x: 1200 }} />
    </>
  );
}
