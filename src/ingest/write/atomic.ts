import { mkdirSync, readdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Temporary files are `<name>.<pid>.<thread>.tmp`, renamed into place once written. */
export const tempName = (path: string) => `${path}.${process.pid}.${threadId}.tmp`;
const TEMPORARY = /\.\d+\.\d+\.tmp$/;

/** Writes a file atomically: a temporary file beside it, then a rename. */
export function writeAtomic(path: string, content: string | Uint8Array): void {
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

