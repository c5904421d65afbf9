import { describe, expect, it } from 'vitest';
import { parsePackListSearch, toSearchParams } from './search-params.ts';

describe('pack list URL state', () => {
  it('round-trips filters, sort and cursor', () => {
    const s = parsePackListSearch(
      new URLSearchParams('label=identity.basic&source=gift&status=active&sort=-expiresAt&cursor=abc'),
    );
    expect(s).toMatchObject({
      label: 'identity.basic',
      source: 'gift',
      status: 'active',
      sort: '-expiresAt',
      cursor: 'abc',
    });
    expect(toSearchParams(s).toString()).toBe(
      'label=identity.basic&source=gift&status=active&sort=-expiresAt&cursor=abc',
    );
  });

  it('drops unknown values and leaves defaults out of the URL', () => {
    const s = parsePackListSearch(new URLSearchParams('source=stolen&status=&sort=price&limit=999'));
    expect(s).toMatchObject({ source: undefined, status: undefined, sort: 'activeFirst', limit: 20 });
    expect(toSearchParams(s).toString()).toBe('');
  });

  it('issue 17: opens with active packs first; the expiry-only sort stays available in the URL', () => {
    expect(parsePackListSearch(new URLSearchParams('')).sort).toBe('activeFirst');
    const s = parsePackListSearch(new URLSearchParams('sort=expiresAt'));
    expect(s.sort).toBe('expiresAt');
    expect(toSearchParams(s).toString()).toBe('sort=expiresAt');
  });
});
