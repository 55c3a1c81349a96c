import { useQuery } from '@tanstack/react-query';
import { categoriesApi } from '../api/endpoints';
import type { ProductCategoryView } from '../api/types';
import { useLang } from '../app/i18n';

export const CATEGORIES_KEY = ['product-categories'] as const;

/** `counts` adds each category's enterprises (the categories page); invalidating CATEGORIES_KEY refreshes both. */
export function useCategories({ counts = false }: { counts?: boolean } = {}) {
  return useQuery({ queryKey: [...CATEGORIES_KEY, counts ? 'counts' : 'names'], queryFn: () => categoriesApi.list(counts), staleTime: 5 * 60_000 });
}

/** A category's name in the current language, falling back to its code. */
export function useCategoryName(): (code: string) => string {
  const { lang } = useLang();
  const { data } = useCategories();
  const byCode = new Map<string, ProductCategoryView>((data ?? []).map((c) => [c.code, c]));
  return (code) => {
    const category = byCode.get(code);
    if (!category) return code;
    return lang === 'zh' ? category.name : `${category.nameEn} ${category.name}`;
  };
}

/**
 * Options for a select of active categories, in their sort order. `keep` adds
 * inactive ones a record already has, so editing it shows them by name.
 */
export function useCategoryOptions(keep: readonly string[] = []) {
  const { lang } = useLang();
  const { data, isPending } = useCategories();
  const inactive = lang === 'zh' ? '（已停用）' : ' (inactive)';
  const options = (data ?? [])
    .filter((c) => c.active || keep.includes(c.code))
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((c) => ({ value: c.code, label: `${lang === 'zh' ? c.name : `${c.nameEn} ${c.name}`}${c.active ? '' : inactive}` }));
  return { options, loading: isPending };
}
