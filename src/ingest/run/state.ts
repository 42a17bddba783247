import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../article/hash.js';
import { writeAtomic } from '../write/store.js';

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

/** The state entry of an article as written. */
export function entryFor(article: { frontmatter: { source: { sha256: string } }; warnings: string[] }, slug: string, markdown: string, fingerprint: string): StateEntry {
  return { slug, source: article.frontmatter.source.sha256, markdown, fingerprint, warnings: article.warnings };
}

/** The state as of the last run that finished. */
export const STATE_FILE = '.ingest-state.json';
/**
 * What the current run has written so far, one JSON line per article, appended before the
 * article's file takes its place: after a kill, the next run knows every file this run wrote.
 */
export const JOURNAL_FILE = '.ingest-journal.jsonl';

/** One journal line: a capture's new state entry. */
export interface JournalLine extends StateEntry {
  file: string;
}

/**
 * The state: the snapshot of the last finished run, then the journal of a run that did not
 * finish. A journal line counts only when the article it announces is on disk as announced (the
 * run may have died between the line and the rename); a torn last line is ignored.
 */
export function readState(outDir: string): State {
  const path = join(outDir, STATE_FILE);
  let state: State = { version: 1, articles: {} };
  if (existsSync(path)) {
    try {
      state = JSON.parse(readFileSync(path, 'utf8')) as State;
      if (state.version !== 1 || typeof state.articles !== 'object' || state.articles === null) throw new Error('unknown state version');
    } catch (error) {
      throw new Error(`${path}: cannot read the ingest state (${(error as Error).message}); move it aside to start afresh`);
    }
  }
  const journal = join(outDir, JOURNAL_FILE);
  if (!existsSync(journal)) return state;
  for (const text of readFileSync(journal, 'utf8').split('\n')) {
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      continue; // a line cut short by the kill
    }
    if (typeof line?.file !== 'string' || typeof line.slug !== 'string' || !/^[a-z0-9-]+$/.test(line.slug)) continue;
    const article = join(outDir, `${line.slug}.md`);
    if (existsSync(article) && sha256(readFileSync(article)) === line.markdown) {
      const { file, ...entry } = line;
      state.articles[file] = entry;
    }
  }
  return state;
}

/** Writes the snapshot (paths sorted, so the same articles give the same bytes), then drops the journal it includes. */
export function writeState(outDir: string, state: State): void {
  const articles = Object.fromEntries(Object.entries(state.articles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeAtomic(join(outDir, STATE_FILE), `${JSON.stringify({ version: 1, articles }, null, 1)}\n`);
  rmSync(join(outDir, JOURNAL_FILE), { force: true });
}

/** The journal of the current run, appended to by whichever thread writes an article. */
export class Journal {
  private fd: number | undefined;

  constructor(private readonly outDir: string) {}

  /** Records a new entry; one write of one line, so lines from two threads never interleave. */
  record(file: string, entry: StateEntry): void {
    this.fd ??= openSync(join(this.outDir, JOURNAL_FILE), 'a');
    writeSync(this.fd, `${JSON.stringify({ file, ...entry })}\n`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
