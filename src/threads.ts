import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDir } from './root.js';

/**
 * The URL a worker thread is started from, for a module under src/ (e.g. 'ingest/run/worker').
 * Compiled (scripts/run.mjs), each worker is an entry of its own in the build; run from
 * TypeScript (tsx, vitest), the thread must register tsx before it loads the module. Every
 * worker module must be listed in scripts/run.mjs's WORKERS.
 */
export function workerEntry(module: string): URL {
  if (buildDir) return pathToFileURL(join(buildDir, 'src', `${module}.js`));
  const source = new URL(`./${module}.ts`, import.meta.url).href;
  return new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(source)});`)}`);
}
