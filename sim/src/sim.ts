/**
 * `pnpm sim`: a deterministic whole-system simulator (in the spirit of TigerBeetle's VOPR). From a seed it
 * creates its own PostgreSQL database, starts two real BFF processes on it, and drives them over HTTP
 * as outside clients would, through many demo tenants; after every step it checks invariants from
 * outside (and in SQL where only SQL can see) and compares the outcomes with its own rule oracle
 * (oracle.ts). See docs/decisions/0011-simulator.md.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { Client, createDatabase, type Node, type Reply, signIn, startCluster } from './cluster.ts';
import {
  addDay,
  addEvent,
  advance,
  applyAutoTopup,
  applyRefund,
  available,
  budgetSpent,
  checkRefundShare,
  cstDay,
  cstText,
  DAY,
  dayStart,
  type Expected,
  evaluateBudgets,
  fmt,
  halfUpCents,
  type InEvent,
  ingest,
  iso,
  type Model,
  money,
  newModel,
  next0800,
  type OOrder,
  type OPack,
  packStatus,
  parseCatalog,
  placeOrder,
  type Rules,
  recharge,
  refundBlocks,
  U,
} from './oracle.ts';
import { Rng } from './rng.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SimOptions {
  seed: string;
  events: number;
  tenants?: number;
  /** Target number of SIGKILLs over the run (spread by the seeded PRNG). */
  crashes?: number;
  keep?: boolean;
  skip?: ReadonlySet<string>;
  adminUrl?: string;
  /** Only this tenant's operations run (a reproduction), and stop after this step. */
  onlyTenant?: number;
  stopAt?: number;
  /** Largest usage batch (default 240; the long run uses 1000, the API's limit). */
  batchMax?: number;
  /**
   * Long mode: the aggregate SQL invariants (they scan the tenant's whole history) run on every `sqlEvery`-th
   * check of a tenant, on the first check of a tenant after any crash, after every clock move that settled,
   * and at the end; the outside checks and the stored outcome of every event of the step run every step.
   * Default 1 (every check).
   */
  sqlEvery?: number;
  /** Print where the simulator's time went (per phase) at the end. */
  profile?: boolean;
  log?: (line: string) => void;
}

export interface Violation {
  step: number;
  tenant: number;
  op: string;
  what: string;
}

export interface SimResult {
  seed: string;
  events: number;
  operations: number;
  crashes: number;
  violations: Violation[];
  digest: string;
  seconds: number;
  requests: number;
}

interface Tenant {
  idx: number;
  accountId: string;
  cookie: string;
  serviceKey: string;
  m: Model;
  rng: Rng;
  racy: boolean;
  /** The `rich` scenario tenant: a year of history, a pending SSL certificate order (R8.6). */
  rich: boolean;
  diverged: boolean;
  /** Steps that touched this tenant (for the reproduction). */
  steps: string[];
  evSeq: number;
  keySeq: number;
  lastAt: number;
  recent: InEvent[];
  /** Months whose bills this tenant has. */
  months: Set<string>;
  /** Checks since the last full SQL check, and the crash count then (long mode). */
  sinceSql: number;
  crashesAtSql: number;
  /** Notices stored before the model began (a rich tenant's history) have ids up to this one. */
  noticeBase: string;
}

type Progress =
  | 'diverged'
  | 'steps'
  | 'evSeq'
  | 'keySeq'
  | 'lastAt'
  | 'recent'
  | 'sinceSql'
  | 'crashesAtSql'
  | 'noticeBase';
/** A new tenant's run bookkeeping: nothing sent, nothing checked yet (the same for every kind of tenant). */
function freshProgress(startAt: number): Pick<Tenant, Progress> {
  return {
    diverged: false,
    steps: [],
    evSeq: 0,
    keySeq: 0,
    lastAt: startAt,
    recent: [],
    sinceSql: 0,
    crashesAtSql: 0,
    noticeBase: '0',
  };
}

const LABELS: [string, number][] = [
  ['enhanced.selfie.wechat', 30], // trial 100, tiers, 0.30
  ['basic.selfie', 20], // trial 100, 0.15
  ['identity.basic', 20], // no trial, 0.30
  ['risk.face', 15], // postpaid only, 0.0035 (R5.1 rounding)
  ['nfc.idcard', 5], // postpaid only, 1.00
  ['mobile.2factor', 10], // no trial, 0.40
];
const BUYABLE = ['enhanced.selfie.wechat', 'basic.selfie', 'identity.basic', 'mobile.2factor'];
const BILLABLE = ['success', 'success', 'success', 'success', 'compare_mismatch', 'liveness_failed'];
const NON_BILLABLE = ['invalid_request', 'internal_error', 'timeout'];

