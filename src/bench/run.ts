import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measure, type Cost } from './measure.js';

/** A step of the benchmark: what it cost, and what it said when it failed. */
export interface StepResult extends Cost {
  step: string;
}

/**
 * Runs an npm script of the project the way `npm run <name> -- args` does (its command line
 * from package.json, the project's bin folder on the PATH), without npm's own start-up in the
 * figure, and measures it.
 */
export async function runScript(root: string, name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Cost> {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const command = scripts[name];
  if (!command) throw new Error(`package.json has no script "${name}"`);
  return measure('sh', ['-c', `${command} "$@"`, name, ...args], {
    cwd: root,
    env: { ...process.env, ...env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` },
  });
}

/** Files and bytes under a folder. */
export function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/** The largest HTML page under `dir/sub` after gzip, and which it is. */
export function largestPage(dir: string, sub: string): { path: string; gzip: number } {
  let best = { path: '', gzip: 0 };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) {
        const gzip = gzipSync(readFileSync(p)).length;
        if (gzip > best.gzip) best = { path: p.slice(dir.length), gzip };
      }
    }
  };
  walk(join(dir, sub));
  return best;
}

/** Changes one capture in a hundred (a paragraph added at the end), as a curator's new captures or a re-scrape would. */
export function changeOnePercent(files: string[]): number {
  let changed = 0;
  for (let i = 0; i < files.length; i += 100) {
    appendFileSync(files[i]!, '\nA paragraph added to this capture after it was first ingested, so that the next run has to make its article again.\n');
    changed++;
  }
  return changed;
}

const MB = 1048576;

/** The benchmark's table: one row per step, seconds, peak memory of its process tree, and a note. */
export function table(rows: { step: string; seconds?: number; peakRss?: number; note?: string }[]): string {
  const cells = rows.map((r) => [r.step, r.seconds === undefined ? '' : `${r.seconds.toFixed(2)} s`, r.peakRss === undefined ? '' : `${(r.peakRss / MB).toFixed(0)} MB`, r.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => c[i]!.length), ['step', 'time', 'peak RSS', ''][i]!.length));
  const line = (c: string[]) => c.map((x, i) => (i === 1 || i === 2 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(['step', 'time', 'peak RSS', '']), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
