#!/usr/bin/env tsx
/** `npm run eval -- --corpus DIR --gold FILE`: shingle F1 of the cleaner against gold article bodies. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { evaluateCorpus } from '../src/eval/corpus.js';
import { EXTRACTORS, evaluateExtractor, type Extractor } from '../src/eval/extractors.js';
import { defaultDataDir } from '../src/data.js';
import { compile } from '../src/ingest/run/tasks.js';
import { defaultSettings } from '../src/ingest/settings.js';

const HELP = `Usage: npm run eval -- --corpus DIR --gold FILE [--meta FILE] [--worst N] [--data DIR]

Ingests every capture in DIR as one collection and scores the kept text against FILE, a JSON
object { "<file stem>": { "body": ["paragraph", …] } }, with token 4-gram shingles: per-document
precision and recall, averaged; F1 of the averages. With --meta, also the titles and publication
dates against what each page states ({ "pages": { "<file stem>": { "h1", "headline",
"published" } } }). Prints the figures and the worst documents of each.

  --corpus DIR   folder of raw text captures (e.g. ../shared/corpora/fundus/raw-text)
  --gold FILE    gold bodies (e.g. ../shared/corpora/fundus/gold.json)
  --meta FILE    title and date gold (e.g. ../shared/corpora/fundus/page-meta.json)
  --extractor X  also score an extraction library alone on the same saved pages, in the same
                 run (readability: Readability.js over linkedom; defuddle); repeat for both
  --worst N      how many of the worst documents to list (default 5)
  --data DIR     vocabulary folder (default: _data)
  --json         print the full result as JSON`;

let values;
try {
  ({ values } = parseArgs({ options: { corpus: { type: 'string' }, gold: { type: 'string' }, meta: { type: 'string' }, extractor: { type: 'string', multiple: true }, worst: { type: 'string', default: '5' }, data: { type: 'string', default: defaultDataDir }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }));
} catch (error) {
  console.error(`eval: ${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help || !values.corpus || !values.gold) {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}
try {
  const result = await evaluateCorpus(resolve(values.corpus), resolve(values.gold), compile(resolve(values.data!), defaultSettings), values.meta ? resolve(values.meta) : undefined);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    const pct = (x: number) => x.toFixed(4);
    console.log(`${result.documents.length} documents: F1 ${pct(result.f1)}  precision ${pct(result.precision)}  recall ${pct(result.recall)}  (${(result.ms / result.documents.length).toFixed(1)} ms a document, read and ingested on one thread)`);
    for (const name of values.extractor ?? []) {
      if (!(EXTRACTORS as readonly string[]).includes(name)) throw new Error(`--extractor ${name}: one of ${EXTRACTORS.join(', ')}`);
      const lib = await evaluateExtractor(name as Extractor, resolve(values.corpus), resolve(values.gold));
      console.log(`${name} alone: F1 ${pct(lib.f1)}  precision ${pct(lib.precision)}  recall ${pct(lib.recall)}  (${(lib.ms / lib.documents.length).toFixed(1)} ms a document)`);
    }
    console.log(`worst ${values.worst}:`);
    for (const d of [...result.documents].sort((a, b) => a.f1 - b.f1 || (a.id < b.id ? -1 : 1)).slice(0, Number(values.worst))) {
      console.log(`  ${d.id.padEnd(24)} F1 ${pct(d.f1)}  precision ${pct(d.precision)}  recall ${pct(d.recall)}`);
    }
    const m = result.meta;
    if (m) {
      console.log(`titles: ${m.titles}/${m.pages} right (the page's h1 or its stated headline)`);
      console.log(`dates, of the ${m.stated} pages that state one: ${m.exact} exact, ${m.wrong} wrong, ${m.vaguer} vaguer (month or year), ${m.absent} absent; ${m.datedUnstated} dated of the ${m.pages - m.stated} that state none`);
      const wrongTitles = result.documents.filter((d) => d.meta && !d.meta.titleRight);
      if (wrongTitles.length) console.log(`titles not right (${wrongTitles.length}):`);
      for (const d of wrongTitles.slice(0, Number(values.worst))) console.log(`  ${d.id.padEnd(24)} got "${d.meta!.title}"\n  ${''.padEnd(24)} not "${d.meta!.expectedTitle}"`);
      const wrongDates = result.documents.filter((d) => d.meta && d.meta.date !== 'exact' && d.meta.date !== 'none-stated');
      if (wrongDates.length) console.log(`dates not exact (${wrongDates.length}):`);
      const dayOff = (a?: string, b?: string | null) => a && b && Math.abs(Date.parse(a) - Date.parse(b)) === 86_400_000;
      for (const d of wrongDates.slice(0, Number(values.worst))) {
        const m = d.meta!;
        console.log(`  ${d.id.padEnd(24)} ${m.date.padEnd(14)} got ${m.published ?? '—'}, page states ${m.expectedPublished ?? '—'}${m.date === 'wrong' && dayOff(m.published, m.expectedPublished) ? ' (one day off)' : ''}`);
      }
    }
  }
} catch (error) {
  console.error(`eval: ${(error as Error).message}`);
  process.exit(1);
}