export async function runSim(o: SimOptions): Promise<SimResult> {
  const started = Date.now();
  const log = o.log ?? ((l: string) => console.log(l));
  const skip = o.skip ?? new Set<string>();
  const adminUrl = o.adminUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const rules: Rules = {
    labels: parseCatalog(readFileSync(resolve(root, 'packages/db/seed/catalog.tsv'), 'utf8')),
    trialDelayMs: 30 * 60_000,
    skewMs: 300_000,
    releaseAfterMs: 15 * DAY,
  };
  const nTenants = o.tenants ?? Math.min(32, Math.max(3, Math.ceil(o.events / 4000)));
  const crashTarget = skip.has('crash') ? 0 : (o.crashes ?? Math.max(1, Math.min(20, Math.floor(o.events / 2000))));
  const sched = new Rng(`${o.seed}:sched`);
  const crashRng = new Rng(`${o.seed}:crash`);
  const violations: Violation[] = [];
  const sqlEvery = Math.max(1, o.sqlEvery ?? 1);
  const prof = new Prof();
  let fullChecks = 0;
  /** What the run exercised (printed at the end): a check that never ran proves nothing. */
  const seen = new Map<string, number>();
  const saw = (k: string, n = 1) => seen.set(k, (seen.get(k) ?? 0) + n);
  let step = 0;
  let events = 0;
  let operations = 0;
  let crashes = 0;

  const db = await createDatabase(adminUrl);
  log(`sim: seed ${o.seed}, ${o.events} events, ${nTenants} tenants, database ${db.name}`);
  let nodes: Node[] = [];
  let sql: postgres.Sql | null = null;
  try {
    nodes = await startCluster(db.url, {
      CLOCK_SKEW_SECONDS: '300',
      RELEASE_AFTER_DAYS: '15',
      TRIAL_GRANT_DELAY_MINUTES: '30',
      // A move killed mid-way is resumed once its lease runs out (R9.3): short, so the retry waits little.
      DEMO_MOVE_LEASE_SECONDS: '4',
    });
    sql = postgres(db.url, { max: 2, onnotice: () => {} });
    const client = new Client(nodes);
    const pm = await signIn(client, 'pm@example.com', 'demo-pass-2026');
    const agent = await signIn(client, 'agent@example.com', 'demo-pass-2026');

    // ---- tenants ---------------------------------------------------------------------------------
    const tenants: Tenant[] = [];
    const startBase = Date.parse('2025-03-03T09:00:00+08:00') + Math.floor(sched.next() * 200) * DAY;
    for (let i = 0; i < nTenants; i++) {
      const rng = new Rng(`${o.seed}:tenant:${i}`);
      const startAt = startBase + Math.floor(rng.next() * 20) * DAY + Math.floor(rng.next() * 14 * 3_600) * 1000;
      const racy = !skip.has('race') && rng.next() < 0.25;
      if (o.onlyTenant !== undefined && o.onlyTenant !== i) continue;
      const r = await client.send({
        method: 'POST',
        path: '/api/v1/demo/tenants',
        cookie: pm,
        body: { scenario: 'empty', startAt: iso(startAt) },
      });
      if (r.status !== 201) throw new Error(`demo tenant → ${r.status} ${JSON.stringify(r.body)}`);
      const cookie = await signIn(client, r.body.customer.email, r.body.customer.password);
      const resources = (r.body.resources as { id: string }[]).map((x) => x.id);
      tenants.push({
        idx: i,
        accountId: r.body.accountId,
        cookie,
        serviceKey: r.body.serviceKey,
        m: newModel(startAt, resources),
        rng,
        racy,
        rich: false,
        ...freshProgress(startAt),
        months: new Set([cstDay(startAt).slice(0, 7)]),
      });
    }

    // One `rich` tenant (R9.3): a year of real engine history, observed into the model, and the only
    // tenant with an SSL certificate order (R8.6). It is the last tenant index.
    const withRich = !skip.has('rich');
    const nAll = nTenants + (withRich ? 1 : 0);
    if (withRich && (o.onlyTenant === undefined || o.onlyTenant === nTenants)) {
      const rng = new Rng(`${o.seed}:tenant:${nTenants}`);
      const startAt = startBase + Math.floor(rng.next() * 20) * DAY + 10 * 3_600_000;
      const t0 = Date.now();
      const r = await client.send({
        method: 'POST',
        path: '/api/v1/demo/tenants',
        cookie: pm,
        body: { scenario: 'rich', startAt: iso(startAt) },
      });
      if (r.status !== 201) throw new Error(`rich demo tenant → ${r.status} ${JSON.stringify(r.body)}`);
      log(`sim: rich tenant t${nTenants} built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const cookie = await signIn(client, r.body.customer.email, r.body.customer.password);
      const resources = (r.body.resources as { id: string }[]).map((x) => x.id);
      const t: Tenant = {
        idx: nTenants,
        accountId: r.body.accountId,
        cookie,
        serviceKey: r.body.serviceKey,
        m: newModel(startAt, resources),
        rng,
        racy: false,
        rich: true,
        ...freshProgress(startAt),
        months: new Set([cstDay(startAt).slice(0, 7), cstDay(startAt - 20 * DAY).slice(0, 7)]),
      };
      await observe(sql, t);
      tenants.push(t);
    }

    // One legacy tenant (R5.2, R9.3): started in 2022, so monthly-settled (the rule book now says a tenant's
    // activation is its start time and its settlement mode follows). It is the next index.
    const withLegacy = !skip.has('legacy');
    const legacyIdx = nAll;
    const nAll2 = nAll + (withLegacy ? 1 : 0);
    if (withLegacy && (o.onlyTenant === undefined || o.onlyTenant === legacyIdx)) {
      const rng = new Rng(`${o.seed}:tenant:${legacyIdx}`);
      const startAt =
        Date.parse('2022-09-05T09:00:00+08:00') +
        Math.floor(rng.next() * 60) * DAY +
        Math.floor(rng.next() * 36_000) * 1000;
      const r = await client.send({
        method: 'POST',
        path: '/api/v1/demo/tenants',
        cookie: pm,
        body: { scenario: 'empty', startAt: iso(startAt) },
      });
      if (r.status !== 201) throw new Error(`legacy demo tenant → ${r.status} ${JSON.stringify(r.body)}`);
      const cookie = await signIn(client, r.body.customer.email, r.body.customer.password);
      tenants.push({
        idx: legacyIdx,
        accountId: r.body.accountId,
        cookie,
        serviceKey: r.body.serviceKey,
        m: newModel(
          startAt,
          (r.body.resources as { id: string }[]).map((x) => x.id),
        ),
        rng,
        racy: false,
        rich: false,
        ...freshProgress(startAt),
        months: new Set([cstDay(startAt).slice(0, 7)]),
      });
    }

    const violate = (t: Tenant, op: string, what: string) => {
      const v = { step, tenant: t.idx, op, what };
      violations.push(v);
      log(`VIOLATION seed ${o.seed} step ${step} tenant t${t.idx} (${t.accountId}) op ${op}: ${what}`);
      log(
        `  reproduce: SIM_SEED=${o.seed} SIM_EVENTS=${o.events} SIM_ONLY_TENANT=${t.idx} SIM_STOP_AT=${step} pnpm sim`,
      );
      log(`  steps touching t${t.idx} (${t.steps.length}):`);
      for (const s of t.steps.slice(-40)) log(`    ${s}`);
      t.diverged = true;
    };

    // ---- helpers ---------------------------------------------------------------------------------
    const key = (t: Tenant) => `sim-${o.seed}-t${t.idx}-k${t.keySeq++}`;
    const account = (t: Tenant) => client.send({ method: 'GET', path: '/api/v1/account', cookie: t.cookie });
    const serverPack = (t: Tenant, id: string) => t.m.packs.find((p) => p.serverId === id);

    /** The next crash: SIGKILL the node serving this request after a seeded delay, then restart it. */
    let crashNext = false;
    const send = async (t: Tenant, req: Parameters<Client['send']>[0], rewrite?: (n: number) => typeof req) => {
      const both = nodes.every((n) => n.up);
      if (crashNext && both) {
        crashNext = false;
        const node = client.pickNode();
        const delay = Math.floor(crashRng.next() * 30);
        const p = client.send(req, rewrite ? { node, rewrite } : { node });
        await new Promise((ok) => setTimeout(ok, delay));
        await node.kill();
        crashes++;
        t.steps.push(`  (step ${step}: SIGKILL ${node.name} after ${delay} ms, restarted)`);
        node.start(false).catch((err) => log(`restart failed: ${err}`));
        return p;
      }
      return client.send(req, rewrite ? { rewrite } : {});
    };

    const compareOutcomes = (t: Tenant, op: string, exp: Expected[], got: any[], retried: boolean): boolean => {
      if (!Array.isArray(got) || got.length !== exp.length) {
        violate(t, op, `expected ${exp.length} outcomes, got ${JSON.stringify(got)?.slice(0, 300)}`);
        return false;
      }
      for (const [i, e] of exp.entries()) {
        const g = got[i];
        if (g.id !== e.id) {
          violate(t, op, `outcome ${i} is for ${g.id}, expected ${e.id}`);
          return false;
        }
        // A retried batch may have committed before the crash: its events then answer 'duplicate'.
        if (retried && g.outcome === 'duplicate') continue;
        let ok = g.outcome === e.outcome;
        if (ok && e.outcome === 'pack') ok = serverPack(t, g.packId)?.key === e.packKey;
        if (ok && e.outcome === 'rejected') ok = e.codes.includes(g.code);
        if (!ok) {
          const ev = t.m.events.get(e.id);
          const p = e.packKey === null ? undefined : t.m.packs[e.packKey];
          violate(
            t,
            op,
            `event ${e.id} (${ev?.label}, ${ev?.result}, at ${ev ? iso(ev.at) : '?'}, now ${iso(t.m.now)}): expected ${e.outcome}${
              p ? ` on pack ${p.serverId} (${p.source}, acquired ${iso(p.acquiredAt)})` : ''
            }${e.codes.length ? ` ${e.codes.join('|')}` : ''}, got ${g.outcome}${g.packId ? ` on pack ${g.packId}` : ''}${g.code ? ` ${g.code}` : ''}`,
          );
          return false;
        }
      }
      return true;
    };

    /** Learns the server ids of packs the model created without one (trial grants). */
    const listPacks = async (t: Tenant): Promise<any[] | null> => {
      const all: any[] = [];
      let cursor: string | null = null;
      do {
        const r = await client.send({
          method: 'GET',
          path: `/api/v1/packs?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          cookie: t.cookie,
        });
        if (r.status !== 200) return null;
        all.push(...r.body.items);
        cursor = r.body.nextCursor;
      } while (cursor);
      return all;
    };

    // ---- the checks after every step -------------------------------------------------------------
    /**
     * R6.1–R6.4, R10.2 and R10.1 notices against the oracle's: each kind's notices at the oracle's times, with the
     * times their text must give (R6.1 stop and release, R6.2 release); budget_threshold notices at least those
     * the oracle's evaluation points raised and only for lines spent reached (a crash may skip or keep one
     * evaluation: the next settlement's evaluation catches up).
     */
    const NOTICE_KINDS = ['arrears', 'suspended', 'service_resumed', 'released', 'auto_topup_failed'];
    const checkNotices = async (t: Tenant, op: string): Promise<string | null> => {
      if (!sql) return null;
      const rows = await sql`
        select kind, cause, created_at, body_en from notifications
        where account_id = ${t.accountId} and id > ${t.noticeBase}::bigint
          and kind in ('arrears', 'suspended', 'service_resumed', 'released', 'auto_topup_failed', 'budget_threshold')
        order by created_at, id`;
      for (const kind of NOTICE_KINDS) {
        const got = rows.filter((r) => r.kind === kind);
        if (op === 'final') saw(`notice ${kind}`, got.length);
        const exp = t.m.notices.filter((n) => n.kind === kind).sort((a, b) => a.at - b.at);
        const gt = got.map((r) => cstText(r.created_at.getTime()));
        const et = exp.map((n) => cstText(n.at));
        if (gt.join() !== et.join()) return `${kind} notices at [${gt.join(', ')}], oracle [${et.join(', ')}]`;
        for (const [i, n] of exp.entries()) {
          const body: string = got[i]?.body_en ?? '';
          for (const c of n.contains)
            if (!body.includes(c)) return `${kind} notice of ${et[i]} does not say ${c}: "${body}"`;
        }
      }
      const causes = new Set(rows.filter((r) => r.kind === 'budget_threshold').map((r) => r.cause as string));
      if (op === 'final') saw('notice budget_threshold', causes.size);
      for (const n of t.m.notices)
        if (n.kind === 'budget_threshold' && !causes.has(n.contains[0] ?? ''))
          return `R10.1 no budget_threshold notice ${n.contains[0]} (spent reached it at ${cstText(n.at)})`;
      const reached = new Set(t.m.budgets.flatMap((b) => [...b.reached].map((k) => `budget:${b.serverId}:${k}`)));
      for (const c of causes) if (!reached.has(c)) return `R10.1 budget_threshold notice ${c}: spent never reached it`;
      return null;
    };

    const check = async (
      t: Tenant,
      op: string,
      o2: { packs: boolean; bills: boolean; ids?: string[]; full?: boolean },
    ) => {
      if (t.diverged) return;
      prof.mark('op');
      const m = t.m;
      const a = await account(t);
      if (a.status !== 200) return violate(t, op, `GET /account → ${a.status}`);
      const b = a.body.balances;
      for (const k of ['cash', 'income', 'gift'] as const) {
        if (money(b[k]) !== m[k]) return violate(t, op, `balance ${k} ${b[k]}, oracle ${fmt(m[k])}`);
      }
      if (money(b.available) !== available(m)) return violate(t, op, `available ${b.available} ≠ sum of balances`);
      if (a.body.status !== m.status) return violate(t, op, `status ${a.body.status}, oracle ${m.status}`);
      if (a.body.postpaidEnabled !== m.postpaid && m.status !== 'released')
        return violate(t, op, `postpaidEnabled ${a.body.postpaidEnabled}, oracle ${m.postpaid}`);
      if (o2.packs) {
        const list = await listPacks(t);
        if (!list) return violate(t, op, 'GET /packs failed');
        for (const sp of list) {
          let p = serverPack(t, sp.id);
          if (!p) {
            p = t.m.packs.find(
              (x) => x.serverId === null && x.label === sp.label && x.source === sp.source && sp.source === 'gift',
            );
            if (p) p.serverId = sp.id;
          }
          if (!p) return violate(t, op, `unexpected pack ${sp.id} ${sp.label} ${sp.source}`);
          if (sp.total !== p.total || sp.used !== p.used)
            return violate(
              t,
              op,
              `pack ${sp.id} (${sp.label} ${sp.source}) used ${sp.used}/${sp.total}, oracle ${p.used}/${p.total}`,
            );
          if (sp.used < 0 || sp.used > sp.total)
            return violate(t, op, `pack ${sp.id} used ${sp.used} outside [0, ${sp.total}]`);
          const st = packStatus(m, p);
          const okStatus =
            sp.status === st ||
            (st === 'exhausted' && sp.status === 'expired') ||
            (st === 'expired' && sp.status === 'exhausted');
          if (!okStatus) return violate(t, op, `pack ${sp.id} status ${sp.status}, oracle ${st}`);
          if (Date.parse(sp.acquiredAt) !== p.acquiredAt && Math.abs(Date.parse(sp.acquiredAt) - p.acquiredAt) >= 1000)
            return violate(t, op, `pack ${sp.id} acquired ${sp.acquiredAt}, oracle ${iso(p.acquiredAt)}`);
          if (Math.abs(Date.parse(sp.expiresAt) - p.expiresAt) >= 1000)
            return violate(t, op, `pack ${sp.id} expires ${sp.expiresAt}, oracle ${iso(p.expiresAt)} (R3.2)`);
          if (sp.source === 'purchase' && sp.refund) {
            const blocks = refundBlocks(m, p);
            if (sp.refund.eligible !== (blocks.length === 0))
              return violate(
                t,
                op,
                `pack ${sp.id} refund.eligible ${sp.refund.eligible}, oracle blocks ${blocks.join('|') || 'none'}`,
              );
          }
        }
        const known = new Set(list.map((x) => x.id));
        const missing = m.packs.filter((p) => !p.serverId || !known.has(p.serverId));
        if (missing.length > 0)
          return violate(
            t,
            op,
            `packs missing on the server: ${missing.map((p) => `${p.label}/${p.source}`).join(', ')}`,
          );
      }
      if (!sql) return;
      prof.mark('outside');
      if (o2.ids && o2.ids.length > 0) {
        const rows =
          await sql`select event_id, outcome, pack_id::text as pack_id, code from usage_events where account_id = ${t.accountId} and event_id = any(${o2.ids})`;
        for (const r of rows) {
          const e = m.events.get(r.event_id);
          if (!e) return violate(t, op, `event ${r.event_id} stored, unknown to the oracle`);
          const pk = r.pack_id ? serverPack(t, r.pack_id)?.key : null;
          if (
            r.outcome !== e.outcome ||
            (e.outcome === 'pack' && pk !== e.packKey) ||
            (e.outcome === 'rejected' && !e.codes.includes(r.code))
          )
            return violate(
              t,
              op,
              `stored event ${r.event_id}: ${r.outcome} ${r.pack_id ?? ''}${r.code ?? ''}, oracle ${e.outcome} ${e.codes.join('|')} (at ${iso(e.at)})`,
            );
        }
      }
      // Long mode: the aggregate invariants below scan the tenant's whole history; they run every
      // `sqlEvery`-th check, on the first check after a crash, after settlements and at the end.
      t.sinceSql++;
      const full =
        op === 'final' || o2.full === true || sqlEvery <= 1 || t.sinceSql >= sqlEvery || t.crashesAtSql !== crashes;
      if (full) {
        t.sinceSql = 0;
        t.crashesAtSql = crashes;
        fullChecks++;
        // SQL: balances = Σ ledger per kind (R2.4).
        const [acc] =
          await sql`select cash::text, income::text, gift::text, settled_through from accounts where id = ${t.accountId}`;
        const ledger =
          await sql`select balance, sum(amount)::text as s from ledger_entries where account_id = ${t.accountId} group by balance`;
        for (const k of ['cash', 'income', 'gift'] as const) {
          const s = ledger.find((x) => x.balance === k)?.s ?? '0';
          if (money(s) !== money(acc?.[k] ?? '0'))
            return violate(t, op, `R2.4 ${k} balance ${acc?.[k]} ≠ Σ ledger ${s}`);
        }
        // Pack counts = calls recorded on them (R4.7); every event id once (R4.1).
        const bad = await sql`
          select p.id::text, p.used, p.total, (select count(*)::int from usage_events e where e.account_id = p.account_id and e.pack_id = p.id and e.outcome = 'pack') as n
          from packs p where p.account_id = ${t.accountId}`;
        for (const r of bad) {
          if (r.used !== r.n || r.used < 0 || r.used > r.total)
            return violate(t, op, `pack ${r.id} used ${r.used}/${r.total} but ${r.n} calls recorded on it`);
        }
        const [cnt] =
          await sql`select count(*)::int as n, count(distinct event_id)::int as d from usage_events where account_id = ${t.accountId}`;
        if (cnt?.n !== cnt?.d) return violate(t, op, `R4.1 ${cnt?.n} stored events but ${cnt?.d} distinct ids`);
        if (cnt?.n !== m.events.size + m.eventsBase)
          return violate(t, op, `${cnt?.n} stored events, oracle ${m.events.size + m.eventsBase}`);
        // Every postpaid call settled exactly once at the right price (R5.1), per label and resource line.
        const lines = await sql`
          select s.period as day, c.label, c.resource_id, sum(c.quantity)::int as q, sum(c.amount)::text as amount, count(*)::int as n
          from charges c join settlements s on s.id = c.settlement_id
          where c.account_id = ${t.accountId} and c.transaction_type in ('daily_settlement', 'monthly_settlement')
          group by 1, 2, 3`;
        // R5.1 daily: one line per day, label and resource; R5.2 monthly (legacy accounts): per month.
        const calls = await sql`
          select ${m.monthly ? sql`left(day, 7)` : sql`day`} as day, label, resource_id, count(*)::int as q from usage_events
          where account_id = ${t.accountId} and outcome = 'postpaid' and day <= coalesce(${acc?.settled_through ?? null}::text, '0000')
          group by 1, 2, 3`;
        const byKey = new Map(lines.map((l) => [`${l.day}|${l.label}|${l.resource_id}`, l]));
        for (const c of calls) {
          const l = byKey.get(`${c.day}|${c.label}|${c.resource_id}`);
          const price = rules.labels.get(c.label)?.price ?? 0n;
          if (!l || l.q !== c.q || l.n !== 1 || money(l.amount) !== halfUpCents(price * BigInt(c.q)))
            return violate(
              t,
              op,
              `${m.monthly ? 'R5.2 month' : 'R5.1 day'} ${c.day} ${c.label} ${c.resource_id}: ${c.q} postpaid calls, settled as ${l ? `${l.n} line(s), ${l.q} calls, ${l.amount}` : 'nothing'}`,
            );
          byKey.delete(`${c.day}|${c.label}|${c.resource_id}`);
        }
        for (const l of byKey.values())
          return violate(
            t,
            op,
            `${m.monthly ? 'R5.2' : 'R5.1'} settlement line ${l.day} ${l.label} without postpaid calls of that period`,
          );
        const oracleCharges = m.chargesBase + m.charges.reduce((s, c) => s + c.amount, 0n);
        const serverCharges = lines.reduce((s, l) => s + money(l.amount), 0n);
        if (oracleCharges !== serverCharges)
          return violate(t, op, `settled ${fmt(serverCharges)}, oracle ${fmt(oracleCharges)}`);
        // Money paid in = consumed + refunded + outstanding.
        const [flow] = await sql`
          select coalesce(sum(amount) filter (where reason = 'recharge'), 0)::text as recharged,
                 coalesce(sum(amount) filter (where reason = 'purchase'), 0)::text as purchased,
                 coalesce(sum(amount) filter (where reason = 'settlement'), 0)::text as settled,
                 coalesce(sum(amount) filter (where reason = 'refund'), 0)::text as refunded,
                 coalesce(sum(amount) filter (where reason not in ('recharge','purchase','settlement','refund')), 0)::text as other
          from ledger_entries where account_id = ${t.accountId}`;
        const [chg] = await sql`
          select coalesce(sum(amount - paid_voucher) filter (where transaction_type = 'purchase'), 0)::text as purchase,
                 coalesce(sum(amount) filter (where transaction_type = 'refund'), 0)::text as refund
          from charges where account_id = ${t.accountId}`;
        const inflow = money(flow?.recharged ?? '0');
        if (inflow !== m.rechargedTotal)
          return violate(t, op, `recharged ${flow?.recharged}, oracle ${fmt(m.rechargedTotal)}`);
        const outstanding = available(m);
        const consumed = money(chg?.purchase ?? '0') + serverCharges;
        const refunded = -money(chg?.refund ?? '0');
        if (inflow !== consumed - refunded + outstanding + 0n - money(flow?.other ?? '0'))
          return violate(
            t,
            op,
            `paid in ${fmt(inflow)} ≠ consumed ${fmt(consumed)} − refunded ${fmt(refunded)} + balance ${fmt(outstanding)}`,
          );
        if (-money(flow?.purchased ?? '0') !== money(chg?.purchase ?? '0'))
          return violate(t, op, `purchase ledger ${flow?.purchased} ≠ purchase charges ${chg?.purchase}`);
        // R8.3 refund parts never exceed, and when complete equal, what the order took.
        const ref = await sql`
          select o.id, o.quantity, o.paid_cash::text as c, o.paid_income::text as i, o.paid_gift::text as g,
                 count(r.id)::int as n, coalesce(sum(r.returned_cash), 0)::text as rc,
                 coalesce(sum(r.returned_income), 0)::text as ri, coalesce(sum(r.returned_gift), 0)::text as rg
          from orders o left join refunds r on r.order_id = o.id where o.account_id = ${t.accountId} group by o.id`;
        for (const r of ref) {
          const pairs: [string, string][] = [
            [r.c, r.rc],
            [r.i, r.ri],
            [r.g, r.rg],
          ];
          for (const [paid, back] of pairs) {
            if (money(back) > money(paid) || (r.n === r.quantity && money(back) !== money(paid)))
              return violate(t, op, `R8.3 order ${r.id}: ${r.n}/${r.quantity} packs refunded ${back} of ${paid}`);
          }
        }
        const nerr = (await checkNotices(t, op)) ?? (await checkR10(t));
        if (nerr) return violate(t, op, nerr);
      }
      prof.mark('sql');
      if (o2.bills) {
        const months = op === 'final' ? [...t.months] : [...t.months].sort().slice(-3);
        for (const month of months) {
          const err = await reconcileBills(client, t.cookie, month);
          if (err) return violate(t, op, `R5.5 ${month}: ${err}`);
        }
      }
      prof.mark('bills');
    };

    // ---- operations ------------------------------------------------------------------------------
    const label = (t: Tenant): string => {
      const total = LABELS.reduce((s, [, w]) => s + w, 0);
      let x = t.rng.next() * total;
      for (const [l, w] of LABELS) {
        x -= w;
        if (x < 0) return l;
      }
      return LABELS[0]?.[0] ?? 'risk.face';
    };

    const makeEvents = (t: Tenant, n: number): InEvent[] => {
      const m = t.m;
      const out: InEvent[] = [];
      const inOrder = skip.has('late');
      for (let i = 0; i < n; i++) {
        const r = t.rng.next();
        const kind = t.rng.next();
        const pickRes = t.rng.next();
        const pickLabel = label(t);
        const when = t.rng.next();
        if (r < 0.04 && t.recent.length > 0) {
          // A resend of an earlier event, same id and payload (R4.1 duplicate).
          out.push(t.recent[Math.floor(when * t.recent.length)] as InEvent);
          continue;
        }
        if (r < 0.06 && out.length > 0) {
          out.push(out[Math.floor(when * out.length)] as InEvent); // repeated inside the batch
          continue;
        }
        let at: number;
        if (inOrder) {
          at = t.lastAt + Math.floor(when * Math.max(0, m.now - t.lastAt));
          t.lastAt = Math.max(t.lastAt, at);
        } else if (kind < 0.08) {
          at = m.now - Math.floor(when * 2 * DAY); // late: yesterday or before (maybe a settled day)
        } else if (kind < 0.11) {
          at = m.now + 3_600_000 + Math.floor(when * DAY); // future (R4.6)
        } else if (kind < 0.13) {
          at = m.now + Math.floor(when * 240_000); // within the clock-skew allowance
        } else {
          // Today so far, in any order (out-of-order and late arrivals within the day).
          const from = Math.max(dayStart(cstDay(m.now)), m.now - 10 * 3_600_000);
          at = from + Math.floor(when * (m.now - from));
        }
        const resourceId =
          pickRes < 0.01 ? 'res-not-mine' : (m.resources[Math.floor(pickRes * 100) % m.resources.length] as string);
        const lbl = kind > 0.995 ? 'no.such.label' : pickLabel;
        const result =
          r > 0.85
            ? (NON_BILLABLE[Math.floor(r * 1000) % 3] as string)
            : (BILLABLE[Math.floor(r * 1000) % 6] as string);
        const e: InEvent = { id: `t${t.idx}-e${t.evSeq++}`, label: lbl, resourceId, result, occurredAt: iso(at) };
        out.push(e);
      }
      for (const e of out) {
        t.recent.push(e);
        if (t.recent.length > 200) t.recent.shift();
      }
      return out;
    };

    /** Orders the model placed without knowing their server ids (auto top-ups): learnt from GET /orders. */
    const learnOrders = async (t: Tenant): Promise<string | null> => {
      const unknown = t.m.orders.filter((o) => o.serverId === '');
      if (unknown.length === 0) return null;
      const r = await client.send({ method: 'GET', path: '/api/v1/orders?limit=50', cookie: t.cookie });
      if (r.status !== 200) return `GET /orders → ${r.status}`;
      const known = new Set(t.m.orders.map((o) => o.serverId));
      const fresh = (r.body.items as any[]).filter((o) => !known.has(o.id)).reverse(); // oldest first
      if (fresh.length !== unknown.length)
        return `R10.2 ${fresh.length} new orders on the server, oracle ${unknown.length} automatic ones`;
      for (const [i, o] of unknown.entries()) {
        const g = fresh[i];
        if (g.trigger !== 'auto_topup' || g.label !== o.label || g.quantity !== o.quantity || g.size !== o.size)
          return `R10.2 order ${g.id} ${g.trigger} ${g.label} ${g.size}×${g.quantity}, oracle auto_topup ${o.label} ${o.size}×${o.quantity}`;
        if (money(g.amount) !== o.amount) return `R10.2 order ${g.id} amount ${g.amount}, oracle ${fmt(o.amount)}`;
        o.serverId = g.id;
        const full = g.packs
          ? g
          : (await client.send({ method: 'GET', path: `/api/v1/orders/${g.id}`, cookie: t.cookie })).body;
        for (const [j, k] of o.packKeys.entries()) {
          const p = t.m.packs[k];
          if (p) p.serverId = full?.packs?.[j]?.id ?? null;
        }
      }
      return null;
    };
    /** After the model's auto top-up: learn what it bought; the events a purchase moved (R4.3) are checked. */
    const afterAutoTopup = async (
      t: Tenant,
      op: string,
      top: ReturnType<typeof applyAutoTopup>,
    ): Promise<string[] | null> => {
      if (top.kind !== 'none') saw(`auto top-up ${top.kind}`);
      if (top.kind !== 'bought') return [];
      t.steps.push(`  (step ${step}: auto top-up bought ${t.m.rule?.label})`);
      t.months.add(cstDay(t.m.now).slice(0, 7));
      const err = await learnOrders(t);
      if (err) {
        violate(t, op, err);
        return null;
      }
      return top.moved;
    };

    const usageOp = async (t: Tenant, n: number, mode: 'plain' | 'dup' | 'poison') => {
      const batch = makeEvents(t, n);
      if (mode === 'poison' && batch.length > 0) {
        // A NUL byte in a string field: the issue asks for a `rejected` outcome for that event and
        // normal processing of the rest.
        const first = batch[0] as InEvent;
        batch[0] = { ...first, id: `${first.id}-nul`, resourceId: `${first.resourceId}\u0000` };
      }
      events += batch.length;
      const op = `usage(${batch.length}${mode === 'plain' ? '' : `, ${mode}`})`;
      t.steps.push(
        `step ${step}: ${op} ${batch
          .map((e) => `${e.id}@${e.occurredAt.slice(5, 19)}:${e.label}:${e.result}`)
          .join(' ')
          .slice(0, 160)}`,
      );
      const req = { method: 'POST', path: '/api/v1/usage/events', bearer: t.serviceKey, body: { events: batch } };
      const exp = ingest(t.m, rules, batch);
      // R10.2 the rule (if any) acts right after the batch: the model follows once the answers are compared.
      let top: ReturnType<typeof applyAutoTopup> = { kind: 'none' };
      if (mode === 'dup') {
        // The same batch to both processes at once: one answers, the other sees duplicates.
        const [r1, r2] = await Promise.all([
          client.send(req, { node: nodes[0]?.up ? nodes[0] : client.pickNode() }),
          client.send(req, { node: nodes[1]?.up ? nodes[1] : client.pickNode() }),
        ]);
        if (r1.status !== 200 || r2.status !== 200)
          return violate(t, op, `duplicate batches → ${r1.status}, ${r2.status}`);
        const allDup = (r: Reply) => r.body.outcomes.every((x: any) => x.outcome === 'duplicate');
        const [first, second] = allDup(r1) && !allDup(r2) ? [r2, r1] : [r1, r2];
        if (!compareOutcomes(t, op, exp, first.body.outcomes, first.retried)) return;
        if (!allDup(second) && exp.some((e) => e.outcome !== 'duplicate'))
          return violate(
            t,
            op,
            `the same batch sent twice at once was processed twice: ${JSON.stringify(second.body.outcomes).slice(0, 200)}`,
          );
        top = applyAutoTopup(t.m, rules, batch);
      } else {
        const r = await send(t, req);
        if (r.status !== 200)
          return violate(t, op, `POST /usage/events → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        if (mode === 'poison') {
          const g = r.body.outcomes?.[0];
          if (g?.outcome !== 'rejected' || g.code !== 'INVALID_EVENT')
            return violate(t, op, `an event with a NUL byte → ${JSON.stringify(g)}`);
        }
        if (!compareOutcomes(t, op, exp, r.body.outcomes, r.retried)) return;
        top = applyAutoTopup(t.m, rules, batch, !r.retried);
      }
      const moved = await afterAutoTopup(t, op, top);
      if (moved === null) return;
      await check(t, op, { packs: true, bills: top.kind === 'bought', ids: [...batch.map((e) => e.id), ...moved] });
    };

    const malformedOp = async (t: Tenant) => {
      const batch = makeEvents(t, 3);
      const bad = [
        ...batch,
        {
          id: `t${t.idx}-bad${t.evSeq++}`,
          label: 'risk.face',
          resourceId: t.m.resources[0],
          result: 'exploded',
          occurredAt: iso(t.m.now),
        },
      ];
      const op = 'usage(malformed)';
      t.steps.push(`step ${step}: ${op}`);
      const r = await send(t, {
        method: 'POST',
        path: '/api/v1/usage/events',
        bearer: t.serviceKey,
        body: { events: bad },
      });
      if (r.status !== 400 || r.body?.code !== 'INVALID_REQUEST')
        return violate(t, op, `malformed batch → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      // Nothing of the batch is stored: resending its good events later is not a duplicate.
      t.recent.splice(t.recent.length - batch.length, batch.length);
      await check(t, op, { packs: false, bills: false, ids: batch.map((e) => e.id) });
    };

    const clockOp = async (t: Tenant, x: number, big: boolean) => {
      const m = t.m;
      // R9.3 usage injected by the move (drawn whatever the move, so the stream never depends on it).
      const wantInject = t.rng.next() < 0.3 && !big && !skip.has('inject');
      const injLabel = label(t);
      const perDay = 20 + Math.floor(t.rng.next() * 280);
      let body: Record<string, unknown>;
      let target: number;
      if (big) {
        const days = x < 0.7 ? 16 : 366; // release after suspension (R6.4) / expiry (R3.2)
        body = { advanceBy: `P${days}D` };
        target = m.now + days * DAY;
      } else if (x < 0.35) {
        body = { to: 'next-settlement' };
        target = next0800(m.now);
      } else if (x < 0.75) {
        const h = 1 + (Math.floor(x * 100) % 12);
        body = { advanceBy: `PT${h}H` };
        target = m.now + h * 3_600_000;
      } else {
        const d = 1 + (Math.floor(x * 1000) % 3);
        body = { advanceBy: `P${d}D` };
        target = m.now + d * DAY;
      }
      const usage = wantInject ? [{ label: injLabel, resourceId: m.resources[0], callsPerDay: perDay }] : undefined;
      if (usage) body.usage = usage;
      const op = `clock(${JSON.stringify(body)} → ${iso(target)})`;
      t.steps.push(`step ${step}: ${op}`);
      // A client retrying a move after a crash asks for the absolute target (never "one more day"), with the
      // same usage plan (a move resumed from its persisted plan reaches the target first: nothing is doubled).
      const again = () => ({
        method: 'POST',
        path: `/api/v1/demo/tenants/${t.accountId}/clock`,
        cookie: t.cookie,
        body: { advanceTo: iso(target), ...(usage ? { usage } : {}) },
      });
      let r = await send(
        t,
        { method: 'POST', path: `/api/v1/demo/tenants/${t.accountId}/clock`, cookie: t.cookie, body },
        again,
      );
      // R9.3 a move whose process died holds the tenant until its lease runs out (DEMO_MOVE_LEASE_SECONDS):
      // meanwhile the answer is 409 DEMO_CLOCK_BUSY, "try again"; the next move resumes the orphan first.
      const busy = (x: Reply) =>
        x.status === 409 && (x.body?.code === 'DEMO_CLOCK_BUSY' || String(x.body?.type).endsWith('/demo-clock-busy'));
      for (let i = 0; i < 60 && busy(r); i++) {
        await new Promise((ok) => setTimeout(ok, 500));
        r = await client.send(again());
      }
      if (r.status !== 200) return violate(t, op, `clock → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      const before = m.settledThrough;
      const from = m.now;
      // The injected calls as stored (ids and times are the server's), each ingested at the stop that
      // injected it; their outcomes are the oracle's (R4–R6 as for any call) and checked in SQL below.
      const inj = sql
        ? await sql`select event_id, label, resource_id, result, occurred_at, received_at from usage_events
            where account_id = ${t.accountId} and event_id like 'demo%' and received_at > ${new Date(from)}
            order by occurred_at, event_id`
        : [];
      const days = (target - from) / DAY;
      if (!usage && inj.length > 0) return violate(t, op, `${inj.length} calls injected, none asked`);
      if (usage && (inj.length < Math.floor(days) * perDay || inj.length > (Math.ceil(days) + 1) * perDay))
        return violate(t, op, `R9.3 ${inj.length} calls injected over ${days.toFixed(2)} days at ${perDay} a day`);
      events += inj.length;
      if (usage) saw('injected calls', inj.length);
      const inject = (_from: number, stop: number): InEvent[] =>
        inj
          .filter((e) => e.received_at.getTime() === stop)
          .map((e) => ({
            id: e.event_id,
            label: e.label,
            resourceId: e.resource_id,
            result: e.result,
            occurredAt: iso(e.occurred_at.getTime()),
          }));
      const { trialAt } = advance(m, rules, target, usage ? inject : undefined, new Set(usage?.map((u) => u.label)));
      if (usage && m.events.size + m.eventsBase < inj.length)
        return violate(t, op, 'R9.3 injected calls stored outside the stops of the move');
      for (const e of inj)
        if (!m.events.has(e.event_id))
          return violate(
            t,
            op,
            `R9.3 injected call ${e.event_id} received ${iso(e.received_at.getTime())}, not at a stop`,
          );
      if (trialAt !== null && skip.has('late')) t.lastAt = Math.max(t.lastAt, trialAt);
      if (Date.parse(r.body.now) !== target) return violate(t, op, `clock now ${r.body.now}, expected ${iso(target)}`);
      for (let d = cstDay(t.m.activatedAt); d <= cstDay(target); d = addDay(d, 28)) t.months.add(d.slice(0, 7));
      t.months.add(cstDay(target).slice(0, 7));
      // Events moved by a trial delivery (R4.3) are checked in SQL.
      const moved = [...m.events.values()]
        .filter((e) => e.outcome === 'pack' && m.packs[e.packKey ?? -1]?.serverId === null)
        .map((e) => e.id);
      const err = await learnOrders(t);
      if (err) return violate(t, op, err);
      await check(t, op, {
        packs: true,
        bills: before !== m.settledThrough,
        ids: [...moved, ...inj.map((e) => e.event_id as string)],
      });
    };

    const rechargeOp = async (t: Tenant, x: number) => {
      const amount = (BigInt(Math.floor(x * 300_000)) + 1_000n) * 100n; // 10.00 … 3,010.00
      const op = `recharge(${fmt(amount)})`;
      t.steps.push(`step ${step}: ${op}`);
      const r = await send(t, {
        method: 'POST',
        path: '/api/v1/account/recharge',
        cookie: t.cookie,
        idempotencyKey: key(t),
        body: { amount: fmt(amount).slice(0, -2) },
      });
      if (r.status !== 200) return violate(t, op, `recharge → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      recharge(t.m, amount);
      await check(t, op, { packs: false, bills: false });
    };

    const orderOp = async (t: Tenant, x: number, withVoucher: boolean) => {
      const lbl = BUYABLE[Math.floor(x * 1000) % BUYABLE.length] as string;
      const quantity = 1 + (Math.floor(x * 10_000) % 3);
      const size = x < 0.05 && !withVoucher ? 999 : 1000;
      const body: Record<string, unknown> = { label: lbl, size, quantity };
      if (withVoucher) body.voucherId = `vch-sim-${t.idx}`;
      const op = `order(${lbl} ${size}×${quantity}${withVoucher ? ', unknown voucher' : ''})`;
      t.steps.push(`step ${step}: ${op}`);
      const r = await send(t, {
        method: 'POST',
        path: '/api/v1/orders',
        cookie: t.cookie,
        idempotencyKey: key(t),
        body,
      });
      if (withVoucher) {
        // Another account's or a missing voucher: refused, nothing changes (R2.2).
        // 0003 says 409 VOUCHER_NOT_USABLE; api.md's convention for a missing object is 404: either.
        if (!((r.status === 409 && r.body?.code === 'VOUCHER_NOT_USABLE') || r.status === 404))
          return violate(t, op, `order with an unknown voucher → ${r.status} ${r.body?.code}`);
        return check(t, op, { packs: false, bills: false });
      }
      const tierOk = rules.labels.get(lbl)?.tiers.some((tt) => tt.size === size);
      if (!tierOk) {
        if (r.status !== 400 || r.body?.code !== 'UNKNOWN_TIER')
          return violate(t, op, `unknown tier → ${r.status} ${r.body?.code}`);
        return check(t, op, { packs: false, bills: false });
      }
      const res = placeOrder(t.m, rules, {
        label: lbl,
        size,
        quantity,
        serverOrderId: r.body?.id ?? '',
        serverPackIds: (r.body?.packs ?? []).map((p: any) => p.id),
      });
      if (!res.ok) {
        if (r.status !== res.status || r.body?.code !== res.code)
          return violate(t, op, `expected ${res.status} ${res.code}, got ${r.status} ${r.body?.code}`);
        return check(t, op, { packs: false, bills: false });
      }
      if (r.status !== 201)
        return violate(t, op, `order → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}, oracle 201`);
      if (money(r.body.amount) !== res.amount)
        return violate(t, op, `order amount ${r.body.amount}, oracle ${fmt(res.amount)}`);
      if (skip.has('late')) t.lastAt = Math.max(t.lastAt, t.m.now);
      t.months.add(cstDay(t.m.now).slice(0, 7));
      // R10.1 a purchase is an evaluation point (not when the answer is a replay after a crash).
      evaluateBudgets(t.m, !r.retried);
      await check(t, op, { packs: true, bills: true, ids: res.moved });
    };

    const refundOp = async (t: Tenant, x: number) => {
      const cands = t.m.packs.filter((p) => p.serverId !== null);
      if (cands.length === 0) return;
      const purchased = cands.filter((p) => p.source === 'purchase');
      const pool = x < 0.8 && purchased.length > 0 ? purchased : cands;
      const p = pool[pool.length - 1 - (Math.floor(x * 1000) % Math.min(pool.length, 4))] as OPack;
      const op = `refund(pack ${p.serverId} ${p.label} ${p.source} used ${p.used})`;
      t.steps.push(`step ${step}: ${op}`);
      const blocks = refundBlocks(t.m, p);
      const r = await send(t, {
        method: 'POST',
        path: '/api/v1/refunds',
        cookie: t.cookie,
        idempotencyKey: key(t),
        body: { packId: p.serverId },
      });
      if (blocks.length > 0) {
        if (r.status !== 409 || !blocks.includes(r.body?.code))
          return violate(t, op, `expected 409 ${blocks.join('|')}, got ${r.status} ${r.body?.code}`);
        return check(t, op, { packs: true, bills: false });
      }
      if (r.status !== 201)
        return violate(
          t,
          op,
          `refund → ${r.status} ${r.body?.code ?? JSON.stringify(r.body).slice(0, 200)}, oracle eligible`,
        );
      const got = {
        cash: money(r.body.returned.cash),
        income: money(r.body.returned.income),
        gift: money(r.body.returned.gift),
      };
      applyRefund(t.m, p, got);
      evaluateBudgets(t.m, !r.retried);
      const order = t.m.orders[p.orderKey ?? -1];
      if (order) {
        const err = checkRefundShare(order, got, order.refunded.length === order.quantity);
        if (err) return violate(t, op, err);
      }
      await check(t, op, { packs: true, bills: true });
    };

    /** R8.5 a refund racing a usage batch on the same pack: exactly one wins; the model follows the winner. */
    const raceOp = async (t: Tenant, n: number) => {
      const p = [...t.m.packs].reverse().find((q) => q.source === 'purchase' && refundBlocks(t.m, q).length === 0);
      if (!p?.serverId) return usageOp(t, n, 'plain');
      const batch: InEvent[] = [];
      for (let i = 0; i < n; i++) {
        batch.push({
          id: `t${t.idx}-e${t.evSeq++}`,
          label: p.label,
          resourceId: t.m.resources[0] as string,
          result: 'success',
          occurredAt: iso(t.m.now),
        });
      }
      events += batch.length;
      const op = `race(refund pack ${p.serverId} vs usage(${batch.length} ${p.label}))`;
      t.steps.push(`step ${step}: ${op}`);
      const [rr, ru] = await Promise.all([
        client.send(
          {
            method: 'POST',
            path: '/api/v1/refunds',
            cookie: t.cookie,
            idempotencyKey: key(t),
            body: { packId: p.serverId },
          },
          { node: client.pickNode(0) },
        ),
        client.send(
          { method: 'POST', path: '/api/v1/usage/events', bearer: t.serviceKey, body: { events: batch } },
          { node: client.pickNode(1) },
        ),
      ]);
      if (ru.status !== 200) return violate(t, op, `usage → ${ru.status}`);
      // Linearizability: the observed answers must be those of one of the two serial orders.
      const tryOrder = (refundFirst: boolean): { m: Model; ok: boolean } => {
        const m = structuredClone(t.m);
        const q = m.packs[p.key] as OPack;
        let refundOk = false;
        const doRefund = () => {
          const blocks = refundBlocks(m, q);
          if (blocks.length === 0 && rr.status === 201) {
            applyRefund(m, q, {
              cash: money(rr.body.returned.cash),
              income: money(rr.body.returned.income),
              gift: money(rr.body.returned.gift),
            });
            refundOk = true;
          } else refundOk = blocks.length > 0 && rr.status === 409 && blocks.includes(rr.body?.code);
        };
        if (refundFirst) doRefund();
        const exp = ingest(m, rules, batch);
        if (!refundFirst) doRefund();
        const usageOk = exp.every((e, i) => {
          const g = ru.body.outcomes[i];
          if (g?.outcome !== e.outcome) return false;
          if (e.outcome === 'pack') return m.packs.find((x) => x.serverId === g.packId)?.key === e.packKey;
          if (e.outcome === 'rejected') return e.codes.includes(g.code);
          return true;
        });
        return { m, ok: refundOk && usageOk };
      };
      const a = tryOrder(true);
      const b = tryOrder(false);
      const win = a.ok ? a : b.ok ? b : null;
      if (!win)
        return violate(
          t,
          op,
          `no serial order explains refund ${rr.status} ${rr.body?.code ?? ''} with usage ${JSON.stringify(ru.body.outcomes).slice(0, 200)}`,
        );
      t.m = win.m;
      evaluateBudgets(t.m, rr.status === 201);
      await check(t, op, { packs: true, bills: true, ids: batch.map((e) => e.id) });
    };

    const postpaidOp = async (t: Tenant) => {
      const want = !t.m.postpaid;
      const op = `postpaid(${want ? 'on' : 'off'})`;
      t.steps.push(`step ${step}: ${op}`);
      const r = await send(t, {
        method: 'PATCH',
        path: '/api/v1/account',
        cookie: t.cookie,
        body: { postpaidEnabled: want },
      });
      if (r.status !== 200) return violate(t, op, `PATCH /account → ${r.status} ${r.body?.code}`);
      t.m.postpaid = want;
      await check(t, op, { packs: false, bills: false });
    };

    /**
     * R10.2 set (or replace, or delete) the tenant's one auto top-up rule. One rule per tenant: two labels crossing
     * in one batch would buy in an order the rule book does not fix. Racy tenants have none (a refund racing a
     * batch would leave three serial orders to explain).
     */
    const topupOp = async (t: Tenant, x: number) => {
      const m = t.m;
      const lbl = BUYABLE[Math.floor(x * 1000) % BUYABLE.length] as string;
      const below = [50, 300, 900, 1500][Math.floor(x * 10_000) % 4] as number;
      const quantity = 1 + (Math.floor(x * 100_000) % 2);
      const monthlyLimit = 1 + (Math.floor(x * 1_000_000) % 3);
      if (t.racy || t.rich) return;
      if (x > 0.9 && m.rule) {
        const op = `auto-topup(delete ${m.rule.label})`;
        t.steps.push(`step ${step}: ${op}`);
        const r = await client.send({
          method: 'DELETE',
          path: `/api/v1/auto-topups/${m.rule.label}`,
          cookie: t.cookie,
        });
        if (!(r.status === 204 || (r.retried && r.status === 404)))
          return violate(t, op, `DELETE /auto-topups → ${r.status} ${r.body?.code}`);
        m.rule = null;
        return check(t, op, { packs: false, bills: false, full: true });
      }
      if (m.rule && m.rule.label !== lbl) {
        const r = await client.send({
          method: 'DELETE',
          path: `/api/v1/auto-topups/${m.rule.label}`,
          cookie: t.cookie,
        });
        if (!(r.status === 204 || (r.retried && r.status === 404)))
          return violate(t, 'auto-topup(replace)', `DELETE /auto-topups → ${r.status} ${r.body?.code}`);
        m.rule = null;
      }
      const body = { enabled: x < 0.85, belowCalls: below, size: 1000, quantity, monthlyLimit };
      const op = `auto-topup(${lbl} ${JSON.stringify(body)})`;
      t.steps.push(`step ${step}: ${op}`);
      const r = await client.send({ method: 'PUT', path: `/api/v1/auto-topups/${lbl}`, cookie: t.cookie, body });
      if (r.status !== 200) return violate(t, op, `PUT /auto-topups → ${r.status} ${r.body?.code}`);
      if (r.body.belowCalls !== below || r.body.enabled !== body.enabled || r.body.quantity !== quantity)
        return violate(t, op, `PUT /auto-topups answered ${JSON.stringify(r.body)}`);
      // A set rule starts a fresh watch (decision 0014): it acts on the next batch that finds the label below N.
      m.rule = { label: lbl, ...body, armed: true };
      await check(t, op, { packs: false, bills: false, full: true });
    };

    /** R10.1 create, change or delete a monthly budget (whole account or one label); spent is checked after. */
    const budgetOp = async (t: Tenant, x: number) => {
      const m = t.m;
      if (t.rich) return; // its year of history is observed, not modelled per month
      const live = m.budgets.filter((b) => !b.deleted);
      const amount = (BigInt(Math.floor(x * 3_000)) + 20n) * U;
      if (live.length < 3 && (x < 0.6 || live.length === 0)) {
        const lbl = x < 0.3 ? null : (LABELS[Math.floor(x * 1000) % LABELS.length]?.[0] ?? null);
        const thresholds = x < 0.45 ? [50, 80, 100] : [25, 60, 100, 150];
        const body: Record<string, unknown> = { name: `sim ${t.idx}.${m.budgets.length}`, amount: fmt(amount) };
        if (lbl) body.scope = { label: lbl };
        if (x >= 0.45) body.thresholds = thresholds;
        const op = `budget(create ${fmt(amount)} ${lbl ?? 'account'} ${thresholds.join('/')})`;
        t.steps.push(`step ${step}: ${op}`);
        const r = await client.send({ method: 'POST', path: '/api/v1/budgets', cookie: t.cookie, body });
        if (r.status !== 201) return violate(t, op, `POST /budgets → ${r.status} ${r.body?.code}`);
        m.budgets.push({
          serverId: r.body.id,
          amount,
          label: lbl,
          thresholds,
          alerted: new Set(),
          reached: new Set(),
          deleted: false,
        });
        // A retried creation may have made two budgets: the sim sees it in GET /budgets (count).
        evaluateBudgets(m, !r.retried);
        return check(t, op, { packs: false, bills: false, full: true });
      }
      const b = live[Math.floor(x * 100) % live.length] as (typeof live)[number];
      if (x < 0.85) {
        const op = `budget(amount ${b.serverId} → ${fmt(amount)})`;
        t.steps.push(`step ${step}: ${op}`);
        const r = await client.send({
          method: 'PATCH',
          path: `/api/v1/budgets/${b.serverId}`,
          cookie: t.cookie,
          body: { amount: fmt(amount) },
        });
        if (r.status !== 200) return violate(t, op, `PATCH /budgets → ${r.status} ${r.body?.code}`);
        b.amount = amount;
        evaluateBudgets(m, !r.retried);
        return check(t, op, { packs: false, bills: false, full: true });
      }
      const op = `budget(delete ${b.serverId})`;
      t.steps.push(`step ${step}: ${op}`);
      const r = await client.send({ method: 'DELETE', path: `/api/v1/budgets/${b.serverId}`, cookie: t.cookie });
      if (!(r.status === 204 || (r.retried && r.status === 404)))
        return violate(t, op, `DELETE /budgets → ${r.status} ${r.body?.code}`);
      b.deleted = true;
      await check(t, op, { packs: false, bills: false, full: true });
    };

    /** R10.1 each budget's spent this month = the oracle's; R10.2 the rule's boughtThisMonth = the oracle's. */
    const checkR10 = async (t: Tenant): Promise<string | null> => {
      const m = t.m;
      const month = cstDay(m.now).slice(0, 7);
      const live = m.budgets.filter((b) => !b.deleted);
      if (live.length > 0) {
        const r = await client.send({ method: 'GET', path: '/api/v1/budgets', cookie: t.cookie });
        if (r.status !== 200) return `GET /budgets → ${r.status}`;
        const items = r.body.items as any[];
        if (items.length !== live.length) return `R10.1 ${items.length} budgets, oracle ${live.length}`;
        for (const b of live) {
          const g = items.find((i) => i.id === b.serverId);
          if (!g) return `R10.1 budget ${b.serverId} missing`;
          const want = budgetSpent(m, month, b.label);
          if (g.month !== month || money(g.spent) !== want)
            return `R10.1 budget ${b.serverId} (${b.label ?? 'account'}) spent ${g.spent} in ${g.month}, oracle ${fmt(want)} in ${month}`;
        }
      }
      if (m.rule) {
        const r = await client.send({ method: 'GET', path: '/api/v1/auto-topups', cookie: t.cookie });
        if (r.status !== 200) return `GET /auto-topups → ${r.status}`;
        const g = (r.body.items as any[]).find((i) => i.label === m.rule?.label);
        const bought = m.orders.filter(
          (o) => o.auto && o.label === m.rule?.label && cstDay(o.at).slice(0, 7) === month,
        ).length;
        if (!g || g.boughtThisMonth !== bought)
          return `R10.2 rule ${m.rule.label} boughtThisMonth ${g?.boughtThisMonth}, oracle ${bought}`;
      }
      return null;
    };

    /** R9.2 read-only impersonation refuses a recharge; R8.5 staff refusal of a refund. */
    const staffOp = async (t: Tenant, x: number) => {
      if (x < 0.5) {
        const op = 'staff(impersonate read-only, try a recharge)';
        t.steps.push(`step ${step}: ${op}`);
        const s = await send(t, {
          method: 'POST',
          path: '/api/v1/staff/impersonations',
          cookie: agent,
          body: { accountId: t.accountId, reason: 'simulator check of the account' },
        });
        if (s.status !== 201) return violate(t, op, `impersonation → ${s.status} ${s.body?.code}`);
        const a = await client.send({ method: 'GET', path: '/api/v1/account', cookie: agent });
        if (a.status !== 200 || a.body.id !== t.accountId)
          return violate(t, op, `impersonated GET /account → ${a.status} ${a.body?.id}`);
        const w = await client.send({
          method: 'POST',
          path: '/api/v1/account/recharge',
          cookie: agent,
          idempotencyKey: key(t),
          body: { amount: '1.00' },
        });
        if (w.status !== 403) return violate(t, op, `read-only impersonation recharged: ${w.status}`);
        const d = await client.send({ method: 'DELETE', path: '/api/v1/staff/impersonations/current', cookie: agent });
        if (d.status !== 204) return violate(t, op, `stop impersonation → ${d.status}`);
        return check(t, op, { packs: false, bills: false });
      }
      const purchased = t.m.packs.filter((p) => p.serverId !== null && p.source === 'purchase');
      const p = purchased[purchased.length - 1];
      if (!p) return;
      const op = `staff(refuse refund of pack ${p.serverId})`;
      t.steps.push(`step ${step}: ${op}`);
      const r = await send(t, {
        method: 'POST',
        path: '/api/v1/staff/refund-refusals',
        cookie: agent,
        body: { packId: p.serverId, reason: 'suspected abuse (simulator)' },
      });
      if (p.refunded) {
        if (r.status !== 409 || r.body?.code !== 'ALREADY_REFUNDED')
          return violate(t, op, `refusing a refunded pack → ${r.status} ${r.body?.code}`);
      } else if (r.status !== 201) return violate(t, op, `refusal → ${r.status} ${r.body?.code}`);
      else p.refusedReason = 'suspected abuse (simulator)';
      await check(t, op, { packs: true, bills: false });
    };

    /** R8.6 SSL certificate orders: pending → refund refused → cancel → refund once (with the refund-policy consent), exactly what was paid. */
    const certOp = async (t: Tenant) => {
      const list = await client.send({ method: 'GET', path: '/api/v1/certificates', cookie: t.cookie });
      const op = 'certificate';
      if (list.status !== 200) return violate(t, op, `GET /certificates → ${list.status}`);
      const c = (list.body.items as any[]).find((x) => x.status !== 'refunded');
      if (!t.rich || !c) {
        if (!t.rich && list.body.items.length > 0) return violate(t, op, `an empty tenant has certificate orders`);
        return;
      }
      t.steps.push(`step ${step}: certificate ${c.id} (${c.status})`);
      const path = `/api/v1/certificates/${c.id}`;
      if (c.status === 'pending_submission') {
        const early = await send(t, {
          method: 'POST',
          path: `${path}/refund`,
          cookie: t.cookie,
          body: { policyAccepted: true },
        });
        if (early.status !== 409 || early.body?.code !== 'CERTIFICATE_PENDING_CANCEL_FIRST')
          return violate(t, `${op} refund before cancel`, `→ ${early.status} ${early.body?.code}`);
        const cancel = await send(t, { method: 'POST', path: `${path}/cancel`, cookie: t.cookie, body: {} });
        const okCancel = cancel.status === 200 || (cancel.retried && cancel.status === 409);
        if (!okCancel) return violate(t, `${op} cancel`, `→ ${cancel.status} ${cancel.body?.code}`);
        return check(t, op, { packs: false, bills: false });
      }
      if (!c.actions?.refund) return;
      const r = await send(t, {
        method: 'POST',
        path: `${path}/refund`,
        cookie: t.cookie,
        body: { policyAccepted: true },
      });
      if (r.status === 409 && r.retried && r.body?.code === 'ALREADY_REFUNDED') {
        // The first attempt refunded before the crash: what it returned is what was paid.
        t.m.cash += money(c.paid.cash);
        t.m.gift += money(c.paid.gift);
      } else {
        if (r.status !== 201) return violate(t, `${op} refund`, `→ ${r.status} ${r.body?.code}`);
        const back = r.body.returned;
        if (money(back.cash) !== money(c.paid.cash) || money(back.gift) !== money(c.paid.gift))
          return violate(
            t,
            `${op} refund`,
            `R8.6 returned ${back.cash} cash + ${back.gift} gift, paid ${c.paid.cash} + ${c.paid.gift}`,
          );
        t.m.cash += money(back.cash);
        t.m.gift += money(back.gift);
      }
      const again = await send(t, {
        method: 'POST',
        path: `${path}/refund`,
        cookie: t.cookie,
        body: { policyAccepted: true },
      });
      if (again.status !== 409 || again.body?.code !== 'ALREADY_REFUNDED')
        return violate(t, `${op} second refund`, `→ ${again.status} ${again.body?.code}`);
      t.months.add(cstDay(t.m.now).slice(0, 7));
      await check(t, op, { packs: false, bills: true });
    };

    // ---- the run ---------------------------------------------------------------------------------
    const opsEstimate = Math.max(10, Math.ceil(o.events / ((o.batchMax ?? 240) / 4)));
    const crashP = crashTarget / opsEstimate;
    // The run's length is counted from what the PRNG drew (not from what was sent), so that a tenant
    // that stopped at a violation, or a race won either way, never changes how many steps the others get.
    let budget = 0;
    while (budget < o.events) {
      if (o.stopAt !== undefined && step >= o.stopAt) break;
      step++;
      const ti = Math.floor(sched.next() * nAll2);
      if (crashRng.next() < crashP && crashes < crashTarget * 2) crashNext = true;
      // Drawn whatever happens next, so that every tenant's stream is the same in every run.
      const t0 = tenants.find((x) => x.idx === ti);
      const rng = t0?.rng ?? new Rng(`${o.seed}:ghost:${ti}:${step}`);
      const k = rng.next();
      const x = rng.next();
      const n = 1 + Math.floor(rng.next() * rng.next() * (o.batchMax ?? 240));
      const cut = (...w: number[]) => {
        let acc = 0;
        for (const [i, v] of w.entries()) {
          acc += v;
          if (k < acc) return i;
        }
        return w.length;
      };
      // usage, clock, recharge, order, refund, postpaid, dup batch, race, staff, voucher, malformed, poison, big clock,
      // certificate, auto top-up rule, budget
      const kind = cut(
        0.36,
        0.13,
        0.08,
        0.1,
        0.08,
        0.03,
        0.03,
        0.03,
        0.03,
        0.02,
        0.02,
        0.02,
        0.003,
        0.02,
        0.025,
        0.015,
      );
      budget += kind === 0 || kind === 6 || kind === 7 || kind === 11 || kind > 15 ? n : kind === 10 ? 4 : 0;
      if (!t0 || t0.diverged) continue; // another tenant's step in a reproduction, or a tenant stopped at a violation
      const t = t0;
      operations++;
      try {
        switch (kind) {
          case 0:
            await usageOp(t, n, 'plain');
            break;
          case 1:
            await clockOp(t, x, false);
            break;
          case 2:
            await rechargeOp(t, x);
            break;
          case 3:
            await orderOp(t, x, false);
            break;
          case 4:
            await refundOp(t, x);
            break;
          case 5:
            await postpaidOp(t);
            break;
          case 6:
            if (skip.has('race')) await usageOp(t, n, 'plain');
            else await usageOp(t, n, 'dup');
            break;
          case 7:
            if (t.racy) await raceOp(t, n);
            else await usageOp(t, n, 'plain');
            break;
          case 8:
            await staffOp(t, x);
            break;
          case 9:
            await orderOp(t, x, true);
            break;
          case 10:
            await malformedOp(t);
            break;
          case 11:
            if (skip.has('poison')) await usageOp(t, n, 'plain');
            else await usageOp(t, n, 'poison');
            break;
          case 12:
            if (skip.has('long')) await clockOp(t, x, false);
            else await clockOp(t, x, true);
            break;
          case 13:
            await certOp(t);
            break;
          case 14:
            if (skip.has('r10')) await usageOp(t, n, 'plain');
            else await topupOp(t, x);
            break;
          case 15:
            if (skip.has('r10')) await usageOp(t, n, 'plain');
            else await budgetOp(t, x);
            break;
          default:
            await usageOp(t, n, 'plain');
        }
      } catch (err) {
        violate(
          t,
          `step ${step}`,
          `the simulator's request failed: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      if (step % 200 === 0)
        log(
          `sim: step ${step}, ${events} events, ${crashes} crashes, ${violations.length} violations, ${Math.round(
            events / ((Date.now() - started) / 1000),
          )} events/s`,
        );
    }
    // Let every restarted process come back before the final checks.
    await Promise.all(nodes.map((n) => n.starting?.catch(() => {})));

    // ---- final: full comparison in SQL and the digest --------------------------------------------
    step++;
    const digest = createHash('sha256');
    for (const t of tenants) {
      if (!t.diverged) {
        await check(t, 'final', { packs: true, bills: true });
        const rows =
          await sql`select event_id, outcome, pack_id::text as pack_id, code from usage_events where account_id = ${t.accountId}`;
        for (const r of rows) {
          const e = t.m.events.get(r.event_id);
          if (!e && t.rich && !r.event_id.startsWith(`t${t.idx}-`)) continue; // history from before the model
          const pk = r.pack_id ? serverPack(t, r.pack_id)?.key : null;
          if (
            !e ||
            r.outcome !== e.outcome ||
            (e.outcome === 'pack' && pk !== e.packKey) ||
            (e.outcome === 'rejected' && !e.codes.includes(r.code))
          ) {
            violate(
              t,
              'final',
              `stored event ${r.event_id}: ${r.outcome} ${r.code ?? ''}, oracle ${e?.outcome ?? 'none'} ${e?.codes.join('|') ?? ''}`,
            );
            break;
          }
        }
      }
      if (t.racy) {
        digest.update(`t${t.idx} racy\n`);
        continue;
      }
      const text = await tenantDigest(sql, t);
      digest.update(text);
      if (process.env.SIM_DUMP) appendFileSync(process.env.SIM_DUMP, `${text}${t.steps.join('\n')}\n`);
    }
    const hex = digest.digest('hex').slice(0, 16);
    if (o.profile) log(`sim: time by phase: ${prof.text()}; ${fullChecks} full SQL checks`);
    log(`sim: exercised: ${[...seen].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    return {
      seed: o.seed,
      events,
      operations,
      crashes,
      violations,
      digest: hex,
      seconds: (Date.now() - started) / 1000,
      requests: client.requests,
    };
  } finally {
    for (const n of nodes) await n.kill();
    await sql?.end();
    if (o.keep) {
      log(`sim: kept database ${db.url}`);
    } else {
      await db.drop();
    }
  }
}

/** Where the simulator's time goes: each mark adds the time since the previous mark to a phase. */
class Prof {
  private last = performance.now();
  readonly acc = new Map<string, number>();
  mark(phase: string): void {
    const n = performance.now();
    this.acc.set(phase, (this.acc.get(phase) ?? 0) + n - this.last);
    this.last = n;
  }
  text(): string {
    return [...this.acc].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ');
  }
}

/** Reads a tenant that has history (the rich scenario) into a fresh model: the oracle continues from there. */
async function observe(sql: postgres.Sql | null, t: Tenant): Promise<void> {
  if (!sql) throw new Error('no database');
  const m = t.m;
  const [a] =
    await sql`select activated_at, simulated_now, status, postpaid_enabled, violation, cash::text, income::text, gift::text,
    settled_through, arrears_since, suspended_at from accounts where id = ${t.accountId}`;
  if (!a) throw new Error('rich tenant not found');
  m.activatedAt = a.activated_at.getTime();
  m.now = a.simulated_now.getTime();
  m.status = a.status;
  m.postpaid = a.postpaid_enabled;
  m.violation = a.violation;
  m.cash = money(a.cash);
  m.income = money(a.income);
  m.gift = money(a.gift);
  m.settledThrough = a.settled_through;
  m.arrearsSince = a.arrears_since?.getTime() ?? null;
  m.suspendedAt = a.suspended_at?.getTime() ?? null;
  m.trialGranted = true;
  t.lastAt = m.now;
  const packs =
    await sql`select id::text, label, source, total, used, status, acquired_at, expires_at, order_id, refund_refused_reason
    from packs where account_id = ${t.accountId} order by id`;
  for (const p of packs)
    m.packs.push({
      key: m.packs.length,
      serverId: p.id,
      label: p.label,
      source: p.source,
      total: p.total,
      used: p.used,
      acquiredAt: p.acquired_at.getTime(),
      expiresAt: p.expires_at.getTime(),
      refunded: p.status === 'refunded',
      orderKey: null,
      refusedReason: p.refund_refused_reason,
    });
  const orders =
    await sql`select id, label, size, quantity, amount::text, paid_voucher::text as v, paid_gift::text as g,
    paid_income::text as i, paid_cash::text as c, created_at, trigger from orders where account_id = ${t.accountId} order by created_at, id`;
  for (const o of orders) {
    const order: OOrder = {
      key: m.orders.length,
      serverId: o.id,
      label: o.label,
      size: o.size,
      quantity: o.quantity,
      amount: money(o.amount),
      paid: { voucher: money(o.v), gift: money(o.g), income: money(o.i), cash: money(o.c) },
      packKeys: [],
      refunded: [],
      at: o.created_at.getTime(),
      auto: o.trigger === 'auto_topup',
    };
    for (const [i, p] of packs.entries()) {
      if (p.order_id !== o.id) continue;
      order.packKeys.push(i);
      const mp = m.packs[i];
      if (mp) mp.orderKey = order.key;
    }
    m.orders.push(order);
  }
  const refunds =
    await sql`select order_id, returned_cash::text as c, returned_income::text as i, returned_gift::text as g
    from refunds where account_id = ${t.accountId}`;
  for (const r of refunds)
    m.orders
      .find((o) => o.serverId === r.order_id)
      ?.refunded.push({ cash: money(r.c), income: money(r.i), gift: money(r.g) });
  // Unsettled days' events are live for R4.3 coverage; the rest is history the model only counts.
  const live =
    await sql`select event_id, label, resource_id, result, occurred_at, outcome, pack_id::text as pack_id, code
    from usage_events where account_id = ${t.accountId} and day > coalesce(${m.settledThrough}::text, '0000')`;
  for (const e of live)
    addEvent(m, {
      id: e.event_id,
      label: e.label,
      resourceId: e.resource_id,
      result: e.result,
      at: e.occurred_at.getTime(),
      outcome: e.outcome,
      packKey: e.pack_id ? (m.packs.find((p) => p.serverId === e.pack_id)?.key ?? null) : null,
      codes: e.code ? [e.code] : [],
    });
  const [n] = await sql`select count(*)::int as n from usage_events where account_id = ${t.accountId}`;
  m.eventsBase = (n?.n ?? 0) - m.events.size;
  const [ch] =
    await sql`select coalesce(sum(amount), 0)::text as s from charges where account_id = ${t.accountId} and transaction_type in ('daily_settlement', 'monthly_settlement')`;
  m.chargesBase = money(ch?.s ?? '0');
  const [rc] =
    await sql`select coalesce(sum(amount), 0)::text as s from ledger_entries where account_id = ${t.accountId} and reason = 'recharge'`;
  m.rechargedTotal = money(rc?.s ?? '0');
  const [nb] = await sql`select coalesce(max(id), 0)::text as id from notifications where account_id = ${t.accountId}`;
  t.noticeBase = nb?.id ?? '0';
  for (let d = cstDay(m.activatedAt); d <= cstDay(m.now); d = addDay(d, 28)) t.months.add(d.slice(0, 7));
}

/** The tenant's final state as the server holds it, with its own ids replaced by stable ones. */
async function tenantDigest(sql: postgres.Sql, t: Tenant): Promise<string> {
  const packIdx = new Map(t.m.packs.map((p) => [p.serverId, p.key]));
  const res = (id: string | null) => (id === null ? '-' : String(t.m.resources.indexOf(id)));
  const [a] =
    await sql`select status, postpaid_enabled, cash::text, income::text, gift::text, settled_through, arrears_since, suspended_at, simulated_now from accounts where id = ${t.accountId}`;
  const lines: string[] = [
    `t${t.idx} ${JSON.stringify({ ...a, arrears_since: a?.arrears_since?.toISOString() ?? null, suspended_at: a?.suspended_at?.toISOString() ?? null, simulated_now: a?.simulated_now?.toISOString() })}`,
  ];
  const packs =
    await sql`select id::text, label, source, total, used, status, acquired_at, expires_at, refund_refused_reason from packs where account_id = ${t.accountId}`;
  for (const p of packs
    .map((p: any) => ({ ...p, k: packIdx.get(p.id) ?? -1 }))
    .sort((x: any, y: any) => x.k - y.k) as any[])
    lines.push(
      `p${p.k} ${p.label} ${p.source} ${p.used}/${p.total} ${p.status} ${p.acquired_at.toISOString()} ${p.expires_at.toISOString()} ${p.refund_refused_reason ?? ''}`,
    );
  const evs =
    await sql`select event_id, outcome, pack_id::text as pack_id, code from usage_events where account_id = ${t.accountId} order by event_id`;
  // Resource ids carry the account id (random per run): name them by their index.
  const norm = (id: string) => t.m.resources.reduce((acc, r, i) => acc.split(r).join(`r${i}`), id);
  for (const e of evs)
    lines.push(`e ${norm(e.event_id)} ${e.outcome} ${e.pack_id ? packIdx.get(e.pack_id) : ''} ${e.code ?? ''}`);
  const ch =
    await sql`select occurred_at, label, resource_id, transaction_type, quantity, amount::text, paid_cash::text, paid_income::text, paid_gift::text from charges where account_id = ${t.accountId} and amount <> 0`;
  const chl = ch.map(
    (c) =>
      `c ${c.occurred_at.toISOString()} ${c.label} ${res(c.resource_id)} ${c.transaction_type} ${c.quantity} ${c.amount} ${c.paid_cash} ${c.paid_income} ${c.paid_gift}`,
  );
  lines.push(...chl.sort());
  return `${lines.join('\n')}\n`;
}

/** R5.5 the itemized rows of a month sum to the resource-ID bill, which sums to the overview. */
async function reconcileBills(client: Client, cookie: string, month: string): Promise<string | null> {
  const sumAll = async (path: string): Promise<bigint | string> => {
    let total = 0n;
    let cursor: string | null = null;
    do {
      const r = await client.send({
        method: 'GET',
        path: `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        cookie,
      });
      if (r.status !== 200) return `${path} → ${r.status}`;
      for (const it of r.body.items) total += money(it.amount ?? it.total);
      cursor = r.body.nextCursor;
    } while (cursor);
    return total;
  };
  const items = await sumAll(`/api/v1/bills/items?month=${month}`);
  const res = await sumAll(`/api/v1/bills/resources?month=${month}`);
  const ov = await client.send({ method: 'GET', path: `/api/v1/bills/overview?month=${month}`, cookie });
  if (typeof items === 'string') return items;
  if (typeof res === 'string') return res;
  if (ov.status !== 200) return `overview → ${ov.status}`;
  const total = money(ov.body.total);
  if (items !== res || res !== total) return `items ${fmt(items)}, resources ${fmt(res)}, overview ${ov.body.total}`;
  return null;
}
