import { describe, expect, it, beforeAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LOCK_FILE, LockedError } from '../src/ingest/run/lock.js';
import { articleSnapshot, projectRoot, seedsDir } from './helpers.js';

/**
 * Interrupted and concurrent runs, through the command line as a user meets them: the ingest is
 * killed (SIGKILL: no clean-up of any kind) at several points of its write pass, or stopped with
 * Ctrl-C, or started twice; a rerun must converge to exactly the files an uninterrupted run writes.
 */

const COUNT = 300;
const cli = join(projectRoot, 'scripts', 'ingest.ts');
const temp = () => mkdtempSync(join(tmpdir(), 'clippings-kill-'));

/** A collection of distinct captures made from the seeds: numbered headlines, paragraphs in turn. */
function collection(dir: string, count = COUNT, variant = ''): void {
  const seeds = readdirSync(seedsDir).sort().map((f) => readFileSync(join(seedsDir, f), 'utf8').split(/\n\s*\n/));
  for (let i = 0; i < count; i++) {
    const paras = seeds[i % seeds.length]!;
    const half = Math.floor(paras.length / 2);
    const tail = paras.slice(half);
    const r = i % Math.max(1, tail.length);
    const body = [...paras.slice(0, half), ...tail.slice(r), ...tail.slice(0, r)];
    // A variant changes a paragraph of the article itself (its first line is no headline: these captures are versions of one another).
    if (variant) body[1] = `${body[1]} ${variant}`;
    const text = `Capture ${i} of the test collection, a headline\n\n${body.join('\n\n')}`;
    const sub = join(dir, String(Math.floor(i / 100)).padStart(2, '0'));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `capture-${String(i).padStart(4, '0')}.txt`), text);
  }
}


function start(from: string, out: string, jobs = 2): ChildProcess & { output: () => string } {
  // Node itself with tsx as a loader, not the tsx command: that one runs the ingest in a child
  // process of its own, which a SIGKILL of the command leaves running beside the rerun.
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--from', from, '--out', out, '--quiet', '--jobs', String(jobs)], { cwd: projectRoot });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  return Object.assign(child, { output: () => text });
}

const finished = (child: ChildProcess) => new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

async function run(from: string, out: string, jobs = 2): Promise<string> {
  const child = start(from, out, jobs);
  const code = await finished(child);
  if (code !== 0) throw new Error(`ingest exited ${code}: ${child.output()}`);
  return child.output();
}

