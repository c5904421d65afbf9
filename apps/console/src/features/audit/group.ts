import type { AuditEntry } from '@idv/contracts';
import { type Described, describeAction } from './describe.ts';

/** Consecutive entries that say the same thing ("viewed resource packs" ×3), newest first. */
export interface AuditStep {
  key: string;
  /** The page or change, or null for a non-HTTP action (impersonation.start …). */
  described: Described | null;
  action: string;
  outcome: string;
  count: number;
  /** Oldest and newest entry of the step. */
  from: string;
  to: string;
}

/** Consecutive entries of one support session (impersonation), or a single entry outside any session. */
export interface AuditGroup {
  key: string;
  impersonationId: string | null;
  actor: AuditEntry['actor'];
  reason: string | null;
  /** R9.2 the session itself (mode, ticket, start, end, how it ended), when the server sent it. */
  session: AuditEntry['session'];
  /** Newest first, as the API sends them. */
  entries: AuditEntry[];
  steps: AuditStep[];
  /** Pages viewed, changes made, and actions refused in this group. */
  counts: { pages: number; changes: number; refused: number };
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
      last.session = last.session ?? e.session ?? null;
      continue;
    }
    groups.push({
      key: e.impersonationId ? `imp-${e.impersonationId}-${e.id}` : `entry-${e.id}`,
      impersonationId: e.impersonationId,
      actor: e.actor,
      reason: e.reason,
      session: e.session ?? null,
      entries: [e],
      steps: [],
      counts: { pages: 0, changes: 0, refused: 0 },
      from: e.at,
      to: e.at,
    });
  }
  for (const g of groups) {
    g.steps = stepsOf(g.entries);
    const pages = new Set<string>();
    for (const e of g.entries) {
      const d = describeAction(e.action);
      if (e.outcome === 'refused') g.counts.refused++;
      if (d && !d.write && e.outcome === 'ok') pages.add(d.key + (d.path ?? ''));
      if (d?.write && e.outcome === 'ok') g.counts.changes++;
    }
    g.counts.pages = pages.size;
  }
  return groups;
}

/** Collapses consecutive entries with the same description and outcome into one step. */
export function stepsOf(entries: readonly AuditEntry[]): AuditStep[] {
  const steps: AuditStep[] = [];
  for (const e of entries) {
    const described = describeAction(e.action);
    const same = (s: AuditStep) =>
      s.outcome === e.outcome &&
      (described && s.described
        ? s.described.key === described.key && s.described.path === described.path
        : s.action === e.action);
    const last = steps.at(-1);
    if (last && same(last)) {
      last.count++;
      last.from = e.at;
      continue;
    }
    steps.push({ key: e.id, described, action: e.action, outcome: e.outcome, count: 1, from: e.at, to: e.at });
  }
  return steps;
}

/** `GET /api/v1/bills/items` → `{ method: 'GET', path: '/bills/items' }`; other actions → null. */
export function httpAction(action: string): { method: string; path: string } | null {
  const m = /^(GET|POST|PUT|PATCH|DELETE|HEAD) (\S+)$/.exec(action);
  if (!m) return null;
  return { method: m[1] as string, path: (m[2] as string).replace(/^\/api\/v1/, '') };
}
