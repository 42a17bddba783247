import { Worker } from 'node:worker_threads';
import type { FileTask, ScanResult } from './tasks.js';
import type { IngestSettings } from '../settings.js';
import type { StateEntry, Written } from '../write/store.js';
import type { Article } from '../pipeline.js';

/** What pass 2 reports of an article before it is written: enough to give it a slug. */
export interface Summary {
  slug: string;
  warnings: string[];
  names: string[];
}
export type Made = { ok: true; summary: Summary } | { ok: false; reason: string };

export function summarise(a: Article): Summary {
  const f = a.frontmatter;
  return { slug: f.slug, warnings: a.warnings, names: [...f.people, ...f.places, ...f.organizations] };
}
/** The main thread's decision for a made article: its slug, and the state ingest had of it. */
export interface Decision {
  slug: string;
  previous?: StateEntry;
}

const IN_FLIGHT = 8;

/**
 * Worker threads for the two passes of a run. A worker keeps at most a few files in flight;
 * in pass 2 it holds each article until the main thread, going in path order, has decided its
 * slug, then writes it, so the main thread never touches article text.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly ready: Promise<void>[];

  constructor(size: number, dataDir: string, settings: IngestSettings, out: string) {
    // Run from TypeScript (tsx), a worker thread must register tsx before loading its module.
    const typescript = import.meta.url.endsWith('.ts');
    const module = new URL(typescript ? './worker.ts' : './worker.js', import.meta.url).href;
    const entry = typescript
      ? new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(module)});`)}`)
      : new URL(module);
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

  /** Pass 1 over all tasks; results come back with the task's index. */
  async scan(tasks: FileTask[], onResult: (index: number, result: ScanResult) => void): Promise<void> {
    await this.drive(tasks, 'scan', (_worker, m: { id: number; result: ScanResult }) => {
      onResult(m.id, m.result);
      return true;
    });
  }

  /** Sends the repeated blocks of the collection to every worker before pass 2. */
  broadcastRepeated(keys: number[]): void {
    for (const w of this.workers) w.postMessage({ kind: 'repeated', keys });
  }

  /**
   * Pass 2. `decide` is called in task order for every made article; `onDone` once per task,
   * with the write's outcome or the reason it was skipped.
   */
  async ingest(tasks: FileTask[], decide: (index: number, summary: Summary) => Decision, onDone: (index: number, result: { ok: true; summary: Summary; slug: string; written: Written } | { ok: false; reason: string }) => void): Promise<void> {
    const made = new Map<number, { worker: Worker; made: Made }>();
    const decided = new Map<number, { summary: Summary; slug: string }>();
    let next = 0;
    const advance = () => {
      while (made.has(next)) {
        const { worker, made: m } = made.get(next)!;
        made.delete(next);
        if (m.ok) {
          const d = decide(next, m.summary);
          decided.set(next, { summary: m.summary, slug: d.slug });
          worker.postMessage({ kind: 'write', id: next, slug: d.slug, previous: d.previous });
        } else onDone(next, m);
        next++;
      }
    };
    await this.drive(tasks, 'ingest', (w, m: { id: number; result?: Made; written?: Written; failed?: string }) => {
      if (m.written || m.failed) {
        const d = decided.get(m.id)!;
        decided.delete(m.id);
        onDone(m.id, m.written ? { ok: true, summary: d.summary, slug: d.slug, written: m.written } : { ok: false, reason: m.failed! });
        return true;
      }
      made.set(m.id, { worker: w, made: m.result! });
      advance();
      return !m.result!.ok; // a made article is done only once written
    });
  }

  /** Feeds tasks to the workers, IN_FLIGHT at a time each; `handle` says when a task is finished. */
  private async drive<M>(tasks: FileTask[], kind: 'scan' | 'ingest', handle: (worker: Worker, message: M) => boolean): Promise<void> {
    await Promise.all(this.ready);
    if (tasks.length === 0) return;
    let sent = 0;
    let finished = 0;
    await new Promise<void>((resolve, reject) => {
      for (const w of this.workers) {
        let open = 0;
        const send = () => {
          while (open < IN_FLIGHT && sent < tasks.length) {
            w.postMessage({ kind, id: sent, task: tasks[sent++] });
            open++;
          }
        };
        w.on('message', (m: M) => {
          if (!handle(w, m)) return;
          open--;
          if (++finished === tasks.length) {
            for (const x of this.workers) x.removeAllListeners('message').removeAllListeners('error');
            resolve();
          } else send();
        });
        w.once('error', reject);
        send();
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
