#!/usr/bin/env node
/**
 * `node scripts/run.mjs <script> [args…]`: runs scripts/<script>.ts as compiled JavaScript.
 *
 * Node 20 cannot run TypeScript, and tsx translates every module again in every thread it starts
 * (about 1.5 s for each worker thread of an ingest run). Here esbuild bundles each script, and the
 * ingest worker, with the libraries they use, once, into node_modules/.cache/clippings/<hash of
 * the sources>/; the CLI and its worker threads load a few files of plain JavaScript from there
 * (loading chrono-node's 267 modules one by one took 236 ms a thread, bundled 80 ms). A changed
 * source gives a new hash, so a stale build is never run; the folder is written aside and renamed
 * into place, so two runs starting at once never read a half-written one. Libraries that find
 * files of their own (Pagefind's binary, a browser) or are loaded only now and then stay outside.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The modules under src/ that worker threads start from (src/threads.ts): each is an entry of the build. */
const WORKERS = ['ingest/run/worker', 'site/run/prepare-worker'];
const cache = join(root, 'node_modules', '.cache', 'clippings');

function sources() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'scripts'));
  return out.sort();
}

async function compiled() {
  const files = sources();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${relative(root, f)}\0`).update(readFileSync(f)).update('\0');
  const dir = join(cache, hash.digest('hex').slice(0, 16));
  if (existsSync(join(dir, 'package.json'))) return dir;
  const { build } = await import('esbuild');
  const temporary = `${dir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  const entryPoints = files.filter((f) => f.startsWith(join(root, 'scripts'))).concat(WORKERS.map((w) => join(root, 'src', `${w}.ts`)));
  await build({
    entryPoints,
    outdir: temporary,
    outbase: root,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['pagefind', 'playwright-core', 'compromise', 'esbuild', 'tsx', '@11ty/*'],
    // Libraries written as CommonJS call require(); in an ES module it must be made.
    banner: { js: "import { createRequire as __clippingsRequire } from 'node:module'; const require = __clippingsRequire(import.meta.url);" },
    // Names as written: code that tells classes apart by name (chrono's parsers) keeps working.
    keepNames: true,
    sourcemap: 'linked',
    logLevel: 'error',
  });
  // Under node_modules a .js file is CommonJS unless its own package says otherwise.
  writeFileSync(join(temporary, 'package.json'), '{ "type": "module" }\n');
  try {
    renameSync(temporary, dir);
  } catch {
    rmSync(temporary, { recursive: true, force: true }); // another run put the same build in place first
  }
  // Builds of older sources, a day untouched, go.
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path !== dir && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
  }
  return dir;
}

const [script, ...args] = process.argv.slice(2);
if (!script || !existsSync(join(root, 'scripts', `${script}.ts`))) {
  console.error(`run: no script "${script ?? ''}" in scripts/`);
  process.exit(2);
}
mkdirSync(cache, { recursive: true });
const entry = join(await compiled(), 'scripts', `${script}.js`);
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(entry).href);
