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
import { parseArgs } from 'node:util';
import { runBench } from '../src/bench/bench.js';
import { projectRoot } from '../src/root.js';
import { summary } from '../src/bench/summary.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string', default: 'Bergen,harbour' },
    work: { type: 'string' },
    json: { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
    'bare-memory': { type: 'string', default: '16' },
    pages: { type: 'string' },
    'page-count': { type: 'string' },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error(`bench: --count takes a whole number of at least 1, not "${values.count}"`);
  process.exit(2);
}
const pagesDir = values.pages ? resolve(values.pages) : join(projectRoot, '..', 'shared', 'corpora', 'fundus', 'raw-html');
const pageCount = values['page-count'] === undefined ? Math.min(800, count) : Number(values['page-count']);
if (!Number.isInteger(pageCount) || pageCount < 0) {
  console.error(`bench: --page-count takes a whole number, not "${values['page-count']}"`);
  process.exit(2);
}
if (values.pages && !existsSync(pagesDir)) {
  console.error(`bench: --pages ${values.pages}: no such folder`);
  process.exit(2);
}
const pages = existsSync(pagesDir) && pageCount > 0 ? { dir: pagesDir, count: pageCount } : undefined;
const work = resolve(values.work ?? join(tmpdir(), `clippings-bench-${count}`));
try {
  const result = await runBench({ root: projectRoot, work, count, seed: Number(values.seed), queries: values.query!.split(',').map((q) => q.trim()).filter(Boolean), baseline: !values['no-baseline'], bareMemory: Number(values['bare-memory']), pages, log: (line) => console.error(line) });
  console.log(`\n${summary(result)}`);
  const json = resolve(values.json ?? join(work, 'bench.json'));
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nfigures as JSON: ${json}`);
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
}
