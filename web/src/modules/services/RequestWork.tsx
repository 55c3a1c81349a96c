import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { CalendarOutlined, ExperimentOutlined, FilePdfOutlined, InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { SAMPLE_STATUSES, type SampleStatus } from '@shijian/contracts';
import { labApi } from '../../api/endpoints';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { QueryError } from '../../shared/ui';
import { SampleStatusTag } from '../lab/tags';
import { serviceAccess } from './access';
import { keys, servicesApi, type BookingView, type CertificateView, type RequestSampleView, type ServiceRequestLineView, type ServiceRequestView } from './api';
import { BookDrawer } from './BookDrawer';
import { useBookingColumns } from './BookingActions';
import { useCertificateColumns } from './CertificatesPage';
import { wm } from './messages';
import { useOwnInstitution } from './parts';
import { SampleDrawer } from './SampleDrawer';
import { VerifyDrawer } from './VerifyDrawer';

/** Where the caller stands towards a request: its holding institution's staff, its requester, or a reader. */
export function useRequestRole(request: ServiceRequestView) {
  const session = useSession();
  const own = useOwnInstitution();
  const holder = own?.id === request.institutionId;
  const requester = request.requesterOrgId !== null && request.requesterOrgId === session.org.id;
  const open = request.status === 'submitted' || request.status === 'accepted';
  const accepted = request.status === 'accepted';
  return {
    holder,
    requester,
    /** 预约: the requester for itself, the front desk on the requester's behalf, while the request is live. */
    mayBook: open && ((requester && serviceAccess.request(session)) || (holder && serviceAccess.handle(session))),
    mayReceive: accepted && holder && serviceAccess.receiveSample(session),
    mayVerify: accepted && holder && serviceAccess.verify(session),
  };
}

/** The header's 预约 button and its drawer. */
export function BookButton({ request }: { request: ServiceRequestView }) {
  const t = useT();
  const role = useRequestRole(request);
  const [open, setOpen] = useState(false);
  if (!role.mayBook) return null;
  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)}>
        {t(role.holder ? wm.bookForRequester : wm.book)}
      </Button>
      <BookDrawer institution={{ id: request.institutionId, name: request.institutionName }} request={request} staff={role.holder} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** 收样 on a testing line, 检定 on a verification line, for the holding institution's staff once the request is accepted. */
export function LineActions({ request, line }: { request: ServiceRequestView; line: ServiceRequestLineView }) {
  const t = useT();
  const role = useRequestRole(request);
  const [open, setOpen] = useState(false);
  if (line.referredToRequestId) return <span className="secondary-text">—</span>;
  if (line.kind === 'testing' && role.mayReceive)
    return (
      <>
        <Button size="small" icon={<InboxOutlined />} onClick={() => setOpen(true)} aria-label={`${t(wm.receiveSample)}：${line.itemName}`}>
          {t(wm.receiveSample)}
        </Button>
        <SampleDrawer request={request} line={line} open={open} onClose={() => setOpen(false)} />
      </>
    );
  if (line.kind === 'verification' && role.mayVerify)
    return (
      <>
        <Button size="small" type="primary" ghost icon={<SafetyCertificateOutlined />} onClick={() => setOpen(true)} aria-label={`${t(wm.verify)}：${line.itemName}`}>
          {t(wm.verify)}
        </Button>
        <VerifyDrawer request={request} line={line} open={open} onClose={() => setOpen(false)} />
      </>
    );
  return <span className="secondary-text">—</span>;
}

/**
 * The bookings made for this request. The list has no filter by request, so the caller's
 * bookings are read (newest slots first, one page) and this request's picked out.
 */
