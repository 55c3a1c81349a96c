import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PLACE_TYPE_LABELS, PLACE_TYPES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { RegionCascader } from '../../shared/RegionCascader';
import { requiredRule } from '../../shared/rules';
import { keys, servicesApi, type PlaceType } from './api';
import { wm } from './messages';
import { useNow } from './parts';
import { beijingIso, beijingWall } from './time';

type Values = {
  placeType?: PlaceType;
  placeName: string;
  regionCode?: string;
  team: string;
  staff: string[];
  period: [Dayjs, Dayjs] | null;
  requestId?: string;
  note?: string;
};

/** A picker's wall time (shown as Beijing time) → the instant with its offset. */
const toIso = (d: Dayjs) => beijingIso(d.format('YYYY-MM-DD'), d.format('HH:mm'));

/**
 * 登记上门服务: recorded after the team set out — where (a hospital, a checkpoint …, and its
 * county), which team and who went, when, and for which request if any.
 */
export function DispatchForm({ open, onClose, requestId }: { open: boolean; onClose: () => void; requestId?: string }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  // The institution's requests it is working on, to link the dispatch to one.
  const accepted = useQuery({
    queryKey: [...keys.requests, 'accepted-for-dispatch'],
    queryFn: () => servicesApi.requests({ status: 'accepted', pageSize: 100 }),
    enabled: open,
    staleTime: 60_000,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      servicesApi.recordDispatch({
        placeType: v.placeType as PlaceType,
        placeName: v.placeName.trim(),
        regionCode: v.regionCode ?? '',
        team: v.team.trim(),
        staff: v.staff.map((s) => s.trim()).filter(Boolean),
        startsAt: toIso(v.period![0]),
        endsAt: toIso(v.period![1]),
        requestId: v.requestId || undefined,
        note: v.note?.trim() ?? '',
      }),
    onSuccess: (d) => {
      void client.invalidateQueries({ queryKey: keys.dispatches });
      void message.success(t(wm.dispatchRecorded, { place: d.placeName }));
      onClose();
    },
    onError: formError.show,
  });
  // Beijing wall time now, as a picker value.
  const now = dayjs(beijingWall(useNow(60_000)), 'YYYY-MM-DD HH:mm');

  return (
    <FormDrawer<Values>
      title={t(wm.recordDispatch)}
      open={open}
      onClose={onClose}
      size={640}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="onsiteDispatch"
      formKey={requestId ?? 'any'}
      initialValues={{ staff: [], requestId, period: [now.subtract(3, 'hour').startOf('hour'), now.startOf('minute')] }}
      onFinish={(v) => save.mutate(v)}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="placeType" label={t(wm.placeType)} rules={[{ required: true, message: t(wm.chooseRequired, { field: t(wm.placeType) }) }]}>
            <Select options={PLACE_TYPES.map((p) => ({ value: p, label: PLACE_TYPE_LABELS[p] }))} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="placeName" label={t(wm.placeName)} rules={[required(wm.placeName), { max: 100 }]}>
            <Input maxLength={100} placeholder={t(wm.placeNamePlaceholder)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="regionCode" label={t(wm.placeRegion)} rules={[{ required: true, message: t(wm.placeRegionRequired) }]}>
        <RegionCascader />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="team" label={t(wm.team)} rules={[required(wm.team), { max: 100 }]}>
            <Input maxLength={100} placeholder={t(wm.teamPlaceholder)} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="staff"
            label={t(wm.staff)}
            extra={t(wm.staffHint)}
            rules={[
              {
                validator: async (_: unknown, value?: string[]) => {
                  const names = (value ?? []).map((s) => s.trim()).filter(Boolean);
                  if (!names.length) throw new Error(t(wm.staffRequired));
                  if (names.length > 50) throw new Error(t(wm.staffTooMany));
                  if (names.some((n) => n.length > 30)) throw new Error(t(wm.staffNameTooLong));
                  if (new Set(names).size !== names.length) throw new Error(t(wm.staffDuplicate));
                },
              },
            ]}
          >
            <Select mode="tags" tokenSeparators={['，', ',', '、', ' ']} notFoundContent={null} placeholder={t(wm.staffPlaceholder)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="period"
        label={t(wm.dispatchPeriod)}
        extra={t(wm.dispatchPeriodHint)}
        rules={[
          { required: true, message: t(wm.chooseRequired, { field: t(wm.dispatchPeriod) }) },
          {
            validator: async (_: unknown, period?: [Dayjs, Dayjs] | null) => {
              if (!period) return;
              if (toIso(period[0]) > toIso(period[1])) throw new Error(t(wm.dispatchEndBeforeStart));
              if (Date.parse(toIso(period[0])) > Date.now()) throw new Error(t(wm.dispatchInFuture));
            },
          },
        ]}
      >
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(now, 'day')} />
      </Form.Item>
      <Form.Item name="requestId" label={t(wm.relatedRequest)} extra={t(wm.dispatchRequestHint)}>
        <Select
          allowClear
          loading={accepted.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          options={(accepted.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.requestNo} · ${r.requesterName}` }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t(wm.dispatchNote)} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t(wm.dispatchNotePlaceholder)} />
      </Form.Item>
    </FormDrawer>
  );
}
