import type { Pack, PackProjectionItem } from '@idv/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n.tsx';
import { PackListRoute } from './pack-list-route.tsx';

function pack(id: string, o: Partial<Pack> = {}): Pack {
  return {
    id,
    label: 'identity.basic',
    labelNameZh: '身份信息核验',
    labelNameEn: 'Identity information check',
    product: 'realname',
    source: 'purchase',
    total: 10_000,
    used: 6_420,
    remaining: 3_580,
    usedPercent: '64.20',
    acquiredAt: '2026-10-14T05:35:10+08:00',
    expiresAt: '2027-10-14T23:59:59+08:00',
    status: 'active',
    orderId: null,
    refund: {
      eligible: false,
      reason: 'PACK_PARTIALLY_USED',
      reasonText: null,
      deadline: null,
      amount: null,
      split: null,
    },
    ...o,
  };
}

const PACKS = [
  pack('4'),
  pack('7', { label: 'mobile.2factor', used: 1_000, remaining: 0, usedPercent: '100.00', status: 'exhausted' }),
  pack('9', { used: 0, remaining: 10_000, usedPercent: '0.00' }),
];
const PROJECTION: PackProjectionItem = {
  packId: '4',
  status: 'active',
  total: 10_000,
  runOutDate: '2026-12-03',
  expiringUnused: 0,
  projectedUsedAtExpiry: 10_000,
  horizon: '2027-10-14',
  expiresOn: '2027-10-14',
};

type Answer = { status: number; body: unknown } | 'never';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** Stubs fetch: the list and the catalog answer at once; the projections answer `projections`. */
function stubApi(projections: Answer) {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push(`${url.pathname}${url.search}`);
    if (url.pathname === '/api/v1/packs') return json(200, { items: PACKS, nextCursor: null });
    if (url.pathname === '/api/v1/catalog') return json(200, { items: [] });
    if (url.pathname === '/api/v1/packs/projections') {
      if (projections === 'never') return new Promise<Response>(() => {});
      return json(projections.status, projections.body);
    }
    return json(404, { status: 404, code: 'NOT_FOUND', detail: 'no', title: 'Not Found', type: 'x' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function renderList() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider initialLocale="en">
        <MemoryRouter initialEntries={['/packs']}>
          <PackListRoute />
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return client;
}

/** The row of pack `id`, once the list has rendered (the skeleton has no such row). */
const rowOf = async (id: string) => {
  const code = await screen.findByText(
    (_, el) => el?.tagName === 'DIV' && el.textContent?.endsWith(` · #${id}`) === true,
  );
  const row = code.closest('tr');
  if (!row) throw new Error(`no row #${id}`);
  return row;
};

describe('pack list: projection marker (issue 9)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks once for the active packs only, and the rows do not wait for the answer', async () => {
    const calls = stubApi('never');
    renderList();
    const row = await rowOf('4');
    // The table is there while the projections are still on their way; no marker, no description yet.
    expect(within(row).getByText('6,420 calls (64.20%)')).toBeTruthy();
    expect(within(row).getByRole('progressbar').getAttribute('aria-describedby')).toBeNull();
    await vi.waitFor(() => expect(calls.some((c) => c.startsWith('/api/v1/packs/projections'))).toBe(true));
    const asked = calls.filter((c) => c.startsWith('/api/v1/packs/projections'));
    expect(asked).toEqual([`/api/v1/packs/projections?ids=${encodeURIComponent('4,9')}`]);
  });

  it('draws the marker and describes the bar when the projections arrive', async () => {
    stubApi({ status: 200, body: { today: '2026-11-20', items: [PROJECTION] } });
    renderList();
    const row = await rowOf('4');
    expect(await within(row).findByText('Projected: runs out on 2026-12-03')).toBeTruthy();
    const bar = within(row).getByRole('progressbar');
    expect(document.getElementById(bar.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Projected: runs out on 2026-12-03',
    );
    expect(bar.querySelector('[data-testid="progress-projected"]')).not.toBeNull();
    // A pack without a projection in the answer has no marker.
    const other = await rowOf('9');
    expect(within(other).getByRole('progressbar').querySelector('[data-testid="progress-projected"]')).toBeNull();
  });

  it('if the projections fail, the list still works: no marker and no error banner', async () => {
    stubApi({
      status: 500,
      body: { status: 500, code: 'INTERNAL', detail: 'down', title: 'Internal Server Error', type: 'x' },
    });
    const client = renderList();
    const row = await rowOf('4');
    // Wait until the projection query has failed, then look at the page.
    await vi.waitFor(() => expect(client.getQueryState(['packs', 'projections', ['4', '9']])?.status).toBe('error'));
    expect(within(row).getByText('6,420 calls (64.20%)')).toBeTruthy();
    expect(within(row).getByRole('progressbar').getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(PACKS.length + 1);
  });
});
