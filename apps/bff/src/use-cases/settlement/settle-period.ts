import {
  availableBalance,
  type Balances,
  dailySettlementDue,
  formatAmount,
  formatCst,
  formatMoney4,
  type Money,
  monthDays,
  monthlySettlementDue,
  monthlyTierUnitPrice,
  payFromBalances,
  priceLine,
  ZERO,
} from '@idv/billing';
import type { Deps } from '../../deps.ts';
import type { Happening } from '../../jobs/job.ts';
import { newId } from '../../lib/crypto.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { balancesOf, lockAccount, postLedger } from '../../repositories/ledger.ts';
import {
  type ChargeInsert,
  claimSettlement,
  finishSettlement,
  insertCharges,
  monthlyTierTables,
  packDeductionLines,
  postpaidLines,
  setSettledThrough,
} from '../../repositories/settlement.ts';
import { enterArrears } from './enter-arrears.ts';

/** A daily period is a CST date (R5.1); a monthly one a CST month (R5.2). */
export type SettlementPeriod = { kind: 'daily'; day: string } | { kind: 'monthly'; month: string };

export function settlementDue(p: SettlementPeriod): Date {
  return p.kind === 'daily' ? dailySettlementDue(p.day) : monthlySettlementDue(p.month);
}

/**
 * R5.1–R5.3 Settles one period of one account in ONE transaction:
 *  - lockAccount (FOR UPDATE: waits for running ingest batches, which hold it FOR SHARE);
 *  - claims the (account, kind, period) settlement row; if it exists, does nothing (R5.3);
 *  - one charge per label and resource: count × unit price, half-up to the cent at the line (R5.1);
 *    monthly accounts at the unit price of the tier the label's month total reaches (R5.2);
 *  - pays each line from gift → income → cash, cash may go negative (R2.3, R5.1), the split on the
 *    charge; one set of ledger entries for the settlement (R2.4);
 *  - zero-amount 'pack_deduction' rows per pack and resource (R5.5: where the packs went);
 *  - advances settled_through (events of settled days are refused afterwards, R4.6);
 *  - enters arrears when the available balance ends below 0 (R6.1).
 * Every effect is dated at the due time (D+1 08:00, or the 1st 08:00), not at the time it ran.
 */
export async function settlePeriod(deps: Deps, accountId: string, period: SettlementPeriod): Promise<Happening[]> {
  const labels = await catalogMap(deps.db);
  const due = settlementDue(period);
  const { first, last, month } =
    period.kind === 'daily'
      ? { first: period.day, last: period.day, month: period.day.slice(0, 7) }
      : { ...monthDays(period.month), month: period.month };
  const periodKey = period.kind === 'daily' ? period.day : period.month;

  return deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, accountId);
    if (!account || account.settlement !== period.kind) return [];
    if (account.settledThrough !== null && account.settledThrough >= last) return [];
    const settlementId = newId('stl');
    const claimed = await claimSettlement(tx, {
      id: settlementId,
      accountId,
      kind: period.kind,
      period: periodKey,
      settledAt: due,
    });
    if (!claimed) return [];

    const [lines, packLines] = await Promise.all([
      postpaidLines(tx, accountId, first, last),
      packDeductionLines(tx, accountId, first, last),
    ]);

    // R5.2 the month's postpaid total per label decides the tier (monthly accounts only).
    const unitPrice = new Map<string, Money>();
    const tiers =
      period.kind === 'monthly'
        ? await monthlyTierTables(tx, accountId, [...new Set(lines.map((l) => l.label))])
        : null;
    const labelTotals = new Map<string, number>();
    for (const l of lines) labelTotals.set(l.label, (labelTotals.get(l.label) ?? 0) + l.calls);
    for (const [label, total] of labelTotals) {
      const plain = labels.get(label)?.unitPrice ?? ZERO;
      unitPrice.set(label, tiers ? monthlyTierUnitPrice(total, tiers.get(label) ?? null, plain) : plain);
    }

    const running: Balances = balancesOf(account);
    const paid: Balances = { cash: ZERO, income: ZERO, gift: ZERO };
    let total = ZERO;
    let calls = 0;
    const rows: ChargeInsert[] = [];
    for (const l of lines) {
      const price = unitPrice.get(l.label) ?? ZERO;
      const amount = priceLine(price, l.calls);
      const split = payFromBalances(amount, running, { allowNegativeCash: true });
      running.gift -= split.gift;
      running.income -= split.income;
      running.cash -= split.cash;
      paid.gift += split.gift;
      paid.income += split.income;
      paid.cash += split.cash;
      total += amount;
      calls += l.calls;
      rows.push({
        accountId,
        occurredAt: due,
        month,
        resourceId: l.resourceId,
        product: labels.get(l.label)?.product ?? '',
        label: l.label,
        billingMode: 'postpaid',
        transactionType: period.kind === 'daily' ? 'daily_settlement' : 'monthly_settlement',
        unitPrice: formatMoney4(price),
        quantity: l.calls,
        amount: formatMoney4(amount),
        paidCash: formatMoney4(split.cash),
        paidIncome: formatMoney4(split.income),
        paidGift: formatMoney4(split.gift),
        settlementId,
      });
    }
    for (const p of packLines) {
      rows.push({
        accountId,
        occurredAt: due,
        month,
        resourceId: p.resourceId,
        product: labels.get(p.label)?.product ?? '',
        label: p.label,
        billingMode: 'prepaid',
        transactionType: 'pack_deduction',
        unitPrice: '0',
        quantity: p.calls,
        amount: '0',
        orderId: p.orderId,
        packId: p.packId,
        settlementId,
      });
    }
    await insertCharges(tx, rows);
    await postLedger(tx, {
      accountId,
      amounts: { gift: -paid.gift, income: -paid.income, cash: -paid.cash },
      reason: 'settlement',
      refType: 'settlement',
      refId: settlementId,
      at: due,
    });
    await finishSettlement(tx, settlementId, formatMoney4(total), calls);
    await setSettledThrough(tx, accountId, last);

    const happened: Happening[] = [
      {
        at: formatCst(due),
        kind: period.kind === 'daily' ? 'daily_settlement' : 'monthly_settlement',
        summary: `Settled ${periodKey}: ¥${formatAmount(total)} for ${calls} postpaid calls.`,
        detail: { period: periodKey, amount: formatAmount(total), calls, settlementId },
      },
    ];
    const available = availableBalance(running);
    if (available < ZERO && account.status === 'active') {
      happened.push(
        await enterArrears(tx, { accountId, due, available, releaseAfterDays: deps.config.releaseAfterDays }),
      );
    }
    return happened;
  });
}
