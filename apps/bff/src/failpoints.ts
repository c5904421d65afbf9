/**
 * Test-only crash points: `FAILPOINTS=name[,name@n]` makes the process SIGKILL itself when it reaches
 * one of them (with `@n`: the n-th time it gets there), so the tests that prove "a crash there loses and repeats nothing" (R9.3, R5.3) can
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

const hits = new Map<string, number>();

export function failpoint(name: string): void {
  if (enabled.size === 0) return;
  const n = (hits.get(name) ?? 0) + 1;
  hits.set(name, n);
  if (!enabled.has(name) && !enabled.has(`${name}@${n}`)) return;
  process.stderr.write(`[failpoint] ${name}: SIGKILL\n`);
  process.kill(process.pid, 'SIGKILL');
}
