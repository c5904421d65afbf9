/**
 * Rule-book references ("(R4.2)", "（R4.3）", "R6.3: ") are for engineers; the explainer shows
 * customers plain words only (issue 17), also when it falls back to the server's own sentence.
 */
export function withoutRuleIds(text: string): string {
  return text
    .replace(/\s*[（(]\s*R\d+(?:\.\d+)*(?:\s*[,，、/]\s*R\d+(?:\.\d+)*)*\s*[)）]/g, '')
    .replace(/\bR\d+(?:\.\d+)*\s*[:：]\s*/g, '')
    .trim();
}
