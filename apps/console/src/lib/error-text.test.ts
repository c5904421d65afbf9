import { ErrorCodes } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { apiErrorText } from './error-text.ts';
import { catalogs, interpolate, isMessageKey, type Locale, type Translate } from './i18n.tsx';

const tr =
  (locale: Locale): Translate =>
  (key, vars) =>
    interpolate(catalogs[locale][key], vars);
const zh = tr('zh-CN');
const en = tr('en');
const CJK = /[\u4e00-\u9fff]/;

const problem = (p: ConstructorParameters<typeof ApiError>[0]) => new ApiError(p);

describe('issue 17: every error code in the reader’s language', () => {
  it('every error code of the contract has a Chinese and an English message', () => {
    for (const code of ErrorCodes) {
      const key = `error.code.${code}`;
      expect(isMessageKey(key), key).toBe(true);
      if (!isMessageKey(key)) continue;
      expect(catalogs['zh-CN'][key], key).toMatch(CJK);
      expect(catalogs.en[key].trim(), key).not.toBe('');
      expect(catalogs.en[key], key).not.toMatch(CJK);
    }
  });

  it('says the code, never the server’s English detail', () => {
    const e = problem({ status: 401, code: 'UNAUTHENTICATED', detail: 'Sign in first.' });
    expect(apiErrorText(e, zh)).toBe('登录已过期，请重新登录。');
    expect(apiErrorText(e, en)).toBe('Your session has ended. Sign in again.');
  });

  it('R1.2 fills the shortfall of a 402 as money formatted like the UI', () => {
    const e = problem({
      status: 402,
      code: 'INSUFFICIENT_BALANCE',
      detail: 'Your balances cannot cover this order.',
      extensions: { shortfall: '1083.34' },
    });
    expect(apiErrorText(e, zh)).toBe('余额不足，还差 ¥1,083.34，未扣除任何费用。');
    expect(apiErrorText(e, en)).toBe('Your balances are ¥1,083.34 short. Nothing was charged.');
  });

  it('falls back to the plain message when a parameter is missing or malformed', () => {
    const e = problem({ status: 402, code: 'INSUFFICIENT_BALANCE', detail: 'x', extensions: { shortfall: 12 } });
    expect(apiErrorText(e, zh)).toBe('余额不足，未扣除任何费用。');
  });

  it('says how long to wait on a 429', () => {
    const e = problem({ status: 429, code: 'RATE_LIMITED', detail: 'x', extensions: { retryAfter: 30 } });
    expect(apiErrorText(e, zh)).toBe('请求过于频繁，请在 30 秒后重试。');
  });

  it('a code outside the table is said by its status, with the code for support', () => {
    expect(apiErrorText(problem({ status: 409, code: 'INVALID_AMOUNT', detail: 'amount must be >= 0' }), zh)).toBe(
      '操作与当前状态冲突，请刷新页面后重试。',
    );
    expect(apiErrorText(problem({ status: 422, code: 'SOMETHING_NEW', detail: 'English' }), zh)).toBe(
      '操作未能完成（错误代码 SOMETHING_NEW），请稍后重试。',
    );
  });

  it('names each offending field and its limit (an invalid cursor, a too-short reason)', () => {
    const cursor = problem({
      status: 400,
      code: 'INVALID_REQUEST',
      detail: 'The cursor is not valid.',
      errors: [{ path: 'cursor', message: 'is not a cursor of this list' }],
    });
    expect(apiErrorText(cursor, zh)).toBe('提交的内容不正确，请检查后重试。分页位置：格式不正确');
    const reason = problem({
      status: 400,
      code: 'INVALID_REQUEST',
      detail: 'x',
      errors: [
        { path: 'reason', message: 'Too small', code: 'too_small', origin: 'string', minimum: 15 },
        { path: 'items.0.quantity', message: 'Too big', code: 'too_big', origin: 'number', maximum: 100 },
        { path: 'email', message: 'Too small', code: 'too_small', origin: 'string', minimum: 1 },
        { path: 'header.x-weird', message: 'bad' },
      ],
    });
    expect(apiErrorText(reason, zh)).toBe(
      '提交的内容不正确，请检查后重试。原因：至少 15 个字符；数量：不能大于 100；邮箱：必须填写；某项内容：格式不正确',
    );
    expect(apiErrorText(reason, en)).toBe(
      'Some of the input is not valid. Check it and try again. Reason: at least 15 characters; Quantity: at most 100; Email: required; A value: not valid',
    );
  });
});
