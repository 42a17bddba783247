import type { SiteConfig } from '../config.js';
import type { SiteArticle } from '../read/model.js';
import { ENTITY_KINDS, FACET_KINDS, FACETS, namesOf, slugsFor, type FacetKind } from './facets.js';
import { paginate, type Page } from './paginate.js';
import { newerFirst, relatedArticles } from './related.js';
import { periodOf, type Period } from './periods.js';

/** A name in one facet (a topic, a person, a source…) with its articles, newest first. */
export interface Entry {
  kind: FacetKind;
  name: string;
  url: string;
  articles: SiteArticle[];
  /** Sources only: the publisher named with the site, when one is. */
  publisher?: string;
  /** People, places and organisations that appear most often in the same articles. */
  companions: { kind: FacetKind; name: string; url: string; count: number }[];
}

/** What an article page shows around the text. */
export interface ArticleContext {
  article: SiteArticle;
  /** Older and newer by publication date; undated articles have neither. */
  previous?: SiteArticle;
  next?: SiteArticle;
  related: SiteArticle[];
  entries: Record<FacetKind, Entry[]>;
}

export type IndexPage = Page<Entry> & { kind: FacetKind };
export type EntryPage = Page<SiteArticle> & { entry: Entry };
export type PeriodPage = Page<SiteArticle> & { period: Period };

/** The whole archive, indexed once: every listing page is a slice of these Maps. */
export interface Archive {
  articles: SiteArticle[];
  dated: SiteArticle[];
  undated: SiteArticle[];
  byUrl: Map<string, ArticleContext>;
  facets: Record<FacetKind, Entry[]>;
  /** Months (and years known only to the year), oldest first. */
  periods: Period[];
  indexPages: IndexPage[];
  entryPages: EntryPage[];
  periodPages: PeriodPage[];
  words: number;
}

function byCountThenName(a: Entry, b: Entry): number {
  return b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'en');
}

/**
 * What of the archive costs more than a pass over the articles — related articles and each name's
 * companions — as plain data: a build in parts works it out once and hands it to every part
 * (snapshot.ts), so the parts do not each redo the work of the whole archive. Articles are
 * numbered by their place in the list given to `buildArchive`.
 */
export interface Derived {
  related: number[][];
  companions: Record<FacetKind, Record<string, Entry['companions']>>;
}

/** The derived part of an archive built from `input`, to build it again without the cost. */
export function derivedOf(archive: Archive, input: readonly SiteArticle[]): Derived {
  const number = new Map(input.map((a, i) => [a, i]));
  const related = input.map((a) => archive.byUrl.get(a.url)!.related.map((r) => number.get(r)!));
  const companions = Object.fromEntries(FACET_KINDS.map((kind) => [kind, Object.fromEntries(archive.facets[kind].map((e) => [e.name, e.companions]))])) as Derived['companions'];
  return { related, companions };
}

/**
 * Articles → the archive's indexes, in one pass over the articles per facet plus the related-article
 * pass (or, given `derived`, without it). Nothing here depends on Eleventy's tags (slow and
 * memory-hungry on large sites).
 */
