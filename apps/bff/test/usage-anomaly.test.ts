import { addDays, MIN_ANOMALY_HISTORY_DAYS } from '@idv/billing';
import { accounts, notifications, rows } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { json, useTestApp } from './harness.ts';
import { createAccount, cst, ev, ingestOk, insertPostpaidHistory } from './usage-fixtures.ts';

const t = useTestApp();

async function anomalies(accountId: string) {
  return t.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), eq(notifications.kind, 'usage_anomaly')));
}

const today = (res: string, n: number, p: string) =>
  Array.from({ length: n }, (_, i) => ev(`${p}-${i}`, 'basic.selfie', res, '2026-11-20T09:00:00+08:00'));

describe('R10.3 usage anomaly after the daily settlement', () => {
  it('R10.3 a day far above its history gets one usage_anomaly notice with expected vs actual', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-19', activatedAt: cst('2026-09-01T09:00:00') });
    await insertPostpaidHistory(t, a.id, a.resources[0], 30, 100);
    await ingestOk(t, a.key, today(a.resources[0], 400, 'spike'));
    const happened = await runAccountJobs(t.deps, a.id, cst('2026-11-21T08:30:00'));
    expect(happened.filter((h) => h.kind === 'usage_anomaly')).toHaveLength(1);
    const [n] = await anomalies(a.id);
    expect(n?.cause).toBe('anomaly:basic.selfie:2026-11-20');
    expect(n?.bodyEn).toBe('400 billable calls on 2026-11-20; recent usage predicts about 100 (normal up to 150).');
    expect(n?.createdAt.toISOString()).toBe(cst('2026-11-21T08:00:00').toISOString());
    // Once: the next runs do not judge the day again.
    await runAccountJobs(t.deps, a.id, cst('2026-11-21T09:30:00'));
    await runAccountJobs(t.deps, a.id, cst('2026-11-22T08:30:00'));
    expect(await anomalies(a.id)).toHaveLength(1);
  });

  it('R10.3 a day within the normal range gets none', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-19', activatedAt: cst('2026-09-01T09:00:00') });
    await insertPostpaidHistory(t, a.id, a.resources[0], 30, 100);
    await ingestOk(t, a.key, today(a.resources[0], 150, 'normal'));
    await runAccountJobs(t.deps, a.id, cst('2026-11-21T08:30:00'));
    expect(await anomalies(a.id)).toHaveLength(0);
  });

  it('R10.3 an account with fewer than 14 days of history gets none', async () => {
    const activated = addDays('2026-11-20', -(MIN_ANOMALY_HISTORY_DAYS - 1));
    const a = await createAccount(t, { settledThrough: '2026-11-19', activatedAt: cst(`${activated}T09:00:00`) });
    await insertPostpaidHistory(t, a.id, a.resources[0], MIN_ANOMALY_HISTORY_DAYS - 1, 100);
    await ingestOk(t, a.key, today(a.resources[0], 900, 'young'));
    await runAccountJobs(t.deps, a.id, cst('2026-11-21T08:30:00'));
    expect(await anomalies(a.id)).toHaveLength(0);
  });

  it('R10.3 monthly-settled accounts have no daily settlement and get none', async () => {
    const a = await createAccount(t, {
      settlement: 'monthly',
      settledThrough: '2026-10-31',
      activatedAt: cst('2022-09-01T09:00:00'),
    });
    await insertPostpaidHistory(t, a.id, a.resources[0], 30, 100);
    await ingestOk(t, a.key, today(a.resources[0], 900, 'monthly'));
    await runAccountJobs(t.deps, a.id, cst('2026-11-21T08:30:00'));
    expect(await anomalies(a.id)).toHaveLength(0);
  });
});

describe('R10.3 false alarms on the rich demo history', () => {
  it('R10.3 over the rich scenario year, only the injected NFC surge is flagged (false-alarm rate measured)', async () => {
    const pm = await t.login('pm@example.com');
    const res = await pm.post('/api/v1/demo/tenants', { scenario: 'rich', startAt: '2026-11-20T10:00:00+08:00' });
    expect(res.status).toBe(201);
    const { accountId } = await json<{ accountId: string }>(res);
    const [acct] = await t.deps.db.select().from(accounts).where(eq(accounts.id, accountId));
    const first = addDays(
      new Date((acct?.activatedAt.getTime() ?? 0) + 8 * 3_600_000).toISOString().slice(0, 10),
      MIN_ANOMALY_HISTORY_DAYS,
    );
    // Label-days judged: every (day, label) with billable calls, settled, with 14+ days of history.
    const [judged] = await rows<{ n: string | number }>(
      t.deps.db,
      sql`select count(*) as n from (select distinct day, label from usage_events
           where account_id = ${accountId} and outcome in ('pack', 'postpaid')
             and day >= ${first} and day <= ${acct?.settledThrough ?? ''}) x`,
    );
    const flagged = await anomalies(accountId);
    const nfc = flagged.filter((n) => n.cause.startsWith('anomaly:nfc.idcard:'));
    const falseAlarms = flagged.length - nfc.length;
    const judgedN = Number(judged?.n ?? 0);
    console.log(
      `[R10.3] rich history: ${judgedN} label-days judged, ${flagged.length} flagged (${nfc.length} on the injected nfc.idcard surge), ${falseAlarms} false alarms = ${((100 * falseAlarms) / Math.max(1, judgedN)).toFixed(2)}%`,
    );
    expect(judgedN).toBeGreaterThan(900);
    // The surge (0 → 500 NFC reads a day, the arrears episode) is caught on its first day.
    expect(nfc.length).toBeGreaterThanOrEqual(1);
    expect(falseAlarms).toBe(0);
  }, 600_000);
});
