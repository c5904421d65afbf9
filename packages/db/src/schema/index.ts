export * from './accounts.ts';
export * from './bills.ts';
export * from './budgets.ts';
export * from './catalog.ts';
export * from './demo.ts';
export * from './jobs.ts';
export * from './notifications.ts';
export * from './packs.ts';
