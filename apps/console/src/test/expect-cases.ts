import { expect } from 'vitest';

/**
 * A table-driven check: `fn(input)` is `expected` (`toBe`) for every `[input, expected]` row, and a failure
 * names its input: `expectCases(formatMoney, [['5', '¥5.00'], ['1e3', '—']])`.
 */
export function expectCases<I, O>(fn: (input: I) => O, cases: readonly (readonly [I, O])[]) {
  for (const [input, expected] of cases) expect(fn(input), String(input)).toBe(expected);
}
