import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Label } from '@shijian/contracts';

/**
 * A small in-house i18n: every text is a `{ zh, en }` label (the same shape the
 * contracts use for roles, sizes and kinds), Chinese first. The choice is kept
 * in localStorage; server messages stay in Chinese, as the server writes them.
 * (Ant Design's and dayjs's locales follow in UiProvider, outside the entry chunk.)
 */
export type Lang = 'zh' | 'en';
export type { Label };
export type Translate = (label: Label, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'shijian.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Fills `{name}` placeholders. */
export function format(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

export function translate(lang: Lang, label: Label, vars?: Record<string, string | number>): string {
  return format(label[lang], vars);
}

function applyLang(lang: Lang) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

type LangContextValue = { lang: Lang; setLang: (lang: Lang) => void; t: Translate };
const LangContext = createContext<LangContextValue | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    applyLang(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    applyLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<LangContextValue>(() => ({ lang, setLang, t: (label, vars) => translate(lang, label, vars) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang() outside <LangProvider>');
  return value;
}

/** The translate function alone, for components that only render text. */
export function useT(): Translate {
  return useLang().t;
}
