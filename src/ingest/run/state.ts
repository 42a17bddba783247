import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { join } from 'node:path';
import { sha256 } from '../../article/hash.js';
import { writeAtomic } from '../write/atomic.js';
import type { Stamp } from '../read/stamp.js';
import type { Skip } from '../read/capture.js';

/** What ingest remembers about each article it wrote, to tell unchanged, updated and edited apart. */
export interface StateEntry {
  slug: string;
  /** sha256 of the raw capture when the article was made. */
  source: string;
  /** sha256 of the Markdown file as ingest wrote it: a different file on disk is a curator's edit. */
  markdown: string;
  /** The run fingerprint (data, settings, code) the article was made with. */
  fingerprint: string;
  /**
   * Which of the capture's blocks stood in other captures (a hash of their keys) when it was
   * made: the only way the rest of the collection reaches an article, so a capture whose answer
   * is the same need not be made again when other captures change.
   */
  repetition?: string;
  /** The warnings of the run that made it, repeated in reports while it is unchanged. */
  warnings?: string[];
  /** The people, places and organisations it names, for the report of a run that leaves it as it is. */
  names?: string[];
  /** The article file's stamp as ingest left it: while it vouches, the file is not read to find an edit. */
  written?: Stamp;
}

/** What pass 1 read of a raw file: while the file's stamp vouches for it, the next run does not read it again. */
export interface FileEntry {
  stamp: Stamp;
  /** The fingerprint of the run that read it: other readers or limits may read it otherwise. */
  fingerprint: string;
  /** Its captures, with their hashes and block keys (53-bit hashes, kept on disk in KEYS_FILE). */
  captures: { id: string; sha256: string; keys: Float64Array }[];
  skipped: Skip[];
}

/** A stamp as the state file holds it: [size, mtime, ino], and the ctime after them when it is not the mtime. */
type StoredStamp = [number, number, number] | [number, number, number, number];
const storeStamp = (s: Stamp): StoredStamp => (s.ctime === s.mtime ? [s.size, s.mtime, s.ino] : [s.size, s.mtime, s.ino, s.ctime]);
const loadStamp = (s: StoredStamp | Stamp | undefined): Stamp | undefined => (Array.isArray(s) ? { size: s[0], mtime: s[1], ctime: s[3] ?? s[1], ino: s[2] } : s);

/**
 * A FileEntry as the state file holds it (version 3): the stamp as an array, keys as [offset,
 * count] into the keys file; the id left out when it is the file's, the fingerprint when it is
 * the state's, the skips when there are none.
 */
interface StoredFile {
  stamp: StoredStamp;
  fingerprint?: string;
  captures: { id?: string; sha256: string; keys: [number, number] }[];
  skipped?: Skip[];
}

/**
 * A StateEntry as the state file holds it (version 3): the source left out when it is its
 * capture's hash as last read, the fingerprint when it is the state's, no warnings when none;
 * names as numbers into the state's table of names (a name stands in many articles: a third of
 * the file was names written out again and again).
 */
interface StoredArticle extends Omit<StateEntry, 'written' | 'source' | 'fingerprint' | 'names'> {
  source?: string;
  fingerprint?: string;
  written?: StoredStamp;
  names?: number[] | string[];
}

export interface State {
  version: 2;
  files: Record<string, FileEntry>;
  articles: Record<string, StateEntry>;
}

/** The state as read, and when it was written (what decides whether a stamp is racy). */
export interface LoadedState {
  state: State;
  time: number;
  /** Whether a journal was folded in: the state must then be written, and the journal dropped. */
  replayed: boolean;
}

/** The state entry of an article as written. */
export function entryFor(article: { frontmatter: { source: { sha256: string } }; warnings: string[] }, slug: string, markdown: string, fingerprint: string, repetition: string, names: string[]): StateEntry {
  return { slug, source: article.frontmatter.source.sha256, markdown, fingerprint, repetition, warnings: article.warnings, names };
}

/** The state as of the last run that finished. */
export const STATE_FILE = '.ingest-state.json';
/**
 * The block keys of every capture as little-endian doubles, one file per content
 * (`.ingest-keys-<hash>.bin`), named by the state: a third of the bytes JSON would take, read
 * without parsing. Written before the state that names it and removed after the next one, so the
 * state on disk always names keys that are there.
 */
