import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (GET /metrics, docs/production.md). One registry per process:
 * counters only go up, so tests compare before/after values.
 */
export const registry = new Registry();
registry.setDefaultLabels({ service: 'idv-bff' });
// Node's own: CPU, memory, event-loop lag, GC, open handles (names start with `process_` / `nodejs_`).
collectDefaultMetrics({ register: registry });

const registers = [registry];

export const metrics = {
  httpRequests: new Counter({
    name: 'idv_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers,
  }),
  httpDuration: new Histogram({
    name: 'idv_http_request_duration_seconds',
    help: 'HTTP request duration until the response headers, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  }),
  eventsIngested: new Counter({
    name: 'idv_usage_events_total',
    help: 'Usage events answered by POST /usage/events, by outcome (pack, postpaid, free, rejected, duplicate)',
    labelNames: ['outcome'] as const,
    registers,
  }),
  settlementRuns: new Counter({
    name: 'idv_settlement_runs_total',
    help: 'Settlements made by the scheduler, by kind (daily, monthly)',
    labelNames: ['kind'] as const,
    registers,
  }),
  settlementLag: new Histogram({
    name: 'idv_settlement_lag_seconds',
    help: 'How long after its due time (08:00 CST) a settlement was made by the scheduler',
    labelNames: ['kind'] as const,
    buckets: [1, 10, 30, 60, 300, 900, 1800, 3600, 7200, 21600, 86400],
    registers,
  }),
  jobFailures: new Counter({
    name: 'idv_job_failures_total',
    help: 'Account jobs that threw (retried at the next tick), by job',
    labelNames: ['job'] as const,
    registers,
  }),
  schedulerTicks: new Counter({
    name: 'idv_scheduler_ticks_total',
    help: 'Scheduler passes, by result (ok, error)',
    labelNames: ['result'] as const,
    registers,
  }),
  schedulerLastTick: new Gauge({
    name: 'idv_scheduler_last_tick_timestamp_seconds',
    help: 'Unix time of the last scheduler pass that finished in this instance',
    registers,
  }),
  leaseAcquisitions: new Counter({
    name: 'idv_job_lease_acquisitions_total',
    help: 'Account job leases asked for, by result (acquired; held elsewhere)',
    labelNames: ['result'] as const,
    registers,
  }),
  outboxBacklog: new Gauge({
    name: 'idv_outbox_backlog',
    help: 'Email/SMS messages waiting in the outbox (all instances), by channel and status (pending, failed)',
    labelNames: ['channel', 'status'] as const,
    registers,
  }),
  outboxOldestPendingAge: new Gauge({
    name: 'idv_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest pending outbox message whose first attempt is due (0 if none)',
    registers,
  }),
  outboxSends: new Counter({
    name: 'idv_outbox_sends_total',
    help: 'Email/SMS send attempts by this instance, by channel and result (sent, failed)',
    labelNames: ['channel', 'result'] as const,
    registers,
  }),
  dbPoolMax: new Gauge({
    name: 'idv_db_pool_max_connections',
    help: 'Configured PostgreSQL pool size of this instance (PGlite: 1, one embedded connection)',
    registers,
  }),
  dbConnections: new Gauge({
    name: 'idv_db_connections',
    help: 'Connections to this database seen by PostgreSQL (all instances), by state (pg_stat_activity); absent on PGlite',
    labelNames: ['state'] as const,
    registers,
  }),
};
