/**
 * R9.3 A demo timeline entry in the reader's language: the jobs write one English sentence per event
 * (`summary`, stored as text and kept for API users); this reads each known sentence back into a stable
 * `code` and its `params`, so the console renders Chinese or English from a message table. It works on
 * rows stored before codes existed too. A sentence that matches no pattern keeps `code` = its kind and
 * no params: the console then shows the kind's localized name with the sentence as it is.
 *
 * Each pattern mirrors the template of the job that writes it (jobs/*.ts, use-cases/settlement/settle-period.ts,
 * enter-arrears.ts, detect-usage-anomalies.ts, advance-demo-clock.ts, create-demo-tenant.ts); the
 * test beside this file feeds it those exact templates.
 */
export type EventParams = Record<string, string | number>;

type Pattern = { kind: string | RegExp; re: RegExp; code: string; names: readonly string[] };

const NUM = '(-?[\\d,]+(?:\\.\\d+)?)';

const PATTERNS: readonly Pattern[] = [
  {
    kind: 'tenant_created',
    re: /^Demo tenant created from the "(\w+)" scenario$/,
    code: 'tenant_created',
    names: ['scenario'],
  },
  {
    kind: /^(daily|monthly)_settlement$/,
    re: new RegExp(`^Settled (\\S+): ¥${NUM} for (\\d+) postpaid calls\\.$`),
    code: 'settlement',
    names: ['period', 'amount', 'calls'],
  },
  {
    kind: 'arrears',
    re: new RegExp(
      `^Account in arrears: available balance ¥${NUM}; service stops at (\\S+) unless recharged, and is released at (\\S+)\\.$`,
    ),
    code: 'arrears',
    names: ['available', 'suspendsAt', 'releasesAt'],
  },
  { kind: 'resumed', re: /^Balance back to 0 or more: service resumed/, code: 'resumed', names: [] },
  {
    kind: 'suspended',
    re: new RegExp(`^Still in arrears after 24 h: service suspended \\(R6\\.2\\), debt ¥${NUM}$`),
    code: 'suspended',
    names: ['debt'],
  },
  {
    kind: 'released',
    re: /^Suspended for (\d+) days: postpaid configuration released/,
    code: 'released',
    names: ['days'],
  },
  {
    kind: /^budget_(threshold|forecast)$/,
    re: /^Budget (\S+): (actual|forecast) spending crossed (\d+)%$/,
    code: 'budget',
    names: ['budgetId', 'basis', 'threshold'],
  },
  {
    kind: 'daily_report',
    re: /^Daily usage report for (\S+)$/,
    code: 'daily_report',
    names: ['period'],
  },
  {
    kind: 'trial_granted',
    re: /^Free trial \(([^)]*)\): (\d+) gift pack\(s\) of (\d+) calls$/,
    code: 'trial_granted',
    names: ['grant', 'packs', 'calls'],
  },
  {
    kind: /^(email|sms)_sent$/,
    re: /^(email|sms) to (\S+): (.*)$/s,
    code: 'message_sent',
    names: ['channel', 'recipient', 'subject'],
  },
  {
    kind: 'pack_expiring',
    re: /^Pack (\S+) \(([^)]*)\) expires in (\d+) days$/,
    code: 'pack_expiring',
    names: ['packId', 'label', 'days'],
  },
  {
    kind: 'pack_expired',
    re: /^Pack (\S+) \(([^)]*)\) expired with (\d+) calls unused$/,
    code: 'pack_expired',
    names: ['packId', 'label', 'remaining'],
  },
  {
    kind: 'usage_anomaly',
    re: /^(\S+) on (\S+): (\d+) billable calls, about (\d+) expected$/,
    code: 'usage_anomaly',
    names: ['label', 'day', 'actual', 'expected'],
  },
  {
    kind: 'clock_resumed',
    re: /^An interrupted clock move to (\S+) resumed where it stopped$/,
    code: 'clock_resumed',
    names: ['target'],
  },
];

const COUNT_PARAMS = new Set(['calls', 'packs', 'days', 'threshold', 'remaining', 'actual', 'expected', 'count']);

/** `2,000 calls injected: 1800 pack, 200 postpaid` → count and one param per outcome (`outcome.pack`). */
function injected(summary: string): EventParams | null {
  const m = /^(\d+) calls injected: (.*)$/.exec(summary);
  if (!m) return null;
  const params: EventParams = { count: Number(m[1]) };
  for (const part of (m[2] ?? '').split(', ')) {
    const p = /^(\d+) (\w+)$/.exec(part);
    if (p) params[`outcome.${p[2]}`] = Number(p[1]);
  }
  return params;
}

export function eventCode(kind: string, summary: string): { code: string; params: EventParams } {
  if (kind === 'usage_injected') {
    const params = injected(summary);
    if (params) return { code: 'usage_injected', params };
  }
  for (const p of PATTERNS) {
    if (typeof p.kind === 'string' ? p.kind !== kind : !p.kind.test(kind)) continue;
    const m = p.re.exec(summary);
    if (!m) continue;
    const params: EventParams = {};
    p.names.forEach((name, i) => {
      const v = m[i + 1] ?? '';
      params[name] = COUNT_PARAMS.has(name) ? Number(v) : v;
    });
    return { code: p.code, params };
  }
  return { code: kind, params: {} };
}

/** A happening (or stored timeline row) with its code and params added; the old fields are kept. */
export function withCode<T extends { kind: string; summary: string }>(h: T) {
  return { ...h, ...eventCode(h.kind, h.summary) };
}
