import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateCollection } from './generate.js';
import { measure, type Cost } from './measure.js';
import { firstQuery, SEARCH_UI, type QueryCost } from './query.js';
import { writeBaseline } from './baseline.js';
import { changeOnePercent, folderSize, largestPage, runScript } from './run.js';

export interface BenchOptions {
  /** The project (its package.json scripts are what is measured). */
  root: string;
  /** A scratch folder: the collection, the articles and both sites are written here. */
  work: string;
  count: number;
  seed: number;
  /** The word typed into the search box for the first-query figure. */
  query: string;
  /** Leave the bare Eleventy + Pagefind baseline out (it is the slowest part at large N). */
  baseline: boolean;
  log: (line: string) => void;
}

export interface BenchResult {
  count: number;
  seed: number;
  machine: { cores: number; memory: number; node: string };
  collection: { files: number; bytes: number };
  steps: Record<string, Cost & { note?: string }>;
  site?: { files: number; bytes: number; largestArticle: { path: string; gzip: number }; largestPage: { path: string; gzip: number }; css: number };
  bare?: { files: number; bytes: number };
  query?: QueryCost;
  bareQuery?: QueryCost;
}

/**
 * One benchmark run: a seeded collection of `count` captures, then each step as a user runs it
 * (the npm scripts), measured alone — ingest cold, with nothing changed, after 1% changed; the
 * site; its search index; a first search in Chromium — and the same Markdown through bare
 * Eleventy and the Pagefind CLI, so each of our steps is a ratio to the tools alone.
 */
export async function runBench(o: BenchOptions): Promise<BenchResult> {
  rmSync(o.work, { recursive: true, force: true });
  const raw = join(o.work, 'raw');
  const articles = join(o.work, 'articles');
  const site = join(o.work, 'site');
  mkdirSync(raw, { recursive: true });
  const bytes = generateCollection(raw, o.count, o.seed);
  // The captures are on disk before a run starts, as in an archive.
  execFileSync('sync');
  const files = readdirSync(raw, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort().map((f) => join(raw, f));
  o.log(`collection: ${o.count} captures, ${(bytes / 1048576).toFixed(1)} MB, seed ${o.seed}, in ${o.work}`);
  const result: BenchResult = {
    count: o.count,
    seed: o.seed,
    machine: { cores: availableParallelism(), memory: totalmem(), node: process.version },
    collection: { files: files.length, bytes },
    steps: {},
  };
  const step = async (name: string, cost: Promise<Cost>, note?: (c: Cost) => string) => {
    const c = await cost;
    if (c.exit !== 0) throw new Error(`${name} failed (exit ${c.exit}):\n${c.output.slice(-4000)}`);
    result.steps[name] = { ...c, output: c.output.slice(-2000), note: note?.(c) };
    o.log(`${name}: ${c.seconds.toFixed(2)} s, ${(c.peakRss / 1048576).toFixed(0)} MB${note ? `, ${note(c)}` : ''}`);
    return c;
  };
  const rate = (c: Cost) => `${(o.count / c.seconds).toFixed(0)} captures/s`;
  const ingest = ['--from', raw, '--out', articles, '--quiet'];
  await step('ingest, cold', runScript(o.root, 'ingest', ingest), rate);
  await step('ingest, nothing changed', runScript(o.root, 'ingest', ingest));
  const changed = changeOnePercent(files);
  await step('ingest, 1% changed', runScript(o.root, 'ingest', ingest), () => `${changed} captures changed`);

  const env = { CLIPPINGS_ARTICLES: articles, CLIPPINGS_RAW: raw };
  await step('site (Eleventy)', runScript(o.root, 'site', [`--output=${site}`], env));
  await step('search (Pagefind)', runScript(o.root, 'search', ['--site', site], env));
  const css = gzipSync(readFileSync(join(site, 'assets', 'style.css'))).length;
  result.site = { ...folderSize(site), largestArticle: largestPage(site, 'articles'), largestPage: largestPage(site, ''), css };
  o.log(`site: ${result.site.files} files, ${(result.site.bytes / 1048576).toFixed(0)} MB; largest article page ${result.site.largestArticle.gzip} B gzip (+ CSS ${css} B); largest page ${result.site.largestPage.path} ${result.site.largestPage.gzip} B gzip`);
  result.query = await firstQuery(site, o.query);
  o.log(result.query ? `first query "${o.query}": ${result.query.total} B gzip ${JSON.stringify(result.query.parts)}` : 'first query: no Chromium here, not measured');

  if (o.baseline) {
    const bareDir = join(o.work, 'bare');
    const bareSite = join(o.work, 'bare-site');
    const config = writeBaseline(bareDir, articles);
    const bin = (name: string) => join(o.root, 'node_modules', '.bin', name);
    await step('bare Eleventy, one layout', measure(bin('eleventy'), [`--config=${config}`, `--output=${bareSite}`, '--quiet'], { cwd: bareDir }));
    await step('bare Pagefind CLI', measure(bin('pagefind'), ['--site', bareSite], { cwd: bareDir }));
    result.bare = folderSize(bareSite);
    result.bareQuery = await firstQuery(bareSite, o.query, SEARCH_UI.pagefind);
    if (result.bareQuery) o.log(`bare first query "${o.query}": ${result.bareQuery.total} B gzip ${JSON.stringify(result.bareQuery.parts)}`);
  }
  return result;
}

