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
    expect(s).toMatchObject({ source: undefined, status: undefined, sort: 'expiresAt', limit: 20 });
    expect(toSearchParams(s).toString()).toBe('');
  });
});
