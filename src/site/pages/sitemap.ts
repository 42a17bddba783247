import { absoluteUrl, type SiteConfig } from '../config.js';
import { html } from '../render/html.js';

/** Addresses per page of the sitemap: well under the protocol's 50,000, so no page grows large. */
export const SITEMAP_SIZE = 10_000;

/**
 * A page of the sitemap: HTML pages' canonical addresses (no lastmod: the archive does not know
 * it). A sitemap holds absolute addresses only, so there is none until site.json's `url` is set.
 */
export function renderSitemap(config: SiteConfig, urls: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${html`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => html`<url><loc>${absoluteUrl(config, url)}</loc></url>\n`)}</urlset>`}\n`;
}

/** The sitemap index at /sitemap.xml: the sitemap's pages. */
export function renderSitemapIndex(config: SiteConfig, pages: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${html`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map((url) => html`<sitemap><loc>${absoluteUrl(config, url)}</loc></sitemap>\n`)}</sitemapindex>`}\n`;
}

/** robots.txt: everything may be crawled; the sitemap is named when there is one. */
export function renderRobots(config: SiteConfig): string {
  const sitemap = absoluteUrl(config, '/sitemap.xml');
  return `User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`;
}
