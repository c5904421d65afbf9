import { describe, expect, it } from 'vitest';
import { confirmSummary } from './confirm-lines.ts';
import { previewPayment } from './payment-preview.ts';

const balances = { cash: '1000.00', income: '300.00', gift: '50.00' };

describe('confirm step before paying (issue 17)', () => {
  it('R2.3 shows what each balance pays after the voucher, and the balances after', () => {
    const preview = previewPayment({ tierPrice: '1150.00', quantity: 1, balances, voucherFaceValue: '100.00' });
    const s = confirmSummary(preview, balances);
    expect(s.amount).toBe('1150.00');
    expect(s.payable).toBe('1050.00');
    expect(s.lines).toEqual([
      { kind: 'voucher', taken: '100.00', before: null, after: null },
      { kind: 'gift', taken: '50.00', before: '50.00', after: '0.00' },
      { kind: 'income', taken: '300.00', before: '300.00', after: '0.00' },
      { kind: 'cash', taken: '700.00', before: '1000.00', after: '300.00' },
    ]);
  });

  it('R2.2 a voucher larger than the order pays it all; the balances pay nothing', () => {
    const preview = previewPayment({ tierPrice: '80.00', quantity: 1, balances, voucherFaceValue: '100.00' });
    const s = confirmSummary(preview, balances);
    expect(s.payable).toBe('0.00');
    expect(s.lines[0]).toEqual({ kind: 'voucher', taken: '80.00', before: null, after: null });
    expect(s.lines.slice(1).every((l) => l.taken === '0.00' && l.after === l.before)).toBe(true);
  });

  it('without a voucher there is no voucher line and the payable is the price, exactly (large amounts too)', () => {
    const rich = { cash: '130000000.00', income: '0.00', gift: '0.00' };
    const preview = previewPayment({ tierPrice: '1300000.00', quantity: 100, balances: rich });
    const s = confirmSummary(preview, rich);
    expect(s.lines.map((l) => l.kind)).toEqual(['gift', 'income', 'cash']);
    expect(s.payable).toBe('130000000.00');
    expect(s.lines[2]).toEqual({ kind: 'cash', taken: '130000000.00', before: '130000000.00', after: '0.00' });
  });
});
