import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import * as pagefind from 'pagefind';
import { stabilise } from './stable.js';

/** What indexing a built site produced. */
export interface SearchIndexResult {
  /** Pages in the index (article pages: only they carry data-pagefind-body). */
  pages: number;
  /** HTML files Pagefind read. */
  read: number;
  files: number;
}

/**
 * Indexes a built site with Pagefind (its Node API over the whole folder) and writes the bundle
 * to `<site>/pagefind/`. The bundle is taken from Pagefind in memory and written here: Pagefind
 * 1.5's own writes are not awaited to the end (a file may still be half-written when it says it
 * is done), and its filter files change from run to run, which `stabilise` undoes — the same site
 * gives the same files. Fails loudly: any error Pagefind reports, or an index of zero pages (no
 * `data-pagefind-body` found), throws with the reason, so a build never ships a site whose search
 * finds nothing.
 */
export async function indexSite(siteDir: string, language: string): Promise<SearchIndexResult> {
  let bundle: Map<string, Uint8Array>;
  let read: number;
  try {
    const created = await pagefind.createIndex({ forceLanguage: language.slice(0, 2) });
    if (!created.index || created.errors.length > 0) throw new Error(`Pagefind could not start: ${created.errors.join('; ') || 'no index'}`);
    const { index } = created;
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    read = added.page_count;
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new Error(`Pagefind could not make its bundle: ${got.errors.join('; ')}`);
    bundle = new Map(got.files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
  } finally {
    await pagefind.close();
  }
  const entry = JSON.parse(Buffer.from(bundle.get('pagefind-entry.json') ?? '{}').toString('utf8')) as { languages?: Record<string, { page_count: number }> };
  const pages = Object.values(entry.languages ?? {}).reduce((n, l) => n + l.page_count, 0);
  if (pages === 0) throw new Error(`Pagefind indexed no pages in ${siteDir}: no page carries data-pagefind-body (is the site built, with articles?)`);
  const files = stabilise(bundle);
  const out = join(siteDir, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = join(out, path);
    const inside = relative(out, target);
    if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`Pagefind named a file outside its folder: ${path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { pages, read, files: files.size };
}
