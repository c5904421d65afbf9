import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import {
  catalogs,
  I18nProvider,
  interpolate,
  isLocaleLoaded,
  isMessageKey,
  LOCALE_STORAGE_KEY,
  loadLocale,
  useI18n,
} from './i18n.tsx';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('no message is empty in either language', () => {
    for (const [key, value] of [...Object.entries(zhCN), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('both languages use the same placeholders in each message', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} of {b}', { a: 1, b: 'two' })).toBe('1 of two');
    expect(interpolate('{a} {missing}', { a: 'x' })).toBe('x {missing}');
  });
});

function Probe() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div>
      <p data-testid="text">{t('nav.packs')}</p>
      <p data-testid="vars">{t('common.calls', { count: '1,000' })}</p>
      <button type="button" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
        switch
      </button>
    </div>
  );
}

const renderProbe = (initialLocale?: 'en' | 'zh-CN') =>
  render(
    <I18nProvider initialLocale={initialLocale}>
      <Probe />
    </I18nProvider>,
  );

describe('I18nProvider', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('defaults to zh-CN and sets <html lang>', () => {
    renderProbe();
    expect(screen.getByTestId('text').textContent).toBe('资源包');
    expect(screen.getByTestId('vars').textContent).toBe('1,000 次');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switching language re-renders, persists the choice and updates <html lang>', () => {
    renderProbe();
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    expect(screen.getByTestId('text').textContent).toBe('Resource packs');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the stored language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    renderProbe();
    expect(screen.getByTestId('text').textContent).toBe('Resource packs');
  });
});

/** Forgets a loaded language, as in a visit that has not needed it yet; restored after each test. */
function unload(locale: 'en' | 'zh-CN') {
  delete (catalogs as Partial<typeof catalogs>)[locale];
}

/** Asks for one language or the other. */
function Two() {
  const { t, setLocale } = useI18n();
  return (
    <div>
      <p data-testid="text">{t('nav.packs')}</p>
      <button type="button" onClick={() => setLocale('en')}>
        en
      </button>
      <button type="button" onClick={() => setLocale('zh-CN')}>
        zh
      </button>
    </div>
  );
}

describe('each language loaded on demand (issue 15)', () => {
  afterEach(async () => {
    cleanup();
    localStorage.clear();
    await Promise.all([loadLocale('en'), loadLocale('zh-CN')]);
  });

  it('loadLocale loads a language once and fills the catalogs', async () => {
    unload('en');
    expect(isLocaleLoaded('en')).toBe(false);
    const [a, b] = await Promise.all([loadLocale('en'), loadLocale('en')]);
    expect(a).toBe(b);
    expect(catalogs.en['nav.packs']).toBe('Resource packs');
    expect(isMessageKey('nav.packs')).toBe(true);
    expect(isMessageKey('nav.nope')).toBe(false);
  });

  it('a language not loaded yet: the page keeps its language until it is in, never shows keys', async () => {
    unload('en');
    renderProbe();
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    expect(screen.getByTestId('text').textContent).toBe('资源包');
    await waitFor(() => expect(screen.getByTestId('text').textContent).toBe('Resource packs'));
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('the provider renders nothing until its first language is in', async () => {
    unload('en');
    renderProbe('en');
    expect(screen.queryByTestId('text')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('text').textContent).toBe('Resource packs'));
  });

  it('a slow load does not override a later choice', async () => {
    unload('en');
    render(
      <I18nProvider>
        <Two />
      </I18nProvider>,
    );
    act(() => screen.getByRole('button', { name: 'en' }).click());
    act(() => screen.getByRole('button', { name: 'zh' }).click());
    await act(() => loadLocale('en'));
    expect(screen.getByTestId('text').textContent).toBe('资源包');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN');
  });
});
