import { rows } from '@idv/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness.ts';

/**
 * Issue 6: bill_month_aggregates (no resource dimension) is kept by the same triggers as
 * bill_aggregates; after inserts, updates and deletes both must equal the charges grouped.
 */
const t = useTestApp();

type G = { k: string; n: string; q: string; a: string };
const fromCharges = () =>
  rows<G>(
    t.deps.db,
    sql`select concat_ws('|', account_id, month, product, billing_mode, transaction_type) as k,
               count(*)::text as n, sum(quantity)::text as q, sum(amount)::numeric(24,4)::text as a
          from charges group by 1 order by 1`,
  );
const fromMonthLevel = () =>
  rows<G>(
    t.deps.db,
    sql`select concat_ws('|', account_id, month, product, billing_mode, transaction_type) as k,
               row_count::text as n, quantity::text as q, amount::numeric(24,4)::text as a
          from bill_month_aggregates order by 1`,
  );
const fromResourceLevel = () =>
  rows<G>(
    t.deps.db,
    sql`select concat_ws('|', account_id, month, product, billing_mode, transaction_type) as k,
               sum(row_count)::text as n, sum(quantity)::text as q, sum(amount)::numeric(24,4)::text as a
          from bill_aggregates group by 1 order by 1`,
  );

describe('R5.5 bill_month_aggregates', () => {
  it('R5.5 equals the charges grouped by month, product, mode and type after inserts, updates and deletes', async () => {
    expect((await fromMonthLevel()).length).toBeGreaterThan(0); // backfilled / kept for the seeded demo
    expect(await fromMonthLevel()).toEqual(await fromCharges());
    await rows(
      t.deps.db,
      sql`insert into charges (account_id, occurred_at, month, resource_id, product, label, billing_mode,
                               transaction_type, unit_price, quantity, amount)
          select 'acct_demo', timestamptz '2026-03-01 00:00:00+08' + make_interval(hours => k), '2026-03',
                 case when k % 3 = 0 then null else 'res-kyc-prod' end, (array['face','ocr'])[1 + k % 2], 'x',
                 case when k % 2 = 0 then 'prepaid' else 'postpaid' end, 'daily_settlement', 0.3, k, k * 0.3
            from generate_series(1, 300) k`,
    );
    await rows(
      t.deps.db,
      sql`update charges set amount = amount + 0.0100, product = 'risk' where month = '2026-03' and quantity % 5 = 0`,
    );
    await rows(t.deps.db, sql`delete from charges where month = '2026-03' and quantity % 7 = 0`);
    await rows(t.deps.db, sql`delete from charges where month = '2026-03' and product = 'ocr'`);
    const want = await fromCharges();
    expect(await fromMonthLevel()).toEqual(want);
    expect(await fromResourceLevel()).toEqual(want);
    await rows(t.deps.db, sql`delete from charges where month = '2026-03'`);
    expect(await fromMonthLevel()).toEqual(await fromCharges());
  });
});
