/**
 * R9.2 "a reason of at least a sentence", fair to Chinese (docs/decisions/0018-access-log-and-reason-length.md): a
 * Chinese sentence says in 8 characters what English says in 15+, so the length of a reason is its
 * *weight*: a wide character (CJK ideographs, kana, hangul, CJK and full-width punctuation) counts 2,
 * every other character 1, counted by code point (an emoji is one character, not two UTF-16 units).
 * The minimum stays 15: 15 Latin letters, or 8 Chinese characters; "客户来电询问账单为何翻倍了" (13) passes.
 */
export const REASON_MIN_WEIGHT = 15;

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

export function reasonWeight(s: string): number {
  let w = 0;
  for (const ch of s.trim()) w += WIDE.test(ch) ? 2 : 1;
  return w;
}
