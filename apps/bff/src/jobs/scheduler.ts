import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Deps } from '../deps.ts';
import { silentLogger } from '../observability/logger.ts';
import { metrics } from '../observability/metrics.ts';
import {
  allRealAccountIds,
  claimLeases,
  DUE_QUERY_COVERS,
  dueAccountIds,
  releaseLeases,
} from '../repositories/job-leases.ts';
import type { AccountJob, Happening } from './job.ts';
import { accountJobs } from './registry.ts';

/** Runs every registered job for one account at `now`, in registration order (jobs are idempotent). */
export async function runAccountJobs(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
  const out: Happening[] = [];
  for (const job of accountJobs) out.push(...(await job.run(deps, accountId, now)));
  return out;
}

/** This process's name in `job_leases.holder`: host, pid and a random part (pids repeat across hosts/restarts). */
export const processHolder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export interface TickOptions {
  /** Lease holder name; one per process (default `processHolder`). */
  holder?: string;
  /** How long a claimed lease lasts before another instance may take it (default 60 s); renewed while working. */
  leaseMs?: number;
  /** Accounts worked on at once by this instance (default 1; PGlite runs one statement at a time anyway). */
  concurrency?: number;
  /** Accounts per lease claim (default 25): one claim and one release statement per chunk. */
  chunk?: number;
  /** The jobs to run (default: the registry). */
  jobs?: readonly AccountJob[];
  /** Stops the pass between accounts (shutdown); what is left is due again at the next tick. */
  signal?: AbortSignal;
}

export interface TickResult {
  /** Accounts that had something due (the pre-filter's answer). */
  accounts: number;
  /** Accounts whose jobs this instance ran (it held their lease). */
  ran: number;
  /** Due accounts left to another instance because it held their lease. */
  leasedElsewhere: number;
  happened: Happening[];
  failed: string[];
}

/** Settlement runs and their lag behind the due time (the happening's `at`, 08:00 CST) for /metrics. */
function observeSettlements(happenings: Happening[], now: Date) {
  for (const h of happenings) {
    const kind = h.kind === 'daily_settlement' ? 'daily' : h.kind === 'monthly_settlement' ? 'monthly' : null;
    if (!kind) continue;
    metrics.settlementRuns.inc({ kind });
    const due = Date.parse(h.at);
    if (!Number.isNaN(due)) metrics.settlementLag.observe({ kind }, Math.max(0, (now.getTime() - due) / 1000));
  }
}

const covered = (jobs: readonly AccountJob[]) =>
  jobs.every((j) => (DUE_QUERY_COVERS as readonly string[]).includes(j.name));

/**
 * One pass over the real (non-demo) accounts at the clock's now, safe to run on every BFF instance:
 *
 * 1. one query finds the accounts with anything due (`dueAccountIds`; 100,000 idle accounts cost
 *    that query and nothing else). If a job is registered that the query does not know, every real
 *    account is visited instead (slower, never wrong).
 * 2. the due accounts are worked through in chunks; a chunk's leases (`job_leases`, key
 *    `account:<id>`) are claimed in one statement, so two instances never even start the same
 *    account's jobs at once: an account leased elsewhere is skipped (that instance runs it). Under
 *    the lease the chunk is checked again with the due query (an instance that just finished an
 *    account has given its lease back), so an account's jobs run once per due moment across all
 *    instances. The leases are renewed while a chunk is worked on and given back after it.
 * 3. correctness does not rest on the lease: each job is idempotent and its writes are unique in the
 *    database (settlements, notices, job_runs) under the account row lock; the lease only keeps
 *    instances from doing the same work twice (and from queueing on each other's locks).
 *
 * A failing account is logged and skipped so it cannot hold the others back; the next tick retries it.
 */
