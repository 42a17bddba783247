import { join, resolve } from 'node:path';
import { projectRoot } from '../root.js';
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import markdownIt from 'markdown-it';
import { buildArchive, type Archive } from './archive.js';
import { loadSiteConfig, contentPaths } from './config.js';
import { loadArticles, type SiteArticle } from './model.js';
import { copyRaw, locateRaw } from './raw.js';
import { prepareOutput } from './output.js';
import { loadReasons } from './reasons.js';
import { renderArticle } from './pages/article.js';
import { renderHome } from './pages/home.js';
import { renderEntry, renderIndex, renderPeriod } from './pages/listings.js';
import { renderTimeline } from './pages/timeline.js';
import { renderAbout, renderNotFound } from './pages/about.js';
import { renderFeed, renderRobots, renderSitemap } from './pages/feeds.js';
import { renderSearch } from './pages/search.js';
import { loadAliases } from './aliases.js';
import type { EntryPage, IndexPage, PeriodPage } from './archive.js';

export interface SitePluginOptions {
  /** The folder holding site.json, aliases.json and boilerplate.json (default: the project's `_data`). */
  dataDir?: string;
  /** The articles (default: `CLIPPINGS_ARTICLES`, else content/articles). */
  articles?: string;
  /** The raw captures the articles name (default: `CLIPPINGS_RAW`, else content/raw). */
  raw?: string;
}

interface PageData {
  collections: { archive: Archive };
  listing: IndexPage & EntryPage & PeriodPage & SiteArticle;
}

/** Every HTML page but the 404, from the archive itself (Eleventy's `all` misses paginated pages). */
function sitemapUrls(archive: Archive): string[] {
  return ['/', '/timeline/', '/about/', '/search/', ...archive.articles.map((a) => a.url), ...[...archive.indexPages, ...archive.entryPages, ...archive.periodPages].map((p) => p.url)];
}

const ASSETS = join(projectRoot, 'src', 'site', 'assets');

/**
 * The archive site as one Eleventy plugin. Eleventy renders virtual templates only: no file of
 * its input folder is a template (`ignores` takes them all), and the articles are read by the
 * site's own reader (`loadArticles`), so nothing a capture folder or an article holds is ever run
 * as a template, becomes a permalink or a data file. Each build empties the output folder first,
 * so the site holds exactly the current collection, and publishes the raw captures itself, as
 * plain text, only those the articles name.
 */
export function clippingsSite(eleventyConfig: UserConfig, options: SitePluginOptions = {}): void {
  const config = loadSiteConfig(options.dataDir);
  const reasons = loadReasons(options.dataDir);
  const aliases = loadAliases(options.dataDir);
  const paths = contentPaths(options);
  // The article text is escaped by ingest; raw HTML stays off so a curator's `<b>` shows as written too.
  const markdown = markdownIt({ html: false, linkify: false, typographer: false });

  eleventyConfig.ignores.add('**/*');
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPassthroughCopy({ [ASSETS]: 'assets' });

  let archive: Archive | undefined;
  eleventyConfig.on('eleventy.before', ({ directories }: { directories: { output: string } }) => {
    prepareOutput(resolve(directories.output));
    archive = undefined;
  });
  eleventyConfig.addCollection('archive', () => {
    const articles = loadArticles(paths.articles);
    locateRaw(paths.raw, articles);
    archive = buildArchive(articles, config);
    return archive;
  });
  eleventyConfig.on('eleventy.after', ({ directories }: { directories: { output: string } }) => {
    if (archive) copyRaw(resolve(directories.output), archive.articles);
  });

  const hidden = { eleventyExcludeFromCollections: true };
  const page = (path: string, permalink: string, render: (data: PageData) => string, extra: Record<string, unknown> = {}) =>
    eleventyConfig.addTemplate(`${path}.11ty.js`, { render }, { permalink, ...extra });
  page('index', '/', (data) => renderHome(config, data.collections.archive));
  page('timeline', '/timeline/', (data) => renderTimeline(config, data.collections.archive));
  page('about', '/about/', (data) => renderAbout(config, data.collections.archive, reasons));
  page('search', '/search/', () => renderSearch(config));
  page('404', '/404.html', () => renderNotFound(config), hidden);
  page('feed', '/feed.xml', (data) => renderFeed(config, data.collections.archive), hidden);
  page('robots', '/robots.txt', () => renderRobots(config), hidden);
  page('sitemap', '/sitemap.xml', (data) => renderSitemap(config, sitemapUrls(data.collections.archive)), hidden);

  const paged = (path: string, render: (data: PageData) => string) =>
    eleventyConfig.addTemplate(`${path}.11ty.js`, { render }, {
      pagination: { data: `collections.archive.${path}`, size: 1, alias: 'listing' },
      permalink: (data: PageData) => data.listing.url,
    });
  paged('articles', (data) => renderArticle({ config, archive: data.collections.archive, reasons, aliases, article: data.listing, content: markdown.render(data.listing.body ?? '') }));
  paged('indexPages', (data) => renderIndex(config, data.collections.archive, data.listing));
  paged('entryPages', (data) => renderEntry(config, data.listing));
  paged('periodPages', (data) => renderPeriod(config, data.listing));
}
