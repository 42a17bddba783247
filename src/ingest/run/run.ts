import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { RepetitionIndex } from '../clean/repetition.js';
import { listCaptures } from './listing.js';
import { sha256 } from '../../article/hash.js';
import { removeTemporaries } from '../write/atomic.js';
import { Journal, readState, writeState, type FileEntry, type State, type StateEntry } from './state.js';
import { acquireLock } from './lock.js';
import { dataFingerprint } from '../../data-files.js';
import type { TopicSpec } from '../../data.js';
import { Work } from './work.js';
import { stampOf, vouches, type Stamp } from '../read/stamp.js';
import type { Decision, Done, FileWork, Summary } from './pool.js';
import type { ScanResult } from './tasks.js';
import { buildReport, NameCounts, type ArticleOutcome, type Report } from './report.js';
import type { IngestSettings } from '../settings.js';

/** Bump when a change to the code changes what ingest writes, so unchanged captures are redone. */
const CODE_VERSION = '3';

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
  let loaded;
  let data;
  // What every article depends on besides its capture and the repetition index: code, settings, data.
  let fingerprint: string;
  try {
    removeTemporaries(out);
    loaded = readState(out);
    fingerprint = sha256(JSON.stringify([CODE_VERSION, settings, dataFingerprint(options.dataDir)]));
    data = await dataFor(options.dataDir, fingerprint, loaded.state);
  } catch (error) {
    throw new FatalError((error as Error).message);
  }
  const { state, time } = loaded;
  // Whether this run changed what the state says; until that is known, it is written.
  let changed = true;
  const { tasks, skipped } = listCaptures(from);
  const journal = new Journal(out);
  const work = new Work(options, out);
  let progress = 0;
  const tick = (phase: 'scan' | 'ingest', total: number) => options.onProgress?.(phase, ++progress, total);

  try {
    // Pass 1: the block keys and hash of every capture. A file whose stamp still vouches for what
    // the last run read is not read again: its captures, keys and skips come from the state.
    const scans: FileEntry[] = new Array(tasks.length);
    const keysOf = new Map<string, Float64Array>();
    const toScan: number[] = [];
    tasks.forEach((task, i) => {
      const previous = state.files[task.file];
      if (previous && previous.fingerprint === fingerprint && vouches(previous.stamp, stampNow(task.path), time)) scans[i] = previous;
      else toScan.push(i);
    });
    const onScan = (i: number, r: ScanResult) => {
      const captures = r.captures.map((c) => ({ id: c.id, sha256: c.sha256, keys: Float64Array.from(c.keys) }));
      scans[i] = { stamp: r.stamp!, fingerprint, captures, skipped: r.skipped };
      tick('scan', toScan.length);
    };
    await work.scan(toScan.map((i) => tasks[i]!), (k, r) => onScan(toScan[k]!, r), signal);
    if (signal?.aborted) throw new InterruptedError('interrupted while reading the captures: nothing was written');

    const files: Record<string, FileEntry> = {};
    tasks.forEach((task, i) => {
      const scan = scans[i]!;
      // A file that could not be opened has no stamp: it is read again next time.
      if (scan.stamp) files[task.file] = scan;
      for (const s of scan.skipped) skipped.push({ file: s.id, reason: s.reason });
      for (const c of scan.captures) keysOf.set(c.id, c.keys);
    });
    const filesGone = Object.keys(state.files).length !== Object.keys(files).length;
    state.files = files;
    // The repetition index is built only when needed: when no file was read again and none is
    // gone, the collection's blocks are those of the last run, and so is each capture's answer.
    const settled = toScan.length === 0 && !filesGone;
    let index: ReturnType<RepetitionIndex['repeated']> | undefined;
    const repeatedIndex = () => {
      if (index) return index;
      const all = new RepetitionIndex();
      for (const keys of keysOf.values()) all.add(keys);
      index = all.repeated(settings.repeatedInDocs);
      work.repeated(index.toArray(), fingerprint);
      return index;
    };
    const repetitionOf = (id: string) => {
      const previous = state.articles[id]?.repetition;
      if (settled && previous !== undefined) return previous;
      const repeated = repeatedIndex();
      const hits = keysOf.get(id)!.filter((k) => repeated.hasKey(k));
      return hits.length === 0 ? '' : sha256(hits.sort().join(',')).slice(0, 16);
    };

    // Pass 2: articles. A capture made from the same bytes with the same fingerprint and the same
    // answer from the repetition index, whose article is as ingest left it, is left as it is.
    const outcomes: ArticleOutcome[] = [];
    const refreshed = { n: 0 };
    const nameCounts = new NameCounts();
    const todo: FileWork[] = [];
    const repetitions = new Map<string, string>();
    tasks.forEach((task, i) => {
      const wanted: string[] = [];
      for (const capture of scans[i]!.captures) {
        const repetition = repetitionOf(capture.id);
        repetitions.set(capture.id, repetition);
        const previous = state.articles[capture.id];
        if (previous && previous.source === capture.sha256 && previous.fingerprint === fingerprint && previous.repetition === repetition && previous.names && unchangedArticle(out, previous, time, refreshed)) {
          outcomes.push({ file: capture.id, slug: previous.slug, outcome: 'unchanged', warnings: previous.warnings ?? [] });
          nameCounts.add(previous.names);
        } else wanted.push(capture.id);
      }
      if (wanted.length > 0) todo.push({ task, wanted });
    });
    const total = todo.reduce((n, w) => n + w.wanted.length, 0);
    const captures = outcomes.length + total;
    // A run that read nothing, made nothing and found every stamp good leaves the state as it was.
    changed = loaded.replayed || toScan.length > 0 || filesGone || total > 0 || refreshed.n > 0;

    // Slugs are handed out in path order, whatever order the workers finish in: runs stay deterministic.
    const { owners, claims } = total > 0 ? await slugOwners(out, state.articles) : { owners: new Map<string, string>(), claims: new Map<string, string>() };
    const decide = (id: string, summary: Summary): Decision => {
      const repetition = repetitions.get(id)!;
      const previous = state.articles[id];
      if (previous) return { slug: previous.slug, wroteBy: previous.markdown, repetition };
      // An article file that names this capture but that no run recorded (a curator's, or one whose
      // record was lost): it is this capture's article, never written over unless it is the same.
      const claimed = claims.get(id);
      if (claimed) return { slug: claimed, repetition };
      return { slug: claimSlug(summary.slug, id, owners), repetition };
    };
    const onDone = (id: string, r: Done) => {
      tick('ingest', total);
      if (!r.ok) return void skipped.push({ file: id, reason: r.reason });
      if (r.entry) state.articles[id] = r.entry;
      outcomes.push({ file: id, slug: r.slug, outcome: r.outcome, warnings: r.summary.warnings });
      nameCounts.add(r.summary.names);
    };
    progress = 0;
    if (total > 0) repeatedIndex();
    await work.ingest(todo, total, (x) => repeatedIndex().has(x), decide, onDone, journal, signal);
    if (signal?.aborted) throw new InterruptedError(`interrupted: ${outcomes.length} of ${captures} captures done; the next run goes on from there`);

    const present = new Set(keysOf.keys());
    const orphaned = Object.keys(state.articles).filter((f) => !present.has(f)).sort();
    return buildReport({ from, out, outcomes, names: nameCounts, skipped, orphaned, topics: data.topics });
  } finally {
    // Written even when the run fails or stops half-way, so the journal folds into the state.
    journal.close();
    await work.close();
    if (changed) writeState(out, state);
  }
}

