import type { ReactNode } from 'react';
import { useT } from '../lib/i18n.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/**
 * A page for someone not signed in (sign-in, accepting an invitation): the brand bar with the language
 * switch, and one centred card with the page's h1.
 */
export function PublicPage({
  title,
  subtitle,
  width = 'sm',
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  width?: 'sm' | 'md';
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="flex h-14 items-center justify-between bg-slate-900 px-4 text-white sm:px-6">
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded bg-brand-600 text-sm font-bold">
            ID
          </span>
          <span className="text-sm font-semibold">{t('app.name')}</span>
        </div>
        <LanguageSwitch tone="dark" />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-12 sm:items-center">
        <div
          className={`w-full ${width === 'sm' ? 'max-w-sm' : 'max-w-md'} rounded-md border border-slate-200 bg-white p-7 shadow-sm`}
        >
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-slate-600">{subtitle}</p> : null}
          {children}
        </div>
      </main>
    </div>
  );
}
