import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { formatAmount, mulCount, parseMoney, ZERO } from './money.ts';
import {
  availableBalance,
  type Balances,
  isInArrears,
  monthlyTieredPrice,
  monthlyTierUnitPrice,
  payFromBalances,
  payOrder,
  priceLine,
  settlementMode,
} from './settlement.ts';

const m = parseMoney;
const cst = (s: string): Date => new Date(`${s}+08:00`);
const bal = (cash: string, income: string, gift: string): Balances => ({
  cash: m(cash),
  income: m(income),
  gift: m(gift),
});

describe('settlement (R5)', () => {
  it('R5.4 3 packs of 100,000 enhanced.authority calls cost 300,000.00', () => {
    expect(formatAmount(mulCount(m('100000'), 3))).toBe('300000.00');
  });

  it('R5.4 15,000 calls with one 10,000 pack (11,000.00): 5,000 × 1.2 + 11,000 = 17,000.00', () => {
    expect(formatAmount(priceLine(m('1.2'), 15_000 - 10_000) + m('11000'))).toBe('17000.00');
  });

  it('R5.4 daily postpaid: 1,000 identity.basic × 0.3 = 300.00; 30,000 mobile.2factor × 0.4 = 12,000.00', () => {
    expect(formatAmount(priceLine(m('0.3'), 1000))).toBe('300.00');
    expect(formatAmount(priceLine(m('0.4'), 30_000))).toBe('12000.00');
  });

  it('R5.4 1,000 risk.face calls × 0.0035 = 3.50', () => {
    expect(formatAmount(priceLine(m('0.0035'), 1000))).toBe('3.50');
  });

  it('R5.1 a line is rounded half-up to 0.01 once', () => {
    expect(formatAmount(priceLine(m('0.0035'), 1))).toBe('0.00'); // 0.0035
    expect(formatAmount(priceLine(m('0.0035'), 2))).toBe('0.01'); // 0.0070
    expect(formatAmount(priceLine(m('0.0035'), 3))).toBe('0.01'); // 0.0105
    expect(formatAmount(priceLine(m('0.0025'), 2))).toBe('0.01'); // 0.0050 → half-up
    expect(formatAmount(priceLine(m('0.0035'), 0))).toBe('0.00');
  });

  it('R5.2 tiered by monthly volume: the whole month is priced at the tier reached', () => {
    const table = [
      { fromCalls: 100_000, unitPrice: m('0.9') },
      { fromCalls: 0, unitPrice: m('1.2') },
      { fromCalls: 10_000, unitPrice: m('1.0') },
    ];
    expect(monthlyTierUnitPrice(9_999, table, m('1.5'))).toBe(m('1.2'));
    expect(monthlyTierUnitPrice(10_000, table, m('1.5'))).toBe(m('1.0'));
    expect(formatAmount(monthlyTieredPrice(15_000, table, m('1.5')))).toBe('15000.00');
    expect(formatAmount(monthlyTieredPrice(100_000, table, m('1.5')))).toBe('90000.00');
  });

  it('R5.2 without a tier table, or below the first tier, the plain unit price applies', () => {
    expect(formatAmount(monthlyTieredPrice(15_000, null, m('1.2')))).toBe('18000.00');
    expect(monthlyTierUnitPrice(5, [{ fromCalls: 10, unitPrice: m('0.1') }], m('0.3'))).toBe(m('0.3'));
    expect(formatAmount(monthlyTieredPrice(0, null, m('1.2')))).toBe('0.00');
  });

  it('R5.1 accounts activated on or after 2023-01-04 00:00 CST settle daily, earlier ones monthly (R5.2)', () => {
    expect(settlementMode(cst('2023-01-03T23:59:59.999'))).toBe('monthly');
    expect(settlementMode(cst('2023-01-04T00:00:00'))).toBe('daily');
  });
});

