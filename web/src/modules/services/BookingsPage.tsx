import { useState } from 'react';
import { Button } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { DateRangeFilter, dateRange, FilterBar, SelectFilter, type WithDateRange } from '../../shared/FilterBar';
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
      <FilterBar<WithDateRange> name="bookingFilters" values={list.filters} onApply={list.setFilters} {...dateRange} typed={[]}>
        <SelectFilter name="status" label={t(wm.status)} width={130} options={BOOKING_STATUSES.map((s) => ({ value: s, label: BOOKING_STATUS_LABELS[s] }))} />
        <DateRangeFilter label={t(wm.dateRange)} />
      </FilterBar>
      <ListTable<BookingView> list={list} result={result} columns={columns} emptyText={t(side === 'enterprise' ? wm.myBookingsEmpty : wm.bookingsEmpty)} scroll={{ x: 1150 }} />
      {handles && own ? <BookDrawer institution={{ id: own.id, name: own.name }} staff open={phone} onClose={() => setPhone(false)} /> : null}
    </>
  );
}
