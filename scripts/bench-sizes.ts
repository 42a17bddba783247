#!/usr/bin/env tsx
/**
 * `npm run bench:sizes`: ingest time against the size of one capture, for the shapes that used to
 * take quadratic time (long runs of lines without sentence ends; thousands of short lines; thousands
 * of paragraphs). Each shape at 0.5, 1 and 2 MB: time should double with size, no more. Figures,
 * not a test. Text is made by a seeded generator, so every run measures the same captures.
 */
import { compile } from '../src/ingest/run/tasks.js';
import { decode } from '../src/ingest/read/decode.js';
import { ingestCapture } from '../src/ingest/pipeline.js';
import { textCapture } from '../src/ingest/read/text.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data.js';

const WORDS = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will what can out'.split(' ');
const NAMES = 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike November Oscar Papa Quebec Romeo Sierra Tango'.split(' ');

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHAPES: Record<string, (r: () => number) => string> = {
  'lines without sentence ends (one wrapped block)': (r) => Array.from({ length: 5 + Math.floor(r() * 8) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ') + '\n',
  'short title-case lines': (r) => Array.from({ length: 2 + Math.floor(r() * 5) }, () => NAMES[Math.floor(r() * NAMES.length)]).join(' ') + '\n',
  'paragraphs of prose': (r) => `${NAMES[Math.floor(r() * NAMES.length)]} ${Array.from({ length: 10 + Math.floor(r() * 15) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ')}.\n\n`,
};

const compiled = compile(defaultDataDir, { ...defaultSettings, maxBytes: Number.MAX_SAFE_INTEGER });
console.log('shape | 0.5 MB | 1 MB | 2 MB | 2 MB / 1 MB');
for (const [name, piece] of Object.entries(SHAPES)) {
  const times: number[] = [];
  for (const kb of [512, 1024, 2048]) {
    const r = random(kb);
    let text = '';
    while (text.length < kb * 1024) text += piece(r);
    const bytes = Buffer.from(text);
    const decoded = decode(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    const t0 = performance.now();
    ingestCapture(textCapture(`${kb}.txt`, bytes, decoded.text), compiled, () => false);
    times.push((performance.now() - t0) / 1000);
  }
  console.log(`${name} | ${times.map((t) => `${t.toFixed(2)} s`).join(' | ')} | ×${(times[2]! / times[1]!).toFixed(2)}`);
}
