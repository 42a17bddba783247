import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.ingest.lock';

/** Who holds the lock on an output folder. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not taken for the owner. */
  ticks?: string;
}

export class LockedError extends Error {}

/** The start time of a process, from /proc (Linux); undefined elsewhere. */
function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name (which may hold spaces and parentheses).
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Is the process that wrote this lock still running? */
function alive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const ticks = startTicks(owner.pid);
  return !(owner.ticks && ticks && ticks !== owner.ticks);
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock on an output folder: one ingest run writes into a folder at a time. A second
 * run fails with who holds the lock; a lock left by a process that has died (killed, machine
 * restarted) is taken over. Returns the function that releases it.
 */
export function acquireLock(out: string): () => void {
  const path = join(out, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), ticks: startTicks(process.pid) };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) pause(50 * attempt);
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, content);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readOwner(path)?.pid === me.pid) rmSync(path, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner === undefined) {
      // Written this instant by another run, or left empty by one killed while writing it.
      let age = 0;
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue; // gone meanwhile: try again
      }
      if (age < 10_000) throw new LockedError(`${out} is being locked by another ingest run (${path} is being written); try again in a moment`);
    } else if (owner.host !== me.host || alive(owner)) {
      throw new LockedError(
        `${out} is being written by another ingest run (pid ${owner.pid} on ${owner.host}, since ${owner.started}). Wait for it to finish; if that process is gone, delete ${path}.`,
      );
    }
    breakStale(path, owner);
  }
  throw new LockedError(`${out}: could not take the lock ${path}; another ingest run keeps taking it`);
}

/**
 * Removes a lock judged stale, under a second lock, so that two runs that both found it stale
 * cannot both remove it: the one that comes second finds the first one's fresh lock instead.
 */
function breakStale(path: string, stale: LockOwner | undefined): void {
  const breaker = `${path}.break`;
  try {
    closeSync(openSync(breaker, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(breaker).mtimeMs > 10_000) rmSync(breaker, { force: true }); // its taker died
    } catch {
      // Gone meanwhile.
    }
    return;
  }
  try {
    const now = readOwner(path);
    if (now?.pid === stale?.pid && now?.started === stale?.started) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