/** Starts a run and sends `signal` once at least `articles` article files are in place. */
async function interrupt(from: string, out: string, articles: number, signal: NodeJS.Signals, jobs = 2): Promise<number | null> {
  const child = start(from, out, jobs);
  const exit = finished(child);
  let done = false;
  void exit.then(() => (done = true));
  while (!done) {
    const written = existsSync(out) ? readdirSync(out).filter((n) => n.endsWith('.md')).length : 0;
    if (written >= articles) {
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return exit;
}

describe('an ingest run that is killed', () => {
  let raw: string;
  let reference: ReturnType<typeof articleSnapshot>;

  beforeAll(async () => {
    raw = join(temp(), 'raw');
    collection(raw);
    const out = join(temp(), 'articles');
    await run(raw, out);
    reference = articleSnapshot(out);
    expect(Object.keys(reference.files as object).filter((f) => f.endsWith('.md'))).toHaveLength(COUNT);
  }, 120_000);

  it.each([1, COUNT / 2, COUNT - 10])('at %i articles written converges, on the rerun, to the files of an uninterrupted run', async (at) => {
    const out = join(temp(), 'articles');
    const code = await interrupt(raw, out, at, 'SIGKILL');
    expect(code).toBeNull(); // killed, not finished
    await run(raw, out);
    expect(articleSnapshot(out)).toEqual(reference);
  }, 120_000);

  it('in a single thread converges too', async () => {
    const out = join(temp(), 'articles');
    await interrupt(raw, out, COUNT / 3, 'SIGKILL', 1);
    await run(raw, out, 1);
    expect(articleSnapshot(out)).toEqual(reference);
  }, 120_000);

  it('while updating converges, and leaves no article taken for a curator edit', async () => {
    // The uninterrupted update: the same collection with every headline changed.
    const changed = join(temp(), 'raw');
    collection(changed, COUNT, 'The capture was revised later that day.');
    const expected = join(temp(), 'articles');
    await run(raw, expected);
    await run(changed, expected);
    const updated = articleSnapshot(expected);

    const out = join(temp(), 'articles');
    await run(raw, out);
    // Killed once half the articles carry the new headline: the state still has the old hashes.
    const child = start(changed, out);
    const exit = finished(child);
    const revised = () => readdirSync(out).filter((n) => n.endsWith('.md') && readFileSync(join(out, n), 'utf8').includes('revised')).length;
    while (revised() < COUNT / 2) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    expect(await exit).toBeNull();
    expect(revised()).toBeLessThan(COUNT);
    await run(changed, out);
    // A kept "curator edit" would have kept an old headline: every article is the updated one.
    expect(articleSnapshot(out)).toEqual(updated);
  }, 180_000);

  it('leaves no temporary file behind once rerun', async () => {
    const out = join(temp(), 'articles');
    await interrupt(raw, out, COUNT / 4, 'SIGKILL');
    writeFileSync(join(out, 'stray.md.99999.0.tmp'), '');
    await run(raw, out);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('with its state file lost still writes no second copy of any article', async () => {
    const out = join(temp(), 'articles');
    await run(raw, out);
    spawnSync('rm', [join(out, '.ingest-state.json')]);
    await run(raw, out);
    expect(articleSnapshot(out)).toEqual(reference);
  }, 120_000);
});

describe('an ingest run stopped with Ctrl-C', () => {
  it('finishes the articles in hand, says how to go on, exits 130, and the rerun converges', async () => {
    const raw = join(temp(), 'raw');
    collection(raw);
    const expected = join(temp(), 'articles');
    await run(raw, expected);
    const out = join(temp(), 'articles');
    const child = start(raw, out);
    const exit = finished(child);
    while (!existsSync(out) || readdirSync(out).filter((n) => n.endsWith('.md')).length < COUNT / 4) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(child.output()).toMatch(/interrupted: \d+ of 300 captures done; the next run goes on from there/);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await run(raw, out);
    expect(articleSnapshot(out)).toEqual(articleSnapshot(expected));
  }, 120_000);
});

describe('two ingest runs into one folder', () => {
  it('refuses the second with who holds the lock, and the first writes every article once', async () => {
    const raw = join(temp(), 'raw');
    collection(raw);
    const expected = join(temp(), 'articles');
    await run(raw, expected);
    const out = join(temp(), 'articles');
    const first = start(raw, out);
    const firstExit = finished(first);
    while (!existsSync(join(out, LOCK_FILE))) await new Promise((r) => setTimeout(r, 5));
    const second = start(raw, out);
    expect(await finished(second)).toBe(1);
    expect(second.output()).toMatch(new RegExp(`is being written by another ingest run \\(pid \\d+ on ${hostname()}, since .*Wait for it to finish`));
    expect(await firstExit).toBe(0);
    expect(articleSnapshot(out)).toEqual(articleSnapshot(expected));
  }, 120_000);
});

describe('the lock', () => {
  it('is taken over from a process that has died', () => {
    const out = temp();
    const dead = spawnSync('true').pid!;
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), started: '2020-01-01T00:00:00.000Z' }));
    const release = acquireLock(out);
    expect(JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it('is taken over when its process number now belongs to another process', () => {
    const out = temp();
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), started: '2020-01-01T00:00:00.000Z', ticks: '1' }));
    acquireLock(out)();
  });

  it('is not taken while its owner lives, and says who it is', () => {
    const out = temp();
    const release = acquireLock(out);
    try {
      writeFileSync(join(out, 'copy'), readFileSync(join(out, LOCK_FILE)));
      expect(() => acquireLock(out)).toThrow(LockedError);
      expect(() => acquireLock(out)).toThrow(new RegExp(`pid ${process.pid} on ${hostname()}`));
    } finally {
      release();
    }
  });

  it('is left alone when another machine holds it', () => {
    const out = temp();
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere.example', started: '2020-01-01T00:00:00.000Z' }));
    expect(() => acquireLock(out)).toThrow(/pid 1 on elsewhere\.example.*delete .*\.ingest\.lock/);
  });

  it('left empty by a run killed while writing it is taken over once it is old', () => {
    const out = temp();
    writeFileSync(join(out, LOCK_FILE), '');
    expect(() => acquireLock(out)).toThrow(/being locked by another ingest run/);
    const old = new Date(Date.now() - 60_000);
    spawnSync('touch', ['-d', old.toISOString(), join(out, LOCK_FILE)]);
    acquireLock(out)();
  });
});

