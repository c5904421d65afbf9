export * from './client.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';
export { SEED_PASSWORD, seed, seedCatalog } from './seed.ts';
