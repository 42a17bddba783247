import { parentPort, workerData } from 'node:worker_threads';
import { compile, ingestTask, scanTask, type FileTask } from './tasks.js';
import { RepeatedBlocks } from '../clean/repetition.js';
import { writeArticle, type StateEntry } from '../write/store.js';
import { summarise } from './pool.js';
import type { Article } from '../pipeline.js';
import type { IngestSettings } from '../settings.js';

/**
 * A worker thread of an ingest run. Pass 1 scans a file; pass 2 makes its article and, once the
 * main thread has given it a slug (slugs are handed out in path order), writes it.
 */
const { dataDir, settings, out } = workerData as { dataDir: string; settings: IngestSettings; out: string };
const compiled = compile(dataDir, settings);
let repeated = new RepeatedBlocks([]);
const held = new Map<number, Article>();

type Message =
  | { kind: 'scan' | 'ingest'; id: number; task: FileTask }
  | { kind: 'repeated'; keys: number[] }
  | { kind: 'write'; id: number; slug: string; previous?: StateEntry };

parentPort!.on('message', (msg: Message) => {
  if (msg.kind === 'repeated') {
    repeated = new RepeatedBlocks(msg.keys);
    return;
  }
  try {
    if (msg.kind === 'write') {
      const article = held.get(msg.id)!;
      held.delete(msg.id);
      writeArticle(out, article, msg.slug, msg.previous).then(
        (written) => parentPort!.postMessage({ id: msg.id, written }),
        (error: Error) => parentPort!.postMessage({ id: msg.id, failed: `cannot write the article: ${error.message}` }),
      );
    } else if (msg.kind === 'scan') {
      parentPort!.postMessage({ id: msg.id, result: scanTask(msg.task, settings) });
    } else {
      const result = ingestTask(msg.task, compiled, (t) => repeated.has(t));
      if (result.ok) {
        // Only what the main thread needs to decide crosses over; the article waits here.
        held.set(msg.id, result.article);
        parentPort!.postMessage({ id: msg.id, result: { ok: true, summary: summarise(result.article) } });
      } else parentPort!.postMessage({ id: msg.id, result });
    }
  } catch (error) {
    parentPort!.postMessage({ id: msg.id, result: { ok: false, reason: `ingest failed: ${(error as Error).message}` } });
  }
});
parentPort!.postMessage({ ready: true });

