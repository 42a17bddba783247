import matter from 'gray-matter';
import type { Frontmatter } from './schema.js';

/**
 * An article file's bytes: YAML frontmatter (keys in the order given, no line folding, no
 * anchors) and the Markdown body. Ingest and the review write articles the same way, so the
 * same article always gives the same bytes.
 */
export function formatArticle(frontmatter: Frontmatter, body: string): string {
  // Handed over as a parsed file: given a string, gray-matter parses it first, and would take a
  // body that opens with a rule ("---" … "---", a curator's edit) for frontmatter and drop it.
  return matter.stringify({ content: body, data: {} } as never, frontmatter, { lineWidth: -1, noRefs: true } as never);
}
