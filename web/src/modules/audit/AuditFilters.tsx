import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../app/i18n';
import { FilterBar, SelectFilter, TextFilter } from '../../shared/FilterBar';
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
  return (
    <FilterBar name="auditFilters" values={values} onApply={onApply} typed={['entityId']} toForm={toForm} fromForm={fromForm}>
      <SelectFilter
        name="action"
        label={t(am.actionFilter)}
        width={200}
        showSearch={{ optionFilterProp: 'label' }}
        options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
      />
      <SelectFilter
        name="entityType"
        label={t(am.entityTypeFilter)}
        width={180}
        showSearch={{ optionFilterProp: 'label' }}
        options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
      />
      <TextFilter name="entityId" placeholder={t(am.entityIdFilter)} width={220} className="mono" />
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} aria-label={t(am.range)} />
      </Form.Item>
    </FilterBar>
  );
}
