import { Link } from 'react-router-dom';
import { Checkbox, Form, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { SERVICE_REQUEST_STATUS_LABELS, SERVICE_REQUEST_STATUSES, type ServiceRequestStatus } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, paths, servicesApi, type ServiceRequestListQuery, type ServiceRequestView } from './api';
import { wm } from './messages';
import { GreenTag, REQUESTER_KIND_LABELS, ResponseClock, StatusTag, Yuan } from './parts';

const LIST = { sorts: ['submittedAt'] as const, sort: 'submittedAt' as const, order: 'desc' as const };
const FILTERS = ['q', 'status', 'green', 'overdue'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type FormValues = Omit<Filters, 'overdue'> & { overdue?: boolean };

const toForm = (v: Filters): FormValues => ({ ...v, overdue: v.overdue === 'true' });
const fromForm = (v: FormValues): Filters => ({ ...v, overdue: v.overdue ? 'true' : undefined });

/** 服务申请: the requests the caller may see (its own, its institution's, or those of institutions in its area). */
export function RequestsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as ServiceRequestListQuery;
  const result = useListQuery(keys.requests, query, servicesApi.requests);
  const subtitle =
    session.org.kind === 'institution' ? wm.requestsSubtitleInstitution : session.org.kind === 'enterprise' ? wm.requestsSubtitleEnterprise : wm.requestsSubtitleRegulator;

  // An enterprise is always the requester and an institution always the holder: those columns would repeat one name.
  const ownSide = session.org.kind;
  const columns: TableColumnsType<ServiceRequestView> = [
    {
      title: t(wm.requestNo),
      dataIndex: 'requestNo',
      width: 190,
      render: (no: string, row) => (
        <Space orientation="vertical" size={2}>
          <Link to={paths.request(row.id)} className="mono" style={{ whiteSpace: 'nowrap' }}>
            {no}
          </Link>
          {row.green ? <GreenTag /> : null}
        </Space>
      ),
    },
    {
      title: t(wm.requester),
      dataIndex: 'requesterName',
      hidden: ownSide === 'enterprise',
      render: (name: string, row) => (
        <div>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(REQUESTER_KIND_LABELS[row.requesterKind])}
          </Typography.Text>
        </div>
      ),
    },
    { title: t(wm.institution), dataIndex: 'institutionName', width: 190, hidden: ownSide === 'institution' },
    {
      title: t(wm.item),
      key: 'lines',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          {row.lines.map((l) => (
            <span key={l.id}>
              {t(wm.itemsSummary, { name: l.itemName, n: l.quantity })}
              {l.referredToRequestId ? <Tag style={{ marginLeft: 6 }} color="purple">{t(wm.referredLine)}</Tag> : null}
            </span>
          ))}
        </Space>
      ),
    },
    { title: t(wm.status), dataIndex: 'status', width: 120, render: (s: ServiceRequestStatus) => <StatusTag status={s} /> },
    { title: t(wm.clock), key: 'clock', width: 150, render: (_, row) => <ResponseClock request={row} /> },
    { title: t(wm.payable), dataIndex: 'payableYuan', width: 100, align: 'right', render: (v: string) => <Yuan value={v} /> },
    { title: t(wm.submittedAt), dataIndex: 'submittedAt', width: 150, ...list.sortable('submittedAt'), render: (iso: string) => formatDateTime(iso) },
  ];

  return (
    <>
      <PageHeader title={t(wm.requestsTitle)} subtitle={t(subtitle)} />
      <FilterBar<FormValues> name="requestFilters" values={list.filters} onApply={list.setFilters} toForm={toForm} fromForm={fromForm}>
        <SearchFilter label={t(wm.requestsSearch)} width={220} />
        <SelectFilter name="status" label={t(wm.status)} width={160} options={SERVICE_REQUEST_STATUSES.map((s) => ({ value: s, label: SERVICE_REQUEST_STATUS_LABELS[s] }))} />
        <SelectFilter
          name="green"
          label={t(wm.greenOnly)}
          width={130}
          options={[
            { value: 'true', label: t(wm.greenOnly) },
            { value: 'false', label: t(wm.ordinary) },
          ]}
        />
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t(wm.overdueOnly)}</Checkbox>
        </Form.Item>
      </FilterBar>
      <ListTable<ServiceRequestView> list={list} result={result} columns={columns} emptyText={t(wm.requestsEmpty)} scroll={{ x: 1150 }} />
    </>
  );
}
