import { resolve } from 'node:path';
import { z } from 'zod';
import { defaultDataDir, readJson } from '../data.js';

/** `_data/site.json`: the site's settings in one place. */
export const SiteConfig = z.object({
  about: z.string().optional(),
  /** The archive's name, in every page title and the header. */
  title: z.string().min(1),
  /** One sentence on the home page, in meta descriptions and the feed. */
  description: z.string().min(1),
  /**
   * Where the site is published (scheme and host), set by the archivist: canonical links, `og:url`,
   * absolute addresses in the feeds and citations, the sitemap. Until it is set, pages carry no
   * address of their own rather than one on a placeholder host, and the build says so.
   */
  url: z.url().optional(),
  /** The folder the site is served from; '/' at the host's root. */
  pathPrefix: z.string().regex(/^\/(?:[^/]+\/)*$/, 'a path that starts and ends with "/"'),
  /** The language of the pages (BCP 47), in `<html lang>`. */
  language: z.string().min(2),
  /** Articles per page on topic, entity, source and month pages. */
  pageSize: z.number().int().positive(),
  /** Names per page on the topic, people, places, organisation and source indexes. */
  indexPageSize: z.number().int().positive(),
  /** Newest articles listed on the home page. */
  latest: z.number().int().positive(),
  /** Related articles listed under an article. */
  related: z.number().int().nonnegative(),
  /** Names that appear most often with an entity, listed on its page. */
  companions: z.number().int().nonnegative(),
  /** Newest dated articles in the Atom feed. */
  feedSize: z.number().int().positive(),
  /** A name shared by more articles than this is too common to suggest related articles on its own. */
  relatedMaxPostings: z.number().int().positive(),
  /**
   * The most pages one Eleventy run renders: a larger site is built in parts of about this many
   * pages each (`npm run site`; see src/site/shard.ts). Eleventy's memory grows with the pages of
   * a run: 25,000 keep a run near 1 GB.
   */
  pagesPerRun: z.number().int().positive().default(25000),
  /**
   * The most article pages one Pagefind index holds: a larger archive is indexed in parts that
   * the search page merges (`npm run search`; see src/search/index.ts). Pagefind holds about
   * 0.2 MB a page while it indexes: 4,000 keep it near 1 GB.
   */
  pagesPerIndex: z.number().int().positive().default(4000),
  /**
   * A person, place or organisation named in fewer articles than this is no search filter: its
   * own page lists those articles, and a filter value for every name met once or twice would make
   * the filters a reader loads grow with the archive. Topics, sites and years are always filters.
   */
  filterMinArticles: z.number().int().positive().default(3),
});
export type SiteConfig = z.infer<typeof SiteConfig>;

/**
 * Reads and validates `site.json` from the data folder. `CLIPPINGS_SITE_URL` sets `url` for one
 * build (a deploy job that publishes the same collection at another address).
 */
export function loadSiteConfig(dir = defaultDataDir, env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const config = readJson(dir, 'site.json', SiteConfig);
  if (!env.CLIPPINGS_SITE_URL) return config;
  const url = SiteConfig.shape.url.safeParse(env.CLIPPINGS_SITE_URL);
  if (!url.success) throw new Error(`CLIPPINGS_SITE_URL: "${env.CLIPPINGS_SITE_URL}" is not an address (e.g. https://archive.example.org)`);
  return { ...config, url: url.data };
}

/** A site path ("/articles/x/") → its absolute address, with the path prefix; undefined until `url` is set. */
export function absoluteUrl(config: SiteConfig, path: string): string | undefined {
  return config.url === undefined ? undefined : new URL(config.pathPrefix + path.replace(/^\//, ''), config.url).href;
}

/** A site path as a link outside HTML pages (feeds, data files): absolute when `url` is set, else from the host's root. */
export function linkUrl(config: SiteConfig, path: string): string {
  return absoluteUrl(config, path) ?? config.pathPrefix + path.replace(/^\//, '');
}

/** What the build says once when `url` is not set. */
export const NO_URL_NOTICE =
  'site.json has no "url": pages carry no canonical address, feeds link from the site root, and no sitemap is written. Set "url" to where the archive is published.';

/**
 * Where the site reads the archive: the articles, and the raw captures they name. Plugin options
 * first, then `CLIPPINGS_ARTICLES` / `CLIPPINGS_RAW` (how tests and other collections point the
 * Eleventy command elsewhere), then the project's content folder.
 */
export function contentPaths(options: { articles?: string; raw?: string } = {}): { articles: string; raw: string } {
  return {
    articles: resolve(options.articles ?? process.env.CLIPPINGS_ARTICLES ?? 'content/articles'),
    raw: resolve(options.raw ?? process.env.CLIPPINGS_RAW ?? 'content/raw'),
  };
}
