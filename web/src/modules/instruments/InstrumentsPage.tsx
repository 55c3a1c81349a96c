import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { INSTRUMENT_STATUS_LABELS, INSTRUMENT_STATUSES } from '@shijian/contracts';
import { instrumentsApi } from '../../api/endpoints';
import type { InstrumentListQuery, InstrumentView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { OrgPicker } from '../orgs/OrgPicker';
import { InstrumentForm } from './InstrumentForm';
import { ins } from './messages';
import { ValidityBadge } from './ValidityBadge';
import { EXPIRING_DAYS } from './validity';

const LIST = { sorts: ['name', 'serialNumber', 'validUntil', 'createdAt'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'status', 'dueBy', 'ownerOrgId'] as const;
type Filters = { q?: string; status?: string; dueBy?: string; ownerOrgId?: string };
type FormValues = Omit<Filters, 'dueBy'> & { dueBy?: Dayjs | null };

function InstrumentFilters({ values, showOwner, onApply }: { values: Filters; showOwner: boolean; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const toFilters = (v: FormValues): Filters => ({ ...v, dueBy: v.dueBy ? v.dueBy.format('YYYY-MM-DD') : undefined });
  const apply = () => onApply(toFilters(form.getFieldsValue()));
  return (
    <Form
      name="instrumentFilters"
      form={form}
      layout="inline"
      className="filter-bar"
      initialValues={{ ...values, dueBy: values.dueBy ? dayjs(values.dueBy) : null }}
      onFinish={(v) => onApply(toFilters(v))}
    >
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(ins.searchPlaceholder)} style={{ width: 200 }} onSearch={() => form.submit()} aria-label={t(ins.searchPlaceholder)} />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t(ins.status)}
          aria-label={t(ins.status)}
          style={{ width: 130 }}
          options={INSTRUMENT_STATUSES.map((s) => ({ value: s, label: t(INSTRUMENT_STATUS_LABELS[s]) }))}
          onChange={apply}
        />
      </Form.Item>
      <Form.Item name="dueBy">
        <DatePicker placeholder={t(ins.dueBy)} aria-label={t(ins.dueBy)} onChange={apply} />
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.setFieldValue('dueBy', dayjs().add(EXPIRING_DAYS, 'day'));
            apply();
          }}
        >
          {t(ins.due30)}
        </Button>
      </Form.Item>
      {showOwner ? (
        <Form.Item name="ownerOrgId">
          <OrgPicker placeholder={t(ins.owner)} style={{ width: 240 }} onChange={apply} />
        </Form.Item>
      ) : null}
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t(common.search)}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onApply({})}>{t(common.reset)}</Button>
      </Form.Item>
    </Form>
  );
}

/** The measuring-instrument ledger in scope: an owner's own, or (read-only) those of a bureau's region. */
export function InstrumentsPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const [creating, setCreating] = useState(false);
  const writable = can(session, 'instrument.write');
  const ownLedger = session.org.kind === 'institution' || session.org.kind === 'enterprise';
  const result = useQuery({
    queryKey: ['instruments', list.query],
    queryFn: () => instrumentsApi.list(list.query as InstrumentListQuery),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<InstrumentView> = [
    { title: t(ins.name), dataIndex: 'name', ...list.sortable('name'), render: (name: string, row) => <Link to={`/instruments/${row.id}`}>{name}</Link> },
    { title: t(ins.model), dataIndex: 'model' },
    { title: t(ins.serialNumber), dataIndex: 'serialNumber', ...list.sortable('serialNumber'), render: (s: string) => <span className="mono">{s}</span> },
    ...(ownLedger ? [] : [{ title: t(ins.owner), dataIndex: 'ownerName' }]),
    { title: t(ins.compulsory), dataIndex: 'compulsory', render: (c: boolean) => (c ? <Tag color="purple">{t(ins.compulsory)}</Tag> : null) },
    { title: t(ins.validUntil), dataIndex: 'validUntil', ...list.sortable('validUntil'), render: formatDate },
    { title: t(ins.validity), key: 'validity', render: (_, row) => <ValidityBadge instrument={row} /> },
  ];

  return (
    <>
      <PageHeader
        title={t(ins.title)}
        subtitle={t(ownLedger ? ins.subtitleOwner : ins.subtitleRegulator)}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t(ins.create)}
            </Button>
          ) : null
        }
      />
      <InstrumentFilters key={JSON.stringify(list.filters)} values={list.filters} showOwner={!ownLedger} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<InstrumentView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(ins.empty)} /> }}
        scroll={{ x: 1000 }}
      />
      <InstrumentForm open={creating} onClose={() => setCreating(false)} onSaved={(i) => navigate(`/instruments/${i.id}`)} />
    </>
  );
}
