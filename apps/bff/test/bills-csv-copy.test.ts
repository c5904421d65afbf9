import { charges, resources, rows } from '@idv/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billCsvLines, CSV_COLUMNS } from '../src/repositories/bills/csv.ts';
import { type ResolvedBillFilter, resolveResourceIds } from '../src/repositories/bills/filters.ts';
import { type CsvLang, csvWords } from '../src/use-cases/bills/bill-csv-words.ts';
import { crlfOutsideQuotes } from '../src/use-cases/bills/export-bill-items-csv.ts';
import { type Client, createTestApp, onPostgres, type TestApp } from './harness.ts';

/**
 * Issue 6 (CSV ≥ 100k rows/s): on PostgreSQL the download is streamed by COPY, on PGlite by keyset
 * batches of lines formatted in SQL. Both must give the same bytes: here the COPY download is
 * compared with the batched lines, byte for byte, on awkward values (quotes, commas, line breaks,
 * backslashes, formula prefixes, empty strings, sub-cent and negative money, Chinese text).
 */
let t: TestApp;
let demo: Client;
const ACCT = 'acct_demo';
beforeAll(async () => {
  t = await createTestApp();
  demo = await t.login('demo@example.com');
  const odd = [
    { id: 'res-q"uote', alias: 'say "hi", then\nbreak', project: 'p,1', region: 'r\r\n2' },
    { id: 'res-back\\slash', alias: '\\N', project: '', region: '-1+1' },
    { id: 'res-form', alias: '@SUM(A1)', project: '+p', region: '\tr' },
    { id: 'res-cn', alias: '应用 “一”', project: '项目', region: '=r' },
  ];
  await t.deps.db.insert(resources).values(odd.map((r) => ({ ...r, accountId: ACCT })));
  const at = (d: number, s: number) => new Date(Date.UTC(2026, 5, d, 2, 0, s, 123));
  const values = [
    ['res-q"uote', 'face"x', 'label,\nwith "break"', '0.0035', '1.2345', 'ord"1\\'],
    ['res-back\\slash', 'ocr', '\\.', '0.3000', '-1000.0000', null],
    ['res-form', 'risk', '=1+1', '12.3400', '0.0100', ''],
    ['res-cn', '实名', '标签', '0.3100', '99999999.9900', 'ord-中'],
    [null, 'realname', 'purchase "x"', '1000.0000', '1000.0000', 'ord_1'],
    ['res-missing', 'face', 'x', '0.0000', '0.0000', null],
  ] as const;
  await t.deps.db.insert(charges).values(
    values.flatMap(([resourceId, product, label, unitPrice, amount, orderId], k) =>
      [0, 1, 2].map((j) => ({
        accountId: ACCT,
        occurredAt: at(3 + k, j),
        month: '2026-06',
        resourceId,
        product,
        label,
        billingMode: j === 1 ? ('prepaid' as const) : ('postpaid' as const),
        transactionType: resourceId === null ? ('purchase' as const) : ('daily_settlement' as const),
        unitPrice,
        quantity: 7 + j,
        amount,
        paidCash: amount,
        paidIncome: '0.5000',
        paidGift: '0.0010',
        paidVoucher: '-0.0100',
        orderId,
      })),
    ),
  );
});
afterAll(async () => t?.close());

/** The batched path's bytes (the PGlite implementation, used as the reference). */
async function batched(f: ResolvedBillFilter, lang: CsvLang): Promise<string> {
  const words = csvWords(lang);
  let out = `\uFEFF${CSV_COLUMNS.map((c) => words.headers[c]).join(',')}\r\n`;
  for await (const lines of billCsvLines(t.deps.db, ACCT, f, 7, words)) out += `${lines.join('\r\n')}\r\n`;
  return out;
}

describe('R5.5 CSV: COPY (PostgreSQL) and keyset batches (PGlite) give the same bytes', () => {
  it('R5.5 same bytes for the whole month and for every kind of filter, in Chinese and in English', async () => {
    const filters: Record<string, string>[] = [
      { month: '2026-06' },
      { month: '2026-06', product: 'face"x' },
      { month: '2026-06', billingMode: 'prepaid' },
      { month: '2026-06', transactionType: 'purchase' },
      { month: '2026-06', q: 'res-' },
      { month: '2026-06', q: 'back\\' },
      { month: '2026-06', project: 'p,1' },
      { month: '2026-10' },
      { month: '2026-10', product: 'risk' },
    ];
    for (const [f, lang] of filters.flatMap((f) => (['zh-CN', 'en'] as const).map((l) => [f, l] as const))) {
      const res = await demo.get(`/api/v1/bills/items.csv?${new URLSearchParams({ ...f, lang }).toString()}`);
      expect(res.status).toBe(200);
      const got = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      const resourceIds = await resolveResourceIds(t.deps.db, ACCT, f);
      const want = await batched(
        {
          month: f.month ?? '',
          product: f.product,
          billingMode: f.billingMode as ResolvedBillFilter['billingMode'],
          transactionType: f.transactionType as ResolvedBillFilter['transactionType'],
          resourceIds,
        },
        lang,
      );
      expect(got.split('\r\n').length).toBeGreaterThan(1);
      expect(got).toBe(want);
    }
  });

  it('turns LF into CRLF only outside quoted values, across chunk boundaries', () => {
    const text = 'a,"x\ny""\n",b\n1,"",2\n"\n"\n';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const conv = crlfOutsideQuotes({ inQuote: false });
      const out = [conv(bytes.subarray(0, cut)), conv(bytes.subarray(cut))];
      expect(new TextDecoder().decode(Buffer.concat(out))).toBe('a,"x\ny""\n",b\r\n1,"",2\r\n"\n"\r\n');
    }
  });

  it.runIf(onPostgres)('a download abandoned half-way frees its connection (PostgreSQL COPY)', async () => {
    await rows(
      t.deps.db,
      sql`insert into charges (account_id, occurred_at, month, product, label, billing_mode, transaction_type,
                               unit_price, quantity, amount)
          select ${ACCT}, timestamptz '2026-05-10 00:00:00+08' + make_interval(secs => k), '2026-05', 'ocr', 'bulk',
                 'postpaid', 'daily_settlement', 0.3, 1, 0.3
            from generate_series(1, 200000) k`,
    );
    for (let k = 0; k < 12; k++) {
      const res = await demo.get('/api/v1/bills/items.csv?month=2026-05');
      const reader = res.body?.getReader();
      await reader?.read();
      await reader?.read();
      await reader?.cancel();
    }
    // Every pooled connection answers again (a connection stuck in COPY would hang this).
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => rows<{ n: number }>(t.deps.db, sql`select 1 as n`)),
    );
    expect(answers).toHaveLength(30);
    const full = await (await demo.get('/api/v1/bills/items.csv?month=2026-05')).text();
    expect(full.split('\r\n').filter(Boolean)).toHaveLength(200_001);
  });
});
