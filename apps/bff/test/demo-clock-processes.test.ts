import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tenantSnapshot } from './demo-snapshot.ts';
import { onPostgres } from './harness.ts';
import { type BffProcess, localApp, processTestBed, signIn, sleep } from './proc/bff-process.ts';

// PostgreSQL only: the claims are about several BFF processes sharing one database, and about a process
// killed mid-transaction (PGlite is embedded in the one process that would be killed).
describe.runIf(onPostgres)('R9.3 demo clock moves across BFF processes on PostgreSQL', () => {
  const START = '2022-05-27T10:00:00+08:00';
  const TARGET = '2022-06-03T12:00:00+08:00';
  const bed = processTestBed();
  let cookie = '';
  let twinId = '';
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: bed.db.url,
    SEED_DEMO: '1',
    DEMO_MOVE_LEASE_SECONDS: '2',
    DEMO_RESUME_INTERVAL_MS: '0',
    ...extra,
  });
  const start = (name: string, extra: Record<string, string> = {}) => bed.start(name, env(extra));
  const call = (p: BffProcess, method: string, path: string, body?: unknown) =>
    fetch(`${p.base}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', origin: p.base },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const usageOf = (res: string[]) => [
    { label: 'identity.basic', resourceId: res[0] ?? '', callsPerDay: 3_000, nonBillableShare: '0.05' },
    { label: 'nfc.idcard', resourceId: res[1] ?? '', callsPerDay: 500, nonBillableShare: '0' },
  ];
  const create = async (p: BffProcess) => {
    const res = await call(p, 'POST', '/api/v1/demo/tenants', { scenario: 'empty', startAt: START });
    expect(res.status).toBe(201);
    const t = (await res.json()) as { accountId: string; resources: { id: string }[] };
    return { id: t.accountId, usage: usageOf(t.resources.map((r) => r.id)) };
  };
  const { q } = bed;
  const moveRow = async (id: string) =>
    (
      await q<{ moveId: string | null; now: Date }>(
        sql`select d.move_id as "moveId", a.simulated_now as now
              from demo_tenants d join accounts a on a.id = d.account_id where d.account_id = ${id}`,
      )
    )[0];
  const snapshot = (id: string) => {
    if (!bed.local) throw new Error('no local app');
    return tenantSnapshot(bed.local.deps.db, id);
  };

  it('R9.3 two moves of one tenant sent to two processes at once never interleave: one moves, the other answers 409 DEMO_CLOCK_BUSY, and usage is injected exactly once per simulated day', async () => {
    const [a, b] = await Promise.all([start('A'), start('B')]);
    if (!a || !b) throw new Error('no process');
    bed.local = await localApp(bed.db.url, START);
    cookie = await signIn(a.base, 'pm@example.com', 'demo-pass-2026');

    const twin = await create(b);
    twinId = twin.id;
    expect(
      (await call(b, 'POST', `/api/v1/demo/tenants/${twin.id}/clock`, { advanceTo: TARGET, usage: twin.usage })).status,
    ).toBe(200);

    // At the very same moment, to A and to B.
    const same = await create(a);
    const replies = await Promise.all(
      [a, b].map((p) =>
        call(p, 'POST', `/api/v1/demo/tenants/${same.id}/clock`, { advanceTo: TARGET, usage: same.usage }),
      ),
    );
    const answers = await Promise.all(
      replies.map(async (r) => ({ status: r.status, code: ((await r.json()) as { code?: string }).code })),
    );
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of answers) if (r.status !== 200) expect(r).toEqual({ status: 409, code: 'DEMO_CLOCK_BUSY' });

    // A move seen in progress on A: B refuses to start another one.
    const seen = await create(a);
    const running = call(a, 'POST', `/api/v1/demo/tenants/${seen.id}/clock`, { advanceTo: TARGET, usage: seen.usage });
    for (let i = 0; i < 2_000; i++) {
      const m = await moveRow(seen.id);
      if (m?.moveId && new Date(m.now).getTime() > new Date(START).getTime()) break;
      await sleep(5);
    }
    const refused = await call(b, 'POST', `/api/v1/demo/tenants/${seen.id}/clock`, {
      advanceBy: 'P1D',
      usage: seen.usage,
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('DEMO_CLOCK_BUSY');
    expect((await running).status).toBe(200);

    const expected = await snapshot(twin.id);
    // identity.basic: 3,000 a day; nfc.idcard: 500 a day, over 7 days and 2 hours.
    expect(expected.events.length).toBeGreaterThan(7 * 3_500);
    expect(await snapshot(same.id)).toEqual(expected);
    expect(await snapshot(seen.id)).toEqual(expected);
    console.log(
      `[demo-procs] simultaneous moves answered ${answers.map((r) => r.status).join(' and ')}; ${expected.events.length} calls injected once`,
    );
  }, 300_000);

  it('R9.3 a move SIGKILLed mid-way resumes exactly (by the next move, or by a restarted process), and R5.3 a crash during the monthly settlement charges once', async () => {
    const a = bed.procs[0];
    const b = bed.procs[1];
    if (!a || !b || !twinId) throw new Error('the first test did not run');
    const expected = await snapshot(twinId);

    // 1. Killed in the 4th step (the day before 2022-05-31 08:00 being injected), resumed by the next move.
    const c = await start('C', { FAILPOINTS: 'demo-step-before-commit@4' });
    const x = await create(a);
    await call(c, 'POST', `/api/v1/demo/tenants/${x.id}/clock`, { advanceTo: TARGET, usage: x.usage }).catch(
      () => null,
    );
    await c.kill('SIGKILL');
    expect(c.output()).toMatch(/\[failpoint\] demo-step-before-commit/);
    const afterCrash = await moveRow(x.id);
    expect(afterCrash?.moveId).toBeTruthy();
    expect(new Date(afterCrash?.now ?? 0).toISOString()).toBe(new Date('2022-05-30T08:00:00+08:00').toISOString());
    // Nothing of the step in flight was kept: no call after the committed clock.
    const [later] = await q<{ n: number }>(
      sql`select count(*)::int as n from usage_events where account_id = ${x.id} and occurred_at > ${afterCrash?.now}`,
    );
    expect(later?.n).toBe(0);
    let state = '';
    for (let i = 0; i < 200 && state !== 'interrupted'; i++) {
      const d = (await (await call(b, 'GET', `/api/v1/demo/tenants/${x.id}`)).json()) as {
        move: { state: string } | null;
      };
      state = d.move?.state ?? 'none';
      if (state !== 'interrupted') await sleep(100);
    }
    expect(state).toBe('interrupted');
    const resumed = await call(b, 'POST', `/api/v1/demo/tenants/${x.id}/clock`, { advanceBy: 'PT0M' });
    expect(resumed.status).toBe(200);
    const body = (await resumed.json()) as { now: string; happened: { kind: string }[] };
    expect(body.now).toBe(TARGET);
    expect(body.happened.map((h) => h.kind)).toContain('clock_move_resumed');
    expect(await snapshot(x.id)).toEqual(expected);

    // 2. Killed in the step that runs May's monthly settlement (before it commits), resumed by the
    //    restarted process's resumer: May is settled once.
    const d1 = await start('D1', { FAILPOINTS: 'demo-monthly-settlement-before-commit' });
    const y = await create(a);
    await call(d1, 'POST', `/api/v1/demo/tenants/${y.id}/clock`, { advanceTo: TARGET, usage: y.usage }).catch(
      () => null,
    );
    await d1.kill('SIGKILL');
    expect(d1.output()).toMatch(/\[failpoint\] demo-monthly-settlement-before-commit/);
    const [none] = await q<{ n: number }>(
      sql`select count(*)::int as n from settlements where account_id = ${y.id} and period = '2022-05'`,
    );
    expect(none?.n).toBe(0);
    expect(new Date((await moveRow(y.id))?.now ?? 0).toISOString()).toBe(
      new Date('2022-05-31T08:00:00+08:00').toISOString(),
    );
    await start('D2', { DEMO_RESUME_INTERVAL_MS: '300' });
    for (let i = 0; i < 600; i++) {
      const m = await moveRow(y.id);
      if (m && !m.moveId) break;
      await sleep(100);
    }
    const done = await moveRow(y.id);
    expect(done?.moveId).toBeNull();
    expect(new Date(done?.now ?? 0).toISOString()).toBe(new Date(TARGET).toISOString());
    const snapY = await snapshot(y.id);
    expect(snapY.settlements.filter((s) => s.startsWith('monthly 2022-05'))).toHaveLength(1);
    expect(snapY).toEqual(expected);

    // 3. SIGKILL from outside at whatever point the move has reached after 2 simulated days.
    const e1 = await start('E1');
    const z = await create(a);
    const moving = call(e1, 'POST', `/api/v1/demo/tenants/${z.id}/clock`, { advanceTo: TARGET, usage: z.usage }).catch(
      () => null,
    );
    for (let i = 0; i < 4_000; i++) {
      const m = await moveRow(z.id);
      if (m?.moveId && new Date(m.now).getTime() >= new Date(START).getTime() + 2 * 86_400_000) break;
      await sleep(5);
    }
    await e1.kill('SIGKILL');
    await moving;
    const killedAt = await moveRow(z.id);
    expect(killedAt?.moveId).toBeTruthy();
    expect(new Date(killedAt?.now ?? 0).getTime()).toBeLessThan(new Date(TARGET).getTime());
    await start('E2', { DEMO_RESUME_INTERVAL_MS: '300' });
    for (let i = 0; i < 600; i++) {
      const m = await moveRow(z.id);
      if (m && !m.moveId) break;
      await sleep(100);
    }
    expect((await moveRow(z.id))?.moveId).toBeNull();
    expect(await snapshot(z.id)).toEqual(expected);
    console.log(
      `[demo-procs] three crashed moves resumed exactly (${expected.events.length} calls each; the outside SIGKILL landed at ${new Date(killedAt?.now ?? 0).toISOString()})`,
    );
  }, 300_000);
});
