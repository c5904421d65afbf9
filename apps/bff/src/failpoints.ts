/**
 * Test-only crash points: `FAILPOINTS=name[,name]` makes the process SIGKILL itself when it reaches
 * one of them, so the tests that prove "a crash there loses and repeats nothing" (R9.3, R5.3) can
 * crash at an exact point instead of guessing with timers. Ignored when NODE_ENV=production.
 */
const enabled = new Set(
  process.env.NODE_ENV === 'production'
    ? []
    : (process.env.FAILPOINTS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
);

export function failpoint(name: string): void {
  if (!enabled.has(name)) return;
  process.stderr.write(`[failpoint] ${name}: SIGKILL\n`);
  process.kill(process.pid, 'SIGKILL');
}
