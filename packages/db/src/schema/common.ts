import { customType, numeric, timestamp } from 'drizzle-orm/pg-core';

/** Money as NUMERIC(20,4), read and written as a decimal string (R1.2: never a binary float). */
export const money = (name: string) => numeric(name, { precision: 20, scale: 4 });

/** Timestamps are stored in UTC (timestamptz) and rendered in +08:00 at the edge. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
