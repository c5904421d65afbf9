import { auditLog, type DbOrTx, impersonations, users } from '@idv/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Auth } from '../deps.ts';

/** Append-only audit (R9.2): every staff action and every money-moving action. */
export async function audit(
  db: DbOrTx,
  e: {
    auth: Auth | null;
    accountId: string | null;
    action: string;
    outcome: 'ok' | 'refused' | 'failed';
    at: Date;
    requestId?: string | undefined;
    reason?: string | undefined;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    at: e.at,
    actorId: e.auth?.user.id ?? 'system',
    actorKind: e.auth ? e.auth.user.kind : 'system',
    accountId: e.accountId,
    impersonationId: e.auth?.impersonation?.id ?? null,
    action: e.action,
    reason: e.reason ?? e.auth?.impersonation?.reason ?? null,
    requestId: e.requestId ?? null,
    outcome: e.outcome,
    detail: e.detail ?? null,
  });
}

/** Who asked for an action: the actor, the account it acted on and the request (a use case's input). */
export interface AuditActor {
  auth: Auth | null;
  accountId: string | null;
  requestId?: string | undefined;
}

/** `audit` of an action asked for by `actor`: its auth, account and request id. */
export async function auditBy(
  db: DbOrTx,
  actor: AuditActor,
  e: {
    action: string;
    outcome: 'ok' | 'refused' | 'failed';
    at: Date;
    reason?: string | undefined;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await audit(db, { auth: actor.auth, accountId: actor.accountId, requestId: actor.requestId, ...e });
}

/** R9.2 The support sessions (impersonations) of an account named by the audit entries of one page. */
export async function impersonationsOf(db: DbOrTx, accountId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ imp: impersonations, agentName: users.name })
    .from(impersonations)
    .leftJoin(users, eq(users.id, impersonations.agentId))
    .where(and(eq(impersonations.accountId, accountId), inArray(impersonations.id, [...ids])));
}
