import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { RepetitionIndex, blockKeysOf } from '../ingest/clean/repetition.js';
import { readCaptures } from '../ingest/read/index.js';
import { ingestCapture, type Compiled } from '../ingest/pipeline.js';
import type { Capture } from '../ingest/read/capture.js';
import { scoreDocument, summarise, type DocScore } from './shingles.js';
import { scoreMeta, type MetaGold, type MetaScore, type MetaSummary, summariseMeta } from './meta.js';

export interface Evaluation {
  precision: number;
  recall: number;
  f1: number;
  documents: (DocScore & { meta?: MetaScore })[];
  /** Title and date accuracy, when metadata gold was given. */
  meta?: MetaSummary;
  /** Milliseconds to read and ingest the corpus, all documents (the repetition index aside). */
  ms: number;
}

/** A document's id: its file name without the extension(s) (`APNews_0.html` → `APNews_0`). */
const idOf = (file: string) => basename(file).replace(/\.(txt|text|html?|xhtml)(\.gz)?$/i, '');

/**
 * Ingests every capture of a corpus as one collection (so repetition counts), whatever its
 * format, through the whole pipeline, and scores the kept text against gold bodies
 * (`gold[id].body`, a list of paragraphs; `id` the file's stem) and, given metadata gold, the
 * title and the publication date.
 */
export async function evaluateCorpus(corpusDir: string, goldFile: string, compiled: Compiled, metaFile?: string): Promise<Evaluation> {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, { body: string[] }>;
  const meta = metaFile ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { pages: Record<string, MetaGold> }).pages : undefined;
  const files = readdirSync(corpusDir).filter((f) => idOf(f) in gold).sort();
  if (files.length === 0) throw new Error(`${corpusDir}: no file matches an id of ${goldFile}`);
  const t0 = performance.now();
  const captures = new Map<string, Capture>();
  const index = new RepetitionIndex();
  for (const f of files) {
    const read = await readCaptures(join(corpusDir, f), f, compiled.read);
    const capture = read.captures[0];
    if (!capture) throw new Error(`${f}: ${read.skipped[0]?.reason ?? 'no capture'}`);
    captures.set(f, capture);
    index.add(blockKeysOf(capture.blocks));
  }
  const repeated = index.repeated(compiled.settings.repeatedInDocs);
  const documents = files.map((f) => {
    const id = idOf(f);
    const article = ingestCapture(captures.get(f)!, compiled, (t) => repeated.has(t));
    const score = scoreDocument(id, article.text, gold[id]!.body.join('\n\n'));
    return meta?.[id] ? { ...score, meta: scoreMeta(article.frontmatter, meta[id]) } : score;
  });
  const ms = performance.now() - t0;
  return { ...summarise(documents), documents, ms, ...(meta ? { meta: summariseMeta(documents.flatMap((d) => ('meta' in d && d.meta ? [d.meta] : []))) } : {}) };
}
