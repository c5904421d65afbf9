import { z } from 'zod';

/**
 * Settings from the environment, validated by one zod schema and read once at start (server.ts calls
 * loadConfig()). No other module reads process.env for a setting: they get this object through Deps.
 * A bad value stops the start with a message naming the variable (ConfigError).
 */
export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  production: boolean;
  /** R3.4: delay between activation and the free-trial grant. */
  trialGrantDelayMs: number;
  /** R6.4: how long an account stays suspended before its postpaid service is released. */
  releaseAfterDays: number;
  /** R4.6: allowance for clock skew on usage events. */
  clockSkewMs: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  consoleDist: string | undefined;
  /** SMTP server for email notifications (R7), e.g. smtp://user:pass@host:587; unset → the outbox only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** R9.3 a demo clock move counts as interrupted (and is resumed) this long after its last step. */
  demoMoveLeaseMs?: number;
  /** R9.3 how often an instance looks for interrupted demo clock moves to resume; 0 = never. */
  demoResumeIntervalMs: number;
  /** TRUST_PROXY=1: the client address is the first X-Forwarded-For hop (behind a balancer that overwrites it). */
  trustProxy: boolean;
  /** PostgreSQL connections per instance. */
  dbPoolSize: number;
  /** Scheduler tick interval; 0 turns the scheduler off in this instance. */
  schedulerIntervalMs: number;
  /** Accounts worked on at once during a tick; undefined → 4 on PostgreSQL, 1 on PGlite. */
  schedulerConcurrency: number | undefined;
  schedulerChunk: number;
  jobLeaseMs: number;
  shutdownDrainMs: number;
  /** Tests and benchmarks only: the process clock starts here (refused in production). */
  clockStart: Date | undefined;
  logLevel: LogLevel;
  /** Bearer token for GET /metrics from non-loopback addresses; unset → loopback only. */
  metricsToken: string | undefined;
  /** Invitation links (docs/decisions/0013): their origin and how long they stay valid. */
  publicUrl: string;
  invitationTtlMs: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A bad setting: the message names every offending variable and what it should be. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const unset = (v: unknown) => (v === '' ? undefined : v);
const count = (what: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    unset,
    z
      .string()
      .regex(/^\d+$/, `must be ${what}`)
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .optional(),
  );
const flag = z.preprocess(unset, z.enum(['0', '1'], { message: 'must be 0 or 1' }).optional());
const text = z.preprocess(unset, z.string().optional());
const url = (schemes: string[]) =>
  z.preprocess(
    unset,
    z
      .string()
      .refine((v) => URL.canParse(v) && schemes.includes(new URL(v).protocol), {
        message: `must be a ${schemes.map((s) => `${s}//…`).join(' or ')} URL`,
      })
      .optional(),
  );

/** Every environment variable the BFF reads (docs/production.md lists them with their meaning). */
export const EnvSchema = z.object({
  NODE_ENV: text,
  PORT: count('a TCP port number', 0, 65535),
  DATA_DIR: text,
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DB_POOL_SIZE: count('a positive integer', 1),
  SEED_DEMO: flag,
  CONSOLE_DIST: text,
  TRIAL_GRANT_DELAY_MINUTES: count('a whole number of minutes'),
  RELEASE_AFTER_DAYS: count('a whole number of days'),
  CLOCK_SKEW_SECONDS: count('a whole number of seconds'),
  SESSION_IDLE_MINUTES: count('a whole number of minutes', 1),
  SESSION_ABSOLUTE_HOURS: count('a whole number of hours', 1),
  SMTP_URL: url(['smtp:', 'smtps:']),
  MAIL_FROM: text,
  TRUST_PROXY: flag,
  SCHEDULER_INTERVAL_MS: count('a whole number of milliseconds'),
  SCHEDULER_CONCURRENCY: count('a positive integer', 1),
  SCHEDULER_CHUNK: count('a positive integer', 1),
  JOB_LEASE_SECONDS: count('a whole number of seconds', 1),
  SHUTDOWN_DRAIN_MS: count('a whole number of milliseconds'),
  CLOCK_START: z.preprocess(
    unset,
    z
      .string()
      .refine((v) => !Number.isNaN(new Date(v).getTime()), { message: 'must be an ISO instant' })
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(unset, z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).optional()),
  METRICS_TOKEN: z.preprocess(unset, z.string().min(16, 'must be at least 16 characters (a random token)').optional()),
  DEMO_MOVE_LEASE_SECONDS: count('a whole number of seconds', 1),
  DEMO_RESUME_INTERVAL_MS: count('a whole number of milliseconds'),
  PUBLIC_URL: url(['http:', 'https:']),
  INVITATION_TTL_HOURS: count('a whole number of hours', 1),
});

/** Hides credentials in a value before it is shown in an error message. */
function shown(name: string, value: unknown): string {
  if (typeof value !== 'string') return '';
  if (/TOKEN|URL/.test(name)) return ' (value not shown)';
  return ` (got "${value.slice(0, 60)}")`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return `  ${name} ${i.message}${shown(name, env[name])}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const clockStart = e.CLOCK_START ? new Date(e.CLOCK_START) : undefined;
  if (clockStart && production) {
    throw new ConfigError(
      'Invalid configuration:\n  CLOCK_START is for tests and benchmarks; it is refused when NODE_ENV=production',
    );
  }
  const databaseUrl = e.DATABASE_URL;
  return {
    port: e.PORT ?? 3000,
    dataDir: e.DATA_DIR ?? '.data',
    databaseUrl,
    // The embedded default is always seeded with the demo users; PostgreSQL only with SEED_DEMO=1.
    seedDemo: e.SEED_DEMO === '1' || (!databaseUrl && e.SEED_DEMO !== '0'),
    production,
    trialGrantDelayMs: (e.TRIAL_GRANT_DELAY_MINUTES ?? 30) * 60_000,
    releaseAfterDays: e.RELEASE_AFTER_DAYS ?? 15,
    clockSkewMs: (e.CLOCK_SKEW_SECONDS ?? 300) * 1000,
    sessionIdleMs: (e.SESSION_IDLE_MINUTES ?? 120) * 60_000,
    sessionAbsoluteMs: (e.SESSION_ABSOLUTE_HOURS ?? 12) * 3_600_000,
    consoleDist: e.CONSOLE_DIST,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'IDV Billing <billing@idv.example>',
    trustProxy: e.TRUST_PROXY === '1',
    dbPoolSize: e.DB_POOL_SIZE ?? 10,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS ?? 30_000,
    schedulerConcurrency: e.SCHEDULER_CONCURRENCY,
    schedulerChunk: e.SCHEDULER_CHUNK ?? 25,
    jobLeaseMs: (e.JOB_LEASE_SECONDS ?? 60) * 1000,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS ?? 0,
    clockStart,
    // Tests run quiet unless asked (vitest sets NODE_ENV=test).
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    metricsToken: e.METRICS_TOKEN,
    demoMoveLeaseMs: (e.DEMO_MOVE_LEASE_SECONDS ?? 30) * 1000,
    demoResumeIntervalMs: e.DEMO_RESUME_INTERVAL_MS ?? 5_000,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT ?? 3000}`).replace(/\/+$/, ''),
    invitationTtlMs: (e.INVITATION_TTL_HOURS ?? 72) * 3_600_000,
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), seedDemo: false, production: false, logLevel: 'silent', ...overrides };
}
