import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { sha256 } from '../../article/hash.js';
import type { Article } from '../pipeline.js';
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

const tempName = (path: string) => `${path}.${process.pid}.${threadId}.tmp`;

/** Writes a file atomically: a temporary file beside it, then a rename. */
export function writeAtomic(path: string, content: string): void {
  const temp = tempName(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The same without blocking the thread: the disk works while the next article is made. */
async function writeAtomicAsync(path: string, content: string): Promise<void> {
  const temp = tempName(path);
  try {
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function readIfAny(path: string): Promise<string | undefined> {
  // Asking first is cheaper than the error a missing file throws, and new articles are the rule.
  if (!existsSync(path)) return undefined;
  try {
    return await readFile(path, 'utf8');
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

/**
 * Gives an article its final slug and writes it with its ledger, unless a curator has edited the
 * Markdown since ingest wrote it (its hash differs from the state's) or deleted it: an edit is
 * never overwritten, a deleted article never comes back by itself.
 */
export async function writeArticle(outDir: string, article: Article, slug: string, previous: StateEntry | undefined): Promise<Written> {
  const { markdown, ledger } = serialise({ ...article, frontmatter: { ...article.frontmatter, slug } });
  const hash = sha256(markdown);
  const mdPath = join(outDir, `${slug}.md`);
  const ledgerPath = join(outDir, `${slug}.11tydata.json`);
  const existing = await readIfAny(mdPath);
  // A curator's edit — or a curator's deletion of an article ingest wrote — stands.
  if (previous && (existing === undefined || sha256(existing) !== previous.markdown)) return { outcome: 'kept-edit', markdown: hash };
  const existingLedger = existing === undefined ? undefined : await readIfAny(ledgerPath);
  if (existing === markdown && existingLedger === ledger) return { outcome: 'unchanged', markdown: hash };
  await Promise.all([existing !== markdown && writeAtomicAsync(mdPath, markdown), existingLedger !== ledger && writeAtomicAsync(ledgerPath, ledger)]);
  return { outcome: existing === undefined ? 'written' : 'updated', markdown: hash };
}
