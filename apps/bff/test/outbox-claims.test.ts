import { notifications, outbox } from '@idv/db';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config.ts';
import type { Deps } from '../src/deps.ts';
import { deliverOutboxJob, OUTBOX_CLAIM_LEASE_MS } from '../src/jobs/outbox.ts';
import type { OutgoingMessage, Sender } from '../src/notifications/senders.ts';
import { sendersFromConfig } from '../src/notifications/senders.ts';
import { claimDueOutbox, notify, recordOutboxResult } from '../src/repositories/notifications.ts';
import { useTestApp } from './harness.ts';

// R7 the outbox claims, sends outside any transaction, then records; delivery is at-least-once.
const t = useTestApp();

let n = 0;
/** Queues `count` emails for acct_other's owner (R6 arrears notices, each its own cause). */
async function queue(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    n++;
    await notify(t.deps.db, {
      accountId: 'acct_other',
      kind: 'arrears',
      cause: `arrears:outbox-claims-${n}`,
      vars: { balance: '-1.00', debt: '1.00', suspendsAt: 'x' },
      at: t.clock.now(),
    });
  }
}

async function pendingRows() {
  return t.deps.db
    .select({ o: outbox })
    .from(outbox)
    .innerJoin(notifications, eq(notifications.id, outbox.notificationId))
    .where(sql`${notifications.accountId} = 'acct_other' and ${outbox.status} = 'pending'`);
}

function recording(): Sender & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    async send(msg) {
      sent.push(msg);
      return { provider: 'test' };
    },
  };
}

const withSender = (email: Sender): Deps => ({ ...t.deps, senders: { email, sms: email } });

beforeEach(async () => {
  // Each test starts with acct_other's outbox delivered.
  await deliverOutboxJob.run(withSender(recording()), 'acct_other', t.clock.now());
});

describe('R7 outbox: claim, send outside a transaction, record', () => {
  it('R7 two workers at once: each message is sent once, and no transaction is open while one sends', async () => {
    await queue(3);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const first: OutgoingMessage[] = [];
    const blocking: Sender = {
      async send(msg) {
        first.push(msg);
        await gate;
        return { provider: 'test' };
      },
    };
    const workerA = deliverOutboxJob.run(withSender(blocking), 'acct_other', t.clock.now());
    while (first.length === 0) await new Promise((r) => setImmediate(r));
    // Worker A is in the middle of a send. Worker B runs to completion meanwhile (on PGlite's single
    // connection it could not even start if A held a transaction): A's claim keeps it off A's rows.
    const b = recording();
    expect(await deliverOutboxJob.run(withSender(b), 'acct_other', t.clock.now())).toEqual([]);
    expect(b.sent).toHaveLength(0);
    release();
    const happened = await workerA;
    expect(happened).toHaveLength(3);
    expect(first).toHaveLength(3);
    // One attempt each: nobody else claimed (and sent) any of them.
    const latest = await t.deps.db.select().from(outbox).orderBy(sql`${outbox.id} desc`).limit(3);
    expect(latest.map((o) => [o.status, o.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(await pendingRows()).toHaveLength(0);
    const claimed = await t.deps.db.select().from(outbox).where(sql`${outbox.claimToken} is not null`);
    expect(claimed).toHaveLength(0);
  });

  it('R7 a claim whose worker died is taken again once its lease has run out', async () => {
    await queue(1);
    const claimedAt = t.clock.now();
    const dead = await claimDueOutbox(t.deps.db, {
      accountId: 'acct_other',
      now: t.clock.now(),
      token: 'dead-worker',
      claimedAt,
      staleBefore: new Date(claimedAt.getTime() - OUTBOX_CLAIM_LEASE_MS),
      limit: 20,
    });
    expect(dead).toHaveLength(1);
    const s = recording();
    // Within the lease the message belongs to the (dead) worker.
    t.clock.advance(OUTBOX_CLAIM_LEASE_MS - 1000);
    await deliverOutboxJob.run(withSender(s), 'acct_other', t.clock.now());
    expect(s.sent).toHaveLength(0);
    // After the lease it is claimed again and delivered.
    t.clock.advance(2000);
    await deliverOutboxJob.run(withSender(s), 'acct_other', t.clock.now());
    expect(s.sent).toHaveLength(1);
    const [row] = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, BigInt(dead[0]?.id ?? '0')));
    expect(row).toMatchObject({ status: 'sent', claimToken: null, claimedAt: null, attempts: 2 });
    // The dead worker's late result (had it woken up) changes nothing: its claim is gone.
    const late = await recordOutboxResult(t.deps.db, BigInt(dead[0]?.id ?? '0'), 'dead-worker', {
      status: 'pending',
      nextAttemptAt: t.clock.now(),
      sentAt: null,
      error: 'late',
      provider: null,
    });
    expect(late).toBe(false);
    const [after] = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, BigInt(dead[0]?.id ?? '0')));
    expect(after?.status).toBe('sent');
  });

  it('R7 a crash between the send and its record loses nothing: the message is sent again (at-least-once)', async () => {
    await queue(1);
    // The "crash": recording the result fails after the mail went out (the database refuses it here).
    await t.deps.db.execute(sql`
      create function test_refuse_outbox_sent() returns trigger language plpgsql as $$
      begin
        if new.status = 'sent' then raise exception 'record refused'; end if;
        return new;
      end $$`);
    await t.deps.db.execute(
      sql`create trigger test_refuse_outbox_sent before update on outbox for each row execute function test_refuse_outbox_sent()`,
    );
    const s = recording();
    try {
      await expect(deliverOutboxJob.run(withSender(s), 'acct_other', t.clock.now())).rejects.toThrow();
    } finally {
      await t.deps.db.execute(sql`drop trigger test_refuse_outbox_sent on outbox`);
    }
    expect(s.sent).toHaveLength(1);
    const [stuck] = await pendingRows();
    expect(stuck?.o.claimToken).not.toBeNull();
    t.clock.advance(OUTBOX_CLAIM_LEASE_MS + 1000);
    await deliverOutboxJob.run(withSender(s), 'acct_other', t.clock.now());
    expect(s.sent).toHaveLength(2);
    expect(s.sent[1]).toEqual(s.sent[0]);
    expect(await pendingRows()).toHaveLength(0);
  });

  it('R7 one mail transport per process: the configured senders are built once and reused', () => {
    const config = testConfig({ smtpUrl: 'smtp://127.0.0.1:2525', mailFrom: 'billing@idv.example' });
    const a = sendersFromConfig(config);
    const b = sendersFromConfig({ ...config });
    expect(b).toBe(a);
    expect(b.email).toBe(a.email);
  });
});
