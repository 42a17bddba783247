import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { scoreDocument, summarise, type DocScore } from './shingles.js';

/** The article extraction libraries clippings is measured against. */
export const EXTRACTORS = ['readability', 'defuddle'] as const;
export type Extractor = (typeof EXTRACTORS)[number];

/** The text of an extracted article's HTML, a paragraph per block element (as the gold is written). */
function textOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll('p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,td,figcaption,dt,dd'))) {
    if (el.querySelector('p,li,blockquote')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out.join('\n\n');
}

/** One library's article text for a saved page: Readability over linkedom, or Defuddle. */
export async function extract(extractor: Extractor, html: string): Promise<string> {
  const { document } = parseHTML(html);
  if (extractor === 'readability') return textOf(new Readability(document as unknown as Document).parse()?.content ?? '');
  return textOf((await Defuddle(document as unknown as Document, 'https://example.org/')).content);
}

/** The library alone on a corpus of saved pages: F1, precision, recall, and its time. */
export async function evaluateExtractor(extractor: Extractor, corpusDir: string, goldFile: string): Promise<{ precision: number; recall: number; f1: number; documents: DocScore[]; ms: number }> {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, { body: string[] }>;
  const files = readdirSync(corpusDir).filter((f) => /\.x?html?$/i.test(f) && basename(f).replace(/\.x?html?$/i, '') in gold).sort();
  const t0 = performance.now();
  const documents: DocScore[] = [];
  for (const f of files) {
    const id = basename(f).replace(/\.x?html?$/i, '');
    documents.push(scoreDocument(id, await extract(extractor, readFileSync(join(corpusDir, f), 'utf8')), gold[id]!.body.join('\n\n')));
  }
  return { ...summarise(documents), documents, ms: performance.now() - t0 };
}
