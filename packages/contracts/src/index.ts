export * from './account.ts';
export * from './auth.ts';
export * from './catalog.ts';
export * from './common.ts';
export * from './endpoints.ts';
export * from './packs.ts';
