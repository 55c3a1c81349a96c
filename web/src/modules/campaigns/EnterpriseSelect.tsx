import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterprisesApi } from '../../api/endpoints';
import { useT } from '../../app/i18n';
import { cm } from './messages';

/**
 * An enterprise in the caller's scope, found by the start of its name or credit
 * code as the user types (the registry's own search), chosen by id.
 */
export function EnterpriseSelect({ value, onChange, id, allowClear }: { value?: string; onChange?: (id: string | undefined) => void; id?: string; allowClear?: boolean }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const result = useQuery({
    queryKey: ['enterprises', 'pick', search],
    queryFn: () => enterprisesApi.list({ q: search || undefined, pageSize: 20, sort: 'name', order: 'asc' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = useMemo(
    () => (result.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.regionName}）`, title: e.uscc })),
    [result.data],
  );
  return (
    <Select
      id={id}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      loading={result.isFetching}
      allowClear={allowClear}
      placeholder={t(cm.enterpriseSearch)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      notFoundContent={result.isFetching ? undefined : null}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <div className="mono" style={{ fontSize: 12, opacity: 0.65 }}>
            {option.data.title}
          </div>
        </div>
      )}
    />
  );
}
