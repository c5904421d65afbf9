import { RefundRefusalBody, StartImpersonationBody } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { actionReasonProblem, reasonProblem } from './reason.ts';

const samples = [
  '',
  '   ',
  'too short',
  'exactly 15 char',
  '  14 characters ',
  'Customer asks why the bill doubled.',
  'x'.repeat(500),
  'x'.repeat(501),
];

describe('impersonation reason: the same rule as the server (R9.2)', () => {
  it.each(samples)('%j', (reason) => {
    const server = StartImpersonationBody.safeParse({ accountId: 'acc_1', reason }).success;
    expect(reasonProblem(reason) === null).toBe(server);
  });

  it('names the problem', () => {
    expect(reasonProblem('  ')).toBe('empty');
    expect(reasonProblem('short')).toBe('tooShort');
    expect(reasonProblem('y'.repeat(501))).toBe('tooLong');
  });

  it.each(['', 'ab', 'abc', 'x'.repeat(500), 'x'.repeat(501)])('refusal reason %j', (reason) => {
    const server = RefundRefusalBody.safeParse({ packId: '1', reason }).success;
    expect(actionReasonProblem(reason) === null).toBe(server);
  });
});
