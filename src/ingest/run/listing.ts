import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FileTask } from './tasks.js';
import { isHiddenPath } from '../../article/paths.js';
import { formatOf, READ_TYPES } from '../read/formats.js';

/** A file or folder of the collection that is not read, and why. */
export interface Skip {
  file: string;
  reason: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const byName = (a: Dirent<Buffer>, b: Dirent<Buffer>) => Buffer.compare(a.name, b.name);
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Every capture under a folder, recursively and sorted by path (so runs are deterministic), and
 * a reasoned skip for everything else. Nothing found here can make a run hang or stop:
 * - hidden files and folders (".git", ".env", ".DS_Store") at any depth are not read;
 * - a symbolic link is read only when it leads to a file inside the collection (git-annex
 *   keeps captures so); a link that leads outside, dangles, loops or names a folder is skipped;
 * - named pipes, sockets and devices are skipped, never opened;
 * - a folder that cannot be read, or a name that is not UTF-8, is skipped with the reason.
 */
export function listCaptures(root: string): { tasks: FileTask[]; skipped: Skip[] } {
  const tasks: FileTask[] = [];
  const skipped: Skip[] = [];
  const realRoot = realpathSync(root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + sep);

  const walk = (dir: string, prefix: string) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      skipped.push({ file: prefix || './', reason: `folder cannot be read (${errorCode(error)})` });
      return;
    }
    for (const entry of entries.sort(byName)) {
      let name: string;
      try {
        name = utf8.decode(entry.name);
      } catch {
        const shown = new TextDecoder('utf-8').decode(entry.name);
        skipped.push({ file: prefix + shown, reason: 'its name is not valid UTF-8: rename it to have it read' });
        continue;
      }
      const path = join(dir, name);
      const file = prefix + name;
      if (name.startsWith('.')) {
        skipped.push(entry.isDirectory() ? { file: `${file}/`, reason: 'hidden folder: not read (hidden files and folders are never captures)' } : { file, reason: 'hidden file' });
      } else if (entry.isDirectory()) walk(path, `${file}/`);
      else if (entry.isSymbolicLink()) followLink(path, file);
      else if (!entry.isFile()) skipped.push({ file, reason: `not a regular file (${kindOf(entry)})` });
      else if (!formatOf(name)) skipped.push({ file, reason: `unsupported file type "${extname(name)}" (read: ${READ_TYPES})` });
      else tasks.push({ path, file });
    }
  };

  const followLink = (path: string, file: string) => {
    let real: string;
    let target: Stats;
    try {
      real = realpathSync(path);
      target = statSync(real);
    } catch (error) {
      const code = errorCode(error);
      const reason = code === 'ENOENT' ? 'dangling symbolic link (its target does not exist)' : code === 'ELOOP' ? 'symbolic link loop' : `symbolic link cannot be followed (${code})`;
      skipped.push({ file, reason });
      return;
    }
    if (!inside(real)) skipped.push({ file, reason: 'symbolic link to a place outside the collection: not read' });
    else if (target.isDirectory()) skipped.push({ file, reason: 'symbolic link to a folder: not followed (its files are read where they are)' });
    else if (isHiddenPath(relative(realRoot, real).split(sep))) skipped.push({ file, reason: 'symbolic link to a hidden file: not read' });
    else if (!target.isFile()) skipped.push({ file, reason: 'symbolic link to something that is not a regular file' });
    else if (!formatOf(file)) skipped.push({ file, reason: `unsupported file type "${extname(file)}" (read: ${READ_TYPES})` });
    else tasks.push({ path: real, file });
  };

  walk(root, '');
  return { tasks, skipped };
}

function kindOf(entry: Dirent<Buffer>): string {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'not a file';
}
