import { USAGE_RESULTS } from '@idv/billing';
import { describe, expect, it } from 'vitest';
import { USAGE_EVENT_TEXT_MAX, UsageEventInput, usageEventIfValid } from './usage.ts';

/** A small seeded generator (mulberry32): the same cases on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Times near every edge of zod's datetime rule: calendar days, leap years, hours, offsets, fractions. */
function time(r: () => number): string {
  const y = pick(r, [1900, 2000, 2023, 2024, 2026, 2100, 9999, 0]);
  const m = pick(r, [0, 1, 2, 4, 9, 11, 12, 13]);
  const d = pick(r, [0, 1, 28, 29, 30, 31, 32]);
  const h = pick(r, [0, 9, 23, 24]);
  const min = pick(r, [0, 59, 60]);
  const s = pick(r, [0, 59, 60]);
  const frac = pick(r, ['', '.5', '.123', '.123456789', '.']);
  const off = pick(r, ['Z', '+08:00', '-05:30', '+23:59', '+24:00', '+08', '', 'z', '+0800']);
  const sep = pick(r, ['T', 'T', 'T', ' ', 't']);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}${sep}${pad(h)}:${pad(min)}:${pad(s)}${frac}${off}`;
}

/** Texts near every edge of storableText: empty, at and over each limit, NUL, lone and paired surrogates. */
function text(r: () => number, max: number): unknown {
  const kind = Math.floor(r() * 12);
  switch (kind) {
    case 0:
      return '';
    case 1:
      return 'x'.repeat(max);
    case 2:
      return 'x'.repeat(max + 1);
    case 3:
      return 'a\u0000b';
    case 4:
      return 'ab\uD800';
    case 5:
      return '\uDC00x';
    case 6:
      return '示例😀';
    case 7:
      return 42;
    case 8:
      return null;
    default:
      return `t-${Math.floor(r() * 1e6)}`;
  }
}

function validEvent(r: () => number): Record<string, unknown> {
  return {
    id: `ev-${Math.floor(r() * 1e9)}`,
    label: pick(r, ['basic.selfie', 'identity.basic', 'no.such.label']),
    resourceId: `res-${Math.floor(r() * 100)}`,
    result: pick(r, USAGE_RESULTS),
    occurredAt: pick(r, ['2026-11-20T10:00:00+08:00', '2024-02-29T23:59:59.999Z', '2026-01-31T00:00:00-05:30']),
  };
}

/** One rule broken (or not) at random on a valid event. */
function nearMiss(r: () => number): unknown {
  const e = validEvent(r);
  switch (Math.floor(r() * 10)) {
    case 0:
      e.id = text(r, USAGE_EVENT_TEXT_MAX.id);
      break;
    case 1:
      e.label = text(r, USAGE_EVENT_TEXT_MAX.label);
      break;
    case 2:
      e.resourceId = text(r, USAGE_EVENT_TEXT_MAX.resourceId);
      break;
    case 3:
      e.result = pick(r, ['success', 'SUCCESS', 'fail', '', 1]);
      break;
    case 4:
      e.occurredAt = time(r);
      break;
    case 5:
      e[pick(r, ['extra', '__proto__', 'id2'])] = 'x';
      break;
    case 6:
      delete e[pick(r, ['id', 'label', 'resourceId', 'result', 'occurredAt'])];
      break;
    case 7:
      return pick(r, [null, [], [e], 'event', 7, undefined]);
    case 8:
      return JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(e).slice(1)}`);
    default:
      break;
  }
  return e;
}

describe('issue 15 usageEventIfValid: UsageEventInput without zod for the valid case, never more permissive', () => {
  it('accepts what UsageEventInput accepts for valid events, with the same value', () => {
    const r = rng(15);
    for (let i = 0; i < 2000; i++) {
      const e = validEvent(r);
      const parsed = UsageEventInput.safeParse(e);
      expect(parsed.success).toBe(true);
      expect(usageEventIfValid(e)).toEqual(parsed.data);
    }
  });

  it('never accepts what UsageEventInput refuses (near misses of every rule, 20,000 cases)', () => {
    const r = rng(1515);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 20_000; i++) {
      const e = nearMiss(r);
      const fast = usageEventIfValid(e);
      const parsed = UsageEventInput.safeParse(e);
      if (fast !== null) {
        accepted++;
        expect(parsed.success, JSON.stringify(e)).toBe(true);
        expect(fast).toEqual(parsed.data);
      }
      if (!parsed.success) refused++;
    }
    // The cases reach both sides of the rules.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(5000);
  });

  it('every edge of the time rule agrees with zod, both ways, for an otherwise valid event', () => {
    const r = rng(7);
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const e = { ...validEvent(r), occurredAt: time(r) };
      const ok = UsageEventInput.safeParse(e).success;
      if (ok) valid++;
      expect(usageEventIfValid(e) !== null, e.occurredAt as string).toBe(ok);
    }
    expect(valid).toBeGreaterThan(100);
  });
});
