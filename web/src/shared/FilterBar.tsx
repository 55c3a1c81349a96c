import type { ReactNode } from 'react';
import { Button, DatePicker, Form, Input, Select, type SelectProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { common } from '../app/common';
import { useT } from '../app/i18n';
import { useSession } from '../app/session';
import { RegionCascader } from './RegionCascader';
import { scopeRegion } from './scope';

/** A list's filters as they stand in the URL (useListParams().filters). */
export type Filters = Partial<Record<string, string>>;

export type FilterBarProps<V extends object> = {
  /** The form's name; antd builds the fields' ids from it. */
  name: string;
  values: Filters;
  onApply: (filters: Filters) => void;
  /** Fields typed into (default `['q']`): they apply on Enter or 查询. Every other field applies as soon as it changes. */
  typed?: readonly string[];
  /** For fields whose value is not the filter's text (a date, a checkbox): URL → form … */
  toForm?: (values: Filters) => V;
  /** … and form → URL. */
  fromForm?: (form: V) => Filters;
  /** Off for a bar that is only a search box: Enter searches. */
  searchButton?: boolean;
  children: ReactNode;
};

/**
 * The filter bar above a list: its fields, then 查询 and 重置 (which clears every filter).
 * Filters that the bar has no field for (set elsewhere on the page, as a queue switch
 * does) are kept when the bar applies its own.
 */
export function FilterBar<V extends object = Filters>(props: FilterBarProps<V>) {
  // A fresh form whenever the filters change from outside: a link, the back button, 重置.
  return <FilterForm key={JSON.stringify(props.values)} {...props} />;
}

function FilterForm<V extends object>({ name, values, onApply, typed = ['q'], toForm, fromForm, searchButton = true, children }: FilterBarProps<V>) {
  const t = useT();
  const [form] = Form.useForm<V>();
  const apply = () => {
    const fields = form.getFieldsValue();
    onApply({ ...values, ...(fromForm ? fromForm(fields) : (fields as Filters)) });
  };
  return (
    <Form<V>
      name={name}
      form={form}
      layout="inline"
      className="filter-bar"
      initialValues={toForm ? toForm(values) : (values as Partial<V>)}
      onFinish={apply}
      onValuesChange={(changed: object) => {
        // A choice (select, date, checkbox) is complete when made; text would refetch on every keystroke.
        if (Object.keys(changed).some((key) => !typed.includes(key))) apply();
      }}
    >
      {children}
      {searchButton ? (
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t(common.search)}
          </Button>
        </Form.Item>
      ) : null}
      <Form.Item>
        <Button onClick={() => onApply({})}>{t(common.reset)}</Button>
      </Form.Item>
    </Form>
  );
}

/** The bar's search box (`q`): searches on Enter, on its icon, and when cleared. `label` is its placeholder and accessible name. */
export function SearchFilter({ label, width }: { label: string; width: number }) {
  const form = Form.useFormInstance();
  return (
    <Form.Item name="q">
      <Input.Search allowClear placeholder={label} aria-label={label} style={{ width }} onSearch={() => form.submit()} />
    </Form.Item>
  );
}

/** A free-text filter (list it in the bar's `typed`): applies on Enter. */
export function TextFilter({ name, width, placeholder, className, 'aria-label': ariaLabel }: { name: string; width: number; placeholder: string; className?: string; 'aria-label'?: string }) {
  const form = Form.useFormInstance();
  return (
    <Form.Item name={name}>
      <Input allowClear placeholder={placeholder} aria-label={ariaLabel} style={{ width }} className={className} onPressEnter={() => form.submit()} />
    </Form.Item>
  );
}

/**
 * A clearable choice in the bar. `label` is both its placeholder and its accessible
 * name; a select that has only a placeholder takes `placeholder` instead.
 */
export function SelectFilter({ name, label, width, ...select }: Omit<SelectProps<string>, 'style' | 'allowClear'> & { name: string; label?: string; width: number }) {
  return (
    <Form.Item name={name}>
      <Select allowClear placeholder={label} aria-label={label} style={{ width }} {...select} />
    </Form.Item>
  );
}

/** The region filter (`regionCode`): any level, within the user's scope. */
export function RegionFilter({ placeholder, width }: { placeholder: string; width: number }) {
  const session = useSession();
  return (
    <Form.Item name="regionCode">
      <RegionCascader anyLevel within={scopeRegion(session)} placeholder={placeholder} style={{ width }} />
    </Form.Item>
  );
}

/** A list's filters with its `from` and `to` dates held by one range picker (DateRangeFilter). */
export type WithDateRange = Partial<Record<string, string | [Dayjs, Dayjs] | null>> & { range?: [Dayjs, Dayjs] | null };

/** URL → form and form → URL for a bar with a DateRangeFilter: pass as FilterBar's toForm and fromForm. */
export const dateRange = {
  toForm: ({ from, to, ...v }: Filters): WithDateRange => ({ ...v, range: from && to ? [dayjs(from), dayjs(to)] : null }),
  fromForm: ({ range, ...v }: WithDateRange): Filters => ({ ...(v as Filters), from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }),
};

/** From-and-to dates as one picker; the bar needs `dateRange`'s toForm and fromForm. */
export function DateRangeFilter({ label }: { label: string }) {
  const t = useT();
  return (
    <Form.Item name="range">
      <DatePicker.RangePicker aria-label={label} placeholder={[t(common.dateFrom), t(common.dateTo)]} />
    </Form.Item>
  );
}
