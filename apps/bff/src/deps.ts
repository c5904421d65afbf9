import type { List, Pack } from '@idv/contracts';
import type { Db } from '@idv/db';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { ReadCache } from './lib/read-cache.ts';
import type { Senders } from './notifications/senders.ts';
import type { Logger } from './observability/logger.ts';
import type { PaymentProvider } from './payments/payment-provider.ts';

/**
 * What a use case, repository or job is handed: the database, the clock and the process's services.
 * It lives outside `http/` so the layers below the routes (use cases, repositories, jobs) never import
 * the HTTP layer (architecture.md; enforced by the lint zones in biome.json).
 */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Email and SMS delivery; defaults from config (SMTP or the outbox only). */
  senders?: Senders;
  /** The payment step of recharges (R2.1); the sandbox provider when absent. */
  payments?: PaymentProvider;
  /** Set by the server process: draining during a shutdown (GET /readyz answers 503). */
  lifecycle?: Lifecycle;
  /** The process's JSON logger (server.ts); from config.logLevel when absent. */
  logger?: Logger;
  /**
   * Pages of GET /packs kept in memory (issue 15, docs/decisions/0020): the server process passes one
   * (on PostgreSQL, where a trigger's notifications keep it right); without it every request reads.
   */
  packPages?: ReadCache<List<Pack>>;
}

export interface Auth {
  sessionId: string;
  user: {
    id: string;
    email: string;
    name: string;
    kind: 'customer' | 'staff';
    roles: string[];
    accountId: string | null;
  };
  /** The account the request acts on: the customer's own, or the impersonated one (R9.2). */
  accountId: string | null;
  impersonation: { id: string; agentId: string; reason: string; expiresAt: Date; write: boolean } | null;
}

/**
 * The process's life as a load balancer sees it. `draining` turns true when a shutdown begins
 * (SIGTERM): the instance still answers requests in flight but reports itself not ready, so the
 * balancer stops sending new ones before it closes (docs/production.md).
 */
export interface Lifecycle {
  draining: boolean;
}
