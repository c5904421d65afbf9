import type { AdvanceClockBody, ClockAdvanced, DemoTenantDetail, UsageInjection } from './api/types.ts';

/**
 * The scripted demo tour (issue 5): "buy a pack, use it down to 20%, watch the warning, let the refund
 * window close, fall into arrears, get suspended, recharge". Customer steps (buying, recharging) are
 * done by the PM in the tenant's customer view (signed in with the tenant's credentials, in another
 * browser window); panel steps move the tenant's clock through the API, with usage where the step
 * needs it. Each step says what to do and what to look at.
 */
export type TourStepId =
  | 'buy'
  | 'use'
  | 'warning'
  | 'window'
  | 'arrears'
  | 'suspended'
  | 'recharge'
  // Chapter 2 (issue 18, R10): a budget alert, an auto top-up, a usage anomaly.
  | 'guard'
  | 'topup'
  | 'quiet'
  | 'anomaly';

export type ClockMove = { advanceBy: 'P1D' | 'P7D' | 'PT1H' } | { to: 'next-settlement' };

export interface TourUsage {
  label: string;
  callsPerDay: number;
  nonBillableShare: string;
}

export interface TourStep {
  id: TourStepId;
  /** Who acts: the PM in the customer's view, or this panel (clock and usage through the API). */
  actor: 'customer' | 'panel';
  move?: ClockMove;
  /** Usage injected while the clock moves; label and calls can be changed on the step before running it. */
  usage?: TourUsage;
}

/** A panel step that moves the clock with a day's usage of one label, all of it billable. */
function usageStep(id: TourStepId, move: ClockMove, label: string, callsPerDay: number): TourStep {
  return { id, actor: 'panel', move, usage: { label, callsPerDay, nonBillableShare: '0' } };
}

export const TOUR_STEPS: readonly TourStep[] = [
  { id: 'buy', actor: 'customer' },
  // A 10,000-call pack used 8,200 times has 18% left: the R7 usage warning (below 20%) goes out.
  usageStep('use', { advanceBy: 'P1D' }, 'mobile.2factor', 8_200),
  // The next 08:00 settlement: the daily bill line and the daily report.
  { id: 'warning', actor: 'panel', move: { to: 'next-settlement' } },
  // Delivered on day D, refundable through D+7 23:59:59 (R8.1): a week later the window is closed.
  { id: 'window', actor: 'panel', move: { advanceBy: 'P7D' } },
  // nfc.idcard is postpaid only (no packs): a day of heavy NFC reads is settled at 08:00 and drives
  // the balance below zero (R6.1 arrears notice).
  usageStep('arrears', { to: 'next-settlement' }, 'nfc.idcard', 20_000),
  // 24 hours in arrears: suspended (R6.2); the calls of that day are refused.
  usageStep('suspended', { advanceBy: 'P1D' }, 'identity.basic', 100),
  // A recharge that brings the balance back to 0 or more resumes service at once (R6.3).
  { id: 'recharge', actor: 'customer' },
  // R10.1/R10.2: a ¥7,400 budget on mobile.2factor (the 3,700.00 pack is 50% of it) and an auto top-up
  // rule below 2,000 calls (the pack has 1,800 left).
  { id: 'guard', actor: 'customer' },
  // The first mobile.2factor batch finds 1,800 < 2,000: one automatic order; spent reaches 100%.
  usageStep('topup', { advanceBy: 'P1D' }, 'mobile.2factor', 500),
  // R10.3 a steady week: the history the anomaly check needs (14 days of the account).
  usageStep('quiet', { advanceBy: 'P7D' }, 'identity.basic', 100),
  // A spike, settled at 08:00: far above the weekday-aware expectation → usage_anomaly.
  usageStep('anomaly', { to: 'next-settlement' }, 'identity.basic', 5_000),
];

