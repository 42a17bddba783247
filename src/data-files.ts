import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './article/hash.js';
import { projectRoot } from './root.js';

/**
 * Where the data lives and which files ingest reads, without the schemas that validate them
 * (zod takes 110 ms to load: a run that finds nothing changed has no use for it).
 */

/** The project's `_data/` folder: vocabulary, signatures, aliases and taxonomy. */
export const defaultDataDir = join(projectRoot, '_data');

/** The data files ingest reads: what its output depends on besides the captures, code and settings. */
export const INGEST_DATA_FILES = ['boilerplate.json', 'sources.json', 'aliases.json', 'topics.json'] as const;

/** The data ingest reads, as one hash: the site's or the check's settings changing redoes nothing. */
export function dataFingerprint(dir: string): string {
  return sha256(INGEST_DATA_FILES.map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`).join('\n'));
}
