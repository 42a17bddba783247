import type { Stats } from 'node:fs';

/**
 * What the file system says about a file, enough to tell that it has not changed since it was
 * read without reading it again (as git's index does): size, modification and change times, inode.
 */
export interface Stamp {
  size: number;
  mtime: number;
  ctime: number;
  ino: number;
}

export function stampOf(s: Stats): Stamp {
  return { size: s.size, mtime: s.mtimeMs, ctime: s.ctimeMs, ino: s.ino };
}

export function sameStamp(a: Stamp | undefined, b: Stamp | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime && a.ino === b.ino;
}

/**
 * Whether a stamp recorded by a run still vouches for the file. It must match the file now, and
 * predate the state the run wrote (`stateTime`, that file's own modification time): a file changed
 * in the same clock tick as it was recorded could keep its stamp, so such a "racy" one is read
 * again (git's rule for its index).
 */
export function vouches(recorded: Stamp | undefined, now: Stamp | undefined, stateTime: number): boolean {
  return sameStamp(recorded, now) && recorded!.mtime < stateTime && recorded!.ctime < stateTime;
}
