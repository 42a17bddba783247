import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What indexing a built site produced. */
export interface SearchIndexResult {
  /** Pages in the index (article pages: only they carry data-pagefind-body). */
  pages: number;
  /** HTML files Pagefind read. */
  read: number;
  files: number;
}

/**
 * Indexes a built site with Pagefind (its Node API over the whole folder, the fast path) and writes
 * the bundle to `<site>/pagefind/`. Fails loudly: any error Pagefind reports, or an index of zero
 * pages (no `data-pagefind-body` found), throws with the reason, so a build never ships a site
 * whose search finds nothing.
 */
export async function indexSite(siteDir: string, language: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: language.slice(0, 2) });
    if (!created.index || created.errors.length > 0) throw new Error(`Pagefind could not start: ${created.errors.join('; ') || 'no index'}`);
    const { index } = created;
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    // page_count above counts the files read; the entry file tells how many pages were indexed.
    const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (pages === 0) throw new Error(`Pagefind indexed no pages in ${siteDir}: no page carries data-pagefind-body (is the site built, with articles?)`);
    const files = await index.getFiles();
    if (files.errors.length > 0) throw new Error(`Pagefind could not list its bundle: ${files.errors.join('; ')}`);
    return { pages, read: added.page_count, files: files.files.length };
  } finally {
    await pagefind.close();
  }
}
