import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { onPostgres } from './harness.ts';
import { localApp, processTestBed, sleep } from './proc/bff-process.ts';
import { addPack, createAccount, cst, ev } from './usage-fixtures.ts';

// PostgreSQL only: the point is a real server process dying mid-transaction and a database that
// keeps only committed work (WAL). PGlite is embedded in the very process we kill, so it is not
// the production set-up this test is about.
describe.runIf(onPostgres)('fault tolerance: SIGKILL the BFF mid-work, restart, nothing half-written', () => {
  const DAY = '2026-11-20';
  const bed = processTestBed();
  const { start, q } = bed;

  it('R4.1/R4.7 usage batches: killed mid-stream and re-sent, every event is stored once and every pack count adds up', async () => {
    const env = { CLOCK_START: '2026-11-20T22:00:00+08:00' };
    const first = await start('ingest-1', env);
    bed.local = await localApp(bed.db.url, '2026-11-20T22:00:00+08:00');
    const t = bed.local;
    const ACCOUNTS = 3;
    const BATCHES = 10;
    const PER_BATCH = 200;
    const accts: { id: string; key: string; res: string[] }[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const a = await createAccount(t, { settledThrough: '2026-11-19' });
      // 150 + 400 pack calls for 2,000 events: packs fill up mid-stream, the rest is postpaid (R4.4).
      await addPack(t, a.id, {
        label: 'basic.selfie',
        total: 150,
        source: 'gift',
        acquiredAt: cst('2026-11-01T10:00:00'),
      });
      await addPack(t, a.id, { label: 'basic.selfie', total: 400, acquiredAt: cst('2026-11-02T10:00:00') });
      accts.push({ id: a.id, key: a.key, res: a.resources });
    }
    const batches = accts.flatMap((a) =>
      Array.from({ length: BATCHES }, (_, b) => ({
        key: a.key,
        account: a.id,
        events: Array.from({ length: PER_BATCH }, (_, k) =>
          ev(
            `ft-${b}-${k}`,
            k % 10 === 9 ? 'identity.basic' : 'basic.selfie',
            a.res[k % 2] ?? '',
            `${DAY}T${String(10 + (b % 10)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}:00+08:00`,
          ),
        ),
      })),
    );
    const send = async (base: string, b: (typeof batches)[number]) => {
      const res = await fetch(`${base}/api/v1/usage/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${b.key}` },
        body: JSON.stringify({ events: b.events }),
      });
      if (res.status !== 200) throw new Error(`ingest ${res.status} ${await res.text()}`);
      return ((await res.json()) as { outcomes: { outcome: string }[] }).outcomes;
    };

    // 30 batches, 6 at a time; SIGKILL as soon as a few have answered, with others in flight.
    let answered = 0;
    let next = 0;
    const clients = Array.from({ length: 6 }, async () => {
      for (let b = batches[next++]; b; b = batches[next++]) {
        try {
          await send(first.base, b);
          answered++;
        } catch {
          return; // the server died under this request
        }
      }
    });
    while (answered < 4) await sleep(5);
    await first.kill('SIGKILL');
    await Promise.all(clients);
    expect(answered).toBeLessThan(batches.length);

    // Restart; the client retries every batch (it cannot know which ones committed).
    const second = await start('ingest-2', env);
    const replies: string[][] = [];
    for (const b of batches) replies.push((await send(second.base, b)).map((o) => o.outcome));
    // A batch is all or nothing: either it had committed (every event now a duplicate) or it had not
    // (no event a duplicate); never half.
    const committedBefore = replies.filter((r) => r.every((o) => o === 'duplicate')).length;
    for (const r of replies) expect(r.every((o) => o === 'duplicate') || r.every((o) => o !== 'duplicate')).toBe(true);
    expect(committedBefore).toBeGreaterThanOrEqual(answered);
    expect(committedBefore).toBeLessThan(batches.length);

    for (const a of accts) {
      const [ev0] = await q<{ n: number; distinct: number }>(
        sql`select count(*)::int as n, count(distinct event_id)::int as distinct from usage_events where account_id = ${a.id}`,
      );
      expect(ev0).toEqual({ n: BATCHES * PER_BATCH, distinct: BATCHES * PER_BATCH });
      const packs = await q<{ id: string; used: number; total: number; stored: number; status: string }>(
        sql`select p.id::text, p.used, p.total, p.status,
                   (select count(*)::int from usage_events e where e.pack_id = p.id) as stored
              from packs p where p.account_id = ${a.id} order by p.id`,
      );
      for (const p of packs) {
        expect(p.used).toBe(p.stored);
        expect(p.used).toBeLessThanOrEqual(p.total);
      }
      // R4.2/R4.4: the packs were filled before anything of the label went postpaid.
      expect(packs.map((p) => [p.used, p.status])).toEqual([
        [150, 'exhausted'],
        [400, 'exhausted'],
      ]);
      const [out] = await q<{ pack: number; postpaid: number }>(
        sql`select count(*) filter (where outcome = 'pack')::int as pack,
                   count(*) filter (where outcome = 'postpaid')::int as postpaid
              from usage_events where account_id = ${a.id}`,
      );
      expect(out).toEqual({ pack: 550, postpaid: BATCHES * PER_BATCH - 550 });
    }
    await second.kill('SIGTERM');
    console.log(
      `[fault] usage: ${answered} of ${batches.length} batches answered before SIGKILL, ${committedBefore} committed`,
    );
  }, 180_000);

  it('R5.3 settlement run killed midway: after the restart every account is settled exactly once and its ledger matches its charges', async () => {
    const t = bed.local;
    if (!t) throw new Error('set-up did not run');
    const N = 400;
    const CALLS = 20; // × identity.basic 0.30 = 6.00 per account, no balance: each goes into arrears (R6.1)
    // Accounts with postpaid usage of DAY, written straight in SQL (as ingest stores them); their trial
    // grant is marked done so that the run is the settlement alone.
    await t.deps.db.execute(sql`
      insert into accounts (id, name, settlement, activated_at, settled_through)
      select 'acct_ft_' || g, 'FT ' || g, 'daily', ${cst('2026-01-10T09:00:00').toISOString()}::timestamptz, '2026-11-19'
        from generate_series(1, ${N}) g`);
    await t.deps.db.execute(sql`
      insert into resources (id, account_id, alias, project, region)
      select 'res_ft_' || g, 'acct_ft_' || g, 'App', 'p', 'ap-guangzhou' from generate_series(1, ${N}) g`);
    await t.deps.db.execute(sql`
      insert into job_runs (job, scope, ran_at)
      select 'free-trial', 'acct_ft_' || g || ':activation', now() from generate_series(1, ${N}) g`);
    await t.deps.db.execute(sql`
      insert into usage_events (account_id, event_id, label, resource_id, result, occurred_at, day, outcome, rule, received_at)
      select 'acct_ft_' || g, 'e' || k, 'identity.basic', 'res_ft_' || g, 'success',
             ${cst(`${DAY}T12:00:00`).toISOString()}::timestamptz, ${DAY}, 'postpaid', 'postpaid_no_pack', now()
        from generate_series(1, ${N}) g, generate_series(1, ${CALLS}) k`);
    const settled = async () =>
      (
        await q<{ n: number }>(
          sql`select count(*)::int as n from settlements where account_id like 'acct_ft_%' and period = ${DAY}`,
        )
      )[0]?.n ?? 0;

    const env = {
      CLOCK_START: '2026-11-21T08:00:01+08:00',
      SCHEDULER_INTERVAL_MS: '500',
      SCHEDULER_CONCURRENCY: '2',
      SCHEDULER_CHUNK: '10',
      // A killed instance's leases run out after 2 s, then the restarted one takes the accounts over.
      JOB_LEASE_SECONDS: '2',
    };
    const first = await start('settle-1', env);
    let atKill = 0;
    for (let i = 0; i < 2_000; i++) {
      atKill = await settled();
      if (atKill >= N / 5) break;
      await sleep(20);
    }
    await first.kill('SIGKILL');
    atKill = await settled();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(N);

    const second = await start('settle-2', env);
    for (let i = 0; i < 600 && (await settled()) < N; i++) await sleep(200);
    await sleep(1_500); // more ticks: nothing new may happen

    const per = await q<{
      id: string;
      settlements: number;
      amount: string | null;
      charges: string | null;
      lines: number;
      ledger: string | null;
      notices: number;
      settledThrough: string;
      status: string;
    }>(sql`
      select a.id, a.settled_through as "settledThrough", a.status,
             (select count(*)::int from settlements s where s.account_id = a.id) as settlements,
             (select sum(amount)::text from settlements s where s.account_id = a.id) as amount,
             (select count(*)::int from charges c where c.account_id = a.id and c.transaction_type = 'daily_settlement') as lines,
             (select sum(amount)::text from charges c where c.account_id = a.id and c.transaction_type = 'daily_settlement') as charges,
             (select sum(amount)::text from ledger_entries l where l.account_id = a.id and l.reason = 'settlement') as ledger,
             (select count(*)::int from notifications n where n.account_id = a.id and n.kind = 'arrears') as notices
        from accounts a where a.id like 'acct_ft_%' order by a.id`);
    expect(per).toHaveLength(N);
    const wrong = per.filter(
      (r) =>
        r.settlements !== 1 ||
        r.amount !== '6.0000' ||
        r.lines !== 1 ||
        r.charges !== '6.0000' ||
        r.ledger !== '-6.0000' ||
        r.notices !== 1 ||
        r.settledThrough !== DAY ||
        r.status !== 'arrears',
    );
    expect(wrong).toEqual([]);
    // R2.4 every cached balance equals its ledger, for every account in the database.
    const drift = await q<{ id: string }>(sql`
      select a.id from accounts a
        left join (select account_id,
                          sum(amount) filter (where balance = 'cash') as cash,
                          sum(amount) filter (where balance = 'income') as income,
                          sum(amount) filter (where balance = 'gift') as gift
                     from ledger_entries group by account_id) l on l.account_id = a.id
       where a.cash <> coalesce(l.cash, 0) or a.income <> coalesce(l.income, 0) or a.gift <> coalesce(l.gift, 0)`);
    expect(drift).toEqual([]);
    await second.kill('SIGTERM');
    console.log(
      `[fault] settlement: ${atKill} of ${N} accounts settled when SIGKILL landed; all ${N} once after restart`,
    );
  }, 240_000);
});
