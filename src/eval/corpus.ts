import { readFileSync, readdirSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { decode } from '../ingest/read/decode.js';
import { RepetitionIndex, blockKeys } from '../ingest/clean/repetition.js';
import { ingestCapture, type Compiled } from '../ingest/pipeline.js';
import { scoreDocument, summarise, type DocScore } from './shingles.js';
import { scoreMeta, type MetaGold, type MetaScore, type MetaSummary, summariseMeta } from './meta.js';

export interface Evaluation {
  precision: number;
  recall: number;
  f1: number;
  documents: (DocScore & { meta?: MetaScore })[];
  /** Title and date accuracy, when metadata gold was given. */
  meta?: MetaSummary;
}

/**
 * Ingests every capture of a corpus as one collection (so repetition counts), through the whole
 * pipeline, and scores the kept text against gold bodies (`gold[id].body`, a list of paragraphs;
 * `id` the file's stem) and, given metadata gold, the title and the publication date.
 */
export function evaluateCorpus(corpusDir: string, goldFile: string, compiled: Compiled, metaFile?: string): Evaluation {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, { body: string[] }>;
  const meta = metaFile ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { pages: Record<string, MetaGold> }).pages : undefined;
  const files = readdirSync(corpusDir).filter((f) => basename(f, extname(f)) in gold).sort();
  if (files.length === 0) throw new Error(`${corpusDir}: no file matches an id of ${goldFile}`);
  const captures = new Map<string, { text: string; bytes: Buffer }>();
  const index = new RepetitionIndex();
  for (const f of files) {
    const bytes = readFileSync(join(corpusDir, f));
    const d = decode(bytes);
    const text = d.ok ? d.text : '';
    captures.set(f, { text, bytes });
    index.add(blockKeys(text));
  }
  const repeated = index.repeated(compiled.settings.repeatedInDocs);
  const documents = files.map((f) => {
    const id = basename(f, extname(f));
    const article = ingestCapture({ file: f, ...captures.get(f)! }, compiled, (t) => repeated.has(t));
    const score = scoreDocument(id, article.text, gold[id].body.join('\n\n'));
    return meta?.[id] ? { ...score, meta: scoreMeta(article.frontmatter, meta[id]) } : score;
  });
  return { ...summarise(documents), documents, ...(meta ? { meta: summariseMeta(documents.flatMap((d) => ('meta' in d && d.meta ? [d.meta] : []))) } : {}) };
}
