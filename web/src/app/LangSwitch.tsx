import { Button } from 'antd';
import { useLang } from './i18n';

/** Switches between 中文 and English; shows the language you would switch to. */
export function LangSwitch({ className }: { className?: string }) {
  const { lang, setLang } = useLang();
  return (
    <Button type="text" className={className} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}>
      {lang === 'zh' ? 'English' : '中文'}
    </Button>
  );
}
