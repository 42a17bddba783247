import { join, relative, resolve } from 'node:path';
import { checkCollection, type Health } from '../../check/check.js';
import { loadCheckSettings } from '../../check/settings.js';
import { loadData } from '../../data.js';
import { renderReport } from '../pages/report.js';
import { projectRoot } from '../../root.js';
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import markdownIt from 'markdown-it';
import { buildArchive, type Archive } from '../index/archive.js';
import { loadSiteConfig, contentPaths } from '../config.js';
import { loadArticles, readArticleText, type SiteArticle } from '../read/model.js';
import { copyRaw, locateRaw } from '../read/raw.js';
import { prepareOutput, requireOutput } from './output.js';
import { parseShard, sliceFor, type Shard } from './shard.js';
import { readSnapshot } from '../read/snapshot.js';
import { loadReasons } from '../read/reasons.js';
import { renderArticle } from '../pages/article.js';
import { renderHome } from '../pages/home.js';
import { renderEntry, renderIndex, renderPeriod } from '../pages/listings.js';
import { renderTimeline } from '../pages/timeline.js';
import { renderAbout, renderNotFound } from '../pages/about.js';
import { archiveFeeds, renderAtom, renderJsonFeed, type Feed } from '../pages/feeds.js';
import { renderRobots, renderSitemap, renderSitemapIndex, SITEMAP_SIZE } from '../pages/sitemap.js';
import { renderDataPage } from '../pages/data.js';
import { articlesCsv, articlesJson, dataPackage } from '../render/exports.js';
import { firstSentence } from '../render/excerpt.js';
import { NO_URL_NOTICE } from '../config.js';
import { renderSearch } from '../pages/search.js';
import { loadAliases } from '../read/aliases.js';
import type { EntryPage, IndexPage, PeriodPage } from '../index/archive.js';

export interface SitePluginOptions {
  /** The folder holding site.json, aliases.json and boilerplate.json (default: the project's `_data`). */
  dataDir?: string;
  /** The articles (default: `CLIPPINGS_ARTICLES`, else content/articles). */
  articles?: string;
  /** The raw captures the articles name (default: `CLIPPINGS_RAW`, else content/raw). */
  raw?: string;
  /** The part of the site this run renders (default: `CLIPPINGS_SHARD`, else the whole site). */
  shard?: Shard;
  /** The articles as read once for a build in parts (default: `CLIPPINGS_SITE_MODEL`; see snapshot.ts). */
  snapshot?: string;
}

/** The pages this run renders: its slice of each list of pages. */
interface Part {
  articles: SiteArticle[];
  indexPages: IndexPage[];
  entryPages: EntryPage[];
  periodPages: PeriodPage[];
  /** The sitemap's pages, each a list of addresses (rendered with the other pages that exist once). */
  sitemaps: { url: string; urls: string[] }[];
  /** The feeds: the archive's and each topic's (with the other pages that exist once). */
  feeds: Feed[];
}

interface PageData {
  collections: { archive: Archive & { part: Part; health?: Health } };
  listing: IndexPage & EntryPage & PeriodPage & SiteArticle & Part['sitemaps'][number] & Feed;
}

/** The sitemap in pages of SITEMAP_SIZE addresses (the protocol allows 50,000), named by /sitemap.xml. */
function sitemapPages(archive: Archive): Part['sitemaps'] {
  const urls = [...new Set(sitemapUrls(archive))].sort();
  const pages: Part['sitemaps'] = [];
  for (let i = 0; i * SITEMAP_SIZE < Math.max(1, urls.length); i++) pages.push({ url: `/sitemaps/${i + 1}.xml`, urls: urls.slice(i * SITEMAP_SIZE, (i + 1) * SITEMAP_SIZE) });
  return pages;
}

