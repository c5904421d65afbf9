import { describe, expect, it } from 'vitest';
import { highlights } from './floating-demo-panel.tsx';

const h = (kind: string, n: number) => ({ at: `2026-11-29T08:00:0${n}+08:00`, kind, summary: `${kind} ${n}` });

describe('floating demo panel highlights (R9.3)', () => {
  it("shows a clock move's settlement even when many emails were sent after it", () => {
    const happened = [h('pack_expired', 1), h('daily', 2), ...[3, 4, 5, 6, 7, 8].map((n) => h('email_sent', n))];
    const shown = highlights(happened);
    expect(shown).toHaveLength(5);
    // Newest first: the settlement, the expiry, then the latest emails.
    expect(shown.map((x) => x.kind).slice(0, 2)).toEqual(['daily', 'pack_expired']);
    expect(shown.slice(2).map((x) => x.summary)).toEqual(['email_sent 8', 'email_sent 7', 'email_sent 6']);
  });

  it('keeps the latest five events, newest first, when there are more, messages left out', () => {
    const happened = [1, 2, 3, 4, 5, 6].map((n) => h('daily', n)).concat([h('sms_sent', 7)]);
    expect(highlights(happened).map((x) => x.summary)).toEqual(['daily 6', 'daily 5', 'daily 4', 'daily 3', 'daily 2']);
  });
});
