import { useEffect, useState } from 'react';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  BOOKING_CHANNEL_LABELS,
  BOOKING_STATUS_LABELS,
  CERTIFICATE_KIND_LABELS,
  PLACE_TYPE_LABELS,
  SERVICE_KIND_LABELS,
  SERVICE_REQUEST_STATUS_LABELS,
  type ServiceKind,
  type ServiceRequestStatus,
} from '@shijian/contracts';
import { useT, type Label } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { useRegionPathLabel } from '../../shared/RegionCascader';
import { formatYuan } from '../enforcement/money';
import { keys, servicesApi, type BookingStatus, type BookingView, type CertificateView, type PlaceType, type ServiceItemView, type ServiceRequestView } from './api';
import { clockState, HOUR_MS, MINUTE_MS } from './clock';
import { wm } from './messages';

export const REQUESTER_KIND_LABELS: Record<ServiceRequestView['requesterKind'], Label> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  regulator: { zh: '监管部门', en: 'Bureau' },
  institution: { zh: '机构', en: 'Institution' },
  public: { zh: '公众', en: 'Public' },
};

const STATUS_COLOURS: Record<ServiceRequestStatus, string> = {
  submitted: 'gold',
  accepted: 'blue',
  referred: 'purple',
  escalated: 'orange',
  declined: 'default',
  completed: 'green',
};

/** The status's Chinese name from the contracts (the server's word for it). */
export function StatusTag({ status }: { status: ServiceRequestStatus }) {
  return <Tag color={STATUS_COLOURS[status]}>{SERVICE_REQUEST_STATUS_LABELS[status]}</Tag>;
}

export function GreenTag() {
  const t = useT();
  return (
    <Tag color="green" icon={<ThunderboltOutlined />}>
      {t(wm.greenTag)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: ServiceKind }) {
  const t = useT();
  return <Tag>{t(SERVICE_KIND_LABELS[kind])}</Tag>;
}

/** 上门 / 涉疫 / 强检 tags of an item. */
export function ItemFeatures({ item }: { item: Pick<ServiceItemView, 'onSite' | 'epidemic' | 'compulsory'> }) {
  const t = useT();
  if (!item.onSite && !item.epidemic && !item.compulsory) return <span className="secondary-text">—</span>;
  return (
    <Space size={[0, 4]} wrap>
      {item.onSite ? <Tag color="cyan">{t(wm.onSiteTag)}</Tag> : null}
      {item.epidemic ? <Tag color="red">{t(wm.epidemicTag)}</Tag> : null}
      {item.compulsory ? <Tag color="geekblue">{t(wm.compulsoryTag)}</Tag> : null}
    </Space>
  );
}

export function Standards({ standards }: { standards: string[] }) {
  if (!standards.length) return <span className="secondary-text">—</span>;
  return (
    <Space size={[0, 4]} wrap>
      {standards.map((s) => (
        <Tag key={s} className="mono">
          {s}
        </Tag>
      ))}
    </Space>
  );
}

/** An amount in yuan as the server wrote it, with thousands separators and two decimals. */
export function Yuan({ value, strong }: { value: string; strong?: boolean }) {
  const text = formatYuan(value);
  return strong ? <Typography.Text strong>{text}</Typography.Text> : <span>{text}</span>;
}

/** The current time, refreshed every half minute: enough for a clock counted in hours and minutes. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const hm = (ms: number) => ({ h: Math.floor(ms / HOUR_MS), m: Math.floor((ms % HOUR_MS) / MINUTE_MS) });

/** The 24-hour clock: time left, or how long past it in red, or when it was answered. */
export function ResponseClock({ request }: { request: ServiceRequestView }) {
  const t = useT();
  const now = useNow();
  const state = clockState(request, now);
  switch (state.kind) {
    case 'none':
      return <span className="secondary-text">—</span>;
    case 'closed':
      return <span className="secondary-text">{t(wm.clockStopped)}</span>;
    case 'answered':
      return (
        <Tooltip title={`${t(wm.respondedAt)}：${formatDateTime(state.at)}`}>
          <Typography.Text type="secondary" data-testid="response-clock">
            {state.ms < HOUR_MS ? t(wm.clockAnsweredInMinutes, { m: Math.max(1, Math.ceil(state.ms / MINUTE_MS)) }) : t(wm.clockAnsweredIn, hm(state.ms))}
          </Typography.Text>
        </Tooltip>
      );
    case 'running':
      return (
        <Tooltip title={`${t(wm.respondBy)}：${formatDateTime(request.respondBy)}`}>
          <Tag color={state.ms < 4 * HOUR_MS ? 'orange' : 'blue'} icon={<ClockCircleOutlined />} data-testid="response-clock">
            {t(wm.clockRemaining, hm(state.ms))}
          </Tag>
        </Tooltip>
      );
    case 'overdue': {
      const hours = Math.floor(state.ms / HOUR_MS);
      return (
        <Tooltip title={`${t(wm.respondBy)}：${formatDateTime(request.respondBy)}`}>
          <Tag color="red" icon={<ClockCircleOutlined />} data-testid="response-clock">
            {hours > 0 ? t(wm.clockOverdue, { n: hours }) : t(wm.clockOverdueMinutes, { n: Math.floor(state.ms / MINUTE_MS) })}
          </Tag>
        </Tooltip>
      );
    }
  }
}

/** A region's full name (四川省 / 成都市 / 武侯区), or the code while it loads. */
export function RegionName({ code }: { code: string }) {
  const label = useRegionPathLabel(code);
  return <span>{label ?? code}</span>;
}

/** The institution the signed-in institution user works for (null for everyone else). */
export function useOwnInstitution() {
  const session = useSession();
  const enabled = session.org.kind === 'institution';
  const query = useQuery({ queryKey: keys.ownInstitution(session.org.id), queryFn: () => servicesApi.ownInstitution(session.org.id), enabled, staleTime: 5 * 60_000 });
  return enabled ? (query.data ?? null) : null;
}

const BOOKING_COLOURS: Record<BookingStatus, string> = { booked: 'blue', attended: 'green', no_show: 'red', cancelled: 'default' };

/** 已预约 / 已到场 / 未到场 / 已取消, in the server's words. */
export function BookingStatusTag({ status }: { status: BookingStatus }) {
  return <Tag color={BOOKING_COLOURS[status]}>{BOOKING_STATUS_LABELS[status]}</Tag>;
}

export function ChannelTag({ channel }: { channel: BookingView['channel'] }) {
  return <Tag color={channel === 'phone' ? 'orange' : 'cyan'}>{BOOKING_CHANNEL_LABELS[channel]}</Tag>;
}

const PLACE_COLOURS: Record<PlaceType, string> = { hospital: 'red', checkpoint: 'orange', enterprise: 'blue', crowded_place: 'purple' };

export function PlaceTypeTag({ type }: { type: PlaceType }) {
  return <Tag color={PLACE_COLOURS[type]}>{PLACE_TYPE_LABELS[type]}</Tag>;
}

/** 检定证书 (a pass) or 检定结果通知书 (a fail). */
export function CertificateKindTag({ kind }: { kind: CertificateView['kind'] }) {
  return <Tag color={kind === 'certificate' ? 'green' : 'red'}>{CERTIFICATE_KIND_LABELS[kind]}</Tag>;
}

/** Where the slot's service happens: at the institution or on site. */
export function SlotModeTag({ onSite }: { onSite: boolean }) {
  const t = useT();
  return onSite ? <Tag color="cyan">{t(wm.slotOnSite)}</Tag> : <Tag>{t(wm.slotAtInstitution)}</Tag>;
}
