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

/** A counter in this process's registry, by the labels named. */
function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return new Counter({ name, help, labelNames, registers });
}

/** A histogram in this process's registry, by the labels named, with these buckets (seconds). */
function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
): Histogram<L> {
  return new Histogram({ name, help, labelNames, buckets, registers });
}

/** A gauge in this process's registry, by the labels named (none: a single value). */
function gauge<L extends string = string>(name: string, help: string, labelNames?: readonly L[]): Gauge<L> {
  return new Gauge({ name, help, ...(labelNames ? { labelNames } : {}), registers });
}

export const metrics = {
  httpRequests: counter('idv_http_requests_total', 'HTTP requests answered, by route pattern, method and status', [
    'route',
    'method',
    'status',
  ]),
  httpDuration: histogram(
    'idv_http_request_duration_seconds',
    'HTTP request duration until the response headers, by route pattern, method and status',
    ['route', 'method', 'status'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  ),
  eventsIngested: counter(
    'idv_usage_events_total',
    'Usage events answered by POST /usage/events, by outcome (pack, postpaid, free, rejected, duplicate)',
    ['outcome'],
  ),
  settlementRuns: counter('idv_settlement_runs_total', 'Settlements made by the scheduler, by kind (daily, monthly)', [
    'kind',
  ]),
  settlementLag: histogram(
    'idv_settlement_lag_seconds',
    'How long after its due time (08:00 CST) a settlement was made by the scheduler',
    ['kind'],
    [1, 10, 30, 60, 300, 900, 1800, 3600, 7200, 21600, 86400],
  ),
  jobFailures: counter('idv_job_failures_total', 'Account jobs that threw (retried at the next tick), by job', ['job']),
  schedulerTicks: counter('idv_scheduler_ticks_total', 'Scheduler passes, by result (ok, error)', ['result']),
  schedulerLastTick: gauge(
    'idv_scheduler_last_tick_timestamp_seconds',
    'Unix time of the last scheduler pass that finished in this instance',
  ),
  leaseAcquisitions: counter(
    'idv_job_lease_acquisitions_total',
    'Account job leases asked for, by result (acquired; held elsewhere)',
    ['result'],
  ),
  outboxBacklog: gauge(
    'idv_outbox_backlog',
    'Email/SMS messages waiting in the outbox (all instances), by channel and status (pending, failed)',
    ['channel', 'status'],
  ),
  outboxOldestPendingAge: gauge(
    'idv_outbox_oldest_pending_age_seconds',
    'Age of the oldest pending outbox message whose first attempt is due (0 if none)',
  ),
  outboxSends: counter(
    'idv_outbox_sends_total',
    'Email/SMS send attempts by this instance, by channel and result (sent, failed)',
    ['channel', 'result'],
  ),
  dbPoolMax: gauge(
    'idv_db_pool_max_connections',
    'Configured PostgreSQL pool size of this instance (PGlite: 1, one embedded connection)',
  ),
  dbConnections: gauge(
    'idv_db_connections',
    'Connections to this database seen by PostgreSQL (all instances), by state (pg_stat_activity); absent on PGlite',
    ['state'],
  ),
};
