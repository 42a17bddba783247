import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { formatOf } from '../read/formats.js';
import { WorkerPool, summarise, type Decision, type Done, type FileWork, type Summary } from './pool.js';
import { entryFor, type Journal, type StateEntry } from './state.js';
import type { Compiled } from '../pipeline.js';
import type { FileTask, ScanResult } from './tasks.js';
import type { IngestSettings } from '../settings.js';

export interface WorkOptions {
  dataDir: string;
  settings: IngestSettings;
  /** Worker threads; 1 runs in this thread. Default: one per core when there are 200 captures or more to read or make (an archive counted by its size). */
  jobs?: number;
}

/** Bytes of an archive (web archive, JSON lines) for about one capture: a page of a gzipped WARC is some 70 kB. */
const ARCHIVE_BYTES_PER_CAPTURE = 64 * 1024;

/** About how many captures `files` hold: one a file, an archive's guessed from its size. */
function likelyCaptures(files: FileTask[]): number {
  let n = 0;
  for (const f of files) {
    if (formatOf(f.file)?.kind !== 'archive') n++;
    else {
      try {
        n += Math.max(1, Math.round(statSync(f.path).size / ARCHIVE_BYTES_PER_CAPTURE));
      } catch {
        n++; // gone or unreadable: its reader will say why
      }
    }
  }
  return n;
}

/**
 * Where a run's reading and making happen: in this thread for a little work, on a pool of worker
 * threads for much. Nothing is started or loaded until there is work: a run that finds every
 * capture unchanged starts no thread and loads neither the readers nor the pipeline.
 */
export class Work {
  private pool?: WorkerPool;
  private local?: { compiled: Compiled; tasks: typeof import('./tasks.js'); store: typeof import('../write/store.js') };
  private keys: number[] = [];
  private fingerprint = '';

  constructor(
    private readonly options: WorkOptions,
    private readonly out: string,
  ) {}

  /** Threads for `captures` captures (or about as many): worker threads pay off from about 200. */
  private threads(captures: number): number {
    return this.options.jobs ?? (captures >= 200 ? Math.min(availableParallelism(), 8) : 1);
  }

  private startPool(captures: number): WorkerPool | undefined {
    if (!this.pool && this.threads(captures) > 1) {
      this.pool = new WorkerPool(this.threads(captures), this.options.dataDir, this.options.settings, this.out);
      if (this.fingerprint) this.pool.broadcastRepeated(this.keys, this.fingerprint);
    }
    return this.pool;
  }

  private async inThread(): Promise<{ compiled: Compiled; tasks: typeof import('./tasks.js'); store: typeof import('../write/store.js') }> {
    if (!this.local) {
      const [tasks, store] = await Promise.all([import('./tasks.js'), import('../write/store.js')]);
      this.local = { compiled: tasks.compile(this.options.dataDir, this.options.settings), tasks, store };
    }
    return this.local;
  }

  /** Pass 1 over `files`; each result comes back with the file's position in the list. */
  async scan(files: FileTask[], onResult: (k: number, result: ScanResult) => void, signal?: AbortSignal): Promise<void> {
    if (files.length === 0) return;
    const pool = this.startPool(likelyCaptures(files));
    if (pool) return pool.scan(files, onResult, signal);
    const { compiled, tasks } = await this.inThread();
    for (const [k, file] of files.entries()) if (!signal?.aborted) onResult(k, await tasks.scanTask(file, compiled.read, this.options.settings.scanCache));
  }

  /** The repeated blocks of the collection and the run's fingerprint, for pass 2. */
  repeated(keys: number[], fingerprint: string): void {
    this.keys = keys;
    this.fingerprint = fingerprint;
    this.pool?.broadcastRepeated(keys, fingerprint);
  }

  /** Pass 2 over the captures in `todo` (`total` of them): made, given slugs by `decide` in path order, written. */
  async ingest(todo: FileWork[], total: number, repeated: (text: string) => boolean, decide: (id: string, summary: Summary) => Decision, onDone: (id: string, result: Done) => void, journal: Journal, signal?: AbortSignal): Promise<void> {
    if (total === 0) return;
    // Made where pass 1 read them: a thread keeps what it read for pass 2.
    const pool = this.local && !this.pool ? undefined : this.startPool(total);
    if (pool) return pool.ingest(todo, decide, onDone, signal);
    const { compiled, tasks, store } = await this.inThread();
    const { stampAfterWrite, writeArticle } = store;
    for (const { task, wanted } of todo) {
      if (signal?.aborted) break;
      for (const made of await tasks.ingestTask(task, compiled, repeated, new Set(wanted))) {
        if (!made.ok) {
          onDone(made.id, made);
          continue;
        }
        const summary = summarise(made.article);
        const d = decide(made.id, summary);
        let entry: StateEntry | undefined;
        const written = await writeArticle(this.out, made.article, d.slug, d.wroteBy, (markdown) => {
          entry = entryFor(made.article, d.slug, markdown, this.fingerprint, d.repetition, summary.names);
          journal.record(made.id, entry);
        });
        if (written.outcome === 'unchanged') entry = entryFor(made.article, d.slug, written.markdown, this.fingerprint, d.repetition, summary.names);
        if (entry) entry.written = stampAfterWrite(this.out, d.slug);
        onDone(made.id, { ok: true, summary, slug: d.slug, outcome: written.outcome, entry });
      }
    }
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
