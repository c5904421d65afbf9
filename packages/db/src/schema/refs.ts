import { text } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { billingLabels } from './catalog.ts';

// Function declarations (hoisted): accounts.ts and catalog.ts call these while refs.ts is still loading.

/** The owning account (`account_id`): the row is deleted with its account. */
export function accountRef() {
  return text('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' });
}

/** A billing label of the catalog (`label`, R1.1). */
export function labelRef() {
  return text('label')
    .notNull()
    .references(() => billingLabels.code);
}
