import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
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
  /** The words typed into the search box for the first-query figures, each in a fresh browser. */
  queries: string[];
  /** Leave the bare Eleventy + Pagefind baseline out (it is the slowest part at large N). */
  baseline: boolean;
  /** The memory the bare tools may take, in GB (Node's heap for Eleventy, address space for Pagefind), so a run that needs more fails instead of taking the machine down. */
  bareMemory: number;
  /** Saved pages (`.html`) to ingest as well, copied round-robin to `count` pages, each headline made unique. */
  pages?: { dir: string; count: number };
  log: (line: string) => void;
}

export interface BenchResult {
  count: number;
  seed: number;
  machine: { cores: number; memory: number; node: string };
  collection: { files: number; bytes: number };
  steps: Record<string, Cost & { note?: string; failed?: boolean }>;
  site?: { files: number; bytes: number; largestArticle: { path: string; gzip: number }; largestPage: { path: string; gzip: number }; css: number };
  bare?: { files: number; bytes: number };
  queries: { query: string; ours?: QueryCost; bare?: QueryCost }[];
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
    queries: o.queries.map((query) => ({ query })),
  };
  // Our steps must succeed; the bare tools may fail (they run out of memory at 100,000 pages),
  // which the table then says, with what they had used by then.
  const step = async (name: string, cost: Promise<Cost>, note?: (c: Cost) => string, mayFail = false) => {
    const c = await cost;
    if (c.exit !== 0 && !mayFail) throw new Error(`${name} failed (exit ${c.exit}):\n${c.output.slice(-4000)}`);
    const failed = c.exit !== 0;
    const said = failed ? `failed (${c.exit === null ? 'killed' : `exit ${c.exit}`}): ${c.output.trim().split('\n').slice(-1)[0]?.slice(0, 120) ?? ''}` : note?.(c);
    result.steps[name] = { ...c, output: c.output.slice(-2000), note: said, ...(failed ? { failed } : {}) };
    o.log(`${name}: ${c.seconds.toFixed(2)} s, ${(c.peakRss / 1048576).toFixed(0)} MB${said ? `, ${said}` : ''}`);
    return c;
  };
  const rate = (c: Cost) => `${(o.count / c.seconds).toFixed(0)} captures/s`;
  const ingest = ['--from', raw, '--out', articles, '--quiet'];
  await step('ingest, cold', runScript(o.root, 'ingest', ingest), rate);
  await step('ingest, nothing changed', runScript(o.root, 'ingest', ingest));
  const changed = changeOnePercent(files);
  await step('ingest, 1% changed', runScript(o.root, 'ingest', ingest), () => `${changed} captures changed`);

  if (o.pages) {
    const pagesRaw = join(o.work, 'pages-raw');
    const n = copyPages(o.pages.dir, pagesRaw, o.pages.count);
    execFileSync('sync');
    if (n > 0) {
      await step('ingest, saved pages (HTML), cold', runScript(o.root, 'ingest', ['--from', pagesRaw, '--out', join(o.work, 'pages-articles'), '--quiet']), (c) => `${n} pages, ${(n / c.seconds).toFixed(0)} pages/s`);
      // The same pages as one crawl would leave them: one gzipped web archive.
      const warcRaw = join(o.work, 'warc-raw');
      const size = await writeWarc(pagesRaw, join(warcRaw, 'crawl.warc.gz'));
      execFileSync('sync');
      await step('ingest, the same pages in one web archive, cold', runScript(o.root, 'ingest', ['--from', warcRaw, '--out', join(o.work, 'warc-articles'), '--quiet']), (c) => `${n} pages, ${(size / 1048576).toFixed(0)} MB gzip, ${(n / c.seconds).toFixed(0)} pages/s`);
    }
  }

  const env = { CLIPPINGS_ARTICLES: articles, CLIPPINGS_RAW: raw };
  await step('site (Eleventy)', runScript(o.root, 'site', [`--output=${site}`], env));
  await step('search (Pagefind)', runScript(o.root, 'search', ['--site', site], env));
  // The last step of a build, with nothing like it in the baseline: outside the ratio.
  await step('manifest (fixity)', runScript(o.root, 'manifest', ['--site', site], env));
  const css = gzipSync(readFileSync(join(site, 'assets', 'style.css'))).length;
  result.site = { ...folderSize(site), largestArticle: largestPage(site, 'articles'), largestPage: largestPage(site, ''), css };
  o.log(`site: ${result.site.files} files, ${(result.site.bytes / 1048576).toFixed(0)} MB; largest article page ${result.site.largestArticle.gzip} B gzip (+ CSS ${css} B); largest page ${result.site.largestPage.path} ${result.site.largestPage.gzip} B gzip`);
  for (const q of result.queries) {
    q.ours = await firstQuery(site, q.query);
    o.log(q.ours ? `first query "${q.query}": ${q.ours.total} B gzip ${JSON.stringify(q.ours.parts)}` : 'first query: no Chromium here, not measured');
  }

  if (o.baseline) {
    const bareDir = join(o.work, 'bare');
    const bareSite = join(o.work, 'bare-site');
    const config = writeBaseline(bareDir, articles);
    const bin = (name: string) => join(o.root, 'node_modules', '.bin', name);
    const heap = `--max-old-space-size=${o.bareMemory * 1024}`;
    const built = await step('bare Eleventy, one layout', measure(process.execPath, [heap, join(o.root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), `--config=${config}`, `--output=${bareSite}`, '--quiet'], { cwd: bareDir }), undefined, true);
    if (built.exit !== 0) return result;
    // Pagefind's own binary (not its Node wrapper), its address space capped.
    const pagefind = pagefindBinary(o.root) ?? bin('pagefind');
    const indexed = await step('bare Pagefind CLI', measure('sh', ['-c', `ulimit -v ${o.bareMemory * 1024 * 1024}; exec "$0" --site "$1"`, pagefind, bareSite], { cwd: bareDir }), undefined, true);
    result.bare = folderSize(bareSite);
    if (indexed.exit !== 0) return result;
    for (const q of result.queries) {
      q.bare = await firstQuery(bareSite, q.query, SEARCH_UI.pagefind);
      if (q.bare) o.log(`bare first query "${q.query}": ${q.bare.total} B gzip ${JSON.stringify(q.bare.parts)}`);
    }
  }
  return result;
}


