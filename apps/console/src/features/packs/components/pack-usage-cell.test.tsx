import type { Pack } from '@idv/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Locale } from '../../../lib/i18n.tsx';
import { PackUsageCell, type ProjectionSummary, projectedPercent, usageTone } from './pack-usage-cell.tsx';

const pack = {
  used: 6420,
  usedPercent: '64.20',
  status: 'active',
  labelNameZh: '身份信息核验',
  labelNameEn: 'Identity information check',
} satisfies Pick<Pack, 'used' | 'usedPercent' | 'status' | 'labelNameZh' | 'labelNameEn'>;

function renderCell(
  locale: Locale,
  p: Omit<typeof pack, 'status'> & { status: Pack['status'] } = pack,
  projection?: ProjectionSummary,
) {
  return render(
    <I18nProvider initialLocale={locale}>
      <PackUsageCell pack={p} projection={projection} />
    </I18nProvider>,
  );
}

/** The pack above (10,000 calls, 6,420 used) projected to run out before it expires. */
const runsOut: ProjectionSummary = {
  status: 'active',
  total: 10_000,
  runOutDate: '2026-12-03',
  expiringUnused: 0,
  projectedUsedAtExpiry: 10_000,
  horizon: '2027-10-11',
  expiresOn: '2027-10-11',
};
/** … or to leave 1,200 calls unused at its expiry. */
const leavesUnused: ProjectionSummary = {
  ...runsOut,
  runOutDate: null,
  expiringUnused: 1_200,
  projectedUsedAtExpiry: 8_800,
  horizon: '2027-01-01',
  expiresOn: '2027-01-01',
};

const projected = (bar: HTMLElement) => bar.querySelector<HTMLElement>('[data-testid="progress-projected"]');

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

  it('issue 9: without a projection (not loaded yet, or failed) the bar has no marker and no description', () => {
    renderCell('en');
    const bar = screen.getByRole('progressbar');
    expect(projected(bar)).toBeNull();
    expect(bar.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/Projected/)).toBeNull();
  });

  it('issue 9: a run-out projection draws a segment from the used share to 100% and says when it runs out', () => {
    renderCell('en', pack, runsOut);
    const bar = screen.getByRole('progressbar', { name: 'Identity information check: 64.20% used' });
    // The used fill is unchanged; the projected segment starts where it ends.
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('64.2%');
    const seg = projected(bar);
    expect(seg).not.toBeNull();
    expect(seg?.style.left).toBe('64.2%');
    expect(Number.parseFloat(seg?.style.width ?? '')).toBeCloseTo(35.8, 6);
    // Hatched, not a solid fill like the used part.
    expect(seg?.style.backgroundImage).toContain('repeating-linear-gradient');
    // The words are the bar's accessible description.
    const describedBy = bar.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(document.getElementById(describedBy ?? '')?.textContent).toBe('Projected: runs out on 2026-12-03');
  });

  it('issue 9: calls left at expiry: the segment ends at the projected share and the text names the calls and date', () => {
    renderCell('en', pack, leavesUnused);
    const bar = screen.getByRole('progressbar');
    const seg = projected(bar);
    expect(seg?.style.left).toBe('64.2%');
    expect(Number.parseFloat(seg?.style.width ?? '')).toBeCloseTo(88 - 64.2, 6);
    expect(document.getElementById(bar.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Projected: about 1,200 calls expire unused on 2027-01-01',
    );
  });

  it('issue 9: speaks the projection in Chinese in zh-CN', () => {
    const { unmount } = renderCell('zh-CN', pack, runsOut);
    expect(screen.getByText('预计：2026-12-03 用完')).toBeTruthy();
    unmount();
    renderCell('zh-CN', pack, leavesUnused);
    const bar = screen.getByRole('progressbar', { name: '身份信息核验已用 64.20%' });
    expect(document.getElementById(bar.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '预计：约 1,200 次将于 2027-01-01 到期作废',
    );
  });

  it('issue 9: no segment when nothing more is projected; the description still says what expires', () => {
    // No demand: nothing more will be used, all 3,580 left expire.
    renderCell('en', pack, { ...leavesUnused, expiringUnused: 3_580, projectedUsedAtExpiry: 6_420 });
    const bar = screen.getByRole('progressbar');
    expect(projected(bar)).toBeNull();
    expect(document.getElementById(bar.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Projected: about 3,580 calls expire unused on 2027-01-01',
    );
  });

  it('issue 9: a pack that is no longer active shows no projection', () => {
    renderCell('en', { ...pack, status: 'exhausted' }, runsOut);
    expect(projected(screen.getByRole('progressbar'))).toBeNull();
    expect(screen.queryByText(/Projected/)).toBeNull();
  });

  it('issue 9: the projected share is clamped to 0..100', () => {
    expect(projectedPercent({ ...runsOut, projectedUsedAtExpiry: 2_500 })).toBe(25);
    expect(projectedPercent({ ...runsOut, projectedUsedAtExpiry: 12_000 })).toBe(100);
    expect(projectedPercent({ ...runsOut, total: 0 })).toBe(0);
  });
});
