import { clsx } from 'clsx';
import { LOCALES, type Locale, useI18n } from '../lib/i18n.tsx';
import { focusRing } from './ui/focus.ts';

const short: Record<Locale, string> = { 'zh-CN': '中', en: 'EN' };

/** A two-way toggle between the console's languages (a radio group of buttons). */
export function LanguageSwitch({ className, tone = 'light' }: { className?: string; tone?: 'light' | 'dark' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset className={clsx('flex items-center', className)}>
      <legend className="sr-only">{t('topbar.language')}</legend>
      <div
        className={clsx(
          'inline-flex rounded border p-0.5',
          tone === 'dark' ? 'border-slate-600' : 'border-slate-300 bg-white',
        )}
      >
        {LOCALES.map((l) => {
          const active = l === locale;
          return (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={active}
              onClick={() => setLocale(l)}
              className={clsx(
                'rounded-sm px-2 py-0.5 text-xs font-medium',
                focusRing,
                active
                  ? 'bg-brand-600 text-white'
                  : tone === 'dark'
                    ? 'text-slate-200 hover:bg-slate-700'
                    : 'text-slate-700 hover:bg-slate-100',
              )}
            >
              <span aria-hidden="true">{short[l]}</span>
              <span className="sr-only">{t(`lang.${l}`)}</span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
