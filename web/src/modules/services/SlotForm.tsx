import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../app/i18n';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { keys, servicesApi } from './api';
import { wm } from './messages';
import { useNow } from './parts';
import { beijingDate, beijingIso, beijingWall, timeRange } from './time';

type Values = { date: Dayjs | null; hours: [Dayjs, Dayjs] | null; capacity?: number | null; onSite: boolean; note?: string };

/** 开放预约时段: a day, its hours (Beijing time), how many can book, at the institution or on site. */
export function SlotForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const today = beijingDate(useNow(60_000));
  const save = useMutation({
    mutationFn: (v: Values) => {
      const date = v.date!.format('YYYY-MM-DD');
      return servicesApi.openSlot({
        startsAt: beijingIso(date, v.hours![0].format('HH:mm')),
        endsAt: beijingIso(date, v.hours![1].format('HH:mm')),
        capacity: v.capacity ?? 0,
        onSite: v.onSite,
        note: v.note?.trim() ?? '',
      });
    },
    onSuccess: (slot) => {
      void client.invalidateQueries({ queryKey: keys.slots });
      void message.success(t(wm.slotOpened, { at: timeRange(slot.startsAt, slot.endsAt) }));
      onClose();
    },
    // startsAt / endsAt are one field here: the server's words about them show above the form.
    onError: formError.show,
  });

  return (
    <FormDrawer<Values>
      title={t(wm.openSlot)}
      open={open}
      onClose={onClose}
      size={520}
      form={form}
      formError={formError}
      saving={save.isPending}
      saveText={t(wm.openSlotSubmit)}
      name="serviceSlot"
      initialValues={{ date: dayjs(today).add(1, 'day'), hours: [dayjs('09:00', 'HH:mm'), dayjs('12:00', 'HH:mm')], capacity: 10, onSite: false }}
      onFinish={(v) => save.mutate(v)}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="date" label={t(wm.slotDate)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.slotDate) }) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="hours"
            label={t(wm.slotHours)}
            extra={t(wm.beijingTime)}
            dependencies={['date']}
            rules={[
              { required: true, message: t(wm.chooseRequired, { field: t(wm.slotHours) }) },
              ({ getFieldValue }) => ({
                validator: async (_: unknown, hours?: [Dayjs, Dayjs] | null) => {
                  const date = getFieldValue('date') as Dayjs | null;
                  if (!hours || !date) return;
                  if (hours[1].format('HH:mm') <= hours[0].format('HH:mm')) throw new Error(t(wm.slotEndBeforeStart));
                  if (`${date.format('YYYY-MM-DD')} ${hours[0].format('HH:mm')}` < beijingWall(Date.now())) throw new Error(t(wm.slotInPast));
                },
              }),
            ]}
          >
            <TimePicker.RangePicker format="HH:mm" minuteStep={15} style={{ width: '100%' }} order={false} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="capacity" label={t(wm.capacity)} rules={[{ required: true, type: 'integer', min: 1, max: 500, message: t(wm.capacityRequired) }]}>
        <InputNumber min={1} max={500} precision={0} suffix={t(wm.places)} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="onSite" valuePropName="checked" extra={t(wm.slotOnSiteHint)}>
        <Checkbox>{t(wm.slotOnSiteLong)}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t(wm.slotNote)} rules={[{ max: 200 }]}>
        <Input.TextArea rows={2} maxLength={200} showCount placeholder={t(wm.slotNotePlaceholder)} />
      </Form.Item>
    </FormDrawer>
  );
}
