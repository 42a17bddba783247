import matter from 'gray-matter';
import type { Frontmatter } from './schema.js';

/**
 * An article file's bytes: YAML frontmatter (keys in the order given, no line folding, no
 * anchors) and the Markdown body. Ingest and the review write articles the same way, so the
 * same article always gives the same bytes.
 */
export function formatArticle(frontmatter: Frontmatter, body: string): string {
  return matter.stringify(body, frontmatter, { lineWidth: -1, noRefs: true } as never);
}
