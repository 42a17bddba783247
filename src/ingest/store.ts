import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256, type Article } from './pipeline.js';
import { serialise } from './frontmatter.js';

/** What ingest remembers about each article it wrote, to tell unchanged, updated and edited apart. */
export interface StateEntry {
  slug: string;
  /** sha256 of the raw capture when the article was made. */
  source: string;
  /** sha256 of the Markdown file as ingest wrote it: a different file on disk is a curator's edit. */
  markdown: string;
  /** The run fingerprint (data, settings, code, repetition) the article was made with. */
  fingerprint: string;
  /** The warnings of the run that made it, repeated in reports while it is unchanged. */
  warnings?: string[];
}

export interface State {
  version: 1;
  articles: Record<string, StateEntry>;
}

export const STATE_FILE = '.ingest-state.json';

/** Writes a file atomically: a temporary file beside it, then a rename. */
export function writeAtomic(path: string, content: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    try {
      writeFileSync(temp, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temp, content);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A file's text, or undefined when there is none. */
function readIfAny(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function readState(outDir: string): State {
  const path = join(outDir, STATE_FILE);
  if (!existsSync(path)) return { version: 1, articles: {} };
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as State;
    if (state.version !== 1 || typeof state.articles !== 'object') throw new Error('unknown state version');
    return state;
  } catch (error) {
    throw new Error(`${path}: cannot read the ingest state (${(error as Error).message}); move it aside to start afresh`);
  }
}

export function writeState(outDir: string, state: State): void {
  const articles = Object.fromEntries(Object.entries(state.articles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeAtomic(join(outDir, STATE_FILE), `${JSON.stringify({ version: 1, articles }, null, 1)}\n`);
}

export type WriteOutcome = 'written' | 'updated' | 'unchanged' | 'kept-edit';

/** What writing one article did, and the hash of the Markdown ingest wrote (for the state). */
export interface Written {
  outcome: WriteOutcome;
  markdown: string;
}

/** Gives an article its final slug, serialises it and stores it: the I/O half of pass 2. */
export function writeArticle(outDir: string, article: Article, slug: string, previous: StateEntry | undefined): Written {
  const { markdown, ledger } = serialise({ ...article, frontmatter: { ...article.frontmatter, slug } });
  return { outcome: storeArticle(outDir, slug, markdown, ledger, previous), markdown: sha256(markdown) };
}

/**
 * Writes one article and its ledger unless a curator has edited the Markdown since ingest
 * wrote it (its hash differs from the state's): an edit is never overwritten.
 */
export function storeArticle(outDir: string, slug: string, markdown: string, ledger: string, previous: StateEntry | undefined): WriteOutcome {
  const mdPath = join(outDir, `${slug}.md`);
  const ledgerPath = join(outDir, `${slug}.11tydata.json`);
  const existing = readIfAny(mdPath);
  if (existing !== undefined && previous && sha256(existing) !== previous.markdown) return 'kept-edit';
  const existingLedger = existing === undefined ? undefined : readIfAny(ledgerPath);
  if (existing === markdown && existingLedger === ledger) return 'unchanged';
  if (existing !== markdown) writeAtomic(mdPath, markdown);
  if (existingLedger !== ledger) writeAtomic(ledgerPath, ledger);
  return existing === undefined ? 'written' : 'updated';
}