/**
 * `count` saved pages from the pages of `dir`, round-robin, each with its own headline (so none
 * is a duplicate of another): how many were written.
 */
function copyPages(dir: string, to: string, count: number): number {
  const pages = readdirSync(dir).filter((f) => /\.html?$/i.test(f)).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  if (pages.length === 0) return 0;
  mkdirSync(to, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(to, `page-${String(i).padStart(6, '0')}.html`), pages[i % pages.length]!.replace(/<h1([^>]*)>/i, `<h1$1>Copy ${i}: `));
  return count;
}

/** The saved pages of `dir` as one gzipped WARC (a response record each, as a crawler writes them), written record by record: its size in bytes. */
async function writeWarc(dir: string, file: string): Promise<number> {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  try {
    for (const [i, name] of readdirSync(dir).sort().entries()) {
      const record = WARCRecord.create({ url: `https://bench.example/${name}`, date: new Date(Date.UTC(2024, 2, 1, 0, 0, i)).toISOString(), type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' }, [readFileSync(join(dir, name))]);
      writeSync(fd, await WARCSerializer.serialize(record, { gzip: true }));
    }
  } finally {
    closeSync(fd);
  }
  return statSync(file).size;
}

/** The Pagefind executable the npm package installed for this platform. */
function pagefindBinary(root: string): string | undefined {
  const scope = join(root, 'node_modules', '@pagefind');
  if (!existsSync(scope)) return undefined;
  for (const name of readdirSync(scope)) {
    const path = join(scope, name, 'bin', 'pagefind_extended');
    if (existsSync(path)) return path;
  }
  return undefined;
}
