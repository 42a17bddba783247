import { formatArticle } from '../../article/format.js';
import { Frontmatter, Ledger } from '../../article/schema.js';
import type { Article } from '../pipeline.js';
import { fieldDigests } from '../../article/fields.js';

/**
 * Article → the bytes of its two files: the Markdown with YAML frontmatter (keys in schema
 * order, no line folding, so the same article always gives the same bytes) and the ledger.
 * Throws when the frontmatter breaks the schema: a bug, never something to write.
 */
export function serialise(article: Article): { markdown: string; ledger: string } {
  const checked = Frontmatter.safeParse(article.frontmatter);
  if (!checked.success) throw new Error(`frontmatter of ${article.frontmatter.source.file} breaks the schema: ${checked.error.message}`);
  const markdown = formatArticle(article.frontmatter, article.body);
  const written = fieldDigests({ frontmatter: article.frontmatter, body: article.body });
  const ledger = `${JSON.stringify(Ledger.parse({ ...article.ledger, written }), null, 1)}\n`;
  return { markdown, ledger };
}
