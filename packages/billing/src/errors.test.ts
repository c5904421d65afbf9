import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from './errors.ts';

describe('DomainError', () => {
  it('carries a stable code, a message and JSON-safe details', () => {
    const e = new DomainError('INSUFFICIENT_BALANCE', 'cannot cover', { shortfall: '20.00' });
    expect(e).toBeInstanceOf(Error);
    expect(isDomainError(e)).toBe(true);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('INSUFFICIENT_BALANCE');
    expect(e.message).toBe('cannot cover');
    expect(e.details).toEqual({ shortfall: '20.00' });
    expect(new DomainError('X').message).toBe('X');
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});
