import { mkdirSync, readdirSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { sha256 } from '../../article/hash.js';
import type { Article } from '../pipeline.js';
import { serialise } from './frontmatter.js';

/** Temporary files are `<name>.<pid>.<thread>.tmp`, renamed into place once written. */
const tempName = (path: string) => `${path}.${process.pid}.${threadId}.tmp`;
const TEMPORARY = /\.\d+\.\d+\.tmp$/;

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

/** Removes the temporary files of runs that were killed (call only while holding the lock). */
export function removeTemporaries(outDir: string): number {
  let removed = 0;
  for (const name of readdirSync(outDir)) {
    if (TEMPORARY.test(name) || /^\.write-test-\d+$/.test(name)) {
      rmSync(join(outDir, name), { force: true });
      removed++;
    }
  }
  return removed;
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

export type WriteOutcome = 'written' | 'updated' | 'unchanged' | 'kept-edit';

/** What writing one article did, and the hash of the Markdown ingest wrote (for the state). */
export interface Written {
  outcome: WriteOutcome;
  markdown: string;
}

/**
 * Writes an article and its ledger under its slug, unless a curator has edited the Markdown since
 * ingest wrote it or deleted it: an edit is never overwritten, a deleted article never comes back
 * by itself. `wroteBy` is the hash of the Markdown ingest last wrote there (absent for a new
 * article). `commit` is called with the new file's hash after both files are written beside their
 * places and before they take them, so the run's journal knows of every file it put in place.
 */
export async function writeArticle(outDir: string, article: Article, slug: string, wroteBy: string | undefined, commit: (markdown: string) => void): Promise<Written> {
  const { markdown, ledger } = serialise({ ...article, frontmatter: { ...article.frontmatter, slug } });
  const hash = sha256(markdown);
  const mdPath = join(outDir, `${slug}.md`);
  const ledgerPath = join(outDir, `${slug}.11tydata.json`);
  const existing = await readIfAny(mdPath);
  const existingLedger = existing === undefined ? undefined : await readIfAny(ledgerPath);
  if (existing === markdown && existingLedger === ledger) return { outcome: 'unchanged', markdown: hash };
  // A curator's edit — or a curator's deletion of an article ingest wrote — stands.
  if (existing === undefined ? wroteBy !== undefined : sha256(existing) !== wroteBy) {
    if (existing !== markdown) return { outcome: 'kept-edit', markdown: hash };
  }
  const stage = async (path: string, content: string) => {
    await writeFile(tempName(path), content);
    return tempName(path);
  };
  const temps = await Promise.all([existing !== markdown ? stage(mdPath, markdown) : undefined, existingLedger !== ledger ? stage(ledgerPath, ledger) : undefined]);
  try {
    commit(hash);
    // The Markdown goes last: it is what tells the next run the article is in place.
    if (temps[1]) await rename(temps[1], ledgerPath);
    if (temps[0]) await rename(temps[0], mdPath);
  } catch (error) {
    await Promise.all(temps.map((t) => t && rm(t, { force: true })));
    throw error;
  }
  return { outcome: existing === undefined ? 'written' : 'updated', markdown: hash };
}
