import dayjs, { type Dayjs } from 'dayjs';

/**
 * Form.Item props that keep a DatePicker's value as 'YYYY-MM-DD' text in the
 * form, the way the API sends and takes dates.
 */
export const isoDateField = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null),
};
