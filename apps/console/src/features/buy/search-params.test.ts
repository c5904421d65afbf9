import { describe, expect, it } from 'vitest';
import { parseBuySearch, toBuySearchParams } from './search-params.ts';

describe('buy URL state', () => {
  it('reads a planner link', () => {
    expect(parseBuySearch(new URLSearchParams('label=identity.basic&size=10000&quantity=3'))).toEqual({
      label: 'identity.basic',
      size: 10000,
      quantity: 3,
      voucher: undefined,
    });
  });
  it('ignores nonsense and clamps the quantity to 1..100', () => {
    expect(parseBuySearch(new URLSearchParams('size=-5&quantity=abc'))).toMatchObject({ size: undefined, quantity: 1 });
    expect(parseBuySearch(new URLSearchParams('quantity=1000')).quantity).toBe(100);
    expect(parseBuySearch(new URLSearchParams('quantity=0')).quantity).toBe(1);
  });
  it('writes back without defaults', () => {
    expect(toBuySearchParams({ label: 'a', size: 10, quantity: 1 }).toString()).toBe('label=a&size=10');
  });
});
