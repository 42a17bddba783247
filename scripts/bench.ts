#!/usr/bin/env tsx
/**
 * `npm run bench -- [--count N] [--jobs N] [--source DIR] [--keep]`: ingest speed on a synthetic
 * collection built from the development captures (../shared/corpora/fundus/raw-text when
 * present, else the bundled collection), or from the captures in --source. Prints articles per second cold (fresh output) and warm (nothing changed), and
 * the peak memory. Figures, not a test: nothing fails on a slow machine.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execSync } from 'node:child_process';
import { runIngest } from '../src/ingest/run/run.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, jobs: { type: 'string' }, keep: { type: 'boolean', default: false }, source: { type: 'string' } } });
const count = Number(values.count);
const jobs = values.jobs ? Number(values.jobs) : undefined;

const devSet = resolve('../shared/corpora/fundus/raw-text');
// --source DIR builds the collection from other captures (e.g. content/raw, which are shorter).
const sources = values.source ? [resolve(values.source)] : [devSet, resolve('content/raw')].filter(existsSync);
const seeds = sources.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8')));

// Each synthetic capture is a real one with a numbered headline and a shuffled paragraph order
// in its second half, so every file is distinct (no two share a hash or a slug).
const root = mkdtempSync(join(tmpdir(), 'clippings-bench-'));
const from = join(root, 'raw');
const out = join(root, 'articles');
let bytes = 0;
for (let i = 0; i < count; i++) {
  const base = seeds[i % seeds.length];
  const paras = base.split(/\n\s*\n/);
  const half = Math.floor(paras.length / 2);
  const tail = paras.slice(half);
  const r = i % Math.max(1, tail.length);
  const text = `Capture ${i} of the benchmark collection, a headline\n\n${[...paras.slice(0, half), ...tail.slice(r), ...tail.slice(0, r)].join('\n\n')}`;
  const dir = join(from, String(Math.floor(i / 1000)).padStart(3, '0'));
  if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `capture-${String(i).padStart(6, '0')}.txt`), text);
  bytes += Buffer.byteLength(text);
}
// The captures are on disk before a run starts, as in an archive: flush them first.
execSync('sync');
console.log(`collection: ${count} captures, ${(bytes / 1048576).toFixed(1)} MB, from ${seeds.length} real captures (${sources.join(', ')})`);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
for (const run of ['cold', 'warm'] as const) {
  const t0 = performance.now();
  const report = await runIngest({ from, out, dataDir: defaultDataDir, settings: defaultSettings, jobs });
  const s = (performance.now() - t0) / 1000;
  const c = report.counts;
  console.log(`${run}: ${c.articles} articles (${c.written} written, ${c.unchanged} unchanged, ${c.skipped} skipped) in ${s.toFixed(2)} s = ${(c.files / s).toFixed(0)} articles/s`);
}
clearInterval(sampler);
console.log(`peak RSS of the main thread's process: ${(peak / 1048576).toFixed(0)} MB`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
else console.log(`kept ${root}`);
