import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile } from '../src/ingest/run/tasks.js';
import { decode } from '../src/ingest/read/decode.js';
import { ingestCapture, type Article, type Compiled } from '../src/ingest/pipeline.js';
import { textCapture } from '../src/ingest/read/text.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data.js';

export const fixtures = join(import.meta.dirname, 'fixtures');
export const projectRoot = join(import.meta.dirname, '..');

let compiled: Compiled | undefined;
/** The project's data and settings, compiled once per test file. */
export function project(): Compiled {
  compiled ??= compile(defaultDataDir, defaultSettings);
  return compiled;
}

/** Ingests one file on its own (no collection, so no repetition signal). */
export function ingestFile(path: string, file = path.split('/').pop()!): Article {
  const bytes = readFileSync(path);
  const decoded = decode(bytes);
  if (!decoded.ok) throw new Error(`${path}: ${decoded.reason}`);
  return ingestCapture(textCapture(file, bytes, decoded.text, decoded.warnings), project());
}

/** The seed gold, as copied from ../shared/seeds/gold.json. */
export interface SeedGold {
  file: string;
  title: string;
  title_line: number;
  keep: number[];
  drop: number[];
  either: number[];
  paragraphs: [number, number][];
  site_accept: (string | null)[];
  published: string | null;
  published_accept: [string, string];
  captured: string | null;
  people: string[];
  places: string[];
  organizations: string[];
  literal: string[];
}
export const seedGold = JSON.parse(readFileSync(join(fixtures, 'gold.json'), 'utf8')) as {
  articles: SeedGold[];
  cross_links: { entity: string; articles: string[] }[];
};
export const seedsDir = join(fixtures, 'seeds');

/** Every file below a folder, as sorted paths relative to it. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Every file below a folder with its bytes' hash, for before/after and run/run comparisons. */
/**
 * What an ingest run wrote, to compare two runs: every file's hash but the run's own memory (the
 * state and its keys), and the state itself with the file system's stamps (inodes and times,
 * which differ from folder to folder) left out.
 */
export function articleSnapshot(dir: string): Record<string, unknown> {
  const files = Object.fromEntries(Object.entries(snapshot(dir)).filter(([f]) => !f.startsWith('.ingest-')));
  const state = JSON.parse(readFileSync(join(dir, '.ingest-state.json'), 'utf8')) as { keys?: string; files: Record<string, { stamp?: unknown }>; articles: Record<string, { written?: unknown }> };
  delete state.keys;
  for (const f of Object.values(state.files)) delete f.stamp;
  for (const a of Object.values(state.articles)) delete a.written;
  return { files, state };
}

export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesBelow(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}
