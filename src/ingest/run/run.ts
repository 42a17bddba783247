import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { RepetitionIndex } from '../clean/repetition.js';
import { listCaptures } from './listing.js';
import { sha256 } from '../../article/hash.js';
import { readState, writeArticle, writeState, type StateEntry, type Written } from '../write/store.js';
import { loadData } from '../../data.js';
import { parseArticle } from '../write/frontmatter.js';
import { WorkerPool, summarise, type Decision, type Summary } from './pool.js';
import { compile, ingestTask, scanTask, type FileTask, type ScanResult } from './tasks.js';
import { buildReport, NameCounts, type ArticleOutcome, type Report } from './report.js';
import type { IngestSettings } from '../settings.js';

/** Bump when a change to the code changes what ingest writes, so unchanged captures are redone. */
const CODE_VERSION = '1';

export class FatalError extends Error {}

export interface RunOptions {
  from: string;
  out: string;
  dataDir: string;
  settings: IngestSettings;
  /** Worker threads; 1 runs in this thread. Default: one per core for large collections. */
  jobs?: number;
  onProgress?: (phase: 'scan' | 'ingest', done: number, total: number) => void;
}

/**
 * An ingest run over a collection: list → pass 1 (repetition index) → pass 2 (articles, in
 * path order) → state and report. Unchanged captures are not redone; curators' edits are kept.
 */
export async function runIngest(options: RunOptions): Promise<Report> {
  const { from, out, settings } = options;
  if (!existsSync(from) || !statSync(from).isDirectory()) throw new FatalError(`--from ${from}: no such folder`);
  try {
    mkdirSync(out, { recursive: true });
    const probe = join(out, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new FatalError(`--out ${out}: cannot write there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let state;
  let data;
  let compiled;
  try {
    state = readState(out);
    // Data are read and compiled here first, so a bad data file is named before any work starts.
    data = loadData(options.dataDir);
    compiled = compile(options.dataDir, settings);
  } catch (error) {
    throw new FatalError((error as Error).message);
  }
  const { tasks, skipped } = listCaptures(from, out);
  const jobs = options.jobs ?? (tasks.length >= 200 ? Math.min(availableParallelism(), 8) : 1);
  const pool = jobs > 1 ? new WorkerPool(jobs, options.dataDir, settings, out) : undefined;
  let progress = 0;
  const tick = (phase: 'scan' | 'ingest', total: number) => options.onProgress?.(phase, ++progress, total);

  try {
    // Pass 1: which blocks repeat across the collection.
    const index = new RepetitionIndex();
    // Only the hash of each capture is kept past pass 1; its block keys go into the index.
    const scans: ({ ok: true; sha256: string } | { ok: false; reason: string })[] = new Array(tasks.length);
    const onScan = (i: number, r: ScanResult) => {
      scans[i] = r.ok ? { ok: true, sha256: r.sha256 } : r;
      if (r.ok) index.add(r.keys);
      tick('scan', tasks.length);
    };
    if (pool) await pool.scan(tasks, onScan);
    else tasks.forEach((t, i) => onScan(i, scanTask(t, settings)));
    const repeated = index.repeated(settings.repeatedInDocs);
    const repeatedKeys = repeated.toArray();
    pool?.broadcastRepeated(repeatedKeys);
    const fingerprint = sha256(JSON.stringify([CODE_VERSION, settings, dataFingerprint(options.dataDir), sha256(repeatedKeys.join(','))]));

    // Pass 2: articles. Captures unchanged since a run with the same fingerprint are left as they are.
    const outcomes: ArticleOutcome[] = [];
    const nameCounts = new NameCounts();
    const todo: { task: FileTask; source: string }[] = [];
    tasks.forEach((task, i) => {
      const scan = scans[i];
      if (!scan.ok) return void skipped.push({ file: task.file, reason: scan.reason });
      const previous = state.articles[task.file];
      const names = previous && previous.source === scan.sha256 && previous.fingerprint === fingerprint ? unchangedArticle(out, previous) : undefined;
      if (names) {
        outcomes.push({ file: task.file, slug: previous!.slug, outcome: 'unchanged', warnings: previous!.warnings ?? [] });
        nameCounts.add(names);
      }
      else todo.push({ task, source: scan.sha256 });
    });

    // Slugs are handed out in path order, whatever order the workers finish in: runs stay deterministic.
    const owners = slugOwners(out, state.articles);
    const decide = (i: number, summary: Summary): Decision => {
      const previous = state.articles[todo[i].task.file];
      return { slug: previous?.slug ?? claimSlug(summary.slug, todo[i].task.file, owners), previous };
    };
    const onDone = (i: number, r: { ok: true; summary: Summary; slug: string; written: Written } | { ok: false; reason: string }) => {
      const { task, source } = todo[i];
      tick('ingest', todo.length);
      if (!r.ok) return void skipped.push({ file: task.file, reason: r.reason });
      const { outcome, markdown } = r.written;
      if (outcome !== 'kept-edit') state.articles[task.file] = { slug: r.slug, source, markdown, fingerprint, warnings: r.summary.warnings };
      outcomes.push({ file: task.file, slug: r.slug, outcome, warnings: r.summary.warnings });
      nameCounts.add(r.summary.names);
    };
    progress = 0;
    if (pool) await pool.ingest(todo.map((t) => t.task), decide, onDone);
    else
      for (const [i, { task }] of todo.entries()) {
        const made = ingestTask(task, compiled, (x) => repeated.has(x));
        if (!made.ok) {
          onDone(i, made);
          continue;
        }
        const summary = summarise(made.article);
        const d = decide(i, summary);
        onDone(i, { ok: true, summary, slug: d.slug, written: await writeArticle(out, made.article, d.slug, d.previous) });
      }

    const present = new Set(tasks.map((t) => t.file));
    const orphaned = Object.keys(state.articles).filter((f) => !present.has(f)).sort();
    return buildReport({ from, out, outcomes, names: nameCounts, skipped, orphaned, topics: data.topics });
  } finally {
    // Written even when the run fails half-way, so the articles already written stay known as ingest's own.
    writeState(out, state);
    await pool?.close();
  }
}

/** The names of an article left as ingest wrote it, or undefined when it is gone or edited. */
function unchangedArticle(out: string, entry: StateEntry): string[] | undefined {
  const path = join(out, `${entry.slug}.md`);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  if (sha256(text) !== entry.markdown) return undefined;
  const { frontmatter: f } = parseArticle(text, path);
  return [...f.people, ...f.places, ...f.organizations];
}

function slugOwners(out: string, articles: Record<string, StateEntry>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [file, e] of Object.entries(articles)) owners.set(e.slug, file);
  for (const name of readdirSync(out)) {
    if (name.endsWith('.md') && !owners.has(name.slice(0, -3))) owners.set(name.slice(0, -3), '(curator)');
  }
  return owners;
}

/** The slug itself when free; otherwise a suffix from the capture's path, stable whatever the order. */
function claimSlug(slug: string, file: string, owners: Map<string, string>): string {
  let candidate = slug;
  const hash = sha256(file);
  for (let n = 6; owners.has(candidate) && owners.get(candidate) !== file; n += 2) candidate = `${slug}-${hash.slice(0, n)}`;
  owners.set(candidate, file);
  return candidate;
}

function dataFingerprint(dir: string): string {
  return sha256(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`)
      .join('\n'),
  );
}
