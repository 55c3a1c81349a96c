import { App, Col, Empty, Flex, Form, Input, Radio, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { useT } from '../../app/i18n';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { QueryError } from '../../shared/ui';
import { keys, servicesApi, type ServiceRequestView, type SlotView } from './api';
import { wm } from './messages';
import { SlotModeTag } from './parts';
import { timeRange } from './time';

type Values = { slotId?: string; requesterName?: string; contactName: string; contactPhone: string; note?: string };

const PHONE = /^[0-9+\-\s]{5,20}$/;
/** Refusals about the slot itself: shown under the slot picker, with the list fetched again. */
const SLOT_CODES = ['SLOT_FULL', 'SLOT_CANCELLED', 'SLOT_PAST'];

function SlotCard({ slot }: { slot: SlotView }) {
  const t = useT();
  const left = slot.capacity - slot.booked;
  return (
    <div>
      <Space size={8} wrap>
        <Typography.Text strong>{timeRange(slot.startsAt, slot.endsAt)}</Typography.Text>
        <SlotModeTag onSite={slot.onSite} />
        <Tag color={left <= 1 ? 'orange' : 'green'}>{t(wm.slotLeft, { n: left, capacity: slot.capacity })}</Tag>
      </Space>
      {slot.note ? <div className="secondary-text">{slot.note}</div> : null}
    </div>
  );
}

/** The institution's open slots with places left, as radio cards (a form control). */
function SlotPicker({ institutionId, value, onChange, id }: { institutionId: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const t = useT();
  const slots = useQuery({
    queryKey: keys.availableSlots(institutionId),
    queryFn: () => servicesApi.slots({ institutionId, available: 'true', pageSize: 50 }),
    staleTime: 0,
  });
  if (slots.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (slots.isError) return <QueryError error={slots.error} onRetry={() => void slots.refetch()} />;
  if (!slots.data.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(wm.noSlots)} />;
  return (
    <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as string)} style={{ width: '100%' }}>
      <Flex vertical gap={10}>
        {slots.data.items.map((s) => (
          <Radio key={s.id} value={s.id} aria-label={timeRange(s.startsAt, s.endsAt)} data-testid="slot-option">
            <SlotCard slot={s} />
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}

/**
 * 预约: a place in one of the institution's slots. The requester books online for itself (for
 * a request or not); the institution's staff enter a booking taken by phone, for one of its
 * requests or for a caller named here.
 */
export function BookDrawer({
  institution,
  request,
  staff,
  slotId,
  open,
  onClose,
}: {
  institution: { id: string; name: string };
  /** The request the booking is for, if any. */
  request?: ServiceRequestView;
  /** Entered by the institution's staff (a phone booking) rather than by the requester. */
  staff: boolean;
  /** A slot chosen beforehand (from the list of slots). */
  slotId?: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const book = useMutation({
    mutationFn: (v: Values) =>
      servicesApi.book({
        slotId: v.slotId ?? '',
        requestId: request?.id,
        // The server takes the requester from the request; a staff booking still names the caller.
        requesterName: staff ? (request?.requesterName ?? v.requesterName?.trim()) : undefined,
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
        note: v.note?.trim() ?? '',
      }),
    onSuccess: (booking) => {
      void client.invalidateQueries({ queryKey: keys.bookings });
      void client.invalidateQueries({ queryKey: keys.slots });
      void message.success(t(wm.booked, { at: timeRange(booking.startsAt, booking.endsAt) }));
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && SLOT_CODES.includes(e.code)) {
        form.setFields([{ name: 'slotId', errors: [e.message] }]);
        void client.invalidateQueries({ queryKey: keys.availableSlots(institution.id) });
      } else formError.show(e);
    },
  });

  return (
    <FormDrawer<Values>
      title={request ? t(wm.bookTitleRequest, { no: request.requestNo }) : staff ? t(wm.phoneBookingTitle) : t(wm.bookTitle, { institution: institution.name })}
      open={open}
      onClose={onClose}
      size={600}
      form={form}
      formError={formError}
      saving={book.isPending}
      saveText={t(wm.bookSubmit)}
      name="serviceBooking"
      formKey={`${request?.id ?? institution.id}:${slotId ?? ''}`}
      initialValues={{ slotId, contactName: request?.contactName ?? '', contactPhone: request?.contactPhone ?? '', requesterName: request?.requesterName }}
      onFinish={(v) => book.mutate(v)}
    >
      <Typography.Paragraph type="secondary">{t(staff ? wm.phoneBookingHint : wm.bookHint, { institution: institution.name })}</Typography.Paragraph>
      <Form.Item name="slotId" label={t(wm.slot)} rules={[{ required: true, message: t(wm.slotRequired) }]}>
        <SlotPicker institutionId={institution.id} />
      </Form.Item>
      {staff && !request ? (
        <Form.Item name="requesterName" label={t(wm.caller)} rules={[required(wm.caller), { max: 100 }]}>
          <Input maxLength={100} placeholder={t(wm.callerPlaceholder)} />
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="contactName" label={t(wm.contactName)} rules={[required(wm.contactName), { max: 50 }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactPhone" label={t(wm.contactPhone)} rules={[required(wm.contactPhone), { pattern: PHONE, message: t(wm.phoneInvalid) }]}>
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t(wm.bookingNote)} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t(wm.bookingNotePlaceholder)} />
      </Form.Item>
    </FormDrawer>
  );
}
