import { RefundRefusalBody, StartImpersonationBody } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { actionReasonProblem, reasonProblem, reasonWeight } from './reason.ts';

const samples = [
  '',
  '   ',
  'too short',
  'exactly 15 char',
  '  14 characters ',
  'Customer asks why the bill doubled.',
  'x'.repeat(500),
  'x'.repeat(501),
  '客户来电询问账单为何翻倍了',
  '核对资源包剩余次',
  '核对资源包余量',
  '  账单疑问  ',
  'Bill 翻倍了',
];

describe('impersonation reason: the same rule as the server (R9.2)', () => {
  it.each(samples)('%j', (reason) => {
    const server = StartImpersonationBody.safeParse({ accountId: 'acc_1', reason }).success;
    expect(reasonProblem(reason) === null).toBe(server);
  });

  it('R9.2 a natural 13-character Chinese reason is accepted: a Chinese character counts 2 (8 suffice), Latin 1 (15 needed)', () => {
    expect(reasonWeight('客户来电询问账单为何翻倍了')).toBe(26);
    expect(reasonProblem('客户来电询问账单为何翻倍了')).toBeNull();
    expect(reasonProblem('核对资源包剩余次')).toBeNull(); // 8 characters = 16
    expect(reasonProblem('核对资源包余量')).toBe('tooShort'); // 7 characters = 14
    expect(reasonProblem('exactly 15 char')).toBeNull();
    expect(reasonProblem('14 characters!')).toBe('tooShort');
    expect(reasonWeight('Bill 翻倍了')).toBe(11);
    expect(reasonWeight('，。！')).toBe(6);
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
