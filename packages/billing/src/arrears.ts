/** R6.2 Service is suspended 24 hours after arrears began, if still in arrears. */
export const SUSPEND_AFTER_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * R6.1/R6.2/R6.4 When an arrears episode that began at `arrearsSince` stops service (suspension,
 * arrears + 24 h) and when the postpaid configuration is released (suspension + the release period,
 * a setting: RELEASE_AFTER_DAYS, default 15), if nobody recharges. The notices quote these times.
 */
export function arrearsTimeline(arrearsSince: Date, releaseAfterDays: number): { suspendsAt: Date; releasesAt: Date } {
  const suspendsAt = new Date(arrearsSince.getTime() + SUSPEND_AFTER_MS);
  return { suspendsAt, releasesAt: releaseAfter(suspendsAt, releaseAfterDays) };
}

/** R6.4 The release time of a suspension that began at `suspendedAt`. */
export function releaseAfter(suspendedAt: Date, releaseAfterDays: number): Date {
  return new Date(suspendedAt.getTime() + releaseAfterDays * DAY_MS);
}

/**
 * R6.3 How much more a recharge must bring for service to resume: the amount that takes the available
 * balance (in 1/10000 CNY) back to 0, rounded UP to the cent (a customer pays whole cents, and a cent
 * less would still leave the balance below 0); null when the balance is already 0 or more.
 */
export function rechargeShortfall(available: bigint): bigint | null {
  if (available >= 0n) return null;
  const debt = -available;
  return ((debt + 99n) / 100n) * 100n;
}
