/**
 * Repairs scrapers leave inside kept paragraphs, none of which changes a word:
 * - a drop cap split from its word ("L ast autumn" → "Last autumn"); "A" and "I" are words, so stay;
 * - a space left before punctuation where a link ended ("the Embassy , while" → "the Embassy, while"),
 *   except in French, whose typography puts a space before ; : ! ?, and in spaced ellipses (". . .").
 */
export function repairParagraph(text: string, language: string): string {
  let s = text.replace(/^([B-HJ-Z]) (\p{Ll}{2,})/u, '$1$2');
  if (language !== 'fr') s = s.replace(/([\p{L}\p{N}”’")]) ([,.;:!?])(?= |$)(?! \.)/gu, (m, before: string, mark: string, at: number) => (mark === '.' && s[at - 1] === '.' ? m : `${before}${mark}`));
  return s;
}

/**
 * Removes residue phrases inside a paragraph (link labels such as ", opens new tab").
 * Returns the cleaned text and what was removed, by rule, for the ledger.
 */
export function stripInline<R extends string>(text: string, rules: { id: R; test: RegExp }[]): { text: string; removed: { rule: R; text: string }[] } {
  const removed: { rule: R; text: string }[] = [];
  let s = text;
  for (const r of rules) {
    r.test.lastIndex = 0;
    if (!r.test.test(s)) continue;
    s = s.replace(r.test, (m) => {
      removed.push({ rule: r.id, text: m.trim() });
      return '';
    });
  }
  return { text: removed.length ? s.replace(/ {2,}/g, ' ').trim() : s, removed };
}
