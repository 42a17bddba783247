import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What one step of the benchmark cost: wall-clock seconds and the peak resident memory of its whole process tree. */
export interface Cost {
  seconds: number;
  /** Bytes: the most the process and all its descendants (workers, Pagefind's service) held at once. */
  peakRss: number;
  exit: number | null;
  output: string;
}

/** The resident bytes of a process and all its descendants, from /proc (Linux). */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // Gone meanwhile.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, sampling the memory of its process tree every `every` ms. */
export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; every?: number } = {}): Promise<Cost> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = setInterval(sample, options.every ?? 100);
    child.on('exit', (exit) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - t0) / 1000, peakRss: peak, exit, output });
    });
  });
}
