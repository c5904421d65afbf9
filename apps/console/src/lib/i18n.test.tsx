import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { I18nProvider, interpolate, LOCALE_STORAGE_KEY, useI18n } from './i18n.tsx';

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

describe('I18nProvider', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('defaults to zh-CN and sets <html lang>', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('text').textContent).toBe('资源包');
    expect(screen.getByTestId('vars').textContent).toBe('1,000 次');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switching language re-renders, persists the choice and updates <html lang>', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    expect(screen.getByTestId('text').textContent).toBe('Resource packs');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the stored language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('text').textContent).toBe('Resource packs');
  });
});
