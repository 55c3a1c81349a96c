import dayjs from 'dayjs';

export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
/** 星期一 … / Monday …, in the current dayjs locale. */
export const weekday = (isoDate: string) => dayjs(isoDate).format('dddd');
