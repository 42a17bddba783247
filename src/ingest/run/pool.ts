import { Worker } from 'node:worker_threads';
import { workerEntry } from '../../threads.js';
import type { FileTask, ScanResult } from './tasks.js';
import type { IngestSettings } from '../settings.js';
import type { StateEntry } from './state.js';
import type { WriteOutcome } from '../write/store.js';
import type { Article } from '../pipeline.js';

/** What pass 2 reports of an article before it is written: enough to give it a slug. */
export interface Summary {
  slug: string;
  warnings: string[];
  names: string[];
}
/** A capture made into an article (its summary), or the reason it is none. */
export type MadeSummary = { id: string; ok: true; summary: Summary } | { id: string; ok: false; reason: string };

export function summarise(a: Article): Summary {
  const f = a.frontmatter;
  return { slug: f.slug, warnings: a.warnings, names: [...f.people, ...f.places, ...f.organizations] };
}
/** The main thread's decision for a made article: its slug, and the hash of what ingest last wrote there. */
export interface Decision {
  slug: string;
  wroteBy?: string;
  /** The capture's answer from the repetition index (see StateEntry.repetition). */
  repetition: string;
}
/** How one capture ended: its article written (or kept, or unchanged), or the reason it was skipped. */
export type Done = { ok: true; summary: Summary; slug: string; outcome: WriteOutcome; entry?: StateEntry } | { ok: false; reason: string };

/** A file of pass 2: its task, and the captures in it to make (the others are unchanged). */
export interface FileWork {
  task: FileTask;
  wanted: string[];
}

/**
 * Files a worker holds at once. Articles are given their slugs in path order, so a worker that is
 * ahead holds its made articles until the other catches up: with too few in hand it sits idle
 * (measured: 8 left one of two workers idle a third of pass 2).
 */
const IN_FLIGHT = 32;

/**
 * The fewest captures of one file worth a worker of their own in pass 2. A slice costs a read
 * through the archive up to its last capture (a 222 MB web archive: 2.4 s through, unparsed)
 * against some 20 ms a page made.
 */
const MIN_SLICE = 64;

/**
 * What a capture the worker kept from pass 1 costs to make, against one read again: making alone
 * (about 7 ms a page of the development set) against parsing and making (about 12 ms).
 */
const KEPT_SPEED = 1.7;

/**
 * Pass 2's files, each archive with many captures to make cut into one slice a worker, each a
 * run of its captures in order (so slugs are still given in path order): one web archive would
 * otherwise be made on one core. Each slice reads the archive up to its last capture, passing
 * the others over unparsed. Of a file a worker kept from pass 1, that worker makes the first run
 * from what it kept, larger by what it need not parse again; the other workers read theirs.
 */
export function sliced(files: FileWork[], workers: number, keptBy: (path: string) => number | undefined): (FileWork & { worker?: number })[] {
  const out: (FileWork & { worker?: number })[] = [];
  for (const f of files) {
    const owner = keptBy(f.task.path);
    const slices = Math.min(workers, Math.floor(f.wanted.length / MIN_SLICE));
    if (slices <= 1) {
      out.push(f);
      continue;
    }
    const others = Array.from({ length: workers }, (_, w) => w).filter((w) => w !== owner);
    const first = owner === undefined ? Math.ceil(f.wanted.length / slices) : Math.round((f.wanted.length * KEPT_SPEED) / (KEPT_SPEED + slices - 1));
    const rest = Math.ceil((f.wanted.length - first) / (slices - 1));
    out.push({ task: f.task, wanted: f.wanted.slice(0, first), worker: owner ?? others.shift()! });
    for (let at = first; at < f.wanted.length; at += rest) out.push({ task: f.task, wanted: f.wanted.slice(at, at + rest), worker: others.shift()! });
  }
  return out;
}

/** A queue of file positions: shift from the front, pop from the back, both O(1). */
class Queue {
  private items: number[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  push(i: number): void {
    this.items.push(i);
  }
  shift(): number | undefined {
    return this.head < this.items.length ? this.items[this.head++] : undefined;
  }
  pop(): number | undefined {
    return this.head < this.items.length ? this.items.pop() : undefined;
  }
}

/**
 * Worker threads for the two passes of a run. A worker keeps at most a few files in flight;
 * in pass 2 it holds a file's articles until the main thread, going in path order, has decided
 * their slugs, then writes them, so the main thread never touches article text.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly ready: Promise<void>[];
  /** Which worker read each file in pass 1 and keeps what it read for pass 2. */
  private readonly scannedBy = new Map<string, number>();

