import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from '../i18n/en.ts';
import { type MessageKey, type Messages, zhCN } from '../i18n/zh-CN.ts';

export type { MessageKey } from '../i18n/zh-CN.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'idv.locale';

export const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function interpolate(message: string, vars?: Vars): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

function readStoredLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
  /** For keys built from API values (product codes...): the message, or `fallback` when unknown. */
  tMaybe: (key: string, fallback: string, vars?: Vars) => string;
}

function makeT(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => interpolate(messages[key], vars);
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());

  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, l);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = catalogs[locale]['app.name'];
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const t = makeT(locale);
    return {
      locale,
      setLocale,
      t,
      tMaybe: (key, fallback, vars) => (isMessageKey(key) ? t(key, vars) : fallback),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}

/** Shorthand for components that only translate. */
export function useT(): Translate {
  return useI18n().t;
}
