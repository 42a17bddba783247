import { readFileSync, renameSync, writeFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempName, writeAtomic } from './atomic.js';
import { sha256 } from '../../article/hash.js';
import type { Article } from '../pipeline.js';
import { serialise } from './frontmatter.js';
import { stampOf, type Stamp } from '../read/stamp.js';
import { incomingFiles, readDecisions } from '../../article/review.js';


/** The capture hash an article file names (its `source.sha256`), or undefined when it cannot be read. */
async function capturedFrom(markdown: string, path: string): Promise<string | undefined> {
  // The frontmatter reader is loaded only when an edit meets a changed capture.
  const { splitArticle } = await import('../../article/parse.js');
  try {
    const source = splitArticle(markdown, path).data.source as { sha256?: unknown } | undefined;
    return typeof source?.sha256 === 'string' ? source.sha256 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the fresh version of an edited article beside it for review, or removes one that is no
 * longer wanted (the edit is gone, or kept against this capture). Same bytes are not rewritten.
 */
function putIncoming(outDir: string, slug: string, fresh: { markdown: string; ledger: string } | undefined): void {
  const files = incomingFiles(outDir, slug);
  if (!fresh) {
    // Most articles never had one: asking is cheaper than removing.
    if (existsSync(files.markdown)) rmSync(files.markdown, { force: true });
    if (existsSync(files.ledger)) rmSync(files.ledger, { force: true });
    return;
  }
  for (const [path, content] of [[files.ledger, fresh.ledger], [files.markdown, fresh.markdown]] as const) if (readIfAny(path) !== content) writeAtomic(path, content);
}

function readIfAny(path: string): string | undefined {
  // Asking first is cheaper than the error a missing file throws, and new articles are the rule.
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The stamp of an article file just written (undefined if it is gone already): the next run's cheap check for edits. */
export function stampAfterWrite(outDir: string, slug: string): Stamp | undefined {
  try {
    return stampOf(statSync(join(outDir, `${slug}.md`)));
  } catch {
    return undefined;
  }
}

/**
 * `kept-edit`: a curator's edit (or deletion) stands; `conflict`: it stands, and the capture it
 * was made from changed, so the fresh version waits beside it for review (src/article/review.ts).
 */
export type WriteOutcome = 'written' | 'updated' | 'unchanged' | 'kept-edit' | 'conflict';

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
  // Synchronous file calls: a run writes from worker threads of its own, and a promise per call
  // cost more than the call itself (measured: a third of the writing time).
  const existing = readIfAny(mdPath);
  const existingLedger = existing === undefined ? undefined : readIfAny(ledgerPath);
  if (existing === markdown && existingLedger === ledger) return { outcome: 'unchanged', markdown: hash };
  // A curator's edit — or a curator's deletion of an article ingest wrote — stands.
  if (existing === undefined ? wroteBy !== undefined : sha256(existing) !== wroteBy) {
    if (existing !== markdown) {
      const conflict = existing !== undefined && (await capturedFrom(existing, mdPath)) !== article.frontmatter.source.sha256 && readDecisions(outDir).kept[slug] !== article.frontmatter.source.sha256;
      putIncoming(outDir, slug, conflict ? { markdown, ledger } : undefined);
      return { outcome: conflict ? 'conflict' : 'kept-edit', markdown: hash };
    }
  }
  putIncoming(outDir, slug, undefined);
  const temps: (string | undefined)[] = [];
  try {
    const stage = (path: string, content: string) => {
      temps.push(tempName(path));
      writeFileSync(tempName(path), content);
      return tempName(path);
    };
    const md = existing !== markdown ? stage(mdPath, markdown) : undefined;
    const led = existingLedger !== ledger ? stage(ledgerPath, ledger) : undefined;
    commit(hash);
    // The Markdown goes last: it is what tells the next run the article is in place.
    if (led) renameSync(led, ledgerPath);
    if (md) renameSync(md, mdPath);
  } catch (error) {
    for (const t of temps) if (t) rmSync(t, { force: true });
    throw error;
  }
  return { outcome: existing === undefined ? 'written' : 'updated', markdown: hash };
}
