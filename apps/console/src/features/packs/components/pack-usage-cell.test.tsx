import type { Pack } from '@idv/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Locale } from '../../../lib/i18n.tsx';
import { PackUsageCell, usageTone } from './pack-usage-cell.tsx';

const pack = {
  used: 6420,
  usedPercent: '64.20',
  status: 'active',
  labelNameZh: '身份信息核验',
  labelNameEn: 'Identity information check',
} satisfies Pick<Pack, 'used' | 'usedPercent' | 'status' | 'labelNameZh' | 'labelNameEn'>;

function renderCell(locale: Locale, p: typeof pack | (typeof pack & { status: Pack['status'] }) = pack) {
  return render(
    <I18nProvider initialLocale={locale}>
      <PackUsageCell pack={p} />
    </I18nProvider>,
  );
}

describe('PackUsageCell', () => {
  afterEach(cleanup);

  it('shows the used count with separators and the API percent as sent', () => {
    renderCell('en');
    expect(screen.getByText('6,420 calls (64.20%)')).toBeTruthy();
  });

  it('renders a progressbar whose value is the used percent', () => {
    renderCell('en');
    const bar = screen.getByRole('progressbar', { name: 'Identity information check: 64.20% used' });
    expect(bar.getAttribute('aria-valuenow')).toBe('64.2');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('64.2%');
  });

  it('speaks Chinese in zh-CN', () => {
    renderCell('zh-CN');
    expect(screen.getByText('6,420 次（64.20%）')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '身份信息核验已用 64.20%' })).toBeTruthy();
  });

  it('warns above 80% used (R7 low-usage threshold) and greys out finished packs', () => {
    expect(usageTone({ status: 'active', usedPercent: '80.00' })).toBe('brand');
    expect(usageTone({ status: 'active', usedPercent: '80.01' })).toBe('warning');
    expect(usageTone({ status: 'exhausted', usedPercent: '100.00' })).toBe('danger');
    expect(usageTone({ status: 'expired', usedPercent: '37.00' })).toBe('muted');
  });
});