export function buildArchive(input: SiteArticle[], config: SiteConfig, derived?: Derived): Archive {
  const articles = [...input].sort(newerFirst);
  const dated = articles.filter((a) => a.published);
  const undated = articles.filter((a) => !a.published);

  const facets = {} as Record<FacetKind, Entry[]>;
  const lookup = {} as Record<FacetKind, Map<string, Entry>>;
  for (const kind of FACET_KINDS) {
    const map = new Map<string, Entry>();
    for (const article of articles) {
      for (const name of namesOf(article, kind)) {
        let entry = map.get(name);
        if (!entry) map.set(name, (entry = { kind, name, url: '', articles: [], companions: [] }));
        if (entry.articles.at(-1) !== article) entry.articles.push(article);
        if (kind === 'sources' && article.publisher && !entry.publisher) entry.publisher = article.publisher;
      }
    }
    const slugs = slugsFor(map.keys());
    for (const entry of map.values()) entry.url = `${FACETS[kind].path}${slugs.get(entry.name)}/`;
    facets[kind] = [...map.values()].sort(byCountThenName);
    lookup[kind] = map;
  }

  for (const kind of FACET_KINDS) {
    for (const entry of facets[kind]) entry.companions = derived ? (derived.companions[kind][entry.name] ?? []) : companionsOf(entry, lookup, config.companions);
  }

  const related = derived
    ? new Map(input.map((a, i) => [a, derived.related[i]!.map((n) => input[n]!)]))
    : relatedArticles(articles, config.related, config.relatedMaxPostings);
  const chronological = [...dated].reverse();
  const byUrl = new Map<string, ArticleContext>();
  for (const article of articles) {
    const entries = {} as Record<FacetKind, Entry[]>;
    for (const kind of FACET_KINDS) entries[kind] = namesOf(article, kind).map((name) => lookup[kind].get(name)!);
    byUrl.set(article.url, { article, related: related.get(article) ?? [], entries });
  }
  chronological.forEach((article, i) => {
    const context = byUrl.get(article.url)!;
    context.previous = chronological[i - 1];
    context.next = chronological[i + 1];
  });

  const periodMap = new Map<string, Period>();
  for (const article of chronological) {
    const period = periodOf(article.published!, article.published_precision ?? 'day');
    const known = periodMap.get(period.key);
    if (known) known.articles.push(article);
    else periodMap.set(period.key, { ...period, articles: [article] });
  }
  // Pages list the newest first; the chart and the timeline walk oldest first.
  const periods = [...periodMap.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const period of periods) period.articles.reverse();

  const archive: Archive = {
    articles,
    dated,
    undated,
    byUrl,
    facets,
    periods,
    indexPages: FACET_KINDS.flatMap((kind) =>
      paginate(facets[kind], config.indexPageSize, FACETS[kind].path).map((page) => ({ ...page, kind })),
    ),
    entryPages: FACET_KINDS.flatMap((kind) =>
      facets[kind].flatMap((entry) => paginate(entry.articles, config.pageSize, entry.url).map((page) => ({ ...page, entry }))),
    ),
    periodPages: [
      ...periods.flatMap((period) => paginate(period.articles, config.pageSize, period.url).map((page) => ({ ...page, period }))),
      ...(undated.length > 0
        ? paginate(undated, config.pageSize, UNDATED.url).map((page) => ({ ...page, period: { ...UNDATED, articles: undated } }))
        : []),
    ],
    words: articles.reduce((sum, a) => sum + a.words, 0),
  };
  assertOwnUrls(archive);
  return archive;
}

/** The site's own pages, whose addresses no generated page may take. */
export const FIXED_URLS = ['/', '/timeline/', '/about/', '/search/', '/404.html', '/feed.xml', '/sitemap.xml', '/robots.txt'];

/**
 * Every page has an address of its own. Slugs are made so that none meet (reserved names, suffixes
 * for names that fold alike); this says so loudly, with both pages, should a case slip through.
 */
function assertOwnUrls(archive: Archive): void {
  const owners = new Map<string, string>(FIXED_URLS.map((url) => [url, 'a page of the site']));
  const claim = (url: string, what: string) => {
    const other = owners.get(url);
    if (other !== undefined) throw new Error(`two pages at ${url}: ${other} and ${what}`);
    owners.set(url, what);
  };
  for (const a of archive.articles) claim(a.url, `the article ${a.inputPath}`);
  for (const p of archive.indexPages) claim(p.url, `page ${p.number} of the ${p.kind} index`);
  for (const p of archive.entryPages) claim(p.url, `page ${p.number} of ${p.entry.kind} "${p.entry.name}"`);
  for (const p of archive.periodPages) claim(p.url, `page ${p.number} of ${p.period.label}`);
}

/** The timeline's place for articles without a publication date. */
export const UNDATED: Omit<Period, 'articles'> = { key: 'undated', label: 'Undated', url: '/timeline/undated/', year: '' };

function companionsOf(entry: Entry, lookup: Record<FacetKind, Map<string, Entry>>, count: number): Entry['companions'] {
  if (count === 0) return [];
  const tally = new Map<Entry, number>();
  for (const article of entry.articles) {
    for (const kind of ENTITY_KINDS) {
      for (const name of article[kind]) {
        const other = lookup[kind].get(name)!;
        if (other !== entry) tally.set(other, (tally.get(other) ?? 0) + 1);
      }
    }
  }
  return [...tally]
    .sort((a, b) => b[1] - a[1] || a[0].name.localeCompare(b[0].name, 'en'))
    .slice(0, count)
    .map(([other, n]) => ({ kind: other.kind, name: other.name, url: other.url, count: n }));
}
