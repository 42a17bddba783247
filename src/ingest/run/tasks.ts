import { readCaptures } from '../read/index.js';
import { blockKeysOf } from '../clean/repetition.js';
import type { Capture, ReadLimits, ReadResult, Skip } from '../read/capture.js';
import { ingestCapture, type Article, type Compiled } from '../pipeline.js';
import { loadData } from '../../data.js';
import { compileResidue } from '../clean/vocabulary.js';
import { compileGazetteer } from '../describe/gazetteer.js';
import { compileSources } from '../describe/source.js';
import { compileTopics } from '../describe/topics.js';
import type { IngestSettings } from '../settings.js';
import type { Stamp } from '../read/stamp.js';

/** One unit of work: a raw file, by absolute path and by its path inside the collection. */
export interface FileTask {
  path: string;
  file: string;
}

/** Pass 1 of one file: each capture's id, hash and block keys, and what in it is no capture. */
export interface ScanResult {
  captures: { id: string; keys: number[]; sha256: string }[];
  skipped: Skip[];
  /** The file's stamp when it was read: while it still matches, the next run need not read it. */
  stamp?: Stamp;
  /** Whether the thread that read it keeps its captures for pass 2 (then that thread makes its articles). */
  kept?: boolean;
}

/** Pass 2 of one file: an article, or the reason there is none, for each capture asked for, in order. */
export type Made = { id: string; ok: true; article: Article } | { id: string; ok: false; reason: string };

/** Compiles data and settings once for a run (or a worker thread). */
export function compile(dataDir: string, settings: IngestSettings): Compiled {
  const data = loadData(dataDir);
  return {
    settings,
    residue: compileResidue(data),
    gazetteer: compileGazetteer(data.aliases),
    sources: compileSources(data.sources),
    topics: compileTopics(data.topics, settings.topicMinHits, settings.topicMax, settings.topicRelative),
    read: { maxBytes: settings.maxBytes, maxControlShare: settings.maxControlShare, chromeClasses: lowerSet(data.boilerplate.markup.chromeClasses), apartClasses: lowerSet(data.boilerplate.markup.apartClasses), brandClasses: lowerSet(data.boilerplate.markup.brandClasses), bylineRoles: lowerSet(data.boilerplate.bylines.roles) },
  };
}

/** A file's captures, as its reader makes them (each handed to `each` as it is read, when given); anything that breaks a reader is a reasoned skip. */
async function read(task: FileTask, readLimits: ReadLimits, each?: (capture: Capture) => void, want?: ReadonlySet<string>): Promise<ReadResult> {
  try {
    return await readCaptures(task.path, task.file, readLimits, each, want);
  } catch (error) {
    return { captures: [], skipped: [{ id: task.file, reason: `cannot read: ${(error as Error).message}` }] };
  }
}

/**
 * What pass 1 read, kept for pass 2 of the same thread while it fits `budget` (an estimate of
 * the memory it holds): a file is then read and parsed once per run, not twice. Pass 2 makes its
 * articles from the very captures pass 1 hashed.
 */
const lowerSet = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));

const kept = new Map<string, { result: ReadResult; cost: number }>();
let keptCost = 0;

/**
 * Roughly the memory a capture holds while kept: its text, and each block's text, path and
 * ancestors (its bytes are not kept, only their fixity). A page's blocks, whatever held it (a
 * file, a web archive, a JSON line), are slices of the decoded page (decoded without its scripts
 * and styles), which they keep alive: about its size in bytes more. Fitted to the memory
 * measured on the saved pages of the development set (estimate 1.06× the real: 35 MB held by 80
 * pages), the same pages in one web archive, and its text captures (0.98×).
 */
export function heldBytes(c: Capture): number {
  // A page read from markup (a saved page, a web archive's record, a JSON line's html) keeps its decoded page alive.
  const fromMarkup = c.blocks[0]?.ancestors !== undefined;
  let n = (fromMarkup ? c.fixity.size : 0) + 2 * c.text.length;
  for (const b of c.blocks) n += 120 + 2 * b.text.length + 2 * (b.where?.length ?? 0) + 8 * (b.ancestors?.length ?? 0) + 40 * b.lines.length;
  return n;
}

/**
 * Pass 1: the block keys and hash of each capture of a file, for the repetition index and the
 * state. Captures are looked at one by one as the reader makes them; they are kept for pass 2
 * only while the whole file's fit `budget`, so an archive larger than it is never held whole.
 */
export async function scanTask(task: FileTask, readLimits: ReadLimits, budget = 0): Promise<ScanResult> {
  const scanned: ScanResult['captures'] = [];
  let keeping: Capture[] | undefined = [];
  let cost = 0;
  const result = await read(task, readLimits, (c) => {
    scanned.push({ id: c.id, keys: blockKeysOf(c.blocks), sha256: c.fixity.sha256 });
    if (!keeping) return;
    cost += heldBytes(c);
    if (keptCost + cost <= budget) keeping.push(c);
    else keeping = undefined;
  });
  const { skipped, stamp } = result;
  const keep = keeping !== undefined && keptCost + cost <= budget;
  if (keep) {
    kept.set(task.path, { result: { captures: keeping!, skipped, ...(stamp ? { stamp } : {}) }, cost });
    keptCost += cost;
  }
  return { captures: scanned, skipped, stamp, kept: keep };
}

/**
 * Pass 2: the articles the captures of a file become (those in `wanted`, all without it). A
 * capture that breaks a stage is skipped with the reason; the run goes on.
 */
export async function ingestTask(task: FileTask, compiled: Compiled, repeated: (text: string) => boolean, wanted?: Set<string>): Promise<Made[]> {
  const cached = kept.get(task.path);
  if (cached) {
    kept.delete(task.path);
    keptCost -= cached.cost;
  }
  const made: Made[] = [];
  // Each capture becomes its article as it is read, and is let go: only the articles are held.
  const make = (capture: Capture) => {
    if (wanted && !wanted.has(capture.id)) return;
    try {
      const article = ingestCapture(capture, compiled, repeated);
      if (article.body.trim() === '') made.push({ id: capture.id, ok: false, reason: 'no article text: every line is page furniture or boilerplate (menus, links, consent, credits)' });
      else made.push({ id: capture.id, ok: true, article });
    } catch (error) {
      made.push({ id: capture.id, ok: false, reason: `ingest failed: ${(error as Error).message}` });
    }
  };
  let skipped: Skip[];
  if (cached) {
    for (const capture of cached.result.captures) make(capture);
    skipped = cached.result.skipped;
  } else skipped = (await read(task, compiled.read, make, wanted)).skipped;
  // A capture pass 1 saw but that reads no more (the file changed between the passes).
  const seen = new Set(made.map((m) => m.id));
  for (const id of wanted ?? []) if (!seen.has(id)) made.push({ id, ok: false, reason: skipped.find((s) => s.id === id)?.reason ?? 'gone from its file since it was first read' });
  return made;
}
