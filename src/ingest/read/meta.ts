import { decodeHTML } from 'entities';
import type { Given, Stated } from './capture.js';
import { authorNames, dayOf, statedDay } from './stated.js';

/** What a page says about itself in its markup, as the HTML reader collects it. */
export interface PageMarkup {
  /** `<meta name|property|itemprop=… content=…>`, first of each name, lower-cased names. */
  meta: Map<string, string>;
  /** The text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  title?: string;
  /** The visible `<h1>`s (the first few), each with where it stands. */
  h1s: PageHeading[];
  canonical?: string;
  lang?: string;
  /** The first `<time datetime>` in the article's head or marked as the publication time. */
  time?: string;
}

/** A visible `<h1>` and where it stands: in the page's chrome (a nav, a footer, the site's logo), in the page's header, inside the article or main element. */
export interface PageHeading {
  text: string;
  chrome: boolean;
  pageHeader: boolean;
  inArticle: boolean;
}

/** How many `<h1>`s a page's markup keeps: a page has one or two; a listing of many says nothing about its headline. */
export const MAX_H1S = 8;

/**
 * The page's headline among its `<h1>`s: not one in its chrome (many sites put their name or logo
 * in an `<h1>`), nor one that only names the site; one inside the article or main element before
 * one outside the page's header, before one in it.
 */
function headlineH1(h1s: readonly PageHeading[], siteNames: readonly string[]): string | undefined {
  const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const sites = new Set(siteNames.map(norm).filter(Boolean));
  const fit = h1s.filter((h) => !h.chrome && !sites.has(norm(h.text)));
  return (fit.find((h) => h.inArticle) ?? fit.find((h) => !h.pageHeader) ?? fit[0])?.text;
}

/** `short` is `full` cut off (perhaps with an ellipsis): "Harbour authority approves the…" of "Harbour authority approves the new terminal". */
function cutShort(short: string, full: string): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const head = norm(short).replace(/\s*(?:…|\.\.\.)$/u, '');
  const whole = norm(full);
  return head.length >= 20 && whole.length > head.length && whole.startsWith(head);
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|WebPage)$/;

/**
 * Every object of a JSON-LD document, @graph and nested entities included, each saying whether it
 * stands in a list (`itemListElement`: the related or latest articles a page lists, never the
 * page's own unless it names the page's address).
 */
function* objects(value: unknown, listed = false): Generator<{ o: Record<string, unknown>; listed: boolean }> {
  if (Array.isArray(value)) for (const v of value) yield* objects(v, listed);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    yield { o, listed };
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'item']) if (key in o) yield* objects(o[key], listed);
    if ('itemListElement' in o) yield* objects(o.itemListElement, true);
  }
}

const typesOf = (o: Record<string, unknown>) => [o['@type']].flat().filter((t): t is string => typeof t === 'string');
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? decodeHTML(v).replace(/\s+/g, ' ').trim() : undefined);
const names = (v: unknown): string[] =>
  [v]
    .flat()
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : undefined))
    .map(text)
    .filter((s): s is string => s !== undefined);

/** What stands between a headline and the site's name in a page's title: "Headline | Site". */
const SITE_SEPARATOR = /\s+[|–—·•-]\s+/;

/** A page title without the site's name after a separator: "Headline | Site" → "Headline". */
function withoutSite(title: string, site?: string): string {
  const parts = title.split(SITE_SEPARATOR);
  if (parts.length < 2) return title;
  const last = parts.at(-1)!.toLowerCase();
  if (site && (last.includes(site.toLowerCase()) || site.toLowerCase().includes(last))) return parts.slice(0, -1).join(' - ');
  return parts.length > 1 && parts.at(-1)!.split(' ').length <= 4 ? parts.slice(0, -1).join(' - ') : title;
}

/**
 * What a page states about itself, by trust: its JSON-LD article (headline, datePublished,
 * dateModified, author, publisher, url, inLanguage), then `og:*` and `article:*` meta, the
 * visible h1, `<title>`, `<time datetime>`, the canonical link and `<html lang>`. Each value with
 * where it was read, for the article's provenance.
 */
