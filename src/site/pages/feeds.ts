import { dateToRfc3339 } from '@11ty/eleventy-plugin-rss';
import type { Archive } from '../archive.js';
import { absoluteUrl, type SiteConfig } from '../config.js';
import { html } from '../html.js';

/**
 * The Atom feed: the newest dated articles. Undated articles are left out rather than given a
 * made-up date (Atom requires one per entry).
 */
export function renderFeed(config: SiteConfig, archive: Archive): string {
  const entries = archive.dated.slice(0, config.feedSize);
  const day = (iso: string) => dateToRfc3339(new Date(`${iso}T00:00:00Z`));
  const updated = entries[0]?.published ? day(entries[0].published) : day('1970-01-01');
  return `<?xml version="1.0" encoding="utf-8"?>\n${html`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${config.language}">
<title>${config.title}</title>
<subtitle>${config.description}</subtitle>
<link href="${absoluteUrl(config, '/feed.xml')}" rel="self"/>
<link href="${absoluteUrl(config, '/')}"/>
<updated>${updated}</updated>
<id>${absoluteUrl(config, '/')}</id>
<author><name>${config.title}</name></author>
${entries.map(
  (a) => html`<entry>
<title>${a.title}</title>
<link href="${absoluteUrl(config, a.url)}"/>
<id>${absoluteUrl(config, a.url)}</id>
<published>${day(a.published!)}</published>
<updated>${day(a.published!)}</updated>
${a.site ? html`<source><title>${a.site}</title></source>` : ''}
${a.topics.map((t) => html`<category term="${t}"/>`)}
</entry>
`,
)}</feed>`}\n`;
}

/** Addresses per page of the sitemap: well under the protocol's 50,000, so no page grows large. */
export const SITEMAP_SIZE = 10_000;

/** A page of the sitemap: HTML pages' canonical addresses (no lastmod: the archive does not know it). */
export function renderSitemap(config: SiteConfig, urls: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${html`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => html`<url><loc>${absoluteUrl(config, url)}</loc></url>\n`)}</urlset>`}\n`;
}

/** The sitemap index at /sitemap.xml: the sitemap's pages. */
export function renderSitemapIndex(config: SiteConfig, pages: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${html`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map((url) => html`<sitemap><loc>${absoluteUrl(config, url)}</loc></sitemap>\n`)}</sitemapindex>`}\n`;
}

/** robots.txt: everything may be crawled; the sitemap is named. */
export function renderRobots(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config, '/sitemap.xml')}\n`;
}