/** Every HTML page but the 404, from the archive itself (Eleventy's `all` misses paginated pages). */
function sitemapUrls(archive: Archive): string[] {
  return ['/', '/timeline/', '/about/', '/search/', '/data/', ...archive.articles.map((a) => a.url), ...[...archive.indexPages, ...archive.entryPages, ...archive.periodPages].map((p) => p.url)];
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
  const shard = options.shard ?? parseShard(process.env.CLIPPINGS_SHARD);
  const snapshot = options.snapshot ?? process.env.CLIPPINGS_SITE_MODEL;
  const first = shard.index === 1;
  if (first && !config.url) console.log(`[clippings] ${NO_URL_NOTICE}`);
  // The article text is escaped by ingest; raw HTML stays off so a curator's `<b>` shows as written too.
  const markdown = markdownIt({ html: false, linkify: false, typographer: false });
  const summary = (article: SiteArticle) => firstSentence(markdown.render(readArticleText(article).body));

  eleventyConfig.ignores.add('**/*');
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPassthroughCopy({ [ASSETS]: 'assets' });

  let part: Part | undefined;
  // The first part empties the output folder; the others add to what it holds.
  eleventyConfig.on('eleventy.before', ({ directories }: { directories: { output: string } }) => {
    if (first) prepareOutput(resolve(directories.output));
    else requireOutput(resolve(directories.output));
    part = undefined;
  });
  eleventyConfig.addCollection('archive', () => {
    const given = snapshot ? readSnapshot(snapshot) : undefined;
    const articles = given?.articles ?? loadArticles(paths.articles);
    if (!given) locateRaw(paths.raw, articles);
    const archive = buildArchive(articles, config, given?.derived);
    part = {
      articles: sliceFor(archive.articles, shard),
      indexPages: sliceFor(archive.indexPages, shard),
      entryPages: sliceFor(archive.entryPages, shard),
      periodPages: sliceFor(archive.periodPages, shard),
      sitemaps: first && config.url ? sitemapPages(archive) : [],
      feeds: first ? archiveFeeds(config, archive, summary) : [],
    };
    return { ...archive, part, health: given?.health };
  });
  eleventyConfig.on('eleventy.after', ({ directories }: { directories: { output: string } }) => {
    if (part) copyRaw(resolve(directories.output), part.articles);
  });

  const hidden = { eleventyExcludeFromCollections: true };
  const page = (path: string, permalink: string, render: (data: PageData) => string, extra: Record<string, unknown> = {}) =>
    eleventyConfig.addTemplate(`${path}.11ty.js`, { render }, { permalink, ...extra });
  if (first) {
    page('index', '/', (data) => renderHome(config, data.collections.archive));
    page('timeline', '/timeline/', (data) => renderTimeline(config, data.collections.archive));
    page('about', '/about/', (data) => renderAbout(config, data.collections.archive, reasons));
    page('search', '/search/', () => renderSearch(config));
    page('404', '/404.html', () => renderNotFound(config), hidden);
    page('data', '/data/', (data) => renderDataPage(config, data.collections.archive));
    page('report', '/report/', (data) => {
      const { articles } = data.collections.archive;
      const urls = new Map(articles.map((a) => [relative(paths.articles, a.inputPath), a.url]));
      const health = data.collections.archive.health ?? checkCollection({ articlesDir: paths.articles, rawDir: paths.raw, data: loadData(options.dataDir), settings: loadCheckSettings(options.dataDir), articles });
      return renderReport(config, health, (file) => urls.get(file));
    }, hidden);
    page('robots', '/robots.txt', () => renderRobots(config), hidden);
    if (config.url) page('sitemap', '/sitemap.xml', (data) => renderSitemapIndex(config, data.collections.archive.part.sitemaps.map((p) => p.url)), hidden);
    page('articles-csv', '/data/articles.csv', (data) => articlesCsv(data.collections.archive.articles, config), hidden);
    page('articles-json', '/data/articles.json', (data) => articlesJson(data.collections.archive.articles, config), hidden);
    page('datapackage', '/data/datapackage.json', (data) => dataPackage(config, data.collections.archive.articles.length), hidden);
  }

  const paged = (path: keyof Part, render: (data: PageData) => string, extra: Record<string, unknown> = {}) =>
    eleventyConfig.addTemplate(`${path}.11ty.js`, { render }, {
      pagination: { data: `collections.archive.part.${path}`, size: 1, alias: 'listing' },
      permalink: (data: PageData) => data.listing.url,
      ...extra,
    });
  paged('articles', (data) => {
    const text = readArticleText(data.listing);
    return renderArticle({ config, archive: data.collections.archive, reasons, aliases, article: data.listing, text, content: markdown.render(text.body) });
  });
  paged('indexPages', (data) => renderIndex(config, data.collections.archive, data.listing));
  paged('entryPages', (data) => renderEntry(config, data.listing));
  paged('periodPages', (data) => renderPeriod(config, data.listing));
  paged('sitemaps', (data) => renderSitemap(config, data.listing.urls), hidden);
  paged('feeds', (data) => renderAtom(config, data.listing), { ...hidden, permalink: (data: PageData) => data.listing.atom });
  eleventyConfig.addTemplate('feeds-json.11ty.js', { render: (data: PageData) => renderJsonFeed(config, data.listing) }, {
    pagination: { data: 'collections.archive.part.feeds', size: 1, alias: 'listing' },
    permalink: (data: PageData) => data.listing.json,
    ...hidden,
  });
}
