/** Settings from the environment, read once at start. */
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
  /** Invitation links (docs/decisions/0013): their origin and how long they stay valid. */
  publicUrl: string;
  invitationTtlMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number.parseInt(env.PORT ?? '3000', 10),
    dataDir: env.DATA_DIR ?? '.data',
    databaseUrl,
    // The embedded default is always seeded with the demo users; PostgreSQL only with SEED_DEMO=1.
    seedDemo: env.SEED_DEMO === '1' || (!databaseUrl && env.SEED_DEMO !== '0'),
    production: env.NODE_ENV === 'production',
    trialGrantDelayMs: Number.parseInt(env.TRIAL_GRANT_DELAY_MINUTES ?? '30', 10) * 60_000,
    releaseAfterDays: Number.parseInt(env.RELEASE_AFTER_DAYS ?? '15', 10),
    clockSkewMs: Number.parseInt(env.CLOCK_SKEW_SECONDS ?? '300', 10) * 1000,
    sessionIdleMs: Number.parseInt(env.SESSION_IDLE_MINUTES ?? '120', 10) * 60_000,
    sessionAbsoluteMs: Number.parseInt(env.SESSION_ABSOLUTE_HOURS ?? '12', 10) * 3_600_000,
    consoleDist: env.CONSOLE_DIST,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'IDV Billing <billing@idv.example>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? '3000'}`).replace(/\/+$/, ''),
    invitationTtlMs: Number.parseInt(env.INVITATION_TTL_HOURS ?? '72', 10) * 3_600_000,
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), seedDemo: false, production: false, ...overrides };
}
