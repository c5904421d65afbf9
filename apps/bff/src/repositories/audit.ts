import { auditLog, type DbOrTx } from '@idv/db';
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
