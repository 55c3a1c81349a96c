/**
 * Times of the service window are Beijing times wherever the browser is (as shared/format.ts shows
 * them): a slot from 09:00 is 09:00 in Asia/Shanghai. Pickers hold the wall time the user sees;
 * these turn it into the ISO instant with its +08:00 offset the API takes, and back.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD' and 'HH:mm' read as Beijing wall time → '2026-12-01T09:00:00+08:00'. */
export function beijingIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** The Beijing wall time of an instant, 'YYYY-MM-DD HH:mm' (what a picker should show). */
export function beijingWall(ms: number): string {
  const s = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** The Beijing calendar date of an instant. */
export function beijingDate(ms: number): string {
  return beijingWall(ms).slice(0, 10);
}

/** 2026-12-01 09:00–12:00, or both ends in full when the span crosses midnight (Beijing). */
export function timeRange(startsAt: string, endsAt: string): string {
  const from = beijingWall(Date.parse(startsAt));
  const to = beijingWall(Date.parse(endsAt));
  return from.slice(0, 10) === to.slice(0, 10) ? `${from}–${to.slice(11)}` : `${from} – ${to}`;
}

/** The last day of a validity of `months` from `performedOn` (as the server computes it): the day before the same date, or the month's last day. */
export function validUntilAfter(performedOn: string, months: number): string {
  const [y, m, d] = performedOn.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const end = d > lastDay ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), lastDay) : Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), d) - 86_400_000;
  return new Date(end).toISOString().slice(0, 10);
}
