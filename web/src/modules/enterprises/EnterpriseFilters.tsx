import { ENTERPRISE_SIZE_LABELS, ENTERPRISE_SIZES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useCategoryOptions } from '../../shared/categories';
import { FilterBar, RegionFilter, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { em } from './messages';

export type EnterpriseFilterValues = { q?: string; regionCode?: string; size?: string; category?: string };

/** The filter bar; applies on 查询 or Enter, and clears everything on 重置. */
export function EnterpriseFilters({ values, onApply }: { values: EnterpriseFilterValues; onApply: (v: EnterpriseFilterValues) => void }) {
  const t = useT();
  const categories = useCategoryOptions();
  return (
    <FilterBar name="enterpriseFilters" values={values} onApply={onApply}>
      <SearchFilter label={t(em.searchPlaceholder)} width={240} />
      <RegionFilter placeholder={t(em.regionFilter)} width={240} />
      <SelectFilter name="size" placeholder={t(em.sizeFilter)} width={120} options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(ENTERPRISE_SIZE_LABELS[s]) }))} />
      <SelectFilter name="category" placeholder={t(em.categoryFilter)} width={200} options={categories.options} showSearch={{ optionFilterProp: 'label' }} />
    </FilterBar>
  );
}
