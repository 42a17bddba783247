import { PUBLISHED_META } from './fields.js';
import { unwrap } from './stable.js';

/**
 * Where each part of the bundle lists the publication dates of its pages (relative to the part's
 * folder), for the search page's "newest first" and "oldest first": the layout is
 * `{ "<published>": ["<Pagefind page id>", …], … }`, dates and ids in text order, undated pages
 * left out. src/site/assets/search.js reads it; the two must agree.
 *
 * Why not Pagefind's own sort (`data-pagefind-sort`): a large archive is searched as several
 * merged indexes, and Pagefind 1.5 puts the results of merged indexes in order of relevance
 * whatever sort was asked for (pagefind.js: `results.flat().sort((a, b) => b.score - a.score)`),
 * so "newest first" came out of date order once an archive had more than one part. Its sort
 * data also sits in every part's metadata, which every first query loads (about 2 bytes a page
 * after gzip); these lists load only when a reader asks for a date order.
 */
export const DATES_FILE = 'clippings-dates.json';

/**
 * The dates file of one part, from its bundle (files by path, as Pagefind gives them): each
 * fragment is a page, named by the id its search results carry, with the page's `published` meta.
 */
export function partDates(files: Map<string, Uint8Array>): string {
  const byDate = new Map<string, string[]>();
  for (const [path, bytes] of files) {
    const m = /^fragment\/(.+)\.pf_fragment$/.exec(path);
    if (!m) continue;
    const fragment = JSON.parse(unwrap(path, bytes).toString('utf8')) as { meta?: Record<string, string> };
    const published = fragment.meta?.[PUBLISHED_META];
    if (!published) continue;
    const ids = byDate.get(published);
    if (ids) ids.push(m[1]!);
    else byDate.set(published, [m[1]!]);
  }
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...byDate].sort(([a], [b]) => text(a, b)).map(([date, ids]) => [date, ids.sort(text)] as const);
  return `${JSON.stringify(Object.fromEntries(sorted))}\n`;
}