describe('paying from balances (R2.3, R5.1)', () => {
  it('R2.3 pays from gift, then income transfer, then cash', () => {
    expect(payFromBalances(m('150'), bal('1000', '30', '100'), { allowNegativeCash: false })).toEqual({
      gift: m('100'),
      income: m('30'),
      cash: m('20'),
      shortfall: ZERO,
    });
    expect(payFromBalances(m('50'), bal('1000', '30', '100'), { allowNegativeCash: false })).toMatchObject({
      gift: m('50'),
      income: ZERO,
      cash: ZERO,
    });
  });

  it('R2.3 an order the balances cannot cover fails with INSUFFICIENT_BALANCE and the shortfall', () => {
    try {
      payFromBalances(m('200'), bal('50', '30', '100'), { allowNegativeCash: false });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INSUFFICIENT_BALANCE');
      expect((e as DomainError).details).toEqual({ shortfall: '20.00' });
    }
  });

  it('R2.3 negative balances are never drawn (cash already in arrears)', () => {
    expect(payFromBalances(m('10'), bal('-5', '0', '20'), { allowNegativeCash: false })).toMatchObject({
      gift: m('10'),
      cash: ZERO,
    });
    expect(() => payFromBalances(m('10'), bal('-5', '3', '0'), { allowNegativeCash: false })).toThrow(DomainError);
  });

  it('R5.1 settlement drives cash negative for what the balances cannot cover (arrears, R6.1)', () => {
    const b = bal('50', '30', '100');
    const split = payFromBalances(m('300'), b, { allowNegativeCash: true });
    expect(split).toEqual({ gift: m('100'), income: m('30'), cash: m('170'), shortfall: m('120') });
    const after = { cash: b.cash - split.cash, income: b.income - split.income, gift: b.gift - split.gift };
    expect(formatAmount(after.cash)).toBe('-120.00');
    expect(isInArrears(after)).toBe(true);
    expect(isInArrears(b)).toBe(false);
  });

  it('R2.1 available balance is the sum of the three balances', () => {
    expect(availableBalance(bal('1', '2', '3.5'))).toBe(m('6.5'));
  });

  it('R2.2 the voucher is used first and consumed whole: no change is given', () => {
    expect(payOrder(m('1150'), bal('2000', '0', '0'), m('200'))).toEqual({
      voucher: m('200'),
      gift: ZERO,
      income: ZERO,
      cash: m('950'),
    });
    // face value above the amount: the voucher covers it all, the excess is lost
    expect(payOrder(m('100'), bal('0', '0', '0'), m('500'))).toEqual({
      voucher: m('100'),
      gift: ZERO,
      income: ZERO,
      cash: ZERO,
    });
    expect(payOrder(m('100'), bal('0', '60', '50'), null)).toEqual({
      voucher: ZERO,
      gift: m('50'),
      income: m('50'),
      cash: ZERO,
    });
  });

  it('R2.3 an order never drives cash negative', () => {
    expect(() => payOrder(m('1000'), bal('100', '0', '0'), m('100'))).toThrow(DomainError);
  });

  it('R2.3 property: the split adds up to the amount and draws no balance beyond what it holds', () => {
    const money = fc.bigInt({ min: -(10n ** 8n), max: 10n ** 9n }).map((c) => c * 100n);
    fc.assert(
      fc.property(
        money,
        money,
        money,
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.boolean(),
        (cash, income, gift, amt, neg) => {
          const b = { cash, income, gift };
          const pos = (x: bigint): bigint => (x > 0n ? x : 0n);
          const covered = pos(cash) + pos(income) + pos(gift) >= amt;
          if (!covered && !neg) {
            expect(() => payFromBalances(amt, b, { allowNegativeCash: false })).toThrow(DomainError);
            return;
          }
          const s = payFromBalances(amt, b, { allowNegativeCash: neg });
          expect(s.gift + s.income + s.cash).toBe(amt);
          expect(s.gift).toBeLessThanOrEqual(pos(gift));
          expect(s.income).toBeLessThanOrEqual(pos(income));
          expect(s.cash - s.shortfall).toBeLessThanOrEqual(pos(cash));
          // later balances are only touched once the earlier ones are used up
          if (s.income > 0n) expect(s.gift).toBe(pos(gift));
          if (s.cash > 0n) expect(s.income).toBe(pos(income));
        },
      ),
    );
  });
});
