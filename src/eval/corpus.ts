import { readFileSync, readdirSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { decode } from '../ingest/read/decode.js';
import { clean } from '../ingest/clean/clean.js';
import { RepetitionIndex, blockKeys } from '../ingest/clean/repetition.js';
import type { Residue } from '../ingest/clean/vocabulary.js';
import type { IngestSettings } from '../ingest/settings.js';
import { scoreDocument, summarise, type DocScore } from './shingles.js';

export interface Evaluation {
  precision: number;
  recall: number;
  f1: number;
  documents: DocScore[];
}

/**
 * Cleans every capture of a corpus as one collection (so repetition counts) and scores the
 * kept text against gold bodies: `gold[id].body` is a list of paragraphs, `id` the file's stem.
 */
export function evaluateCorpus(corpusDir: string, goldFile: string, residue: Residue, settings: IngestSettings): Evaluation {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, { body: string[] }>;
  const files = readdirSync(corpusDir).filter((f) => basename(f, extname(f)) in gold).sort();
  if (files.length === 0) throw new Error(`${corpusDir}: no file matches an id of ${goldFile}`);
  const texts = new Map<string, string>();
  const index = new RepetitionIndex();
  for (const f of files) {
    const d = decode(readFileSync(join(corpusDir, f)));
    const text = d.ok ? d.text : '';
    texts.set(f, text);
    index.add(blockKeys(text));
  }
  const repeated = index.repeated(settings.repeatedInDocs);
  const documents = files.map((f) => {
    const id = basename(f, extname(f));
    const cleaned = clean(texts.get(f)!, { residue, settings, repeated: (t) => repeated.has(t) });
    const predicted = cleaned.paragraphs.map((p) => p.text).join('\n\n');
    return scoreDocument(id, predicted, gold[id].body.join('\n\n'));
  });
  return { ...summarise(documents), documents };
}
