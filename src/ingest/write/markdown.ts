/**
 * Escapes one paragraph so that markdown-it renders it as the literal text: `B**ch`, `[POLL]`,
 * `<b>`, `#1` or `1.` at a line start all show as written. Inline markers are escaped wherever
 * they stand; block markers only where they would open a block.
 */
export function escapeMarkdown(text: string): string {
  let s = text.replace(/[\\`*_[\]<>~|]/g, '\\$&');
  s = s.replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&'); // "&amp;" must not turn into "&"
  s = s.replace(/^(\s*)([#>+=-])/, '$1\\$2'); // headings, quotes, list bullets, setext lines, rules
  s = s.replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2'); // ordered-list markers: "1. ", "2) "
  return s;
}

/** The Markdown body: paragraphs separated by blank lines, subheadings as level-2 headings. */
export function toMarkdownBody(paragraphs: { text: string; role: 'body' | 'subheading' }[]): string {
  return paragraphs.map((p) => (p.role === 'subheading' ? `## ${escapeMarkdown(p.text)}` : escapeMarkdown(p.text))).join('\n\n') + '\n';
}
