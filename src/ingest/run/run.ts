import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { RepetitionIndex } from '../clean/repetition.js';
import { listCaptures } from './listing.js';
import { sha256 } from '../../article/hash.js';
import { removeTemporaries, writeArticle } from '../write/store.js';
import { entryFor, Journal, readState, writeState, type StateEntry } from './state.js';
import { acquireLock } from './lock.js';
import { loadData } from '../../data.js';
import { parseArticle, splitArticle } from '../../article/parse.js';
import { WorkerPool, summarise, type Decision, type Done, type FileWork, type Summary } from './pool.js';
import { compile, ingestTask, scanTask, type ScanResult } from './tasks.js';
import { buildReport, NameCounts, type ArticleOutcome, type Report } from './report.js';
import type { IngestSettings } from '../settings.js';

/** Bump when a change to the code changes what ingest writes, so unchanged captures are redone. */
const CODE_VERSION = '2';

export class FatalError extends Error {}
/** The run was stopped (Ctrl-C): what was written is recorded, and the next run goes on from there. */
export class InterruptedError extends Error {}

export interface RunOptions {
  from: string;
  out: string;
  dataDir: string;
  settings: IngestSettings;
  /** Worker threads; 1 runs in this thread. Default: one per core for large collections. */
  jobs?: number;
  onProgress?: (phase: 'scan' | 'ingest', done: number, total: number) => void;
  /** Stops the run after the articles in hand are written. */
  signal?: AbortSignal;
}

/**
 * An ingest run over a collection: lock → list → pass 1 (repetition index) → pass 2 (articles,
 * in path order) → state and report. Unchanged captures are not redone; curators' edits are kept.
 * Every article written is in the run's journal before it takes its place, so a run that is
 * killed at any point leaves nothing the next run mistakes for a curator's file.
 */
