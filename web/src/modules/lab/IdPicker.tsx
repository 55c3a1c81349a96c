import { useMemo, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useT } from '../../app/i18n';
import { lm } from './messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Known = { id: string; name: string };

/** Records chosen before in this browser, by id and name, newest first. */
export function rememberedList(storageKey: string): Known[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((k): k is Known => typeof k?.id === 'string' && typeof k?.name === 'string' && UUID.test(k.id)) : [];
  } catch {
    return [];
  }
}

export function remember(storageKey: string, known: Known) {
  try {
    const next = [known, ...rememberedList(storageKey).filter((k) => k.id !== known.id)].slice(0, 30);
    localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // Storage refused (private window): the next receipt asks for the number again.
  }
}

/**
 * Picks a record by id from those the caller may list, those chosen before in
 * this browser, or an id pasted in (a commissioning letter's bureau number).
 * Institution staff may not list bureaus or enterprises, so the last two are
 * all they have; see the report's API wishes.
 */
export function IdPicker({
  id,
  value,
  onChange,
  listed,
  storageKey,
  placeholder,
  loading,
  onSearch,
  style,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  listed: Known[];
  storageKey: string;
  placeholder: string;
  loading?: boolean;
  onSearch?: (text: string) => void;
  style?: CSSProperties;
}) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const options = useMemo(() => {
    const all = new Map<string, string>();
    for (const k of listed) all.set(k.id, k.name);
    for (const k of rememberedList(storageKey)) if (!all.has(k.id)) all.set(k.id, k.name);
    const pasted = typed.trim();
    if (UUID.test(pasted) && !all.has(pasted.toLowerCase())) all.set(pasted.toLowerCase(), t(lm.byNumber, { id: pasted.toLowerCase() }));
    if (value && !all.has(value)) all.set(value, t(lm.byNumber, { id: value }));
    return [...all].map(([v, label]) => ({ value: v, label }));
  }, [listed, storageKey, typed, value, t]);

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      loading={loading}
      allowClear
      showSearch={{
        optionFilterProp: 'label',
        onSearch: (text) => {
          setTyped(text);
          onSearch?.(text);
        },
        filterOption: (input, option) => {
          const needle = input.trim().toLowerCase();
          return String(option?.label ?? '').toLowerCase().includes(needle) || String(option?.value ?? '') === needle;
        },
      }}
      placeholder={placeholder}
      style={style}
      notFoundContent={t(lm.pasteNumberHint)}
    />
  );
}
