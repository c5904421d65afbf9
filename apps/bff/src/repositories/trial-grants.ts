import { type DbOrTx, jobRuns, packs } from '@idv/db';
import { and, eq, inArray } from 'drizzle-orm';

/**
 * Records that a one-off job ran for a scope (unique (job, scope)); INSERT … ON CONFLICT DO NOTHING,
 * so of two concurrent runners exactly one gets true. Call inside the transaction that does the work.
 */
export async function claimJobRun(tx: DbOrTx, job: string, scope: string, at: Date): Promise<boolean> {
  const r = await tx
    .insert(jobRuns)
    .values({ job, scope, ranAt: at })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job });
  return r.length > 0;
}

/** Whether the account already holds a trial pack of any of these labels (granted before job_runs existed). */
export async function hasTrialPack(tx: DbOrTx, accountId: string, labels: string[]): Promise<boolean> {
  if (labels.length === 0) return false;
  const [p] = await tx
    .select({ id: packs.id })
    .from(packs)
    .where(and(eq(packs.accountId, accountId), eq(packs.grantReason, 'trial'), inArray(packs.label, labels)))
    .limit(1);
  return p !== undefined;
}

/** Cheap check before opening a transaction: has the one-off job already run for this scope? */
export async function jobRan(db: DbOrTx, job: string, scope: string): Promise<boolean> {
  const [r] = await db
    .select({ job: jobRuns.job })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.scope, scope)))
    .limit(1);
  return r !== undefined;
}
