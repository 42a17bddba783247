import { buildArchive, derivedOf } from '../index/archive.js';
import { checkCollection, textFacts } from '../../check/check.js';
import { loadCheckSettings } from '../../check/settings.js';
import { loadData } from '../../data.js';
import { loadSiteConfig } from '../config.js';
import { loadArticles } from '../read/model.js';
import { locateRaw } from '../read/raw.js';
import { writeSnapshot } from '../read/snapshot.js';

export interface PrepareOptions {
  articles: string;
  raw: string;
  dataDir?: string;
  /** Where the snapshot is written. */
  snapshot: string;
}

export interface Prepared {
  articles: number;
  /** Pages the site will have: articles, listings, entity and period pages. */
  pages: number;
}

/**
 * The work done once for the whole site before Eleventy renders it: the articles read
 * (frontmatter, ledger counts, raw captures located and hashed), the archive's indexes and the
 * collection's health worked out, and all of it written to a snapshot each Eleventy run reads.
 */
export function prepareSite(o: PrepareOptions): Prepared {
  const config = loadSiteConfig();
  // The health check's facts of each text are taken as the articles are read: each file read once.
  const texts = textFacts();
  const articles = loadArticles(o.articles, undefined, texts.add);
  locateRaw(o.raw, articles);
  const archive = buildArchive(articles, config);
  const health = checkCollection({ articlesDir: o.articles, rawDir: o.raw, data: loadData(o.dataDir), settings: loadCheckSettings(o.dataDir), articles, texts: texts.facts });
  writeSnapshot(o.snapshot, { articles, derived: derivedOf(archive, articles), health });
  return { articles: articles.length, pages: archive.articles.length + archive.indexPages.length + archive.entryPages.length + archive.periodPages.length };
}
