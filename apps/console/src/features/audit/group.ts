import type { AuditEntry } from '@idv/contracts';

/** Consecutive entries of one support session (impersonation), or a single entry outside any session. */
export interface AuditGroup {
  key: string;
  impersonationId: string | null;
  actor: AuditEntry['actor'];
  reason: string | null;
  /** Newest first, as the API sends them. */
  entries: AuditEntry[];
  from: string;
  to: string;
}

/** Groups a newest-first log by impersonation session (R9.2: "when support looked and why"). */
export function groupAudit(entries: readonly AuditEntry[]): AuditGroup[] {
  const groups: AuditGroup[] = [];
  for (const e of entries) {
    const last = groups.at(-1);
    if (e.impersonationId && last && last.impersonationId === e.impersonationId) {
      last.entries.push(e);
      last.from = e.at;
      last.reason = last.reason ?? e.reason;
      continue;
    }
    groups.push({
      key: e.impersonationId ? `imp-${e.impersonationId}-${e.id}` : `entry-${e.id}`,
      impersonationId: e.impersonationId,
      actor: e.actor,
      reason: e.reason,
      entries: [e],
      from: e.at,
      to: e.at,
    });
  }
  return groups;
}

/** `GET /api/v1/bills/items` → `{ method: 'GET', path: '/bills/items' }`; other actions → null. */
export function httpAction(action: string): { method: string; path: string } | null {
  const m = /^(GET|POST|PUT|PATCH|DELETE|HEAD) (\S+)$/.exec(action);
  if (!m) return null;
  return { method: m[1] as string, path: (m[2] as string).replace(/^\/api\/v1/, '') };
}
