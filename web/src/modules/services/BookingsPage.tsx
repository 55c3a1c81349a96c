import { useState } from 'react';
import { Button, DatePicker, Form } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FilterBar, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { serviceAccess } from './access';
import { keys, servicesApi, type BookingListQuery, type BookingView } from './api';
import { BookDrawer } from './BookDrawer';
import { useBookingColumns } from './BookingActions';
import { bookingsLabel } from './menu';
import { wm } from './messages';
import { useOwnInstitution } from './parts';

const LIST = { sorts: ['startsAt'] as const, sort: 'startsAt' as const, order: 'asc' as const };
const FILTERS = ['status', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type FormValues = Omit<Filters, 'from' | 'to'> & { range?: [Dayjs, Dayjs] | null };

const toForm = ({ from, to, ...v }: Filters): FormValues => ({ ...v, range: from && to ? [dayjs(from), dayjs(to)] : null });
const fromForm = ({ range, ...v }: FormValues): Filters => ({ ...v, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

/**
 * 预约登记 (an institution's bookings, with contacts, phone bookings and who came) or 我的预约
 * (a requester's own, to cancel); a bureau reads those of the institutions in its area, without
 * the contacts.
 */
export function BookingsPage() {
  const t = useT();
  const session = useSession();
  const own = useOwnInstitution();
  const list = useListParams(LIST, FILTERS);
  const [phone, setPhone] = useState(false);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as BookingListQuery;
  const result = useListQuery(keys.bookings, query, servicesApi.bookings);
  const columns = useBookingColumns();
  const handles = serviceAccess.handle(session);
  const side = session.org.kind;
  const subtitle = side === 'institution' ? wm.bookingsSubtitleInstitution : side === 'enterprise' ? wm.bookingsSubtitleEnterprise : wm.bookingsSubtitleRegulator;

  return (
    <>
      <PageHeader
        title={t(bookingsLabel(session))}
        subtitle={t(subtitle)}
        extra={
          handles && own ? (
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => setPhone(true)}>
              {t(wm.phoneBooking)}
            </Button>
          ) : null
        }
      />
      <FilterBar<FormValues> name="bookingFilters" values={list.filters} onApply={list.setFilters} toForm={toForm} fromForm={fromForm} typed={[]}>
        <SelectFilter name="status" label={t(wm.status)} width={130} options={BOOKING_STATUSES.map((s) => ({ value: s, label: BOOKING_STATUS_LABELS[s] }))} />
        <Form.Item name="range">
          <DatePicker.RangePicker aria-label={t(wm.dateRange)} placeholder={[t(wm.dateFrom), t(wm.dateTo)]} />
        </Form.Item>
      </FilterBar>
      <ListTable<BookingView> list={list} result={result} columns={columns} emptyText={t(side === 'enterprise' ? wm.myBookingsEmpty : wm.bookingsEmpty)} scroll={{ x: 1150 }} />
      {handles && own ? <BookDrawer institution={{ id: own.id, name: own.name }} staff open={phone} onClose={() => setPhone(false)} /> : null}
    </>
  );
}
