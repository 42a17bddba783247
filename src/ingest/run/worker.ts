import { parentPort, workerData } from 'node:worker_threads';
import { compile, ingestTask, scanTask, type FileTask } from './tasks.js';
import { RepeatedBlocks } from '../clean/repetition.js';
import { writeArticle, type WriteOutcome } from '../write/store.js';
import { entryFor, Journal, type StateEntry } from './state.js';
import { summarise, type Decision, type MadeSummary } from './pool.js';
import { stampAfterWrite } from '../write/store.js';
import type { Article } from '../pipeline.js';
import type { IngestSettings } from '../settings.js';

/**
 * A worker thread of an ingest run. Pass 1 scans a file; pass 2 makes the articles of its
 * captures and, once the main thread has given them slugs (handed out in path order), writes
 * them, recording each in the run's journal before it takes its place.
 */
const { dataDir, settings, out } = workerData as { dataDir: string; settings: IngestSettings; out: string };
const compiled = compile(dataDir, settings);
const journal = new Journal(out);
let repeated = new RepeatedBlocks([]);
let fingerprint = '';
const held = new Map<number, Map<string, Article>>();

type Message =
  | { kind: 'scan' | 'ingest'; id: number; task: FileTask; wanted?: string[] }
  | { kind: 'repeated'; keys: number[]; fingerprint: string }
  | { kind: 'write'; id: number; slugs: ({ id: string } & Decision)[] };

async function write(id: number, slugs: ({ id: string } & Decision)[]): Promise<void> {
  const articles = held.get(id) ?? new Map<string, Article>();
  held.delete(id);
  const written: { id: string; slug: string; outcome: WriteOutcome; entry?: StateEntry }[] = [];
  const failed: { id: string; reason: string }[] = [];
  for (const s of slugs) {
    const article = articles.get(s.id)!;
    let entry: StateEntry | undefined;
    try {
      const names = summarise(article).names;
      const result = await writeArticle(out, article, s.slug, s.wroteBy, (markdown) => {
        entry = entryFor(article, s.slug, markdown, fingerprint, s.repetition, names);
        journal.record(s.id, entry);
      });
      if (result.outcome === 'unchanged') entry = entryFor(article, s.slug, result.markdown, fingerprint, s.repetition, names);
      if (entry) entry.written = stampAfterWrite(out, s.slug);
      written.push({ id: s.id, slug: s.slug, outcome: result.outcome, entry });
    } catch (error) {
      failed.push({ id: s.id, reason: `cannot write the article: ${(error as Error).message}` });
    }
  }
  parentPort!.postMessage({ id, written, failed });
}

parentPort!.on('message', (msg: Message) => {
  if (msg.kind === 'repeated') {
    repeated = new RepeatedBlocks(msg.keys);
    fingerprint = msg.fingerprint;
    return;
  }
  if (msg.kind === 'write') {
    void write(msg.id, msg.slugs);
    return;
  }
  if (msg.kind === 'scan') {
    void scanTask(msg.task, compiled.read, settings.scanCache).then(
      (result) => parentPort!.postMessage({ id: msg.id, result }),
      (error: Error) => parentPort!.postMessage({ id: msg.id, result: { captures: [], skipped: [{ id: msg.task.file, reason: `cannot read: ${error.message}` }] } }),
    );
    return;
  }
  void ingestTask(msg.task, compiled, (t) => repeated.has(t), msg.wanted ? new Set(msg.wanted) : undefined).then(
    (made) => {
      // Only what the main thread needs to decide crosses over; the articles wait here.
      const articles = new Map<string, Article>();
      const summaries: MadeSummary[] = made.map((m) => {
        if (!m.ok) return m;
        articles.set(m.id, m.article);
        return { id: m.id, ok: true, summary: summarise(m.article) };
      });
      held.set(msg.id, articles);
      parentPort!.postMessage({ id: msg.id, made: summaries });
    },
    (error: Error) => parentPort!.postMessage({ id: msg.id, made: (msg.wanted ?? [msg.task.file]).map((id) => ({ id, ok: false, reason: `ingest failed: ${error.message}` })) }),
  );
});
parentPort!.postMessage({ ready: true });