  constructor(size: number, dataDir: string, settings: IngestSettings, out: string) {
    const entry = workerEntry('ingest/run/worker');
    this.workers = Array.from({ length: size }, () => new Worker(entry, { workerData: { dataDir, settings, out } }));
    this.ready = this.workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (m: { ready?: boolean }) => {
            if (m.ready) {
              w.off('message', onMessage);
              w.off('error', reject);
              resolve();
            }
          };
          w.on('message', onMessage);
          w.once('error', reject);
        }),
    );
  }

  /** Pass 1 over all files; results come back with the file's index. */
  async scan(tasks: FileTask[], onResult: (index: number, result: ScanResult) => void, signal?: AbortSignal): Promise<void> {
    await this.drive(
      tasks.map((task) => ({ task })),
      'scan',
      (worker, m: { id: number; result: ScanResult }) => {
        if (m.result.kept) this.scannedBy.set(tasks[m.id]!.path, this.workers.indexOf(worker));
        onResult(m.id, m.result);
        return true;
      },
      signal,
    );
  }

  /** Sends the repeated blocks of the collection and the run's fingerprint to every worker before pass 2. */
  broadcastRepeated(keys: number[], fingerprint: string): void {
    for (const w of this.workers) w.postMessage({ kind: 'repeated', keys, fingerprint });
  }

  /**
   * Pass 2. `decide` is called in file order, and in capture order within a file, for every made
   * article; `onDone` once per capture, with the write's outcome or the reason it was skipped.
   * When `signal` aborts, no new file is sent, no more slugs are given, and the run ends once the
   * articles already given theirs are written; articles made but still waiting for their turn are
   * dropped (the next run makes them), as their turn may never come: a file before them may not
   * have been sent.
   */
  async ingest(files: FileWork[], decide: (id: string, summary: Summary) => Decision, onDone: (id: string, result: Done) => void, signal?: AbortSignal): Promise<void> {
    const work = sliced(files, this.workers.length, (path) => this.scannedBy.get(path));
    const made = new Map<number, { worker: Worker; made: MadeSummary[] }>();
    const decided = new Map<number, Map<string, Summary>>();
    let next = 0;
    let writing = 0;
    const advance = () => {
      while (!signal?.aborted && made.has(next)) {
        const { worker, made: list } = made.get(next)!;
        made.delete(next);
        const slugs: ({ id: string } & Decision)[] = [];
        const summaries = new Map<string, Summary>();
        for (const m of list) {
          if (!m.ok) {
            onDone(m.id, m);
            continue;
          }
          const d = decide(m.id, m.summary);
          summaries.set(m.id, m.summary);
          slugs.push({ id: m.id, ...d });
        }
        decided.set(next, summaries);
        writing++;
        worker.postMessage({ kind: 'write', id: next, slugs });
        next++;
      }
    };
    await this.drive(
      work,
      'ingest',
      (w, m: { id: number; made?: MadeSummary[]; written?: { id: string; slug: string; outcome: WriteOutcome; entry?: StateEntry }[]; failed?: { id: string; reason: string }[] }) => {
        if (m.written || m.failed) {
          writing--;
          const summaries = decided.get(m.id)!;
          decided.delete(m.id);
          for (const x of m.written ?? []) onDone(x.id, { ok: true, summary: summaries.get(x.id)!, slug: x.slug, outcome: x.outcome, entry: x.entry });
          for (const x of m.failed ?? []) onDone(x.id, { ok: false, reason: x.reason });
          return true;
        }
        made.set(m.id, { worker: w, made: m.made! });
        advance();
        return false; // a file is done only once its articles are written
      },
      signal,
      (item) => item.worker ?? this.scannedBy.get(item.task.path),
      () => writing === 0,
    );
  }

  /**
   * Feeds files to the workers, IN_FLIGHT at a time each; `handle` says when a file is finished.
   * `owner` sends a file to the worker that keeps it from pass 1, and a slice of one to its own
   * worker (any worker takes the others, and an idle one the last of the fullest queue).
   * Once `signal` aborts, the drive ends as soon as `settled` says nothing more is to be waited
   * for (by default: every file sent is finished).
   */
  private async drive<M, W extends { task: FileTask; wanted?: string[] }>(work: W[], kind: 'scan' | 'ingest', handle: (worker: Worker, message: M) => boolean, signal?: AbortSignal, owner: (item: W) => number | undefined = () => undefined, settled?: () => boolean): Promise<void> {
    await Promise.all(this.ready);
    if (work.length === 0) return;
    let sent = 0;
    let finished = 0;
    // Each worker's own queue of files, in order; files without an owner go to whoever is free.
    const queues = this.workers.map(() => new Queue());
    const shared = new Queue();
    work.forEach((item, i) => {
      const o = owner(item);
      (o === undefined ? shared : queues[o]!).push(i);
    });
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        for (const x of this.workers) x.removeAllListeners('message').removeAllListeners('error');
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const quiet = settled ?? (() => finished === sent);
      const onAbort = () => {
        if (quiet()) done();
      };
      signal?.addEventListener('abort', onAbort);
      const senders = this.workers.map((w, k) => {
        let open = 0;
        const queue = queues[k]!;
        const send = (steal: boolean) => {
          while (open < IN_FLIGHT && !signal?.aborted) {
            // Own files first, in order; then a file any worker may take; then, rather than wait,
            // the last file of the fullest queue (read again here: cheaper than an idle core).
            const fullest = queues.reduce((a, b) => (b.size > a.size ? b : a));
            const i = queue.size ? queue.shift() : shared.size ? shared.shift() : steal && fullest.size ? fullest.pop() : undefined;
            if (i === undefined) break;
            w.postMessage({ kind, id: i, task: work[i]!.task, wanted: work[i]!.wanted });
            sent++;
            open++;
          }
        };
        w.on('message', (m: M) => {
          if (!handle(w, m)) return;
          open--;
          finished++;
          // Unstopped, every file sent finishes: slugs are given in order, and every file before one sent was sent.
          if (finished === work.length || (signal?.aborted && quiet())) done();
          else send(true);
        });
        w.once('error', reject);
        return send;
      });
      // Every worker takes its own first; only then does one left without work take another's.
      for (const send of senders) send(false);
      for (const send of senders) send(true);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