const KEYS_FILE = /^\.ingest-keys-([0-9a-f]{16})\.bin$/;
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
export function readState(outDir: string): LoadedState {
  const path = join(outDir, STATE_FILE);
  let state: State = { version: 2, files: {}, articles: {} };
  let time = 0;
  if (existsSync(path)) {
    try {
      time = statSync(path).mtimeMs;
      // Latin-1 is the cheapest decoding; anything beyond ASCII is then decoded as UTF-8 after all.
      const bytes = readFileSync(path);
      const read = JSON.parse(isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')) as { version?: number; articles?: Record<string, StateEntry | StoredArticle>; files?: Record<string, StoredFile>; keys?: string; fingerprint?: string; names?: string[] };
      if ((read.version !== 1 && read.version !== 2 && read.version !== 3) || typeof read.articles !== 'object' || read.articles === null) throw new Error('unknown state version');
      // A state of version 1 knows the articles but not the files: every file is read once more.
      // Version 2 wrote every value out; version 3 leaves out what the state says once.
      const files = read.version === 1 ? {} : readFiles(outDir, read.files, read.keys, read.fingerprint);
      state = { version: 2, files, articles: read.version === 3 ? loadArticles(read.articles as Record<string, StoredArticle>, read.files ?? {}, read.fingerprint ?? '', read.names ?? []) : (read.articles as Record<string, StateEntry>) };
    } catch (error) {
      throw new Error(`${path}: cannot read the ingest state (${(error as Error).message}); move it aside to start afresh`);
    }
  }
  const journal = join(outDir, JOURNAL_FILE);
  if (!existsSync(journal)) return { state, time, replayed: false };
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
  return { state, time, replayed: true };
}

/** The files' entries with their keys, or none (every file read again) when the keys file is missing or not the one named. */
function readFiles(outDir: string, stored: Record<string, StoredFile> | undefined, keysName: string | undefined, fingerprint: string | undefined): Record<string, FileEntry> {
  const named = typeof keysName === 'string' ? KEYS_FILE.exec(keysName) : null;
  if (!stored || typeof stored !== 'object' || !named) return {};
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(outDir, named[0]));
  } catch {
    return {};
  }
  if (sha256(bytes).slice(0, 16) !== named[1]) return {};
  // An aligned copy: a Buffer may start at any byte of its pool.
  const all = new Float64Array(bytes.length >> 3);
  new Uint8Array(all.buffer).set(bytes.subarray(0, all.length * 8));
  // The parsed objects are completed in place: copying 10,000 entries costs more than parsing them.
  const files = stored as unknown as Record<string, FileEntry>;
  for (const file in stored) {
    const f = stored[file]!;
    (f as unknown as FileEntry).stamp = loadStamp(f.stamp)!;
    f.fingerprint ??= fingerprint ?? '';
    f.skipped ??= [];
    for (const c of f.captures as { id?: string; keys: [number, number] | Float64Array }[]) {
      c.id ??= file;
      const [at, n] = c.keys as [number, number];
      c.keys = all.subarray(at, at + n);
    }
  }
  return files;
}

/** The article entries of a version 3 state, with what it left out put back. */
function loadArticles(stored: Record<string, StoredArticle>, files: Record<string, StoredFile>, fingerprint: string, names: string[]): Record<string, StateEntry> {
  // From the state itself, not its keys file: an article still vouches when the keys are lost.
  const hashes = new Map<string, string>();
  for (const [file, f] of Object.entries(files)) for (const c of f.captures ?? []) hashes.set(c.id ?? file, c.sha256);
  for (const id in stored) {
    const a = stored[id]!;
    a.source ??= hashes.get(id) ?? '';
    a.fingerprint ??= fingerprint;
    a.warnings ??= [];
    if (a.names) for (let i = 0; i < a.names.length; i++) if (typeof a.names[i] === 'number') a.names[i] = names[a.names[i] as number] ?? '';
    if (a.written) (a as unknown as StateEntry).written = loadStamp(a.written);
  }
  return stored as unknown as Record<string, StateEntry>;
}

/** Writes the snapshot (paths sorted) and its keys, then drops the journal it includes and the keys of the snapshot before. */
export function writeState(outDir: string, state: State): void {
  const byPath = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const fingerprint = commonest([...Object.values(state.files), ...Object.values(state.articles)].map((e) => e.fingerprint));
  const hashes = new Map<string, string>();
  const files: Record<string, StoredFile> = {};
  const chunks: Float64Array[] = [];
  let offset = 0;
  for (const [file, f] of byPath(state.files)) {
    files[file] = {
      stamp: storeStamp(f.stamp),
      ...(f.fingerprint === fingerprint ? {} : { fingerprint: f.fingerprint }),
      captures: f.captures.map((c) => {
        const at = offset;
        chunks.push(c.keys);
        offset += c.keys.length;
        hashes.set(c.id, c.sha256);
        return { ...(c.id === file ? {} : { id: c.id }), sha256: c.sha256, keys: [at, c.keys.length] };
      }),
      ...(f.skipped.length ? { skipped: f.skipped } : {}),
    };
  }
  // The table of names, in order of first use (articles in path order): the same state, the same file.
  const nameTable: string[] = [];
  const nameIndex = new Map<string, number>();
  const indexOf = (name: string) => {
    let i = nameIndex.get(name);
    if (i === undefined) {
      nameIndex.set(name, (i = nameTable.length));
      nameTable.push(name);
    }
    return i;
  };
  const articles: Record<string, StoredArticle> = {};
  for (const [id, a] of byPath(state.articles)) {
    const { written, source, fingerprint: own, warnings, names, ...rest } = a;
    articles[id] = {
      ...rest,
      ...(names ? { names: names.map(indexOf) } : {}),
      ...(source === hashes.get(id) ? {} : { source }),
      ...(own === fingerprint ? {} : { fingerprint: own }),
      ...(warnings?.length ? { warnings } : {}),
      ...(written ? { written: storeStamp(written) } : {}),
    };
  }
  const all = new Float64Array(offset);
  offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  const bytes = Buffer.from(all.buffer, all.byteOffset, all.byteLength);
  const keys = `.ingest-keys-${sha256(bytes).slice(0, 16)}.bin`;
  if (!existsSync(join(outDir, keys))) writeAtomic(join(outDir, keys), bytes);
  // One line: this file is the machine's, and 100,000 articles make it large.
  writeAtomic(join(outDir, STATE_FILE), `${JSON.stringify({ version: 3, keys, fingerprint, names: nameTable, files, articles })}\n`);
  rmSync(join(outDir, JOURNAL_FILE), { force: true });
  for (const name of readdirSync(outDir)) if (KEYS_FILE.test(name) && name !== keys) rmSync(join(outDir, name), { force: true });
}

/** The value most entries have (the first of equals in order), or '' for none. */
function commonest(values: string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let most = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > most) {
      best = v;
      most = n;
    }
  }
  return best;
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
