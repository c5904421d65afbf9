import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n.tsx';
import { RechargeDialog } from './recharge-dialog.tsx';

const account = (available: string, shortfall: string | null) => ({
  id: 'acct_1',
  name: 'Test',
  settlement: 'daily',
  postpaidEnabled: true,
  status: shortfall ? 'suspended' : 'active',
  arrearsSince: null,
  suspendsAt: null,
  balances: { cash: available, income: '0.00', gift: '0.00', available },
  vouchers: [],
  shortfall,
});

function renderDialog(answer: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }),
    ),
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider initialLocale="en">
        <RechargeDialog open onClose={() => {}} initialAmount="100.00" />
      </I18nProvider>
    </QueryClientProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Recharge' }));
}

describe('recharge dialog (R6.3)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('R6.3 a recharge that leaves the balance below 0 says so and how much more is needed', async () => {
    renderDialog(account('-80.00', '80.00'));
    expect(await screen.findByText('Balance still below 0')).toBeTruthy();
    expect(screen.getByText(/recharge ¥80\.00 more/)).toBeTruthy();
  });

  it('R6.3 a recharge that brings the balance to 0 or more shows no shortfall', async () => {
    renderDialog(account('20.00', null));
    expect(await screen.findByText('Recharge complete')).toBeTruthy();
    expect(screen.queryByText('Balance still below 0')).toBeNull();
  });
});
