import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { stabilise } from './stable.js';
import { DATES_FILE, partDates } from './dates.js';
import { searchParts, type SearchPart } from './parts.js';

/** What indexing a built site produced. */
export interface SearchIndexResult {
  /** Pages in the index (article pages: only they carry data-pagefind-body). */
  pages: number;
  /** Article pages read. */
  read: number;
  /** Indexes the pages were split into (see `indexSite`). */
  parts: number;
  files: number;
}

/** Where the bundle lists its further parts, for the search page to merge (relative to the bundle). */
export const PARTS_FILE = 'clippings-parts.json';

/**
 * Indexes the article pages of a built site with Pagefind and writes the bundle to
 * `<site>/pagefind/`. Pagefind holds about 0.2 MB for every page it indexes until it writes
 * (measured: 1.3 GB for 5,000 article pages, 2.3 GB for 10,000; upstream reports running out of
 * memory at 30,000), so the pages are indexed in parts of at most `pagesPerIndex`, each by a
 * Pagefind process of its own that is closed before the next starts. Part 1 is the bundle itself;
 * parts 2… sit in `pagefind/parts/N/`, named in PARTS_FILE, and the search page merges them
 * (Pagefind's `mergeIndex`: one WebAssembly module for all, each part's small metadata).
 *
 * Only the article pages are given to Pagefind (the archive's other pages carry no
 * data-pagefind-body and would only be read and dropped). Each part's bundle is taken from
 * Pagefind in memory and written here: Pagefind 1.5's own writes are not awaited to the end, and
 * its filter files change from run to run, which `stabilise` undoes — the same site gives the
 * same files. Each part also lists its pages' publication dates (DATES_FILE, see dates.ts), the
 * search page's date orders. Fails loudly: any error Pagefind reports, or an index of zero pages, throws with the
 * reason, so a build never ships a site whose search finds nothing.
 */
export async function indexSite(siteDir: string, language: string, pagesPerIndex = 4000, only?: number): Promise<SearchIndexResult> {
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) throw new Error(`Pagefind cannot index ${siteDir}: no such folder (is the site built?)`);
  const pages = articlePages(siteDir);
  if (pages.length === 0) throw new Error(`Pagefind indexed no pages in ${siteDir}: no page carries data-pagefind-body (is the site built, with articles?)`);
  const count = Math.max(1, Math.ceil(pages.length / pagesPerIndex));
  if (only !== undefined && (!Number.isInteger(only) || only < 1 || only > count)) throw new Error(`there is no search part ${only}: this site has ${count} part(s) of at most ${pagesPerIndex} pages`);
  // Every part's globs are made before anything is removed: a page they cannot name stops the step here.
  const parts = searchParts(pages, count);
  const out = join(siteDir, 'pagefind');
  // One part (a job of its own) replaces only its own files: part 1 the bundle, part k parts/k/.
  if (only === undefined) rmSync(out, { recursive: true, force: true });
  else if (only > 1) rmSync(join(out, 'parts', String(only)), { recursive: true, force: true });
  else if (existsSync(out)) for (const name of readdirSync(out)) if (name !== 'parts') rmSync(join(out, name), { recursive: true, force: true });
  let indexed = 0;
  let files = 0;
  // A part's bundle is written while Pagefind indexes the next part (Pagefind runs in a process of
  // its own; the writes are the file system's work): one write at a time, awaited before the next.
  let writing: Promise<void> = Promise.resolve();
  for (let part = only ?? 1; part <= (only ?? count); part++) {
    const bundle = await indexPart(siteDir, parts[part - 1]!, language);
    const entry = JSON.parse(Buffer.from(bundle.get('pagefind-entry.json') ?? '{}').toString('utf8')) as { languages?: Record<string, { page_count: number }> };
    indexed += Object.values(entry.languages ?? {}).reduce((n, l) => n + l.page_count, 0);
    // A further part needs only its index: the search page's script and WebAssembly are part 1's.
    const kept = part === 1 ? bundle : new Map([...bundle].filter(([path]) => isIndexFile(path)));
    kept.set(DATES_FILE, Buffer.from(partDates(bundle)));
    const stable = stabilise(kept);
    await writing;
    writing = writeBundle(part === 1 ? out : join(out, 'parts', String(part)), stable).then((n) => {
      files += n;
    });
    // Handled here too, so a failing write is not reported unhandled while the next part runs.
    writing.catch(() => {});
  }
  await writing;
  if (indexed === 0) throw new Error(`Pagefind indexed no pages in ${siteDir}: no page carries data-pagefind-body (is the site built, with articles?)`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, PARTS_FILE), `${JSON.stringify(Array.from({ length: count - 1 }, (_, i) => `parts/${i + 2}/`))}\n`);
  return { pages: indexed, read: pages.length, parts: count, files: files + 1 };
}

/** The article pages of the site, as site paths of their HTML files, in path order. */
function articlePages(siteDir: string): string[] {
  const root = join(siteDir, 'articles');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') out.push(relative(siteDir, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

/**
 * One Pagefind process over some pages: their bundle, by path. Pagefind reads a folder itself,
 * on every core (measured: 2.5× faster than handing it the pages one by one through its
 * service, which works them one at a time), so it is given the site and globs that name the
 * part's pages (parts.ts); that it found exactly those pages is checked.
 */
async function indexPart(siteDir: string, part: SearchPart, language: string): Promise<Map<string, Uint8Array>> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: language.slice(0, 2) });
    if (!created.index || created.errors.length > 0) throw new Error(`Pagefind could not start: ${created.errors.join('; ') || 'no index'}`);
    const { index } = created;
    let found = 0;
    for (const glob of part.globs) {
      const added = await index.addDirectory({ path: siteDir, glob });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the pages: ${added.errors.join('; ')}`);
      found += added.page_count;
    }
    if (found !== part.pages.length) throw new Error(`Pagefind read ${found} pages where the part has ${part.pages.length} (${part.pages[0]} to ${part.pages[part.pages.length - 1]})`);
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new Error(`Pagefind could not make its bundle: ${got.errors.join('; ')}`);
    return new Map(got.files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
  } finally {
    await pagefind.close();
  }
}

/** The files of a bundle that hold its index (not the search page's script, styles and WebAssembly). */
function isIndexFile(path: string): boolean {
  return path === 'pagefind-entry.json' || path.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(path);
}

/** Writes a bundle, a few files at a time (each file's creation is the file system's work). */
async function writeBundle(out: string, files: Map<string, Uint8Array>): Promise<number> {
  const entries = [...files].sort(([a], [b]) => (a < b ? -1 : 1));
  const folders = new Set<string>();
  for (const [path] of entries) {
    const target = join(out, path);
    const inside = relative(out, target);
    if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`Pagefind named a file outside its folder: ${path}`);
    folders.add(dirname(target));
  }
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  let next = 0;
  const writer = async () => {
    while (next < entries.length) {
      const [path, content] = entries[next++]!;
      await writeFile(join(out, path), content);
    }
  };
  await Promise.all(Array.from({ length: WRITES_AT_ONCE }, writer));
  return files.size;
}

/** Files written at once: enough to keep the file system busy, few enough not to flood its threads. */
const WRITES_AT_ONCE = 4;
