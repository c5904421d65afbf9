import type { AuditEntry } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { groupAudit, httpAction } from './group.ts';

const agent = { id: 'usr_agent', kind: 'staff', name: 'Agent A' };
const owner = { id: 'usr_demo', kind: 'customer', name: 'Demo Owner' };
function entry(id: string, at: string, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at,
    actor: agent,
    accountId: 'acct',
    impersonationId: 'imp1',
    action: 'GET /api/v1/bills/items',
    reason: null,
    requestId: null,
    outcome: 'ok',
    ...over,
  };
}

describe('access log grouping (R9.2)', () => {
  it('groups consecutive entries of one support session and keeps its reason and time span', () => {
    const groups = groupAudit([
      entry('5', '2026-11-23T10:05:00+08:00', { action: 'impersonation.stop' }),
      entry('4', '2026-11-23T10:03:00+08:00'),
      entry('3', '2026-11-23T10:00:00+08:00', { action: 'impersonation.start', reason: 'Ticket #42' }),
      entry('2', '2026-11-22T09:00:00+08:00', { actor: owner, impersonationId: null, action: 'order.place' }),
      entry('1', '2026-11-21T09:00:00+08:00', { impersonationId: 'imp0', reason: 'Call back' }),
    ]);
    expect(groups.map((g) => g.entries.map((e) => e.id))).toEqual([['5', '4', '3'], ['2'], ['1']]);
    expect(groups[0]).toMatchObject({
      reason: 'Ticket #42',
      from: '2026-11-23T10:00:00+08:00',
      to: '2026-11-23T10:05:00+08:00',
    });
    expect(groups[1]?.impersonationId).toBeNull();
  });

  it('reads HTTP actions', () => {
    expect(httpAction('GET /api/v1/bills/items')).toEqual({ method: 'GET', path: '/bills/items' });
    expect(httpAction('order.place')).toBeNull();
  });
});
