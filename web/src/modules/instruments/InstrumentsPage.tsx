import { useState } from 'react';
import { Button, DatePicker, Form, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { INSTRUMENT_STATUS_LABELS, INSTRUMENT_STATUSES } from '@shijian/contracts';
import { instrumentsApi } from '../../api/endpoints';
import type { InstrumentListQuery, InstrumentView } from '../../api/types';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { beijingToday, formatDate } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { OrgPicker } from '../orgs/OrgPicker';
import { InstrumentForm } from './InstrumentForm';
import { LedgerImportModal } from './LedgerImportModal';
import { ins } from './messages';
import { ValidityBadge } from './ValidityBadge';
import { EXPIRING_DAYS } from './validity';

const LIST = { sorts: ['name', 'serialNumber', 'validUntil', 'createdAt'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'status', 'dueBy', 'ownerOrgId'] as const;
type Filters = { q?: string; status?: string; dueBy?: string; ownerOrgId?: string };
type FormValues = Omit<Filters, 'dueBy'> & { dueBy?: Dayjs | null };

const toForm = (v: Filters): FormValues => ({ ...v, dueBy: v.dueBy ? dayjs(v.dueBy) : null });
const fromForm = (v: FormValues): Filters => ({ ...v, dueBy: v.dueBy ? v.dueBy.format('YYYY-MM-DD') : undefined });

/** 30天内到期: sets the due date that far ahead and applies it. */
function Due30Button() {
  const t = useT();
  const form = Form.useFormInstance<FormValues>();
  return (
    <Form.Item>
      <Button
        onClick={() => {
          form.setFieldValue('dueBy', dayjs(beijingToday()).add(EXPIRING_DAYS, 'day'));
          form.submit();
        }}
      >
        {t(ins.due30)}
      </Button>
    </Form.Item>
  );
}

function InstrumentFilters({ values, showOwner, onApply }: { values: Filters; showOwner: boolean; onApply: (v: Filters) => void }) {
  const t = useT();
  return (
    <FilterBar name="instrumentFilters" values={values} onApply={onApply} toForm={toForm} fromForm={fromForm}>
      <SearchFilter label={t(ins.searchPlaceholder)} width={200} />
      <SelectFilter name="status" label={t(ins.status)} width={130} options={INSTRUMENT_STATUSES.map((s) => ({ value: s, label: t(INSTRUMENT_STATUS_LABELS[s]) }))} />
      <Form.Item name="dueBy">
        <DatePicker placeholder={t(ins.dueBy)} aria-label={t(ins.dueBy)} />
      </Form.Item>
      <Due30Button />
      {showOwner ? (
        <Form.Item name="ownerOrgId">
          <OrgPicker placeholder={t(ins.owner)} style={{ width: 240 }} />
        </Form.Item>
      ) : null}
    </FilterBar>
  );
}

/** The measuring-instrument ledger in scope: an owner's own, or (read-only) those of a bureau's region. */
export function InstrumentsPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const writable = can(session, 'instrument.write');
  const ownLedger = session.org.kind === 'institution' || session.org.kind === 'enterprise';
  const result = useListQuery(['instruments'], list.query as InstrumentListQuery, instrumentsApi.list);

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
            <>
              {/* Imports go into the caller's own ledger: owners only, not the platform. */}
              {ownLedger ? (
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t(ins.import)}
                </Button>
              ) : null}
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t(ins.create)}
              </Button>
            </>
          ) : null
        }
      />
      <InstrumentFilters values={list.filters} showOwner={!ownLedger} onApply={list.setFilters} />
      <ListTable<InstrumentView> list={list} result={result} columns={columns} emptyText={t(ins.empty)} scroll={{ x: 1000 }} />
      {writable && ownLedger ? <LedgerImportModal open={importing} onClose={() => setImporting(false)} /> : null}
      <InstrumentForm open={creating} onClose={() => setCreating(false)} onSaved={(i) => navigate(`/instruments/${i.id}`)} />
    </>
  );
}