/** A file's stamp now (following a link to its capture), or undefined when it cannot be seen. */
function stampNow(path: string): Stamp | undefined {
  try {
    return stampOf(statSync(path));
  } catch {
    return undefined;
  }
}

/**
 * Whether the article is as ingest left it: its stamp vouches for it, or (a racy or touched
 * file) its bytes hash to what was written, when its stamp is taken anew.
 */
function unchangedArticle(out: string, entry: StateEntry, stateTime: number, refreshed: { n: number }): boolean {
  const path = join(out, `${entry.slug}.md`);
  const now = stampNow(path);
  if (!now) return false;
  if (vouches(entry.written, now, stateTime)) return true;
  if (sha256(readFileSync(path)) !== entry.markdown) return false;
  entry.written = now;
  refreshed.n++;
  return true;
}

/**
 * Who owns each slug: the captures the state knows, and every other article file in the folder
 * (a curator's own, or one whose record was lost), which keeps its name. Such a file that names
 * its capture (`source.file`) is that capture's claim.
 */
async function slugOwners(out: string, articles: Record<string, StateEntry>): Promise<{ owners: Map<string, string>; claims: Map<string, string> }> {
  // The frontmatter reader (YAML, schema) is loaded only by a run that makes articles.
  const { splitArticle } = await import('../../article/parse.js');
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

/**
 * What the run needs of the data itself (the topics, for the report). Data files byte for byte
 * those a run already validated (the state holds entries made with this very fingerprint) are
 * not validated again: the schemas, and zod with them, are loaded only for data that is new.
 */
async function dataFor(dir: string, fingerprint: string, state: State): Promise<{ topics: TopicSpec[] }> {
  const seen = Object.values(state.files).some((f) => f.fingerprint === fingerprint) || Object.values(state.articles).some((a) => a.fingerprint === fingerprint);
  if (seen) return { topics: (JSON.parse(readFileSync(join(dir, 'topics.json'), 'utf8')) as { topics: TopicSpec[] }).topics };
  return (await import('../../data.js')).loadData(dir);
}
