import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadSiteConfig, contentPaths } from '../config.js';
import { projectRoot } from '../../root.js';
import { workerEntry } from '../../threads.js';
import type { PrepareOptions, Prepared } from './prepare.js';

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
 * hashed) into a snapshot, in a thread whose memory goes when it ends (prepare.ts); then Eleventy
 * renders the site in as many runs as its size asks for, one after another, each over its part
 * of the pages (see shard.ts). Each run is a process of its own, so the memory of one is given
 * back before the next starts.
 */
export async function buildSite(o: BuildOptions): Promise<BuildResult> {
  const log = o.log ?? (() => {});
  const config = loadSiteConfig();
  const paths = contentPaths(o);
  const work = mkdtempSync(join(tmpdir(), 'clippings-site-'));
  try {
    const snapshot = join(work, 'articles.json');
    const { articles, pages } = await prepareInThread({ articles: paths.articles, raw: paths.raw, dataDir: o.dataDir, snapshot });
    const parts = o.parts ?? Math.max(1, Math.ceil(pages / config.pagesPerRun));
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
    return { articles, pages, parts };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `prepareSite` in a worker thread, answered once the thread is gone (and its memory with it); its error, when it fails, is the build's. */
function prepareInThread(options: PrepareOptions): Promise<Prepared> {
  return new Promise((done, fail) => {
    const worker = new Worker(workerEntry('site/run/prepare-worker'), { workerData: options });
    let answer: { ok: true; prepared: Prepared } | { ok: false; message: string } | undefined;
    let error: Error | undefined;
    worker.once('message', (m: typeof answer) => (answer = m));
    worker.once('error', (e) => (error = e));
    worker.once('exit', (code) => {
      if (answer?.ok) done(answer.prepared);
      else fail(error ?? new Error(answer?.message ?? `the site's preparation stopped (exit ${code})`));
    });
  });
}
/** One Eleventy run with the project's configuration; its errors name the part that failed. */
function eleventy(output: string, env: Record<string, string>): Promise<void> {
  // Through tsx's command: with tsx as a loader of one process instead (`--import`), Eleventy took
  // 1.7× as long to write 10,000 articles' pages (36 s against 21 s), for 48 MB less.
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
