import { formatAmount, formatCst, monthDays, parseMoney } from '@idv/billing';
import type { ExplainGroup, ExplainQuery, Explanation } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import {
  type EventFilter,
  type ExplainRow,
  groupedEvents,
  orderPackIds,
  ownCharge,
  ownPack,
} from '../../repositories/explain.ts';

/**
 * The deduction explainer (issue 9): for a pack, a day or a bill line, which calls went where and
 * which rule chose them, from the recorded usage_events (outcome, pack, code, rule) grouped, never
 * recomputed. Another account's pack or charge is 404 (api.md).
 */
export async function explainDeductions(deps: Deps, accountId: string, q: ExplainQuery): Promise<Explanation> {
  if (q.packId !== undefined) {
    const pack = await ownPack(deps.db, accountId, BigInt(q.packId));
    if (!pack) throw notFound('pack');
    const groups = await groupedEvents(deps.db, accountId, { packIds: [pack.id] });
    return result({ kind: 'pack', packId: q.packId, label: pack.label }, null, groups);
  }
  if (q.date !== undefined) {
    const f: EventFilter = { from: q.date, to: q.date, ...(q.label !== undefined ? { label: q.label } : {}) };
    return result(
      { kind: 'day', date: q.date, label: q.label ?? null, from: q.date, to: q.date },
      null,
      await groupedEvents(deps.db, accountId, f),
    );
  }
  if (q.chargeId === undefined) throw notFound('subject');
  const row = await ownCharge(deps.db, accountId, BigInt(q.chargeId));
  if (!row) throw notFound('charge');
  const c = row.charge;
  // The CST days the line covers: its settlement period (a day, or a month's days).
  const period =
    row.settlementKind === 'daily' && row.settlementPeriod
      ? { from: row.settlementPeriod, to: row.settlementPeriod }
      : row.settlementKind === 'monthly' && row.settlementPeriod
        ? (({ first, last }) => ({ from: first, to: last }))(monthDays(row.settlementPeriod))
        : null;
  let filter: EventFilter | null;
  switch (c.transactionType) {
    case 'daily_settlement':
    case 'monthly_settlement':
      // R5.1/R5.2 one line per label and resource: its postpaid calls of the period.
      filter = period ? { ...period, label: c.label, resourceId: c.resourceId, outcome: 'postpaid' } : null;
      break;
    case 'pack_deduction':
      // R5.5 the zero-cost row of one pack and resource for the period.
      filter =
        period && c.packId !== null
          ? { ...period, packIds: [c.packId], resourceId: c.resourceId, outcome: 'pack' }
          : null;
      break;
    case 'purchase':
    case 'refund': {
      // A purchase or refund line: the calls its packs took, all time.
      const ids = c.packId !== null ? [c.packId] : c.orderId ? await orderPackIds(deps.db, accountId, c.orderId) : [];
      filter = { packIds: ids };
      break;
    }
    default: {
      const never: never = c.transactionType;
      throw new Error(`unknown transaction type ${String(never)}`);
    }
  }
  const groups = filter ? await groupedEvents(deps.db, accountId, filter) : [];
  const calls = groups.reduce((s, g) => s + g.calls, 0);
  const settled =
    c.transactionType === 'daily_settlement' ||
    c.transactionType === 'monthly_settlement' ||
    c.transactionType === 'pack_deduction';
  return result(
    {
      kind: 'charge',
      chargeId: q.chargeId,
      label: c.label,
      packId: c.packId === null ? null : c.packId.toString(),
      from: filter?.from ?? null,
      to: filter?.to ?? null,
    },
    {
      id: c.id.toString(),
      transactionType: c.transactionType,
      label: c.label,
      resourceId: c.resourceId,
      quantity: c.quantity,
      amount: formatAmount(parseMoney(c.amount)),
      // A settled line's quantity is the count of its recorded events; purchases and refunds count packs.
      eventsMatch: settled ? calls === c.quantity : true,
    },
    groups,
  );
}

function result(
  scope: Partial<Explanation['scope']> & Pick<Explanation['scope'], 'kind'>,
  charge: Explanation['charge'],
  rows: readonly ExplainRow[],
): Explanation {
  const groups = rows.map(present);
  return {
    scope: {
      packId: null,
      date: null,
      label: null,
      chargeId: null,
      from: null,
      to: null,
      ...scope,
    },
    charge,
    totalCalls: groups.reduce((s, g) => s + g.calls, 0),
    groups,
  };
}

