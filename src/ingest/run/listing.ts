import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep, extname } from 'node:path';
import type { FileTask } from './tasks.js';

/** Extensions read as plain-text captures. HTML and JSON lines come in later releases. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);

/**
 * Every file under a folder, recursively, sorted by path (so runs are deterministic), except the
 * output folder when it sits inside. Files ingest cannot read yet are returned as skips.
 */
export function listCaptures(root: string, exclude?: string): { tasks: FileTask[]; skipped: { file: string; reason: string }[] } {
  const tasks: FileTask[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const excluded = exclude ? resolve(exclude) : undefined;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      const file = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (resolve(path) !== excluded) walk(path);
      } else if (entry.name.startsWith('.')) skipped.push({ file, reason: 'hidden file' });
      else if (!entry.isFile() && !(entry.isSymbolicLink() && statSync(path).isFile())) skipped.push({ file, reason: 'not a regular file' });
      else if (!TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) skipped.push({ file, reason: `unsupported file type "${extname(entry.name)}" (plain-text captures only for now)` });
      else tasks.push({ path, file });
    }
  };
  walk(root);
  return { tasks, skipped };
}
