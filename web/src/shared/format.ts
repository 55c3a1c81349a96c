import dayjs from 'dayjs';

/**
 * Times are shown in Beijing time wherever the browser is: a deadline is 17:00 in Asia/Shanghai
 * (UTC+8 without daylight saving since 1991, so a fixed offset is exact).
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const inShanghai = (iso: string) => new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString();

/** The calendar date in Beijing at an instant (ms since the epoch). */
export const shanghaiDate = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
/**
 * Today in Beijing, the server's day: form defaults, "not after today" and validity badges use
 * it, so a browser set to another zone agrees with the server all day long.
 */
export const beijingToday = () => shanghaiDate(Date.now());

export const formatDateTime = (iso: string | null | undefined) => {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  const s = inShanghai(iso);
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
};
/** A calendar date stays as it is; a moment becomes its date in Beijing. */
export const formatDate = (iso: string | null | undefined) => {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return Number.isNaN(Date.parse(iso)) ? '—' : inShanghai(iso).slice(0, 10);
};
/** 星期一 … / Monday …, in the current dayjs locale. */
export const weekday = (isoDate: string) => dayjs(isoDate).format('dddd');