function present(r: ExplainRow): ExplainGroup {
  const text = explainRule(r.rule, r.outcome, r.code);
  return {
    label: r.label,
    outcome: r.outcome,
    packId: r.packId === null ? null : r.packId.toString(),
    packSource: r.packSource,
    packExpiresAt: r.packExpiresAt ? formatCst(r.packExpiresAt) : null,
    code: r.code,
    rule: r.rule,
    ruleRef: text.ref,
    explanation: text.en,
    explanationZh: text.zh,
    calls: r.calls,
    firstAt: formatCst(r.firstAt),
    lastAt: formatCst(r.lastAt),
  };
}

interface RuleText {
  ref: string | null;
  en: string;
  zh: string;
}

const RULES: Record<string, RuleText> = {
  only_pack: { ref: 'R4.2', en: 'the only pack that could take it (R4.2)', zh: '唯一可扣的资源包（R4.2）' },
  gift_first: { ref: 'R4.2', en: 'gift pack first (R4.2)', zh: '优先扣赠送包（R4.2）' },
  earliest_expiry: { ref: 'R4.2', en: 'earliest expiry (R4.2)', zh: '最早到期的资源包优先（R4.2）' },
  earliest_acquired: {
    ref: 'R4.2',
    en: 'same expiry: the earliest acquired (R4.2)',
    zh: '到期时间相同：最早获得的优先（R4.2）',
  },
  lowest_id: {
    ref: 'R4.2',
    en: 'same expiry and acquisition: the lowest id (R4.2)',
    zh: '到期与获得时间相同：编号最小的优先（R4.2）',
  },
  covered_on_delivery: {
    ref: 'R4.3',
    en: 'covered retroactively on delivery (R4.3)',
    zh: '资源包当天到账后追溯抵扣（R4.3）',
  },
  delivered_same_day: {
    ref: 'R4.3',
    en: 'a pack delivered later the same day covers the whole day from 00:00 (R4.3)',
    zh: '当天稍后到账的资源包自当天 0 点起生效（R4.3）',
  },
  postpaid_no_pack: { ref: 'R4.4', en: 'postpaid: all packs exhausted (R4.4)', zh: '后付费：没有可用的资源包（R4.4）' },
  not_billable: {
    ref: 'R1.4',
    en: 'not billable: this result is never charged (R1.4)',
    zh: '不计费：该结果不收费（R1.4）',
  },
  rejected_no_quota: { ref: 'R4.4', en: 'refused: postpaid off (R4.4)', zh: '已拒绝：后付费已关闭（R4.4）' },
  rejected_account_suspended: {
    ref: 'R4.5',
    en: 'refused: account suspended (R4.5)',
    zh: '已拒绝：账户已停服（R4.5）',
  },
  rejected_day_settled: {
    ref: 'R4.6',
    en: 'refused: that day was already settled (R4.6)',
    zh: '已拒绝：该日已结算（R4.6）',
  },
  rejected_future_event: {
    ref: 'R4.6',
    en: 'refused: dated in the future (R4.6)',
    zh: '已拒绝：调用时间在未来（R4.6）',
  },
  rejected_unknown_label: {
    ref: 'R4.1',
    en: 'refused: unknown billing label (R4.1)',
    zh: '已拒绝：未知的计费标签（R4.1）',
  },
  rejected_unknown_resource: { ref: 'R4.1', en: 'refused: unknown resource (R4.1)', zh: '已拒绝：未知的资源（R4.1）' },
};

/** The human explanation of a recorded rule; an unrecorded rule falls back on the outcome. */
export function explainRule(rule: string | null, outcome: ExplainRow['outcome'], code: string | null): RuleText {
  const known = rule ? RULES[rule] : undefined;
  if (known) return known;
  switch (outcome) {
    case 'pack':
      return { ref: 'R4.2', en: 'taken from a pack (R4.2)', zh: '从资源包扣除（R4.2）' };
    case 'postpaid':
      return { ref: 'R4.4', en: 'postpaid (R4.4)', zh: '后付费（R4.4）' };
    case 'free':
      return RULES.not_billable as RuleText;
    case 'rejected':
      return { ref: null, en: `refused: ${code ?? 'unknown reason'}`, zh: `已拒绝：${code ?? '原因未知'}` };
    default: {
      const never: never = outcome;
      throw new Error(`unknown outcome ${String(never)}`);
    }
  }
}
