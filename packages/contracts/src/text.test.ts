import { describe, expect, it } from 'vitest';
import { endpoints } from './endpoints.ts';
import { MAX_INPUT_DEPTH, MAX_INPUT_TEXT, storableText, textProblem, unstorableText } from './text.ts';
import { UsageEventInput } from './usage.ts';

/** Issue 14: the one predicate behind the BFF's edge guard, the usage triage and storableText(). */
describe('issue 14 textProblem: what PostgreSQL text cannot hold', () => {
  it.each([
    ['NUL', 'a\u0000b', /NUL/],
    ['NUL alone', '\u0000', /NUL/],
    ['lone high surrogate at the end', 'abc\uD800', /surrogate/],
    ['lone high surrogate before a letter', '\uD83Dx', /surrogate/],
    ['lone low surrogate', '\uDC00', /surrogate/],
    ['low before high', '\uDE00\uD83D', /surrogate/],
    ['one character too many', 'x'.repeat(MAX_INPUT_TEXT + 1), /at most 4096/],
  ])('refuses %s', (_n, s, message) => {
    expect(textProblem(s)).toMatch(message);
  });

  it.each([
    ['empty', ''],
    ['Chinese', '示例科技有限公司'],
    ['an emoji (a proper surrogate pair)', 'ok 😀 ok'],
    ['other control characters', '\u0001\t\n\r\u007f'],
    ['U+FFFE and U+FFFF (noncharacters, but valid UTF-8)', '\uFFFE\uFFFF'],
    ['exactly the limit', 'x'.repeat(MAX_INPUT_TEXT)],
  ])('accepts %s', (_n, s) => {
    expect(textProblem(s)).toBeNull();
  });

  it('takes a tighter limit per field', () => {
    expect(textProblem('x'.repeat(101), 100)).toMatch(/at most 100/);
    expect(textProblem('x'.repeat(100), 100)).toBeNull();
  });
});

describe('issue 14 unstorableText: every string of a JSON value, with its path', () => {
  it('finds values and field names anywhere, without echoing a bad name', () => {
    const body = { a: 'ok', b: ['fine', 'x\u0000'], c: { d: { e: '\uD800' } }, 'bad\u0000name': 1 };
    const issues = unstorableText(body);
    expect(issues).toHaveLength(3);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['b', 1], message: expect.stringMatching(/NUL/) },
        { path: ['c', 'd', 'e'], message: expect.stringMatching(/surrogate/) },
        { path: ['(field name)'], message: expect.stringMatching(/NUL/) },
      ]),
    );
  });

  it('passes numbers, booleans, null and good text', () => {
    expect(unstorableText({ n: 1, b: true, z: null, s: ['示例', '😀'] })).toEqual([]);
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} and survives a million levels without a stack overflow`, () => {
    let v: unknown = 'x';
    for (let i = 0; i < 1_000_000; i++) v = [v];
    const issues = unstorableText(v);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toHaveLength(MAX_INPUT_DEPTH);
    expect(issues[0]?.message).toMatch(/nest/);
  });

  it('stops after the limit of issues', () => {
    expect(unstorableText(Array.from({ length: 100 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('issue 14 storableText: the zod form of the same predicate', () => {
  it('refuses what textProblem refuses, with the same message, and keeps the other checks', () => {
    const s = storableText(10).min(2);
    expect(s.safeParse('ok').success).toBe(true);
    expect(s.safeParse('a\u0000').error?.issues[0]?.message).toBe(textProblem('a\u0000'));
    expect(s.safeParse('\uDC00x').success).toBe(false);
    expect(s.safeParse('x'.repeat(11)).success).toBe(false);
    expect(s.safeParse('x').success).toBe(false);
  });

  it('R4.1 usage event ids, labels and resource ids use it', () => {
    const e = {
      id: 'e1',
      label: 'identity.basic',
      resourceId: 'r',
      result: 'success',
      occurredAt: '2026-11-20T09:00:00+08:00',
    };
    expect(UsageEventInput.safeParse(e).success).toBe(true);
    for (const field of ['id', 'label', 'resourceId'] as const) {
      expect(UsageEventInput.safeParse({ ...e, [field]: 'a\u0000' }).success).toBe(false);
      expect(UsageEventInput.safeParse({ ...e, [field]: '\uD800' }).success).toBe(false);
    }
  });

  it('every declared route has a path the edge guard can name parameters from', () => {
    for (const e of endpoints) expect(e.path).toMatch(/^\/api\/v1(\/(:?[\w.-]+))+$/);
  });
});
