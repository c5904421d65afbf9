import { rows } from '@idv/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, onPostgres, type TestDb } from './harness.ts';

/**
 * The transactions the use cases run through packages/db's client (on PostgreSQL: postgres.js's begin,
 * behind the issue 15 wrappers, admitTransactions and preparedUpTo; statements of one transaction sent
 * together by pipelined()). These prove that a transaction is still a transaction: its first statement
 * is inside it, a failure anywhere undoes everything, a savepoint undoes only its part, a statement
 * that failed unawaited makes the transaction fail, and every connection goes back to the pool. They
 * run on both drivers (the semantics are the product's), with the PostgreSQL-only cases marked.
 */
describe('transactions through packages/db (issue 15 wrappers)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.execute(sql`create table tx_probe (id int primary key, note text not null)`);
  });
  afterAll(async () => t?.close());

  const ids = async () => (await rows<{ id: number }>(t.db, sql`select id from tx_probe order by id`)).map((r) => r.id);

  it('the first statement is inside the transaction: a failure after it undoes it', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`insert into tx_probe values (1, 'first statement')`);
        throw new Error('refused after the first statement');
      }),
    ).rejects.toThrow('refused after the first statement');
    expect(await ids()).toEqual([]);
  });

  it('a transaction that succeeds commits every statement, and answers what its work returned', async () => {
    const answer = await t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (2, 'a')`);
      await tx.execute(sql`insert into tx_probe values (3, 'b')`);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(await ids()).toEqual([2, 3]);
  });

  it('sees its own writes and runs its statements in the order sent', async () => {
    const seen = await t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (4, 'x')`);
      await tx.execute(sql`update tx_probe set note = 'y' where id = 4`);
      return rows<{ note: string }>(tx, sql`select note from tx_probe where id = 4`);
    });
    expect(seen).toEqual([{ note: 'y' }]);
  });

  it('a failed statement (duplicate key) rolls the whole transaction back', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`insert into tx_probe values (5, 'new')`);
        await tx.execute(sql`insert into tx_probe values (2, 'duplicate')`);
      }),
    ).rejects.toThrow();
    expect(await ids()).toEqual([2, 3, 4]);
  });

  it('a nested transaction (savepoint) that fails undoes only its own writes', async () => {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (6, 'outer')`);
      await expect(
        tx.transaction(async (sp) => {
          await sp.execute(sql`insert into tx_probe values (7, 'inner')`);
          await sp.execute(sql`insert into tx_probe values (2, 'duplicate')`);
        }),
      ).rejects.toThrow();
      await tx.execute(sql`insert into tx_probe values (8, 'outer again')`);
    });
    expect(await ids()).toEqual([2, 3, 4, 6, 8]);
  });

  it('a nested transaction that succeeds keeps its writes with the outer one', async () => {
    await t.db.transaction(async (tx) => {
      await tx.transaction(async (sp) => {
        await sp.execute(sql`insert into tx_probe values (9, 'inner')`);
      });
    });
    expect(await ids()).toEqual([2, 3, 4, 6, 8, 9]);
  });

  it.runIf(onPostgres)(
    'PostgreSQL: a statement that failed unawaited makes the transaction fail, and nothing is kept',
    async () => {
      let started: Promise<unknown> | null = null;
      await expect(
        t.db.transaction(async (tx) => {
          await tx.execute(sql`insert into tx_probe values (10, 'kept only if the transaction commits')`);
          // Started and never awaited by the work: PostgreSQL aborts the transaction, and answers the
          // COMMIT with ROLLBACK.
          started = Promise.resolve(tx.execute(sql`insert into tx_probe values (2, 'duplicate')`));
          started.catch(() => {});
          await new Promise((ok) => setTimeout(ok, 50));
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await ids()).toEqual([2, 3, 4, 6, 8, 9]);
    },
  );

  it.runIf(onPostgres)('PostgreSQL: the connection goes back to the pool after every outcome (no leak)', async () => {
    // More transactions than the pool has connections (10), half of them failing: if a connection were
    // not released, the later ones would wait forever.
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.01)`);
          if (i % 2 === 1) throw new Error(`refused ${i}`);
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(20);
    expect(results.filter((r) => r.status === 'rejected').length).toBe(20);
    expect(await ids()).toEqual([2, 3, 4, 6, 8, 9]);
  });
});
