import { Link } from 'react-router-dom';
import { App, Button, Popconfirm, Space, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { errorMessage } from '../../shared/errors';
import { serviceAccess } from './access';
import { keys, paths, servicesApi, type BookingView } from './api';
import { wm } from './messages';
import { BookingStatusTag, ChannelTag, SlotModeTag } from './parts';
import { timeRange } from './time';

type Step = 'cancel' | 'attended' | 'no_show';

/**
 * What may be done with a booking that has not happened yet: the requester cancels its own; the
 * institution's front desk records whether the party came, or cancels. Each is confirmed first.
 */
export function BookingActions({ booking, institutionStaff }: { booking: BookingView; institutionStaff: boolean }) {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const run = useMutation({
    mutationFn: (step: Step) => (step === 'cancel' ? servicesApi.cancelBooking(booking.id) : servicesApi.bookingOutcome(booking.id, step)),
    onSuccess: (updated, step) => {
      void client.invalidateQueries({ queryKey: keys.bookings });
      void client.invalidateQueries({ queryKey: keys.slots });
      void message.success(t(step === 'cancel' ? wm.bookingCancelled : step === 'attended' ? wm.markedAttended : wm.markedNoShow, { at: timeRange(updated.startsAt, updated.endsAt) }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (booking.status !== 'booked') return <span className="secondary-text">—</span>;
  const handles = institutionStaff && serviceAccess.handle(session);
  const own = booking.requesterOrgId !== null && booking.requesterOrgId === session.org.id;
  if (!handles && !own) return <span className="secondary-text">—</span>;
  const at = timeRange(booking.startsAt, booking.endsAt);
  const confirm = (step: Step, label: string, title: string, text: string, danger = false) => (
    <Popconfirm
      key={step}
      title={title}
      description={text}
      okText={label}
      okButtonProps={{ danger }}
      cancelText={t(common.cancel)}
      onConfirm={() => run.mutateAsync(step).catch(() => undefined)}
    >
      <Button type="link" size="small" danger={danger}>
        {label}
      </Button>
    </Popconfirm>
  );
  return (
    <Space size={0} wrap>
      {handles ? confirm('attended', t(wm.attended), t(wm.attendedConfirm, { name: booking.requesterName, at }), t(wm.outcomeText)) : null}
      {handles ? confirm('no_show', t(wm.noShow), t(wm.noShowConfirm, { name: booking.requesterName, at }), t(wm.outcomeText)) : null}
      {confirm('cancel', t(wm.cancelBooking), t(wm.cancelBookingConfirm, { at }), t(handles ? wm.cancelBookingStaffText : wm.cancelBookingText), true)}
    </Space>
  );
}

/**
 * The columns of a list of bookings, for whoever reads it: an institution sees who booked and
 * how to reach them; a requester sees where; a bureau sees both sides without the contact.
 */
export function useBookingColumns({ withRequest = true }: { withRequest?: boolean } = {}): TableColumnsType<BookingView> {
  const t = useT();
  const session = useSession();
  const side = session.org.kind;
  const institutionStaff = side === 'institution';
  return [
    {
      title: t(wm.slot),
      key: 'startsAt',
      width: 210,
      render: (_, b) => (
        <div>
          <div>{timeRange(b.startsAt, b.endsAt)}</div>
          <SlotModeTag onSite={b.onSite} />
        </div>
      ),
    },
    { title: t(wm.institution), dataIndex: 'institutionName', width: 190, hidden: institutionStaff },
    {
      title: t(wm.bookedBy),
      key: 'requester',
      hidden: side === 'enterprise',
      render: (_, b) => (
        <div>
          <div>{b.requesterName}</div>
          <ChannelTag channel={b.channel} />
        </div>
      ),
    },
    {
      title: t(wm.relatedRequest),
      key: 'request',
      width: 190,
      hidden: !withRequest,
      render: (_, b) =>
        b.requestId && b.requestNo ? (
          <Link to={paths.request(b.requestId)} className="mono">
            {b.requestNo}
          </Link>
        ) : (
          <span className="secondary-text">—</span>
        ),
    },
    {
      title: t(wm.contact),
      key: 'contact',
      width: 170,
      render: (_, b) =>
        b.contactName || b.contactPhone ? (
          <div data-testid="booking-contact">
            <div>{b.contactName}</div>
            <Typography.Text type="secondary">{b.contactPhone}</Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t(wm.contactHidden)}</Typography.Text>
        ),
    },
    { title: t(wm.bookingNote), dataIndex: 'note', render: (n: string) => n || <span className="secondary-text">—</span> },
    { title: t(wm.status), dataIndex: 'status', width: 100, render: (s: BookingView['status']) => <BookingStatusTag status={s} /> },
    { title: t(common.actions), key: 'actions', width: 170, render: (_, b) => <BookingActions booking={b} institutionStaff={institutionStaff} /> },
  ];
}