export async function tick(deps: Deps, opts: TickOptions = {}): Promise<TickResult> {
  const now = deps.clock.now();
  const jobs = opts.jobs ?? accountJobs;
  const holder = opts.holder ?? processHolder;
  const leaseMs = opts.leaseMs ?? 60_000;
  const chunkSize = Math.max(1, opts.chunk ?? 25);
  const ids = covered(jobs) ? await dueAccountIds(deps.db, now, deps.config) : await allRealAccountIds(deps.db);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += chunkSize) chunks.push(ids.slice(i, i + chunkSize));
  const happened: Happening[] = [];
  const failed: string[] = [];
  let ran = 0;
  let leasedElsewhere = 0;

  const log = deps.logger ?? silentLogger;
  const work = async (chunk: string[]) => {
    let keys = await claimLeases(
      deps.db,
      chunk.map((id) => `account:${id}`),
      holder,
      leaseMs,
    );
    let claimedAt = Date.now();
    const held = new Set(keys);
    leasedElsewhere += chunk.length - held.size;
    metrics.leaseAcquisitions.inc({ result: 'acquired' }, held.size);
    metrics.leaseAcquisitions.inc({ result: 'held_elsewhere' }, chunk.length - held.size);
    try {
      // Re-check under the lease: another instance may have done an account between our due query
      // and our claim (it held the lease, finished, gave it back). Not needed for correctness (the
      // jobs are idempotent), but it keeps "each account's jobs run once" exact and cheap.
      const stillDue =
        covered(jobs) && held.size > 0
          ? new Set(
              await dueAccountIds(
                deps.db,
                now,
                deps.config,
                chunk.filter((id) => held.has(`account:${id}`)),
              ),
            )
          : null;
      for (const id of chunk) {
        const key = `account:${id}`;
        if (opts.signal?.aborted) break;
        if (!held.has(key) || (stillDue && !stillDue.has(id))) continue;
        // Renew before half the lease has gone, so a slow chunk (a long catch-up) keeps it; a key
        // lost meanwhile (this process stalled past the lease) is left to whoever took it.
        if (Date.now() - claimedAt > leaseMs / 2) {
          const rest = chunk.slice(chunk.indexOf(id)).map((x) => `account:${x}`);
          const renewed = new Set(
            await claimLeases(
              deps.db,
              rest.filter((k) => held.has(k)),
              holder,
              leaseMs,
            ),
          );
          for (const k of rest) if (!renewed.has(k)) held.delete(k);
          claimedAt = Date.now();
          if (!held.has(key)) continue;
        }
        try {
          for (const job of jobs) {
            try {
              const did = await job.run(deps, id, now);
              observeSettlements(did, now);
              happened.push(...did);
            } catch (err) {
              metrics.jobFailures.inc({ job: job.name });
              throw err;
            }
          }
          ran++;
        } catch (err) {
          failed.push(id);
          log.error({ err, accountId: id }, `[scheduler] account ${id} failed`);
        }
      }
    } finally {
      keys = [...held];
      await releaseLeases(deps.db, keys, holder).catch((err: unknown) => {
        // The leases run out on their own; nothing is lost.
        log.warn({ err }, '[scheduler] releasing leases failed');
      });
    }
  };

  let next = 0;
  const worker = async () => {
    for (let c = chunks[next++]; c && !opts.signal?.aborted; c = chunks[next++]) {
      try {
        await work(c);
      } catch (err) {
        // The claim itself failed (database unreachable): the whole chunk is retried next tick.
        failed.push(...c);
        log.error({ err, accounts: c.length }, '[scheduler] chunk failed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
  metrics.schedulerTicks.inc({ result: 'ok' });
  metrics.schedulerLastTick.set(Date.now() / 1000);
  return { accounts: ids.length, ran, leasedElsewhere, happened, failed };
}

/**
 * R5.3 For server.ts: catches up at once (a restart after a missed 08:00 settles what was missed),
 * then ticks every `intervalMs`. Ticks never overlap within a process and never crash it; across
 * processes the leases of `tick` keep instances apart. Returns stop(), which ends a tick in progress
 * after the account being worked on (its leases are given back) and resolves then.
 */
export function startScheduler(
  deps: Deps,
  intervalMs = 30_000,
  opts: TickOptions & { log?: boolean } = {},
): () => Promise<void> {
  let first = true;
  const log = deps.logger ?? silentLogger;
  let running: Promise<void> | null = null;
  const stop = new AbortController();
  const run = () => {
    if (running || stop.signal.aborted) return;
    running = (async () => {
      try {
        const t0 = Date.now();
        const r = await tick(deps, { ...opts, signal: stop.signal });
        if (opts.log ?? true) {
          for (const h of r.happened)
            log.info({ at: h.at, kind: h.kind }, `[scheduler] ${h.at} ${h.kind}: ${h.summary}`);
          // One line per tick that had work (and for the start-up catch-up): what this instance did.
          if (first || r.accounts > 0)
            log.info(
              {
                due: r.accounts,
                ran: r.ran,
                leasedElsewhere: r.leasedElsewhere,
                failed: r.failed.length,
                ms: Date.now() - t0,
              },
              `[scheduler] tick${first ? ' (catch-up)' : ''}: due ${r.accounts}, ran ${r.ran}, leased elsewhere ${r.leasedElsewhere}, failed ${r.failed.length}, ${Date.now() - t0} ms`,
            );
        }
        first = false;
      } catch (err) {
        metrics.schedulerTicks.inc({ result: 'error' });
        log.error({ err }, '[scheduler] tick failed');
      } finally {
        running = null;
      }
    })();
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    stop.abort();
    clearInterval(timer);
    await running;
  };
}
