import type { AuditEntry } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { DESCRIBED_KEYS, describeAction } from './describe.ts';
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
    session: null,
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

  it('R9.2 describes requests as pages and changes, never raw endpoints', () => {
    expect(describeAction('GET /api/v1/packs/projections')).toEqual({
      key: 'access.page.packs',
      write: false,
      path: null,
    });
    expect(describeAction('GET /api/v1/packs')?.key).toBe('access.page.packs');
    expect(describeAction('GET /api/v1/packs/42/usage')?.key).toBe('access.page.pack');
    expect(describeAction('GET /api/v1/bills/items.csv')?.key).toBe('access.page.billCsv');
    expect(describeAction('POST /api/v1/account/recharge')).toEqual({
      key: 'access.write.recharge',
      write: true,
      path: null,
    });
    expect(describeAction('POST /api/v1/certificates/cert_1/refund')?.key).toBe('access.write.certRefund');
    expect(describeAction('GET /api/v1/something-new')).toEqual({
      key: 'access.page.other',
      write: false,
      path: '/something-new',
    });
    expect(describeAction('impersonation.start')).toBeNull();
  });

  it('R9.2 every description exists in Chinese and English', () => {
    for (const k of DESCRIBED_KEYS) {
      expect(zhCN).toHaveProperty([k]);
      expect(en).toHaveProperty([k]);
    }
  });

  it('R9.2 collapses repeated pages into one step, counts pages viewed, and counts refused actions', () => {
    const [g] = groupAudit([
      entry('6', '2026-11-23T10:00:40+08:00', { action: 'impersonation.stop' }),
      entry('5', '2026-11-23T10:00:30+08:00', { action: 'POST /api/v1/account/recharge', outcome: 'refused' }),
      entry('4', '2026-11-23T10:00:20+08:00', { action: 'GET /api/v1/packs/projections' }),
      entry('3', '2026-11-23T10:00:10+08:00', { action: 'GET /api/v1/packs' }),
      entry('2', '2026-11-23T10:00:05+08:00', { action: 'GET /api/v1/me' }),
      entry('1', '2026-11-23T10:00:00+08:00', { action: 'impersonation.start' }),
    ]);
    expect(g?.steps.map((s) => [s.described?.key ?? s.action, s.count, s.outcome])).toEqual([
      ['impersonation.stop', 1, 'ok'],
      ['access.write.recharge', 1, 'refused'],
      ['access.page.packs', 2, 'ok'],
      ['access.page.me', 1, 'ok'],
      ['impersonation.start', 1, 'ok'],
    ]);
    expect(g?.counts).toEqual({ pages: 2, changes: 0, refused: 1 });
  });
});
