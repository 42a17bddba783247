#!/usr/bin/env tsx
/**
 * `npm run bench:entities`: the entity extractor against compromise's own tagger, on its own.
 * Speed on the development set (or the bundled collection) and recall on the seed gold lists.
 * This is the measurement behind the choice in src/ingest/describe/gazetteer.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import { compile } from '../src/ingest/run/tasks.js';
import { decode } from '../src/ingest/read/decode.js';
import { clean } from '../src/ingest/clean/clean.js';
import { extractEntities, type Entities } from '../src/ingest/describe/entities.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data.js';

const compiled = compile(defaultDataDir, defaultSettings);
const bodyOf = (path: string) => {
  const d = decode(readFileSync(path));
  if (!d.ok) return '';
  return clean(d.text, { residue: compiled.residue, settings: defaultSettings }).paragraphs.map((p) => p.text).join('\n\n');
};
const strip = (s: string) => s.replace(/['’]s$/u, '').replace(/^[“"‘']+|[”"’',.;:!?]+$/gu, '').trim();
const viaCompromise = (text: string): Entities => {
  const doc = nlp(text);
  const list = (m: { out(format: 'array'): string[] }) => [...new Set(m.out('array').map(strip))];
  return { people: list(doc.people()), places: list(doc.places()), organizations: list(doc.organizations()) };
};
const ours = (text: string) => extractEntities(text, compiled.gazetteer);

const devDir = resolve('../shared/corpora/fundus/raw-text');
const speedDir = existsSync(devDir) ? devDir : resolve('content/raw');
const bodies = readdirSync(speedDir).map((f) => bodyOf(join(speedDir, f)));
const gold = JSON.parse(readFileSync(resolve('tests/fixtures/gold.json'), 'utf8')) as { articles: ({ file: string } & Record<'people' | 'places' | 'organizations', string[]>)[] };
const seeds = gold.articles.map((a) => ({ gold: a, body: bodyOf(resolve('tests/fixtures/seeds', a.file)) }));

for (const [name, extract] of [['compromise (tagger)', viaCompromise], ['clippings (aliases + rules)', ours]] as const) {
  const t0 = performance.now();
  let found = 0;
  for (const b of bodies) {
    const e = extract(b);
    found += e.people.length + e.places.length + e.organizations.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  let hit = 0;
  let total = 0;
  const junk: string[] = [];
  for (const { gold: g, body } of seeds) {
    const e = extract(body);
    for (const key of ['people', 'places', 'organizations'] as const) {
      const got = new Set(e[key].map((n) => n.toLowerCase()));
      total += g[key].length;
      hit += g[key].filter((n) => got.has(n.toLowerCase())).length;
      junk.push(...e[key].filter((n) => /\s(territory|and)\s|^(territory|the)\s|-$|^\S{1,2}$/i.test(n)));
    }
  }
  console.log(`${name}: ${(bodies.length / seconds).toFixed(0)} documents/s over ${bodies.length} (${found} names); seed recall ${hit}/${total} = ${((100 * hit) / total).toFixed(1)}%${junk.length ? `; junk-looking: ${junk.slice(0, 6).join(' | ')}` : ''}`);
}
