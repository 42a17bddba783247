import { Worker } from 'node:worker_threads';
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
export type Made = { ok: true; summary: Summary } | { ok: false; reason: string };

export function summarise(a: Article): Summary {
  const f = a.frontmatter;
  return { slug: f.slug, warnings: a.warnings, names: [...f.people, ...f.places, ...f.organizations] };
}
/** The main thread's decision for a made article: its slug, and the hash of what ingest last wrote there. */
export interface Decision {
  slug: string;
  wroteBy?: string;
}
/** How one task ended: its article written (or kept, or unchanged), or the reason it was skipped. */
export type Done = { ok: true; summary: Summary; slug: string; outcome: WriteOutcome; entry?: StateEntry } | { ok: false; reason: string };

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
  async scan(tasks: FileTask[], onResult: (index: number, result: ScanResult) => void, signal?: AbortSignal): Promise<void> {
    await this.drive(
      tasks,
      'scan',
      (_worker, m: { id: number; result: ScanResult }) => {
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
   * Pass 2. `decide` is called in task order for every made article; `onDone` once per task,
   * with the write's outcome or the reason it was skipped. When `signal` aborts, no new task is
   * sent and the run ends once the tasks in hand are finished.
   */
  async ingest(tasks: FileTask[], decide: (index: number, summary: Summary) => Decision, onDone: (index: number, result: Done) => void, signal?: AbortSignal): Promise<void> {
    const made = new Map<number, { worker: Worker; made: Made }>();
    const decided = new Map<number, Summary>();
    let next = 0;
    const advance = () => {
      while (made.has(next)) {
        const { worker, made: m } = made.get(next)!;
        made.delete(next);
        if (m.ok) {
          const d = decide(next, m.summary);
          decided.set(next, m.summary);
          worker.postMessage({ kind: 'write', id: next, slug: d.slug, wroteBy: d.wroteBy });
        } else onDone(next, m);
        next++;
      }
    };
    await this.drive(
      tasks,
      'ingest',
      (w, m: { id: number; result?: Made; written?: { slug: string; outcome: WriteOutcome; entry?: StateEntry }; failed?: string }) => {
        if (m.written || m.failed) {
          const summary = decided.get(m.id)!;
          decided.delete(m.id);
          onDone(m.id, m.written ? { ok: true, summary, ...m.written } : { ok: false, reason: m.failed! });
          return true;
        }
        made.set(m.id, { worker: w, made: m.result! });
        advance();
        return !m.result!.ok; // a made article is done only once written
      },
      signal,
    );
  }

  /** Feeds tasks to the workers, IN_FLIGHT at a time each; `handle` says when a task is finished. */
  private async drive<M>(tasks: FileTask[], kind: 'scan' | 'ingest', handle: (worker: Worker, message: M) => boolean, signal?: AbortSignal): Promise<void> {
    await Promise.all(this.ready);
    if (tasks.length === 0) return;
    let sent = 0;
    let finished = 0;
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        for (const x of this.workers) x.removeAllListeners('message').removeAllListeners('error');
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        if (finished === sent) done();
      };
      signal?.addEventListener('abort', onAbort);
      for (const w of this.workers) {
        let open = 0;
        const send = () => {
          while (open < IN_FLIGHT && sent < tasks.length && !signal?.aborted) {
            w.postMessage({ kind, id: sent, task: tasks[sent++] });
            open++;
          }
        };
        w.on('message', (m: M) => {
          if (!handle(w, m)) return;
          open--;
          finished++;
          // Every task sent finishes (articles are decided in order, and all before `sent` were sent).
          if (finished === tasks.length || (signal?.aborted && finished === sent)) done();
          else send();
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
