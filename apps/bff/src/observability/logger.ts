import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.ts';

export type { Logger };

/** Credentials inside a URL (`smtp://user:secret@host`, `postgres://u:p@h/db`) → `scheme://***@host`. */
export function scrubUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*(?::[^\s/@]*)?@/gi, '$1***@');
}

/**
 * Keys never written, wherever they appear in a log object (defence in depth: the request log writes
 * no headers and no bodies at all, and settings are never logged).
 */
const REDACT = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'cookie',
  'authorization',
  'smtpUrl',
  'databaseUrl',
  'metricsToken',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.cookie',
  '*.authorization',
  '*.smtpUrl',
  '*.databaseUrl',
  '*.metricsToken',
  'headers.*',
  '*.headers.*',
];

/**
 * A failed query's message (Drizzle: "Failed query: <sql>\nparams: <values>") keeps the SQL but never
 * the parameter values, which can hold customer data (emails, names, free text).
 */
export function scrubQueryParams(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [not logged]');
}

/** An Error as a log object: type, message and stack, with credentials in URLs and query values scrubbed. */
function errSerializer(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: scrubUrls(String(err)) };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    message: scrubQueryParams(scrubUrls(err.message)),
    ...(typeof code === 'string' ? { code } : {}),
    stack: err.stack ? scrubQueryParams(scrubUrls(err.stack)) : undefined,
  };
}

/**
 * The process's logger: one JSON object per line on stdout (or `destination`, for tests), with
 * `level` as a name, `time` as an ISO instant and the message under `msg` (docs/production.md, Logs).
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'idv-bff' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: errSerializer, error: errSerializer },
    },
    // Asynchronous (issue 15): a synchronous write per line cost a system call on the request path;
    // lines written while one write is in flight go out together in the next. pino flushes what is
    // buffered synchronously on exit (process.exit, a fatal error); a SIGKILL may lose the last lines.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** Nothing is written (tests and apps built without a logger). */
export const silentLogger: Logger = pino({ level: 'silent' });
