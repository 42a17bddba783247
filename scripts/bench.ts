#!/usr/bin/env tsx
/**
 * `npm run bench -- [--count N] [--seed N] [--query WORD,WORD] [--work DIR] [--json FILE] [--no-baseline] [--bare-memory GB]
 * [--pages DIR] [--page-count N]`:
 * the project's performance instrument. A seeded collection of N captures goes through every step
 * as a user runs it, each measured alone (seconds, peak memory of its whole process tree), beside
 * bare Eleventy and the Pagefind CLI over the same Markdown. Figures, not a test: nothing fails on a
 * slow machine. Saved pages (`--pages`, by default the development set's when ../shared is beside
 * the project) are ingested too, copied to `--page-count` pages (default: --count, at most 800).
 * A thin shell over src/bench.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { countFlag, parseCommand } from '../src/cli.js';
import { runBench } from '../src/bench/bench.js';
import { projectRoot } from '../src/root.js';
import { summary } from '../src/bench/summary.js';

const HELP = `Usage: npm run bench -- [options]

The performance instrument: a seeded collection of N made-up captures through every step (ingest
cold, unchanged, 1% changed; saved pages; site; search; a first search in Chromium), with the
seconds and peak memory of each step's process tree, beside bare Eleventy and the Pagefind CLI
over the same Markdown. Prints a table; writes the figures as JSON. Figures, not a test.

Options:
  --count N        captures in the collection (default: 10000)
  --seed N         seed of the generator (default: 1)
  --query W,W      words of the first searches measured (default: Bergen,harbour)
  --work DIR       working folder (default: a folder in the system's temp folder)
  --json FILE      where the figures go as JSON (default: DIR/bench.json)
  --no-baseline    skip bare Eleventy and the Pagefind CLI
  --bare-memory GB memory cap of the baselines (default: 16)
  --pages DIR      saved pages to ingest too (default: the development set's, when beside the project)
  --page-count N   how many saved pages, copied round (default: N, at most 800; 0: none)
  --help           show this help`;

async function main(): Promise<number> {
  const parsed = parseCommand('bench', HELP, {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string', default: 'Bergen,harbour' },
    work: { type: 'string' },
    json: { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
    'bare-memory': { type: 'string', default: '16' },
    pages: { type: 'string' },
    'page-count': { type: 'string' },
  });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const count = countFlag('bench', 'count', values.count);
  const seed = countFlag('bench', 'seed', values.seed);
  if (!count || !seed) return 2;
  const pagesDir = values.pages ? resolve(values.pages) : join(projectRoot, '..', 'shared', 'corpora', 'fundus', 'raw-html');
  const pageCount = values['page-count'] === undefined ? Math.min(800, count) : Number(values['page-count']);
  if (!Number.isInteger(pageCount) || pageCount < 0) {
    console.error(`bench: --page-count takes a whole number, not "${values['page-count']}"`);
    return 2;
  }
  const bareMemory = Number(values['bare-memory']);
  if (!(bareMemory > 0)) {
    console.error(`bench: --bare-memory takes a number of gigabytes, not "${values['bare-memory']}"`);
    return 2;
  }
  if (values.pages && !existsSync(pagesDir)) {
    console.error(`bench: --pages ${values.pages}: no such folder`);
    return 2;
  }
  const pages = existsSync(pagesDir) && pageCount > 0 ? { dir: pagesDir, count: pageCount } : undefined;
  const work = resolve(values.work ?? join(tmpdir(), `clippings-bench-${count}`));
  try {
    const result = await runBench({ root: projectRoot, work, count, seed, queries: values.query!.split(',').map((q) => q.trim()).filter(Boolean), baseline: !values['no-baseline'], bareMemory, pages, log: (line) => console.error(line) });
    console.log(`\n${summary(result)}`);
    const json = resolve(values.json ?? join(work, 'bench.json'));
    writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nfigures as JSON: ${json}`);
    return 0;
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
