import { dateToRfc3339 } from '@11ty/eleventy-plugin-rss';
import { linkUrl, type SiteConfig } from '../config.js';
import { html } from '../render/html.js';
import type { SiteArticle } from '../read/model.js';
import type { Archive, Entry } from '../index/archive.js';

/** One feed: the whole archive's, or a topic's. */
export interface Feed {
  title: string;
  description: string;
  /** The HTML page the feed follows, e.g. "/" or "/topics/climate/". */
  home: string;
  /** The feed's own paths. */
  atom: string;
  json: string;
  /** The newest dated articles, newest first, each with a plain-text summary. */
  items: { article: SiteArticle; summary: string }[];
}

/**
 * An entry's identifier: its absolute address once site.json's `url` is set, until then a URN of
 * the archive's own (an Atom id must be an absolute IRI, and a placeholder host would be a lie).
 */
function entryId(config: SiteConfig, article: SiteArticle): string {
  return config.url ? linkUrl(config, article.url) : `urn:clippings:article:${article.slug}`;
}

function feedId(config: SiteConfig, path: string): string {
  return config.url ? linkUrl(config, path) : `urn:clippings:feed:${path}`;
}

/** A day as RFC 3339 at midnight UTC: the archive knows the day, not the hour. */
const day = (iso: string) => dateToRfc3339(new Date(`${iso}T00:00:00Z`));

/**
 * An Atom feed. Undated articles are left out rather than given a made-up date (Atom requires one
 * per entry); links are absolute once `url` is set, otherwise from the site root.
 */
export function renderAtom(config: SiteConfig, feed: Feed): string {
  const updated = day(feed.items[0]?.article.published ?? '1970-01-01');
  return `<?xml version="1.0" encoding="utf-8"?>\n${html`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${config.language}">
<title>${feed.title}</title>
<subtitle>${feed.description}</subtitle>
<link href="${linkUrl(config, feed.atom)}" rel="self"/>
<link href="${linkUrl(config, feed.home)}"/>
<link href="${linkUrl(config, feed.json)}" rel="alternate" type="application/feed+json"/>
<updated>${updated}</updated>
<id>${feedId(config, feed.atom)}</id>
<author><name>${config.title}</name></author>
${feed.items.map(
  ({ article: a, summary }) => html`<entry>
<title>${a.title}</title>
<link href="${linkUrl(config, a.url)}"/>
<id>${entryId(config, a)}</id>
<published>${day(a.published!)}</published>
<updated>${day(a.published!)}</updated>
${(a.authors ?? []).map((name) => html`<author><name>${name}</name></author>`)}
${summary ? html`<summary>${summary}</summary>` : ''}
${a.site ? html`<source><title>${a.site}</title></source>` : ''}
${a.topics.map((t) => html`<category term="${t}"/>`)}
</entry>
`,
)}</feed>`}\n`;
}

/** The same feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function renderJsonFeed(config: SiteConfig, feed: Feed): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: linkUrl(config, feed.home),
    feed_url: linkUrl(config, feed.json),
    language: config.language,
    items: feed.items.map(({ article: a, summary }) => ({
      id: entryId(config, a),
      url: linkUrl(config, a.url),
      title: a.title,
      // An item must carry content: the summary, as text; the article page holds the rest.
      content_text: summary || a.title,
      summary: summary || undefined,
      date_published: day(a.published!),
      authors: a.authors?.length ? a.authors.map((name) => ({ name })) : undefined,
      tags: a.topics.length ? a.topics : undefined,
      external_url: a.source.url && /^https?:\/\//i.test(a.source.url) ? a.source.url : undefined,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A topic's feeds, beside its page. */
export function topicFeedPaths(entry: Pick<Entry, 'url'>): { atom: string; json: string } {
  return { atom: `${entry.url}feed.xml`, json: `${entry.url}feed.json` };
}

/**
 * The archive's feeds: the whole archive's at /feed.xml and /feed.json, and one per topic.
 * Summaries are asked for only when a feed is rendered.
 */
export function archiveFeeds(config: SiteConfig, archive: Archive, summary: (article: SiteArticle) => string): Feed[] {
  const items = (articles: readonly SiteArticle[]) => articles.filter((a) => a.published).slice(0, config.feedSize).map((article) => ({ article, summary: summary(article) }));
  return [
    { title: config.title, description: config.description, home: '/', atom: '/feed.xml', json: '/feed.json', items: items(archive.dated) },
    ...archive.facets.topics.map((entry) => ({ title: `${config.title}: ${entry.name}`, description: `Articles in ${config.title} on ${entry.name}, newest first.`, home: entry.url, ...topicFeedPaths(entry), items: items(entry.articles) })),
  ];
}
