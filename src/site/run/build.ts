import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildArchive, derivedOf } from '../index/archive.js';
import { checkCollection } from '../../check/check.js';
import { loadCheckSettings } from '../../check/settings.js';
import { loadData } from '../../data.js';
import { loadSiteConfig, contentPaths } from '../config.js';
import { loadArticles } from '../read/model.js';
import { locateRaw } from '../read/raw.js';
import { writeSnapshot } from '../read/snapshot.js';
import { projectRoot } from '../../root.js';

export interface BuildOptions {
  /** The output folder (default _site). */
  output: string;
  articles?: string;
  raw?: string;
  /** The data folder (default: the project's _data). */
  dataDir?: string;
  /** Parts to build in (default: as many as `pagesPerRun` asks for). */
  parts?: number;
  log?: (line: string) => void;
}

export interface BuildResult {
  articles: number;
  pages: number;
  parts: number;
}

/**
 * `npm run site`: the articles are read once (frontmatter, ledger counts, raw captures located and
 * hashed) into a snapshot, then Eleventy renders the site in as many runs as its size asks for,
 * one after another, each over its part of the pages (see shard.ts). Each run is a process of its
 * own, so the memory of one is given back before the next starts.
 */
export async function buildSite(o: BuildOptions): Promise<BuildResult> {
  const log = o.log ?? (() => {});
  const config = loadSiteConfig();
  const paths = contentPaths(o);
  const articles = loadArticles(paths.articles);
  locateRaw(paths.raw, articles);
  const archive = buildArchive(articles, config);
  const pages = archive.articles.length + archive.indexPages.length + archive.entryPages.length + archive.periodPages.length;
  const parts = o.parts ?? Math.max(1, Math.ceil(pages / config.pagesPerRun));
  const work = mkdtempSync(join(tmpdir(), 'clippings-site-'));
  try {
    const snapshot = join(work, 'articles.json');
    const health = checkCollection({ articlesDir: paths.articles, rawDir: paths.raw, data: loadData(o.dataDir), settings: loadCheckSettings(o.dataDir), articles });
    writeSnapshot(snapshot, { articles, derived: derivedOf(archive, articles), health });
    for (let index = 1; index <= parts; index++) {
      const t0 = performance.now();
      await eleventy(resolve(o.output), {
        CLIPPINGS_ARTICLES: paths.articles,
        CLIPPINGS_RAW: paths.raw,
        CLIPPINGS_SITE_MODEL: snapshot,
        CLIPPINGS_SHARD: `${index}/${parts}`,
      });
      if (parts > 1) log(`site: part ${index} of ${parts} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { articles: articles.length, pages, parts };
}

/** One Eleventy run with the project's configuration; its errors name the part that failed. */
function eleventy(output: string, env: Record<string, string>): Promise<void> {
  const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const bin = join(projectRoot, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [tsx, bin, '--config=eleventy.config.ts', `--output=${output}`, '--quiet'], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d) => (errors += d));
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done() : fail(new Error(`Eleventy failed on part ${env.CLIPPINGS_SHARD} (${signal ?? `exit ${code}`}):\n${errors.trim()}`))));
  });
}
