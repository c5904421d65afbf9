import { describe, expect, it } from 'vitest';
import { highlights } from './floating-demo-panel.tsx';

const h = (kind: string, n: number) => ({ at: `2026-11-29T08:00:0${n}+08:00`, kind, summary: `${kind} ${n}` });

describe('floating demo panel highlights (R9.3)', () => {
  it("shows a clock move's settlement even when many emails were sent after it", () => {
    const happened = [h('pack_expired', 1), h('daily', 2), ...[3, 4, 5, 6, 7, 8].map((n) => h('email_sent', n))];
    const shown = highlights(happened);
    expect(shown).toHaveLength(5);
    expect(shown.map((x) => x.kind).slice(0, 2)).toEqual(['pack_expired', 'daily']);
    expect(shown.slice(2).every((x) => x.kind === 'email_sent')).toBe(true);
  });

  it('keeps the latest five events when there are more, messages left out', () => {
    const happened = [1, 2, 3, 4, 5, 6].map((n) => h('daily', n)).concat([h('sms_sent', 7)]);
    expect(highlights(happened).map((x) => x.summary)).toEqual(['daily 2', 'daily 3', 'daily 4', 'daily 5', 'daily 6']);
  });
});
