import { Button, Form, Input, Select } from 'antd';
import { ENTERPRISE_SIZE_LABELS, ENTERPRISE_SIZES } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useCategoryOptions } from '../../shared/categories';
import { RegionCascader } from '../../shared/RegionCascader';
import { em } from './messages';

export type EnterpriseFilterValues = { q?: string; regionCode?: string; size?: string; category?: string };

/** The filter bar; applies on 查询 or Enter, and clears everything on 重置. */
export function EnterpriseFilters({ values, within, onApply }: { values: EnterpriseFilterValues; within: string | null; onApply: (v: EnterpriseFilterValues) => void }) {
  const t = useT();
  const [form] = Form.useForm<EnterpriseFilterValues>();
  const categories = useCategoryOptions();
  return (
    <Form name="enterpriseFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(em.searchPlaceholder)} style={{ width: 240 }} onSearch={() => form.submit()} aria-label={t(em.searchPlaceholder)} />
      </Form.Item>
      <Form.Item name="regionCode">
        <RegionCascader anyLevel within={within} placeholder={t(em.regionFilter)} style={{ width: 240 }} onChange={(code) => onApply({ ...form.getFieldsValue(), regionCode: code })} />
      </Form.Item>
      <Form.Item name="size">
        <Select
          allowClear
          placeholder={t(em.sizeFilter)}
          style={{ width: 120 }}
          options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(ENTERPRISE_SIZE_LABELS[s]) }))}
          onChange={(size?: string) => onApply({ ...form.getFieldsValue(), size })}
        />
      </Form.Item>
      <Form.Item name="category">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t(em.categoryFilter)}
          style={{ width: 200 }}
          options={categories.options}
          onChange={(category?: string) => onApply({ ...form.getFieldsValue(), category })}
        />
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
