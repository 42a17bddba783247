import { join, resolve, sep } from 'node:path';
import { HtmlBasePlugin, type CollectionApi, type UserConfig } from '@11ty/eleventy';
import markdownIt from 'markdown-it';
import { buildArchive, type Archive } from './archive.js';
import { loadSiteConfig } from './config.js';
import { toSiteArticle } from './model.js';
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
  /** The folder holding site.json, ledger.json and boilerplate.json (default: the project's `_data`). */
  dataDir?: string;
}

interface PageData {
  collections: { archive: Archive };
  page: { url: string };
  content: string;
  listing: IndexPage & EntryPage & PeriodPage;
}

/** Every HTML page but the 404, from the archive itself (Eleventy's `all` misses paginated pages). */
function sitemapUrls(archive: Archive): string[] {
  return [
    '/',
    '/timeline/',
    '/about/',
    '/search/',
    ...archive.articles.map((a) => a.url),
    ...[...archive.indexPages, ...archive.entryPages, ...archive.periodPages].map((p) => p.url),
  ];
}

const ASSETS = join(import.meta.dirname, 'assets');

/**
 * The archive site as one Eleventy plugin: Markdown settings, the archive collection (every index
 * built in one pass), the article layout and every other page as virtual templates, the raw
 * captures and the stylesheet copied through. Articles live in `<input>/articles/`, raw captures in
 * `<input>/raw/`.
 */
export function clippingsSite(eleventyConfig: UserConfig, options: SitePluginOptions = {}): void {
  const config = loadSiteConfig(options.dataDir);
  const reasons = loadReasons(options.dataDir);
  const aliases = loadAliases(options.dataDir);
  const input = eleventyConfig.directories.input;

  // The body is escaped by ingest; raw HTML stays off so a curator's `<b>` shows as written too.
  eleventyConfig.setLibrary('md', markdownIt({ html: false, linkify: false, typographer: false }));
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // The Markdown files are all articles: they take the article layout by default (a directory data
  // file would have to live in the ingest output). Every other page is virtual and sets layout: false.
  eleventyConfig.addGlobalData('layout', 'article.11ty.js');
  eleventyConfig.addPassthroughCopy({ [ASSETS]: 'assets' });
  eleventyConfig.addPassthroughCopy({ [join(input, 'raw')]: 'raw' });

  // Matched by resolved path, not a glob: globs miss an input folder given as "../elsewhere".
  const articlesDir = resolve(input, 'articles') + sep;
  eleventyConfig.addCollection('archive', (api: CollectionApi) =>
    buildArchive(
      api
        .getAll()
        .filter((item) => item.inputPath.endsWith('.md') && resolve(item.inputPath).startsWith(articlesDir))
        .map(toSiteArticle),
      config,
    ),
  );

  const hidden = { eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate('_includes/article.11ty.js', {
    render: (data: PageData) => renderArticle({ config, archive: data.collections.archive, reasons, aliases, url: data.page.url, content: data.content }),
  });
  eleventyConfig.addTemplate('index.11ty.js', { render: (data: PageData) => renderHome(config, data.collections.archive) }, { layout: false, permalink: '/' });
  eleventyConfig.addTemplate('timeline.11ty.js', { render: (data: PageData) => renderTimeline(config, data.collections.archive) }, { layout: false, permalink: '/timeline/' });
  eleventyConfig.addTemplate('about.11ty.js', { render: (data: PageData) => renderAbout(config, data.collections.archive, reasons) }, { layout: false, permalink: '/about/' });
  eleventyConfig.addTemplate('search.11ty.js', { render: () => renderSearch(config) }, { layout: false, permalink: '/search/' });
  eleventyConfig.addTemplate('404.11ty.js', { render: () => renderNotFound(config) }, { ...hidden, layout: false, permalink: '/404.html' });

  const paged = (path: string, render: (data: PageData) => string) =>
    eleventyConfig.addTemplate(`${path}.11ty.js`, { render }, {
      layout: false,
      pagination: { data: `collections.archive.${path}`, size: 1, alias: 'listing' },
      permalink: (data: PageData) => data.listing.url,
    });
  paged('indexPages', (data) => renderIndex(config, data.collections.archive, data.listing));
  paged('entryPages', (data) => renderEntry(config, data.listing));
  paged('periodPages', (data) => renderPeriod(config, data.listing));

  eleventyConfig.addTemplate('feed.11ty.js', { render: (data: PageData) => renderFeed(config, data.collections.archive) }, { ...hidden, layout: false, permalink: '/feed.xml' });
  eleventyConfig.addTemplate('robots.11ty.js', { render: () => renderRobots(config) }, { ...hidden, layout: false, permalink: '/robots.txt' });
  eleventyConfig.addTemplate(
    'sitemap.11ty.js',
    { render: (data: PageData) => renderSitemap(config, sitemapUrls(data.collections.archive)) },
    { ...hidden, layout: false, permalink: '/sitemap.xml' },
  );
}
