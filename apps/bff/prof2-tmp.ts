import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { createDb } from '@idv/db';
const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
const name = `idv_prof_${randomBytes(4).toString('hex')}`;
await admin.unsafe(`create database ${name}`);
const url = `postgres://postgres@127.0.0.1:5432/${name}`;
const h = await createDb({ databaseUrl: url });
await h.close();
const sql = postgres(url, { max: 2, onnotice: () => {} });
await sql`insert into accounts (id, name, settlement, activated_at) values ('a','a','daily', now())`;
const now = new Date();
const mk = (b: number) => Array.from({ length: 1000 }, (_, i) => ({ a: 'a', e: `b${b}e${i}`, l: 'basic.selfie', r: 'r1', x: 'success', t: new Date(now.getTime() - i * 1000).toISOString(), d: '2026-11-20', o: 'pack', p: '1', c: null, u: 'only_pack', v: now.toISOString() }));
async function time(label: string, f: (b: number) => Promise<unknown>, base: number) {
  const ms: number[] = [];
  for (let b = 0; b < 12; b++) { const t0 = performance.now(); await f(base + b); ms.push(performance.now() - t0); }
  ms.sort((x, y) => x - y);
  console.log(label, 'median ms', ms[6]?.toFixed(1));
}
await time('json_to_recordset', (b) => sql`insert into usage_events (account_id, event_id, label, resource_id, result, occurred_at, day, outcome, pack_id, code, rule, received_at)
  select a, e, l, r, x, t, d, o, p, c, u, v from json_to_recordset(${sql.json(mk(b) as never)}::json) as j(a text, e text, l text, r text, x text, t timestamptz, d text, o text, p bigint, c text, u text, v timestamptz)`, 0);
await time('unnest arrays', (b) => { const rows = mk(b); const col = (k: keyof (typeof rows)[0]) => rows.map((r) => r[k]);
  return sql`insert into usage_events (account_id, event_id, label, resource_id, result, occurred_at, day, outcome, pack_id, code, rule, received_at)
  select * from unnest(${col('a')}::text[], ${col('e')}::text[], ${col('l')}::text[], ${col('r')}::text[], ${col('x')}::text[], ${col('t')}::timestamptz[], ${col('d')}::text[], ${col('o')}::text[], ${col('p')}::bigint[], ${col('c')}::text[], ${col('u')}::text[], ${col('v')}::timestamptz[])`; }, 100);
await time('json no-index-check', (b) => sql`select count(*) from json_to_recordset(${sql.json(mk(b) as never)}::json) as j(a text, e text, l text, r text, x text, t timestamptz, d text, o text, p bigint, c text, u text, v timestamptz)`, 200);
const ids = Array.from({ length: 1000 }, (_, i) => `b3e${i}`);
await time('ids any(array)', () => sql`select event_id from usage_events where account_id = 'a' and event_id = any(${ids}::text[])`, 0);
await time('ids json', () => sql`select event_id from usage_events where account_id = 'a' and event_id in (select json_array_elements_text(${sql.json(ids)}::json))`, 0);
console.log(await sql`explain analyze select event_id from usage_events where account_id = 'a' and event_id = any(${ids}::text[])`);
await sql.end();
await admin.unsafe(`drop database ${name} with (force)`);
await admin.end();
