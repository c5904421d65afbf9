import type { FieldIssue } from '@idv/contracts';
import type { ApiError } from './api-client.ts';
import { formatCount, formatMoney } from './format.ts';
import { isMessageKey, type MessageKey, type Translate } from './i18n.tsx';

/**
 * Issue 17: a problem document in the reader's language. The server's English `detail` is for API
 * users; the console says every code from its own table (i18n/errors.*.ts), with the parameters the
 * problem carries (a 402's shortfall, a 429's wait), and each offending field of a 400 by its name
 * and its limit. A code the table does not know is said by its status, never by `detail`.
 */

/** Problem members that fill a `.<param>` variant of a code's message, and how each is shown. */
const PARAMS: Record<string, (v: unknown) => string | null> = {
  shortfall: (v) => (typeof v === 'string' ? formatMoney(v, '') || null : null),
  retryAfter: (v) => (typeof v === 'number' && Number.isFinite(v) ? formatCount(Math.ceil(v)) : null),
  size: (v) => (typeof v === 'number' && Number.isInteger(v) ? formatCount(v) : null),
  label: (v) => (typeof v === 'string' && v.length > 0 && v.length <= 100 ? v : null),
  moveTarget: (v) => (typeof v === 'string' && v.length > 0 ? v : null),
};

function codeText(code: string, status: number, extensions: Record<string, unknown>, t: Translate): string {
  for (const [param, show] of Object.entries(PARAMS)) {
    const key = `error.code.${code}.${param}`;
    if (!isMessageKey(key) || !(param in extensions)) continue;
    const shown = show(extensions[param]);
    if (shown !== null) return t(key, { [param]: shown });
  }
  const key = `error.code.${code}`;
  if (isMessageKey(key)) return t(key);
  if (status === 400 || status === 404 || status === 409) return t(`error.status.${status}`);
  return t('error.status.other', { code });
}

function fieldName(path: string, t: Translate): string {
  // `items.0.amount` → `amount`; `header.idempotency-key` → unknown.
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? '';
  const key = `error.fieldName.${last}`;
  return isMessageKey(key) ? t(key) : t('error.fieldName.unknown');
}

function sized(base: 'error.field.tooSmall' | 'error.field.tooBig', origin: string | undefined): MessageKey {
  const kind = origin === 'string' || origin === 'array' ? origin : 'number';
  return `${base}.${kind}`;
}

/** What is wrong with one field, from the schema's issue code and limits (FieldIssue). */
export function fieldProblem(issue: FieldIssue, t: Translate): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.minimum === undefined) break;
      if (issue.origin === 'string' && issue.minimum === 1) return t('error.field.required');
      return t(sized('error.field.tooSmall', issue.origin), { minimum: formatCount(issue.minimum) });
    case 'too_big':
      if (issue.maximum === undefined) break;
      return t(sized('error.field.tooBig', issue.origin), { maximum: formatCount(issue.maximum) });
    case 'unrecognized_keys':
      return t('error.field.unknownKeys');
    case 'invalid_type':
      if (issue.message.includes('received undefined')) return t('error.field.required');
      break;
  }
  return t('error.field.invalid');
}

/** The sentence for an API error: the code's message, then each offending field. */
export function apiErrorText(error: Pick<ApiError, 'code' | 'status' | 'extensions' | 'errors'>, t: Translate): string {
  const base = codeText(error.code, error.status, error.extensions, t);
  if (error.errors.length === 0) return base;
  const lines = error.errors
    .slice(0, 5)
    .map((e) => t('error.field.line', { field: fieldName(e.path, t), problem: fieldProblem(e, t) }));
  return t('error.fieldList', { base, fields: [...new Set(lines)].join(t('error.fieldSeparator')) });
}