export async function runIngest(options: RunOptions): Promise<Report> {
  const from = resolve(options.from);
  const out = resolve(options.out);
  if (!existsSync(from) || !statSync(from).isDirectory()) throw new FatalError(`--from ${from}: no such folder`);
  checkApart(from, out);
  try {
    mkdirSync(out, { recursive: true });
    const probe = join(out, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new FatalError(`--out ${out}: cannot write there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let release: () => void;
  try {
    release = acquireLock(out);
  } catch (error) {
    throw new FatalError((error as Error).message);
  }
  try {
    return await locked(from, out, options);
  } finally {
    release();
  }
}

/** The output folder must be neither the collection nor inside it, nor hold it: each would read or publish the other. */
function checkApart(from: string, out: string): void {
  const real = (path: string) => {
    // The output folder may not exist yet: resolve the part that does.
    let existing = path;
    while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
    return join(realpathSync(existing), relative(existing, path));
  };
  const [f, o] = [real(from), real(out)];
  const within = (inner: string, outer: string) => {
    const r = relative(outer, inner);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  if (within(o, f)) throw new FatalError(`--out ${out} is ${f === o ? 'the same folder as' : 'inside'} --from ${from}: articles would be written among the captures. Choose an output folder outside the collection.`);
  if (within(f, o)) throw new FatalError(`--from ${from} is inside --out ${out}: the captures would sit among the articles. Choose folders apart.`);
}

async function locked(from: string, out: string, options: RunOptions): Promise<Report> {
  const { settings, signal } = options;
  let state;
  let data;
  let compiled;
  try {
    removeTemporaries(out);
    state = readState(out);
    // Data are read and compiled here first, so a bad data file is named before any work starts.
    data = loadData(options.dataDir);
    compiled = compile(options.dataDir, settings);
  } catch (error) {
    throw new FatalError((error as Error).message);
  }
  const { tasks, skipped } = listCaptures(from);
  const jobs = options.jobs ?? (tasks.length >= 200 ? Math.min(availableParallelism(), 8) : 1);
  const pool = jobs > 1 ? new WorkerPool(jobs, options.dataDir, settings, out) : undefined;
  const journal = new Journal(out);
  let progress = 0;
  const tick = (phase: 'scan' | 'ingest', total: number) => options.onProgress?.(phase, ++progress, total);

  try {
    // Pass 1: which blocks repeat across the collection. Only the id and hash of each capture are
    // kept past it; their block keys go into the index.
    const index = new RepetitionIndex();
    const scans: { id: string; sha256: string }[][] = new Array(tasks.length);
    const onScan = (i: number, r: ScanResult) => {
      scans[i] = r.captures.map(({ id, sha256: hash }) => ({ id, sha256: hash }));
      for (const c of r.captures) index.add(c.keys);
      for (const s of r.skipped) skipped.push({ file: s.id, reason: s.reason });
      tick('scan', tasks.length);
    };
    if (pool) await pool.scan(tasks, onScan, signal);
    else for (const [i, t] of tasks.entries()) if (!signal?.aborted) onScan(i, await scanTask(t, compiled.read, settings.scanCache));
    if (signal?.aborted) throw new InterruptedError('interrupted while reading the captures: nothing was written');
    const repeated = index.repeated(settings.repeatedInDocs);
    const repeatedKeys = repeated.toArray();
    const fingerprint = sha256(JSON.stringify([CODE_VERSION, settings, dataFingerprint(options.dataDir), sha256(repeatedKeys.join(','))]));
    pool?.broadcastRepeated(repeatedKeys, fingerprint);

    // Pass 2: articles. Captures unchanged since a run with the same fingerprint are left as they are.
    const outcomes: ArticleOutcome[] = [];
    const nameCounts = new NameCounts();
    const work: FileWork[] = [];
    tasks.forEach((task, i) => {
      const wanted: string[] = [];
      for (const capture of scans[i] ?? []) {
        const previous = state.articles[capture.id];
        const names = previous && previous.source === capture.sha256 && previous.fingerprint === fingerprint ? unchangedArticle(out, previous) : undefined;
        if (names) {
          outcomes.push({ file: capture.id, slug: previous!.slug, outcome: 'unchanged', warnings: previous!.warnings ?? [] });
          nameCounts.add(names);
        } else wanted.push(capture.id);
      }
      if (wanted.length > 0) work.push({ task, wanted });
    });
    const todo = work.reduce((n, w) => n + w.wanted.length, 0);

    // Slugs are handed out in path order, whatever order the workers finish in: runs stay deterministic.
    const { owners, claims } = slugOwners(out, state.articles);
    const decide = (id: string, summary: Summary): Decision => {
      const previous = state.articles[id];
      if (previous) return { slug: previous.slug, wroteBy: previous.markdown };
      // An article file that names this capture but that no run recorded (a curator's, or one whose
      // record was lost): it is this capture's article, never written over unless it is the same.
      const claimed = claims.get(id);
      if (claimed) return { slug: claimed };
      return { slug: claimSlug(summary.slug, id, owners) };
    };
    const onDone = (id: string, r: Done) => {
      tick('ingest', todo);
      if (!r.ok) return void skipped.push({ file: id, reason: r.reason });
      if (r.entry) state.articles[id] = r.entry;
      outcomes.push({ file: id, slug: r.slug, outcome: r.outcome, warnings: r.summary.warnings });
      nameCounts.add(r.summary.names);
    };
    progress = 0;
    if (pool) await pool.ingest(work, decide, onDone, signal);
    else
      for (const { task, wanted } of work) {
        if (signal?.aborted) break;
        for (const made of await ingestTask(task, compiled, (x) => repeated.has(x), new Set(wanted))) {
          if (!made.ok) {
            onDone(made.id, made);
            continue;
          }
          const summary = summarise(made.article);
          const d = decide(made.id, summary);
          let entry: StateEntry | undefined;
          const written = await writeArticle(out, made.article, d.slug, d.wroteBy, (markdown) => {
            entry = entryFor(made.article, d.slug, markdown, fingerprint);
            journal.record(made.id, entry);
          });
          if (written.outcome === 'unchanged') entry = entryFor(made.article, d.slug, written.markdown, fingerprint);
          onDone(made.id, { ok: true, summary, slug: d.slug, outcome: written.outcome, entry });
        }
      }
    if (signal?.aborted) throw new InterruptedError(`interrupted: ${outcomes.length} of ${outcomes.length + todo} captures done; the next run goes on from there`);

    const present = new Set(scans.flatMap((list) => (list ?? []).map((c) => c.id)));
    const orphaned = Object.keys(state.articles).filter((f) => !present.has(f)).sort();
    return buildReport({ from, out, outcomes, names: nameCounts, skipped, orphaned, topics: data.topics });
  } finally {
    // Written even when the run fails or stops half-way, so the journal folds into the state.
    journal.close();
    await pool?.close();
    writeState(out, state);
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

/**
 * Who owns each slug: the captures the state knows, and every other article file in the folder
 * (a curator's own, or one whose record was lost), which keeps its name. Such a file that names
 * its capture (`source.file`) is that capture's claim.
 */
function slugOwners(out: string, articles: Record<string, StateEntry>): { owners: Map<string, string>; claims: Map<string, string> } {
  const owners = new Map<string, string>();
  const claims = new Map<string, string>();
  const known = new Set(Object.keys(articles));
  for (const [file, e] of Object.entries(articles)) owners.set(e.slug, file);
  for (const name of readdirSync(out).sort()) {
    if (!name.endsWith('.md') || name.startsWith('.') || owners.has(name.slice(0, -3))) continue;
    const slug = name.slice(0, -3);
    owners.set(slug, '(curator)');
    try {
      const data = splitArticle(readFileSync(join(out, name), 'utf8'), name).data.source as { file?: unknown; record?: unknown } | undefined;
      const source = typeof data?.file === 'string' ? (typeof data.record === 'string' ? `${data.file}#${data.record}` : data.file) : undefined;
      if (typeof source === 'string' && !known.has(source) && !claims.has(source) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
        claims.set(source, slug);
        owners.set(slug, source);
      }
    } catch {
      // Unreadable frontmatter: a curator's file all the same.
    }
  }
  return { owners, claims };
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