/** The clock request a panel step sends, with the tenant's resource and the PM's edits; null for customer steps. */
export function tourRequest(
  step: TourStep,
  resourceId: string | undefined,
  usage: TourUsage | undefined = step.usage,
): AdvanceClockBody | null {
  if (step.actor !== 'panel' || !step.move) return null;
  const injections: UsageInjection[] =
    usage && resourceId
      ? [
          {
            label: usage.label,
            resourceId,
            callsPerDay: usage.callsPerDay,
            nonBillableShare: usage.nonBillableShare,
          },
        ]
      : [];
  return injections.length > 0 ? { ...step.move, usage: injections } : { ...step.move };
}

/** What the tour reads back through the API after a step (GET /demo/tenants/:id and the move's answer). */
export interface TourSignals {
  now: string;
  status: string;
  notices: Readonly<Record<string, number>>;
  purchasedPacks: number;
  budgets: number;
}

/** Why a step did not do what it says; each has a message (demo.tour.fail.<reason>). */
export type TourFailure =
  | 'noResource'
  | 'noUsage'
  | 'noPack'
  | 'noWarning'
  | 'noSettlement'
  | 'clockStuck'
  | 'notArrears'
  | 'notSuspended'
  | 'notActive'
  | 'noBudget'
  | 'noTopup'
  | 'noAnomaly';

export type TourOutcome = { ok: true } | { ok: false; reason: TourFailure };

const notices = (s: TourSignals | null, kind: string) => s?.notices[kind] ?? 0;
const grew = (before: TourSignals | null, after: TourSignals, kind: string) =>
  notices(after, kind) > notices(before, kind);
const fail = (reason: TourFailure): TourOutcome => ({ ok: false, reason });
const OK: TourOutcome = { ok: true };

/**
 * Did the step do what it says? Checked on the tenant as the server reports it after the step
 * (`before`: the same read just before a panel step; null for customer steps) and on the clock move's
 * answer (`moved`; null for customer steps). A step that could not do its thing fails visibly.
 */
export function checkTourStep(
  step: TourStep,
  before: TourSignals | null,
  after: TourSignals,
  moved: ClockAdvanced | null,
): TourOutcome {
  const kinds = new Set((moved?.happened ?? []).map((h) => h.kind));
  if (step.actor === 'panel' && step.usage && !kinds.has('usage_injected')) return fail('noUsage');
  switch (step.id) {
    case 'buy':
      return after.purchasedPacks > 0 ? OK : fail('noPack');
    case 'use':
      // R7 the usage warning goes out when a pack first drops below 20%.
      return grew(before, after, 'pack_low') ? OK : fail('noWarning');
    case 'warning':
      if (!kinds.has('daily_settlement') && !kinds.has('monthly_settlement')) return fail('noSettlement');
      return notices(after, 'pack_low') > 0 ? OK : fail('noWarning');
    case 'window':
      return before && Date.parse(after.now) - Date.parse(before.now) >= 7 * 86_400_000 ? OK : fail('clockStuck');
    case 'arrears':
      return after.status === 'arrears' ? OK : fail('notArrears');
    case 'suspended':
      return after.status === 'suspended' ? OK : fail('notSuspended');
    case 'recharge':
      return after.status === 'active' ? OK : fail('notActive');
    case 'guard':
      return after.budgets > 0 ? OK : fail('noBudget');
    case 'topup':
      // R10.2 the automatic order delivers a pack: a new delivery notice.
      return grew(before, after, 'pack_delivered') ? OK : fail('noTopup');
    case 'quiet':
      return OK;
    case 'anomaly':
      return kinds.has('usage_anomaly') || grew(before, after, 'usage_anomaly') ? OK : fail('noAnomaly');
    default: {
      const never: never = step.id;
      return never;
    }
  }
}

/** The signals of a tenant detail answer (GET /demo/tenants/:id). */
export function tourSignals(d: DemoTenantDetail): TourSignals {
  return {
    now: d.clock.now,
    status: d.status,
    notices: d.signals?.notices ?? {},
    purchasedPacks: d.signals?.purchasedPacks ?? 0,
    budgets: d.signals?.budgets ?? 0,
  };
}
