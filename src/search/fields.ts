/**
 * What an article page gives the search step beyond what Pagefind shows: the contract between the
 * page (src/site/pages/article.ts writes it) and the search index (src/search/dates.ts reads it).
 *
 * `PUBLISHED_META`: the Pagefind meta field holding the article's publication date as written in
 * its frontmatter ("2016-10-27", "2016-10" or "2016"), on the article element as
 * `data-pagefind-meta="published:…"`; an undated article has none.
 */
export const PUBLISHED_META = 'published';
