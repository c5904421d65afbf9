import { cstMonth, monthRange } from '@idv/billing';
import type { AutoTopupRule, PutAutoTopupBody } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { auditBy } from '../../repositories/audit.ts';
import {
  type AutoTopupRow,
  autoTopupOrdersPerLabel,
  deleteAutoTopupRule,
  listAutoTopupRules,
  upsertAutoTopupRule,
} from '../../repositories/auto-topups.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { resolveTier } from '../orders/place-order.ts';

function present(r: AutoTopupRow, bought: ReadonlyMap<string, number>): AutoTopupRule {
  return {
    label: r.label,
    enabled: r.enabled,
    belowCalls: r.belowCalls,
    size: r.size,
    quantity: r.quantity,
    monthlyLimit: r.monthlyLimit,
    boughtThisMonth: bought.get(r.label) ?? 0,
  };
}

async function nowAndBought(deps: Deps, accountId: string) {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const now = accountNow(deps.clock, account);
  return { now, bought: await autoTopupOrdersPerLabel(deps.db, accountId, monthRange(cstMonth(now))) };
}

/** R10.2 The account's rules, with what each bought in the current CST month (account clock). */
export async function listAutoTopups(deps: Deps, accountId: string) {
  const { bought } = await nowAndBought(deps, accountId);
  const rows = await listAutoTopupRules(deps.db, accountId);
  return { items: rows.map((r) => present(r, bought)), nextCursor: null };
}

/** R10.2 Sets the label's rule; the tier must exist (400 UNKNOWN_TIER, like POST /orders). */
export async function putAutoTopup(
  deps: Deps,
  input: { auth: Auth; accountId: string; label: string; body: PutAutoTopupBody; requestId?: string },
): Promise<AutoTopupRule> {
  const labels = await catalogMap(deps.db);
  // An unknown label in the path is 404 (no such object); a size that label does not sell is 400.
  if (!labels.has(input.label)) throw notFound('billing label');
  resolveTier(labels, input.label, input.body.size);
  const { now, bought } = await nowAndBought(deps, input.accountId);
  // R9.2 the rule and its audit row commit together.
  const row = await deps.db.transaction(async (tx) => {
    const saved = await upsertAutoTopupRule(tx, {
      accountId: input.accountId,
      label: input.label,
      ...input.body,
      updatedAt: now,
    });
    await auditBy(tx, input, {
      action: 'auto_topup.set',
      outcome: 'ok',
      at: now,
      detail: { label: input.label, ...input.body },
    });
    return saved;
  });
  return present(row, bought);
}

export async function deleteAutoTopup(
  deps: Deps,
  input: { auth: Auth; accountId: string; label: string; requestId?: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await deleteAutoTopupRule(tx, input.accountId, input.label))) throw notFound('auto top-up rule');
    await auditBy(tx, input, {
      action: 'auto_topup.delete',
      outcome: 'ok',
      at: deps.clock.now(),
      detail: { label: input.label },
    });
  });
}