export function RequestBookingsCard({ request }: { request: ServiceRequestView }) {
  const t = useT();
  const bookings = useQuery({
    queryKey: [...keys.bookings, 'recent'],
    queryFn: () => servicesApi.bookings({ order: 'desc', pageSize: 100 }),
    select: (page) => page.items.filter((b) => b.requestId === request.id),
  });
  const columns = useBookingColumns({ withRequest: false });
  const role = useRequestRole(request);
  if (!role.mayBook && !bookings.data?.length) return null;
  return (
    <Card title={t(wm.requestBookingsTitle)} className="detail-card" extra={<BookButton request={request} />}>
      {bookings.isError ? <QueryError error={bookings.error} onRetry={() => void bookings.refetch()} /> : null}
      <Table<BookingView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={bookings.data}
        loading={bookings.isPending}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(wm.requestBookingsEmpty)} /> }}
      />
    </Card>
  );
}

/**
 * 检定证书 of this request and of the requests it was referred to: the requester reads all of
 * them here (an institution sees its own only — the API answers the others' as empty).
 */
export function RequestCertificatesCard({ request, ids }: { request: ServiceRequestView; ids: string[] }) {
  const t = useT();
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: keys.requestCertificates(id), queryFn: () => servicesApi.certificates({ requestId: id, pageSize: 100 }) })),
  });
  const rows: CertificateView[] = results.flatMap((r) => r.data?.items ?? []);
  const failed = results.find((r) => r.isError);
  const columns = useCertificateColumns({ withRequest: ids.length > 1 });
  return (
    <Card title={t(wm.requestCertificatesTitle)} className="detail-card">
      {failed ? <QueryError error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      <Table<CertificateView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={results.some((r) => r.isPending)}
        pagination={false}
        scroll={{ x: 1250 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(request.status === 'accepted' ? wm.certificatesPending : wm.requestCertificatesEmpty)} /> }}
      />
    </Card>
  );
}

const isSampleStatus = (s: string): s is SampleStatus => (SAMPLE_STATUSES as readonly string[]).includes(s);

/** The lab samples received for this request's testing lines (and the requests it was referred to), with their reports. */
export function RequestSamplesCard({ ids }: { ids: string[] }) {
  const t = useT();
  const session = useSession();
  const results = useQueries({ queries: ids.map((id) => ({ queryKey: keys.requestSamples(id), queryFn: () => servicesApi.requestSamples(id) })) });
  const rows: RequestSampleView[] = results.flatMap((r) => r.data ?? []);
  const failed = results.find((r) => r.isError);
  const labReader = can(session, 'lab.sample.read');
  const columns: TableColumnsType<RequestSampleView> = [
    {
      title: t(wm.sampleNo),
      dataIndex: 'sampleNo',
      width: 190,
      render: (no: string, s) =>
        labReader ? (
          <Link to={`/lab/samples/${encodeURIComponent(s.sampleId)}`} className="mono">
            {no}
          </Link>
        ) : (
          <span className="mono">{no}</span>
        ),
    },
    { title: t(wm.item), dataIndex: 'itemName' },
    { title: t(wm.productName), dataIndex: 'productName' },
    { title: t(wm.status), dataIndex: 'status', width: 110, render: (s: string) => (isSampleStatus(s) ? <SampleStatusTag status={s} /> : s) },
    {
      title: t(wm.report),
      key: 'report',
      width: 260,
      render: (_, s) =>
        s.reportId ? (
          <Space size={4}>
            {labReader ? (
              <Link to={`/lab/reports/${encodeURIComponent(s.reportId)}`} className="mono">
                {s.reportNo}
              </Link>
            ) : (
              <span className="mono">{s.reportNo}</span>
            )}
            <Button type="link" size="small" icon={<FilePdfOutlined />} href={labApi.reportPdfUrl(s.reportId)} target="_blank" rel="noopener">
              {t(wm.downloadPdf)}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t(wm.reportPending)}</Typography.Text>
        ),
    },
  ];
  return (
    <Card title={t(wm.requestSamplesTitle)} className="detail-card" extra={<ExperimentOutlined />}>
      {failed ? <QueryError error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      <Table<RequestSampleView>
        rowKey="sampleId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={results.some((r) => r.isPending)}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(wm.requestSamplesEmpty)} /> }}
      />
    </Card>
  );
}
