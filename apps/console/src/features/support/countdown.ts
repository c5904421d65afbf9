/** Time left of an impersonation (R9.2: 60 minutes at most), for the banner's live countdown. */

/** Milliseconds from `nowMs` to `expiresAt` (an ISO time), never below 0; 0 for an unreadable time. */
export function msLeft(expiresAt: string, nowMs: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, end - nowMs);
}

/**
 * `59:07`, or `1:00:00` from one hour up: whole seconds, rounded up so the display reaches 0:00 exactly
 * when the session ends (never shows 0:00 while time is left).
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${ss}`;
  return `${m}:${ss}`;
}

/** Whole minutes left, rounded up (what a screen reader is told, once a minute, not every second). */
export function minutesLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / 60_000));
}

/** Below this the banner turns urgent. */
export const COUNTDOWN_WARNING_MS = 5 * 60_000;
