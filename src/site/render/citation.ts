import type { SiteArticle } from '../read/model.js';
import { describePublished, longDate } from '../index/periods.js';

/** What a citation needs besides the article: where the archive copy lives. */
export interface CitationContext {
  archive: string;
  url: string;
}

function source(article: SiteArticle): string | undefined {
  if (article.site && article.publisher && article.publisher !== article.site) return `${article.site} (${article.publisher})`;
  return article.site ?? article.publisher;
}

/** A plain-text citation: title, source, date, then the archive copy and its fixity. */
export function plainCitation(article: SiteArticle, context: CitationContext): string {
  const when = describePublished(article);
  const parts = [
    `“${article.title}”`,
    source(article),
    when ? when.date + (article.published_basis === 'inferred' ? ' (date inferred)' : '') : 'undated',
  ].filter(Boolean);
  const captured = article.captured ? ` Captured ${longDate(article.captured)}.` : '';
  return `${parts.join('. ')}.${captured} Archived copy in ${context.archive}: ${context.url} (source file ${article.source.file}, SHA-256 ${article.source.sha256}).`;
}

// BibTeX gives these characters meaning; a title must not open a group or start a comment.
function tex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A BibTeX `@misc` entry keyed by the article's slug. */
export function bibtex(article: SiteArticle, context: CitationContext): string {
  const fields: [string, string][] = [['title', `{${tex(article.title)}}`]];
  const from = source(article);
  if (from) fields.push(['howpublished', `{${tex(from)}}`]);
  if (article.published) {
    fields.push(['year', article.published.slice(0, 4)]);
    if (article.published_precision !== 'year') fields.push(['month', MONTHS[Number(article.published.slice(5, 7)) - 1]!]);
  }
  fields.push(['url', `{${context.url}}`]);
  const note = [
    article.published ? (article.published_basis === 'inferred' ? 'Publication date inferred from the text' : undefined) : 'Undated',
    article.captured ? `captured ${article.captured}` : undefined,
    `archived in ${tex(context.archive)}, SHA-256 ${article.source.sha256}`,
  ].filter(Boolean);
  fields.push(['note', `{${note.join('; ')}}`]);
  return `@misc{${article.slug},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}
