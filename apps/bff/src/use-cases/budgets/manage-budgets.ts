import { cstMonth, formatMoney4, parseMoney } from '@idv/billing';
import type { Budget, CreateBudgetBody, PatchBudgetBody } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/crypto.ts';
import { type AccountRow, accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { auditBy } from '../../repositories/audit.ts';
import {
  alertsOf,
  type BudgetRow,
  deleteBudget,
  getBudgetRow,
  insertBudget,
  listBudgetRows,
  updateBudget,
} from '../../repositories/budgets.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { budgetFigures, DEFAULT_THRESHOLDS, presentBudget } from './budget-figures.ts';
import { evaluateBudgetAlerts } from './evaluate-budget-alerts.ts';

async function accountAndNow(deps: Deps, accountId: string): Promise<{ account: AccountRow; now: Date }> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  return { account, now: accountNow(deps.clock, account) };
}

async function present(deps: Deps, account: AccountRow, rowsIn: BudgetRow[], month: string, now: Date) {
  const alerts = await alertsOf(
    deps.db,
    rowsIn.map((b) => b.id),
    month,
  );
  const out: Budget[] = [];
  for (const b of rowsIn) out.push(presentBudget(b, month, await budgetFigures(deps, account, b, month, now), alerts));
  return out;
}

/** A budget just created or changed, as of this month of the account's clock. */
async function presentChanged(deps: Deps, account: AccountRow, row: BudgetRow, now: Date): Promise<Budget> {
  const [b] = await present(deps, account, [row], cstMonth(now), now);
  if (!b) throw new Error('unreachable');
  return b;
}

/** R10.1 GET /budgets: every budget of the account for `month` (default: the account's current CST month). */
export async function listBudgets(deps: Deps, accountId: string, month: string | undefined) {
  const { account, now } = await accountAndNow(deps, accountId);
  const m = month ?? cstMonth(now);
  return { items: await present(deps, account, await listBudgetRows(deps.db, accountId), m, now), nextCursor: null };
}

const invalid = (path: string, message: string) =>
  new AppError('INVALID_REQUEST', 400, 'The request is not valid; see errors.', { errors: [{ path, message }] });

export async function createBudget(
  deps: Deps,
  input: { auth: Auth; accountId: string; body: CreateBudgetBody; requestId?: string },
): Promise<Budget> {
  const { body } = input;
  const labels = await catalogMap(deps.db);
  if (body.scope?.label && !labels.has(body.scope.label)) throw invalid('scope.label', 'unknown billing label');
  if (body.scope?.product && ![...labels.values()].some((l) => l.product === body.scope?.product))
    throw invalid('scope.product', 'unknown product');
  const { account, now } = await accountAndNow(deps, input.accountId);
  // R9.2 the budget and its audit row commit together.
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await insertBudget(tx, {
      id: newId('bdg'),
      accountId: input.accountId,
      name: body.name,
      amount: formatMoney4(parseMoney(body.amount)),
      scopeProduct: body.scope?.product ?? null,
      scopeLabel: body.scope?.label ?? null,
      thresholds: body.thresholds ?? DEFAULT_THRESHOLDS,
      createdAt: now,
    });
    await auditBy(tx, input, {
      action: 'budget.create',
      outcome: 'ok',
      at: now,
      detail: { budgetId: inserted.id, amount: body.amount },
    });
    return inserted;
  });
  // A budget created above a threshold alerts at once (R10.1 "when spent crosses it").
  await evaluateBudgetAlerts(deps, input.accountId);
  return presentChanged(deps, account, row, now);
}

export async function patchBudget(
  deps: Deps,
  input: { auth: Auth; accountId: string; id: string; body: PatchBudgetBody; requestId?: string },
): Promise<Budget> {
  const { body } = input;
  const set: Parameters<typeof updateBudget>[3] = {};
  if (body.name !== undefined) set.name = body.name;
  if (body.amount !== undefined) set.amount = formatMoney4(parseMoney(body.amount));
  if (body.thresholds !== undefined) set.thresholds = body.thresholds;
  const { account, now } = await accountAndNow(deps, input.accountId);
  // R9.2 the change and its audit row commit together.
  const row = await deps.db.transaction(async (tx) => {
    const changed =
      Object.keys(set).length > 0
        ? await updateBudget(tx, input.accountId, input.id, set)
        : await getBudgetRow(tx, input.accountId, input.id);
    if (!changed) throw notFound('budget');
    await auditBy(tx, input, {
      action: 'budget.update',
      outcome: 'ok',
      at: now,
      detail: { budgetId: changed.id, ...body },
    });
    return changed;
  });
  await evaluateBudgetAlerts(deps, input.accountId);
  return presentChanged(deps, account, row, now);
}

export async function removeBudget(
  deps: Deps,
  input: { auth: Auth; accountId: string; id: string; requestId?: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await deleteBudget(tx, input.accountId, input.id))) throw notFound('budget');
    await auditBy(tx, input, {
      action: 'budget.delete',
      outcome: 'ok',
      at: deps.clock.now(),
      detail: { budgetId: input.id },
    });
  });
}
