import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { decode } from '../read/decode.js';
import { blockKeys } from '../clean/repetition.js';
import { sha256 } from '../../article/hash.js';
import { ingestCapture, type Article, type Compiled } from '../pipeline.js';
import { loadData } from '../../data.js';
import { compileResidue } from '../clean/vocabulary.js';
import { compileGazetteer } from '../describe/gazetteer.js';
import { compileSources } from '../describe/source.js';
import { compileTopics } from '../describe/topics.js';
import type { IngestSettings } from '../settings.js';

/** One unit of work: a raw file, by absolute path and by its path inside the collection. */
export interface FileTask {
  path: string;
  file: string;
}

export type ScanResult = { ok: true; keys: number[]; sha256: string } | { ok: false; reason: string };
export type IngestResult = { ok: true; article: Article } | { ok: false; reason: string };

/** Compiles data and settings once for a run (or a worker thread). */
export function compile(dataDir: string, settings: IngestSettings): Compiled {
  const data = loadData(dataDir);
  return {
    settings,
    residue: compileResidue(data),
    gazetteer: compileGazetteer(data.aliases),
    sources: compileSources(data.sources),
    topics: compileTopics(data.topics, settings.topicMinHits, settings.topicMax, settings.topicRelative),
  };
}

/**
 * Reads a capture's bytes. The file is opened without blocking and checked once open, so a file
 * that became a named pipe or a device since the listing is skipped rather than waited on.
 */
function readCapture(task: FileTask, settings: IngestSettings): { ok: true; bytes: Buffer; text: string; warnings: string[] } | { ok: false; reason: string } {
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    fd = openSync(task.path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > settings.maxBytes) return { ok: false, reason: `too large for an article (${(stat.size / 1048576).toFixed(1)} MB > ${(settings.maxBytes / 1048576).toFixed(1)} MB limit)` };
    bytes = readFileSync(fd);
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const decoded = decode(bytes, settings.maxControlShare);
  return decoded.ok ? { ok: true, bytes, text: decoded.text, warnings: decoded.warnings } : decoded;
}

/** A capture that breaks a stage is skipped with the reason; the run goes on. */
function guarded<R>(work: () => R): R | { ok: false; reason: string } {
  try {
    return work();
  } catch (error) {
    return { ok: false, reason: `ingest failed: ${(error as Error).message}` };
  }
}

/** Pass 1: the block keys of a capture, for the collection's repetition index. */
export function scanTask(task: FileTask, settings: IngestSettings): ScanResult {
  return guarded(() => {
    const read = readCapture(task, settings);
    return read.ok ? { ok: true as const, keys: blockKeys(read.text), sha256: sha256(read.bytes) } : read;
  });
}

/** Pass 2: the article a capture becomes. */
export function ingestTask(task: FileTask, compiled: Compiled, repeated: (text: string) => boolean): IngestResult {
  return guarded(() => {
    const read = readCapture(task, compiled.settings);
    if (!read.ok) return read;
    const article = ingestCapture({ file: task.file, text: read.text, bytes: read.bytes }, compiled, repeated);
    article.warnings.unshift(...read.warnings);
    if (article.body.trim() === '') return { ok: false as const, reason: 'no article text: every line is page furniture or boilerplate (menus, links, consent, credits)' };
    return { ok: true as const, article };
  });
}
