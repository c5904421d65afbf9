import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { MessageKey, Messages } from '../i18n/zh-CN.ts';

export type { MessageKey };

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'idv.locale';

/**
 * Each language's messages are a chunk of their own (issue 15: initial JS), so a visit downloads only
 * the language it shows; the other one is fetched when the reader switches to it. The built
 * index.html starts the stored (else default) language's chunk with the scripts (vite.config.ts
 * `localePreload`), and main.tsx renders once it is in: no text is ever shown as a key.
 */
const loaders: Record<Locale, () => Promise<Messages>> = {
  'zh-CN': () => import('../i18n/zh-CN.ts').then((m) => m.zhCN),
  en: () => import('../i18n/en.ts').then((m) => m.en),
};

/**
 * The languages loaded so far, filled by `loadLocale` (tests load both in src/i18n/test-setup.ts).
 * The provider reads only a loaded language, so the type names every language.
 */
export const catalogs = {} as Record<Locale, Messages>;
const loading = new Map<Locale, Promise<Messages>>();

export function isLocaleLoaded(locale: Locale): boolean {
  return Object.hasOwn(catalogs, locale);
}

/** Loads a language's messages once (a failed load may be tried again). */
export function loadLocale(locale: Locale): Promise<Messages> {
  if (isLocaleLoaded(locale)) return Promise.resolve(catalogs[locale]);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(
      (messages) => {
        catalogs[locale] = messages;
        loading.delete(locale);
        return messages;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

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

/** Every language has the same keys (i18n.test.tsx), so any loaded one tells. */
export function isMessageKey(key: string): key is MessageKey {
  const loaded = LOCALES.find(isLocaleLoaded);
  return loaded !== undefined && Object.hasOwn(catalogs[loaded], key);
}

/** The language this browser chose last, else the default. */
export function storedLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export interface I18n {
  locale: Locale;
  /** Switches at once when the language is loaded, else once it is (the page keeps its language meanwhile). */
  setLocale: (l: Locale) => void;
  t: Translate;
  /** For keys built from API values (product codes...): the message, or `fallback` when unknown. */
  tMaybe: (key: string, fallback: string, vars?: Vars) => string;
}

function makeT(messages: Messages): Translate {
  return (key, vars) => interpolate(messages[key], vars);
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Renders its children in `initialLocale` (else the stored language) once that language is loaded;
 * main.tsx loads it first, so in the app this renders at once.
 */
export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? storedLocale());
  const [, setLoaded] = useState(0);
  // The language asked for last: a slow load must not override a later choice.
  const wanted = useRef(locale);
  const ready = isLocaleLoaded(locale);

  const setLocale = useCallback((l: Locale) => {
    wanted.current = l;
    const apply = () => {
      if (wanted.current !== l) return;
      setLocaleState(l);
      try {
        localStorage.setItem(LOCALE_STORAGE_KEY, l);
      } catch {
        // Storage may be unavailable (private mode); the choice then lasts for this page only.
      }
    };
    if (isLocaleLoaded(l)) apply();
    // A failed load leaves the page in its language; the reader can click again.
    else loadLocale(l).then(apply, () => undefined);
  }, []);

  useEffect(() => {
    if (!ready) {
      loadLocale(locale).then(
        () => setLoaded((n) => n + 1),
        () => undefined,
      );
      return;
    }
    document.documentElement.lang = locale;
    document.title = catalogs[locale]['app.name'];
  }, [locale, ready]);

  const value = useMemo<I18n | null>(() => {
    if (!ready) return null;
    const t = makeT(catalogs[locale]);
    return {
      locale,
      setLocale,
      t,
      tMaybe: (key, fallback, vars) => (isMessageKey(key) ? t(key, vars) : fallback),
    };
  }, [locale, ready, setLocale]);

  if (!value) return null;
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
