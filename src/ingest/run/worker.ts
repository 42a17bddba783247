import { parentPort, workerData } from 'node:worker_threads';
import { compile, ingestTask, scanTask, type FileTask } from './tasks.js';
import { RepeatedBlocks } from '../clean/repetition.js';
import { writeArticle } from '../write/store.js';
import { entryFor, Journal, type StateEntry } from './state.js';
import { summarise } from './pool.js';
import type { Article } from '../pipeline.js';
import type { IngestSettings } from '../settings.js';

/**
 * A worker thread of an ingest run. Pass 1 scans a file; pass 2 makes its article and, once the
 * main thread has given it a slug (slugs are handed out in path order), writes it, recording it in
 * the run's journal before it takes its place.
 */
const { dataDir, settings, out } = workerData as { dataDir: string; settings: IngestSettings; out: string };
const compiled = compile(dataDir, settings);
const journal = new Journal(out);
let repeated = new RepeatedBlocks([]);
let fingerprint = '';
const held = new Map<number, Article>();

type Message =
  | { kind: 'scan' | 'ingest'; id: number; task: FileTask }
  | { kind: 'repeated'; keys: number[]; fingerprint: string }
  | { kind: 'write'; id: number; slug: string; wroteBy?: string };

parentPort!.on('message', (msg: Message) => {
  if (msg.kind === 'repeated') {
    repeated = new RepeatedBlocks(msg.keys);
    fingerprint = msg.fingerprint;
    return;
  }
  try {
    if (msg.kind === 'write') {
      const article = held.get(msg.id)!;
      held.delete(msg.id);
      let entry: StateEntry | undefined;
      writeArticle(out, article, msg.slug, msg.wroteBy, (markdown) => {
        entry = entryFor(article, msg.slug, markdown, fingerprint);
        journal.record(article.frontmatter.source.file, entry);
      }).then(
        (written) => {
          if (written.outcome === 'unchanged') entry = entryFor(article, msg.slug, written.markdown, fingerprint);
          parentPort!.postMessage({ id: msg.id, written: { slug: msg.slug, outcome: written.outcome, entry } });
        },
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
