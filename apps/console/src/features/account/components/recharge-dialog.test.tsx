import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n.tsx';
import { RechargeDialog, safeBackToOrder } from './recharge-dialog.tsx';

type Status = 'active' | 'arrears' | 'suspended' | 'released';

const account = (available: string, status: Status, shortfall: string | null = null) => ({
  id: 'acct_1',
  name: 'Test',
  settlement: 'daily',
  postpaidEnabled: true,
  status,
  arrearsSince: status === 'active' ? null : '2026-11-20T08:00:00+08:00',
  suspendsAt: status === 'active' ? null : '2026-11-21T08:00:00+08:00',
  balances: { cash: available, income: '0.00', gift: '0.00', available },
  vouchers: [],
  shortfall,
});

/** GET /account answers `before`; POST /account/recharge answers `after`. */
function renderDialog(
  before: ReturnType<typeof account>,
  after: ReturnType<typeof account>,
  props: { initialAmount?: string; backTo?: string } = {},
) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      const body = init?.method === 'POST' ? after : before;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <I18nProvider initialLocale="en">
          <RechargeDialog open onClose={() => {}} initialAmount={props.initialAmount ?? ''} backTo={props.backTo} />
        </I18nProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const amountInput = () => screen.getByLabelText(/Amount/) as HTMLInputElement;

describe('recharge dialog (R6.3, issue 17)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('R6.3 in arrears it says what is owed and is pre-filled with it', async () => {
    renderDialog(account('-37.00', 'arrears'), account('0.00', 'active'));
    expect(await screen.findByText('You owe ¥37.00')).toBeTruthy();
    expect(screen.getByTestId('recharge-owed').textContent).toContain('Recharge at least ¥37.00');
    await vi.waitFor(() => expect(amountInput().value).toBe('37.00'));
  });

  it('R6.3 an amount that is not enough says, before paying, what is missing and that service stays stopped', async () => {
    renderDialog(account('-37.00', 'suspended'), account('-17.00', 'suspended', '17.00'));
    await vi.waitFor(() => expect(amountInput().value).toBe('37.00'));
    fireEvent.change(amountInput(), { target: { value: '20' } });
    expect(screen.getByTestId('recharge-partial').textContent).toBe(
      'After recharging ¥20.00, ¥17.00 is still missing: service stays stopped until the available balance is 0 or more.',
    );
  });

  it('R6.3 a recharge that leaves the balance below 0 says service is still stopped and how much more is needed', async () => {
    renderDialog(account('-100.00', 'suspended'), account('-80.00', 'suspended', '80.00'), { initialAmount: '20.00' });
    await screen.findByText('You owe ¥100.00');
    fireEvent.click(screen.getByRole('button', { name: 'Recharge' }));
    expect(await screen.findByText('Service is still stopped')).toBeTruthy();
    expect(screen.getByTestId('recharge-shortfall').textContent).toContain('¥80.00 is still missing');
    // "Recharge ¥80.00 more" opens the form again with the rest filled in.
    fireEvent.click(screen.getByRole('button', { name: 'Recharge ¥80.00 more' }));
    expect(amountInput().value).toBe('80.00');
  });

  it('R6.3 a recharge that brings the balance to 0 or more shows no shortfall', async () => {
    renderDialog(account('10.00', 'active'), account('110.00', 'active'), { initialAmount: '100.00' });
    fireEvent.click(screen.getByRole('button', { name: 'Recharge' }));
    expect(await screen.findByText('Recharge complete')).toBeTruthy();
    expect(screen.queryByTestId('recharge-shortfall')).toBeNull();
    expect(screen.queryByText(/You owe/)).toBeNull();
  });

  it('opened from the buy page, it leads back to the same order after paying', async () => {
    renderDialog(account('10.00', 'active'), account('110.00', 'active'), {
      initialAmount: '100.00',
      backTo: '/buy?label=basic.selfie&size=1000&quantity=3',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Recharge' }));
    const back = await screen.findByRole('link', { name: 'Back to your order' });
    expect(back.getAttribute('href')).toBe('/buy?label=basic.selfie&size=1000&quantity=3');
  });

  it('offers only buy-page paths as the way back', () => {
    expect(safeBackToOrder('/buy?label=x')).toBe('/buy?label=x');
    expect(safeBackToOrder('/buy')).toBe('/buy');
    expect(safeBackToOrder('//evil.example/buy')).toBeNull();
    expect(safeBackToOrder('https://evil.example/buy')).toBeNull();
    expect(safeBackToOrder('/buyers')).toBeNull();
    expect(safeBackToOrder(null)).toBeNull();
  });
});
