import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

/** Issue 19: one validated configuration, read once at start, with clear errors for bad values. */
describe('configuration (issue 19)', () => {
  it('defaults without any setting', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dataDir: '.data',
      databaseUrl: undefined,
      seedDemo: true,
      production: false,
      trialGrantDelayMs: 30 * 60_000,
      releaseAfterDays: 15,
      clockSkewMs: 300_000,
      dbPoolSize: 10,
      schedulerIntervalMs: 30_000,
      schedulerConcurrency: undefined,
      schedulerChunk: 25,
      jobLeaseMs: 60_000,
      shutdownDrainMs: 0,
      trustProxy: false,
      logLevel: 'info',
      metricsToken: undefined,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('reads and converts every setting', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db:5432/idv',
      DB_POOL_SIZE: '20',
      SCHEDULER_INTERVAL_MS: '0',
      SCHEDULER_CONCURRENCY: '8',
      JOB_LEASE_SECONDS: '90',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      METRICS_TOKEN: 'a'.repeat(32),
      SMTP_URL: 'smtps://u:p@mail.example:465',
      SESSION_IDLE_MINUTES: '30',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://app@db:5432/idv',
      seedDemo: false,
      dbPoolSize: 20,
      schedulerIntervalMs: 0,
      schedulerConcurrency: 8,
      jobLeaseMs: 90_000,
      trustProxy: true,
      logLevel: 'warn',
      metricsToken: 'a'.repeat(32),
      smtpUrl: 'smtps://u:p@mail.example:465',
      sessionIdleMs: 30 * 60_000,
    });
    // Empty means unset.
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it('a bad value stops the start with a message naming the variable and what it must be', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a TCP port number (got "eighty")');
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be at most 65535');
    expect(() => loadConfig({ DB_POOL_SIZE: '0' })).toThrow('DB_POOL_SIZE must be at least 1');
    expect(() => loadConfig({ SCHEDULER_INTERVAL_MS: '-5' })).toThrow('SCHEDULER_INTERVAL_MS must be a whole number');
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow('TRUST_PROXY must be 0 or 1 (got "yes")');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info/);
    expect(() => loadConfig({ CLOCK_START: 'tomorrow' })).toThrow('CLOCK_START must be an ISO instant');
    expect(() => loadConfig({ NODE_ENV: 'production', CLOCK_START: '2026-11-20T08:00:00+08:00' })).toThrow(
      /CLOCK_START is for tests and benchmarks/,
    );
    // Every bad variable at once, one per line.
    expect(() => loadConfig({ PORT: 'x', SEED_DEMO: 'true' })).toThrow(/PORT .*\n\s+SEED_DEMO must be 0 or 1/);
  });

  it('a bad secret-bearing value is named but never echoed', () => {
    const err = (() => {
      try {
        loadConfig({
          SMTP_URL: 'http://user:hunter2-secret@mail',
          METRICS_TOKEN: 'short-secret',
          DATABASE_URL: 'mysql://u:pw-secret@h/x',
        });
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    expect(err.message).toContain('SMTP_URL must be a smtp://… or smtps://… URL');
    expect(err.message).toContain('METRICS_TOKEN must be at least 16 characters');
    expect(err.message).toContain('DATABASE_URL must be a postgres://… or postgresql://… URL');
    for (const secret of ['hunter2-secret', 'short-secret', 'pw-secret']) expect(err.message).not.toContain(secret);
  });
});