export function givenFromMarkup(page: PageMarkup, roles: ReadonlySet<string> = new Set()): Given {
  const given: Given = {};
  const set = <K extends keyof Given>(key: K, value: Given[K] extends Stated<infer T> | undefined ? T | undefined : never, from: string) => {
    if (value !== undefined && (!Array.isArray(value) || value.length > 0) && given[key] === undefined) (given as Record<string, unknown>)[key] = { value, from };
  };
  // The page's article among the JSON-LD objects: an article type before a WebPage, never one
  // the page only lists (unless it names the page's own address); the first in the page's order.
  // Its fields come first; the WebPage (the page itself) fills what it leaves out; another
  // article's fields (a related story's headline and date) are never the page's.
  const address = (u: string | undefined) => u?.replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
  const pageUrl = address(page.canonical ?? text(page.meta.get('og:url')));
  const urlOf = (o: Record<string, unknown>) => text(o.url) ?? text(typeof o.mainEntityOfPage === 'string' ? o.mainEntityOfPage : undefined);
  const found: { o: Record<string, unknown>; webPage: boolean }[] = [];
  for (const raw of page.jsonLd) {
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch {
      continue;
    }
    for (const { o, listed } of objects(doc)) {
      if (!typesOf(o).some((t) => ARTICLE_TYPES.test(t))) continue;
      if (listed && (pageUrl === undefined || address(urlOf(o)) !== pageUrl)) continue;
      if (!found.some((f) => f.o === o)) found.push({ o, webPage: typesOf(o).every((t) => t === 'WebPage') });
    }
  }
  const article = found.find((f) => !f.webPage);
  for (const { o, webPage } of [...(article ? [article] : []), ...found.filter((f) => f.webPage)]) {
    if (!webPage) set('title', text(o.headline), 'JSON-LD headline');
    set('published', statedDay(text(o.datePublished)), 'JSON-LD datePublished');
    set('modified', statedDay(text(o.dateModified)), 'JSON-LD dateModified');
    if (!webPage) set('authors', authorNames(names(o.author), roles), 'JSON-LD author');
    set('publisher', names(o.publisher)[0], 'JSON-LD publisher');
    set('url', urlOf(o), 'JSON-LD url');
    set('language', text(o.inLanguage), 'JSON-LD inLanguage');
  }
  const meta = (name: string) => text(page.meta.get(name));
  const site = meta('og:site_name') ?? meta('application-name');
  const publisherName = given.publisher?.value;
  const titleSite = page.title?.split(SITE_SEPARATOR).slice(1).map((t) => t.trim()) ?? [];
  const h1 = headlineH1(page.h1s, [site, publisherName, ...titleSite].filter((n): n is string => n !== undefined));
  // A headline cut short for search engines ("… after a…", 110 characters at most) is the h1's beginning: the h1 is the headline.
  if (h1 && given.title && cutShort(given.title.value, text(h1) ?? '')) given.title = { value: text(h1)!, from: 'h1' };
  set('title', h1 ? text(h1) : undefined, 'h1');
  set('title', meta('og:title') ? withoutSite(meta('og:title')!, site) : undefined, 'meta og:title');
  set('title', page.title ? withoutSite(text(page.title) ?? '', site) || undefined : undefined, 'title');
  for (const name of ['article:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date']) set('published', statedDay(meta(name)), `meta ${name}`);
  set('published', dayOf(page.time), 'time datetime');
  set('modified', statedDay(meta('article:modified_time') ?? meta('og:updated_time')), 'meta article:modified_time');
  set('authors', authorNames([meta('author') ?? meta('article:author') ?? meta('sailthru.author')].filter((a): a is string => a !== undefined), roles), 'meta author');
  set('site', site, 'meta og:site_name');
  set('url', page.canonical ?? meta('og:url'), page.canonical ? 'link canonical' : 'meta og:url');
  set('language', page.lang ?? meta('og:locale'), page.lang ? 'html lang' : 'meta og:locale');
  return given;
}
