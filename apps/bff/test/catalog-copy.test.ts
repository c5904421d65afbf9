import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const shipped = resolve(here, '../../../packages/db/seed/catalog.tsv');
const shared = resolve(here, '../../../../shared/data/catalog.tsv');

// The product ships its own copy of the catalog so it runs without ../shared; when the shared folder is
// beside the repo (always in CI) the copy must be identical to it.
describe.runIf(existsSync(shared))('R1.1 catalog copy', () => {
  it('R1.1 the shipped catalog equals shared/data/catalog.tsv', () => {
    expect(readFileSync(shipped, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});
