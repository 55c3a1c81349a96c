import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { ACTION_LABELS, ENTITY_LABELS } from './labels';
import { am } from './messages';

export type AuditFilterValues = { action?: string; entityType?: string; entityId?: string; from?: string; to?: string };
type FormValues = Omit<AuditFilterValues, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

function toForm(v: AuditFilterValues): FormValues {
  return { action: v.action, entityType: v.entityType, entityId: v.entityId, range: v.from || v.to ? [v.from ? dayjs(v.from) : null, v.to ? dayjs(v.to) : null] : null };
}

function fromForm(v: FormValues): AuditFilterValues {
  const [from, to] = v.range ?? [];
  return { action: v.action, entityType: v.entityType, entityId: v.entityId?.trim(), from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') };
}

export function AuditFilters({ values, onApply }: { values: AuditFilterValues; onApply: (v: AuditFilterValues) => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const apply = () => onApply(fromForm(form.getFieldsValue()));
  return (
    <Form name="auditFilters" form={form} layout="inline" className="filter-bar" initialValues={toForm(values)} onFinish={(v) => onApply(fromForm(v))}>
      <Form.Item name="action">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t(am.actionFilter)}
          aria-label={t(am.actionFilter)}
          style={{ width: 200 }}
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
          onChange={apply}
        />
      </Form.Item>
      <Form.Item name="entityType">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t(am.entityTypeFilter)}
          aria-label={t(am.entityTypeFilter)}
          style={{ width: 180 }}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
          onChange={apply}
        />
      </Form.Item>
      <Form.Item name="entityId">
        <Input allowClear placeholder={t(am.entityIdFilter)} style={{ width: 220 }} className="mono" onPressEnter={() => form.submit()} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} onChange={apply} aria-label={t(am.range)} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t(common.search)}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onApply({})}>{t(common.reset)}</Button>
      </Form.Item>
    </Form>
  );
}
