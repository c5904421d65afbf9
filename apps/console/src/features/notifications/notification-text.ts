import type { Notification } from '@idv/contracts';
import { formatDateTime } from '../../lib/datetime.ts';
import { formatCount, formatMoney } from '../../lib/format.ts';
import { isMessageKey, type Locale, type Translate, type Vars } from '../../lib/i18n.tsx';

/**
 * Issue 17: a notification in the reader's language, said from its kind and params with the UI's
 * formatting (money `¥1,083.34` / `-¥13,333.00`, CST times, grouped counts) and packs named by their
 * label. The server's `title`/`body` (already in the asked language) are the fallback: for notices
 * recorded before params were kept, and for any kind or param this console does not know yet.
 */

// Same names as NOTIFICATION_MONEY_PARAMS / NOTIFICATION_TIME_PARAMS in @idv/contracts (kept as types
// there; the console imports no runtime code from the contracts package).
const MONEY = new Set(['balance', 'debt', 'amount', 'cash', 'income', 'gift', 'spent', 'forecast', 'shortfall']);
const TIME = new Set(['suspendsAt', 'releasesAt', 'resumedAt', 'expiresAt']);
/** Texts the server sends in both languages, as `<name>Zh` / `<name>En`. */
const PAIRED = ['label', 'next', 'reason', 'summary'] as const;
const UNFILLED = /\{\w+\}/;

function formatParams(params: Record<string, string | number>, locale: Locale): Vars {
  const vars: Vars = {};
  for (const [name, value] of Object.entries(params)) {
    if (MONEY.has(name) && typeof value === 'string') vars[name] = formatMoney(value, value);
    else if (TIME.has(name) && typeof value === 'string') vars[name] = formatDateTime(value, value);
    else if (typeof value === 'number') vars[name] = Number.isInteger(value) ? formatCount(value) : String(value);
    else vars[name] = value;
  }
  const half = locale === 'en' ? 'En' : 'Zh';
  for (const name of PAIRED) {
    const v = params[`${name}${half}`];
    if (v !== undefined) vars[name] = String(v);
  }
  return vars;
}

export function notificationText(
  n: Pick<Notification, 'kind' | 'title' | 'body' | 'params'>,
  t: Translate,
  locale: Locale,
): { title: string; body: string } {
  const fallback = { title: n.title, body: n.body };
  if (!n.params) return fallback;
  // A variant of the kind (R8.6: a certificate's refund_completed) has its own texts.
  const base =
    typeof n.params.variant === 'string' ? `notif.text.${n.kind}.${n.params.variant}` : `notif.text.${n.kind}`;
  const titleKey = `${base}.title`;
  const unlabelled = `${base}.unlabelled`;
  const bodyKey = n.params.labelZh === undefined && isMessageKey(unlabelled) ? unlabelled : `${base}.body`;
  if (!isMessageKey(titleKey) || !isMessageKey(bodyKey)) return fallback;
  const vars = formatParams(n.params, locale);
  const title = t(titleKey, vars);
  const body = t(bodyKey, vars);
  // A param this console does not know (a newer server): the server's own words are better than `{x}`.
  if (UNFILLED.test(title) || UNFILLED.test(body)) return fallback;
  return { title, body };
}
