import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { indexSite, PARTS_FILE } from '../src/search/index.js';
import { DATES_FILE } from '../src/search/dates.js';
import { PUBLISHED_META } from '../src/search/fields.js';
import { searchParts } from '../src/search/parts.js';
import { snapshot } from './helpers.js';
import { filterAttribute } from '../src/site/render/pagefind.js';

function siteWith(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clippings-search-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('indexSite', () => {
  it('fails with the reason when it indexes no page', async () => {
    const dir = siteWith({ 'robots.txt': 'User-agent: *' });
    await expect(indexSite(dir, 'en')).rejects.toThrow(/indexed no pages in .*is the site built, with articles\?/);
  });

  it('fails with the reason when the folder does not exist', async () => {
    await expect(indexSite(join(tmpdir(), 'clippings-no-such-site'), 'en')).rejects.toThrow(/Pagefind/);
  });

  it('indexes the article pages only, and counts those it indexed', async () => {
    const dir = siteWith({
      'index.html': '<html lang="en"><body><h1>Home</h1></body></html>',
      'articles/a/index.html': '<html lang="en"><body><article data-pagefind-body><h1>A</h1><p>Text about Kherson.</p></article></body></html>',
    });
    expect(await indexSite(dir, 'en')).toMatchObject({ pages: 1, read: 1, parts: 1 });
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', PARTS_FILE), 'utf8'))).toEqual([]);
  });

  it('indexes a large site in parts: the first is the bundle, the others its merged parts with their index only', async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`articles/a${i}/index.html`, `<html lang="en"><body><article data-pagefind-body><h1>A${i}</h1><p>Text ${i} about Kherson.</p></article></body></html>`]),
    );
    const dir = siteWith(pages);
    expect(await indexSite(dir, 'en', 2)).toMatchObject({ pages: 5, read: 5, parts: 3 });
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', PARTS_FILE), 'utf8'))).toEqual(['parts/2/', 'parts/3/']);
    for (const part of ['parts/2', 'parts/3']) {
      const entry = JSON.parse(readFileSync(join(dir, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages)[0]!.page_count).toBeGreaterThan(0);
      expect(existsSync(join(dir, 'pagefind', part, 'pagefind.js'))).toBe(false);
    }
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    // Pagefind reads the parts from the site itself: nothing else is written into it.
    expect(readdirSync(dir).sort()).toEqual(['articles', 'pagefind']);
  });

  it('indexes every page in exactly one part when names share beginnings across parts or hold glob syntax', async () => {
    const names = ['a', 'a-1', 'a-10', 'a-2', 'ab', 'b', 'b{c,d}', 'q?x*[1]', 'z'];
    const paths = [...names.map((n) => `articles/${n}/index.html`), 'articles/z/nested/index.html'];
    const dir = siteWith(Object.fromEntries(paths.map((p, i) => [p, `<html lang="en"><body><article data-pagefind-body><h1>P${i}</h1><p>Text ${i} about Kherson.</p></article></body></html>`])));
    expect(await indexSite(dir, 'en', 3)).toMatchObject({ pages: 10, read: 10, parts: 4 });
    const urls: string[][] = [];
    for (const part of ['', 'parts/2/', 'parts/3/', 'parts/4/']) {
      const folder = join(dir, 'pagefind', part, 'fragment');
      urls.push(readdirSync(folder).map((f) => (JSON.parse(gunzipSync(readFileSync(join(folder, f))).toString('utf8').slice('pagefind_dcd'.length)) as { url: string }).url).sort());
    }
    // In the order the step lists them (a nested page before its folder's own), split in four.
    expect(urls).toEqual([
      ['/articles/a-1/', '/articles/a/'],
      ['/articles/a-10/', '/articles/a-2/', '/articles/ab/'],
      ['/articles/b/', '/articles/b{c,d}/'],
      ['/articles/q?x*[1]/', '/articles/z/', '/articles/z/nested/'],
    ]);
  });

  it('names a page whose path Pagefind cannot be given, before it removes anything', async () => {
    // Two parts whose pages differ only after a backslash: no glob can tell them apart.
    const page = '<html lang="en"><body><article data-pagefind-body><h1>A</h1><p>Text.</p></article></body></html>';
    const dir = siteWith({ 'articles/a\\b/index.html': page, 'articles/a\\c/index.html': page });
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind', 'kept.txt'), 'old bundle');
    await expect(indexSite(dir, 'en', 1)).rejects.toThrow(/cannot index articles\/a\\b\/index\.html: .*backslash/);
    expect(readFileSync(join(dir, 'pagefind', 'kept.txt'), 'utf8')).toBe('old bundle');
  });

  it('indexes one part at a time into the same files as all parts at once, so parts can run as jobs of their own', async () => {
    const pages = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`articles/a${i}/index.html`, `<html lang="en"><body><article data-pagefind-body><h1>A${i}</h1><p>Text ${i} about Kherson.</p></article></body></html>`]));
    const whole = siteWith(pages);
    await indexSite(whole, 'en', 2);
    const parted = siteWith(pages);
    // Out of order, and part 1 again at the end: each part replaces only its own files.
    for (const part of [3, 1, 2, 1]) expect((await indexSite(parted, 'en', 2, part)).parts).toBe(3);
    expect(snapshot(join(parted, 'pagefind'))).toEqual(snapshot(join(whole, 'pagefind')));
    await expect(indexSite(parted, 'en', 2, 4)).rejects.toThrow(/no search part 4: this site has 3 part\(s\)/);
  });

  it('lists in each part the publication dates of its pages by the ids their results carry, undated pages left out', async () => {
    const dated = ['2021-03-04', '2019', '2021-03-04', '2020-11'];
    const pages = Object.fromEntries([
      ...dated.map((date, i) => [`articles/d${i}/index.html`, `<html lang="en"><body><article data-pagefind-body data-pagefind-meta="${PUBLISHED_META}:${date}"><h1>D${i}</h1><p>Text ${i} about Kherson.</p></article></body></html>`]),
      ['articles/u/index.html', '<html lang="en"><body><article data-pagefind-body><h1>U</h1><p>Undated text about Kherson.</p></article></body></html>'],
    ]);
    const dir = siteWith(pages);
    await indexSite(dir, 'en', 2);
    const found = new Map<string, string>();
    for (const part of ['', 'parts/2/', 'parts/3/']) {
      const list = JSON.parse(readFileSync(join(dir, 'pagefind', part, DATES_FILE), 'utf8')) as Record<string, string[]>;
      expect(Object.keys(list)).toEqual(Object.keys(list).sort());
      for (const [date, ids] of Object.entries(list))
        for (const id of ids) {
          // The id names the page's fragment in the same part, whose URL says which page it is.
          const fragment = gunzipSync(readFileSync(join(dir, 'pagefind', part, 'fragment', `${id}.pf_fragment`))).toString('utf8');
          found.set((JSON.parse(fragment.slice('pagefind_dcd'.length)) as { url: string }).url, date);
        }
    }
    expect(Object.fromEntries(found)).toEqual({ '/articles/d0/': '2021-03-04', '/articles/d1/': '2019', '/articles/d2/': '2021-03-04', '/articles/d3/': '2020-11' });
  });

  it('writes the same files for the same site', async () => {
    const pages = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`articles/a${i}/index.html`, `<html lang="en"><body><article data-pagefind-body data-pagefind-filter="year:202${i}"><h1>A${i}</h1><p>Text ${i}.</p></article></body></html>`]));
    const a = siteWith(pages);
    const b = siteWith(pages);
    await indexSite(a, 'en', 2);
    await indexSite(b, 'en', 2);
    expect(snapshot(join(b, 'pagefind'))).toEqual(snapshot(join(a, 'pagefind')));
  });
});

/** Which of `names` a glob of searchParts takes: `articles/{alternative,…}/index.html`, each a name or a beginning with `*`. */
function taken(glob: string, names: string[]): string[] {
  const inner = /^articles\/\{(.*)\}\/index\.html$/.exec(glob)![1]!;
  const alternatives = inner.split(/(?<!\\),/).map((a) => ({ star: /(?<!\\)\*$/.test(a), text: a.replace(/(?<!\\)\*$/, '').replace(/\\(.)/g, '$1') }));
  return names.filter((n) => alternatives.some((a) => (a.star ? n.startsWith(a.text) : n === a.text)));
}

describe('searchParts', () => {
  it('gives each part globs that take exactly its pages, by the beginnings no other part shares', () => {
    // Names as slugs are: many sharing long beginnings, some the beginning of others.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) >>> 16;
    const words = ['the', 'theatre', 'them', 'a', 'an', 'and', 'x', 'copy', 'copy-1', '2024'];
    const names = [...new Set(Array.from({ length: 400 }, () => Array.from({ length: 1 + (next() % 4) }, () => words[next() % words.length]).join('-')))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const pages = names.map((n) => `articles/${n}/index.html`);
    for (const count of [1, 2, 3, 7, names.length]) {
      const parts = searchParts(pages, count);
      expect(parts.flatMap((p) => p.pages)).toEqual(pages);
      for (const part of parts) {
        expect(part.globs).toHaveLength(1);
        expect(taken(part.globs[0]!, names).map((n) => `articles/${n}/index.html`)).toEqual(part.pages);
      }
    }
    // Whole runs of names are named by their beginning: a few alternatives, not one a page.
    expect(searchParts(pages, 2)[0]!.globs[0]!.split(',').length).toBeLessThan(names.length / 8);
  });
});

describe('filterAttribute', () => {
  it('writes the characters Pagefind would decode, split or draw as markup as references', () => {
    expect(filterAttribute('place', 'Washington, D.C.')).toBe('place:Washington&amp;#44; D.C.');
    expect(filterAttribute('person', `<b>O'Brien</b>`)).toBe('person:&amp;#60;b&amp;#62;O&amp;#39;Brien&amp;#60;/b&amp;#62;');
  });
});
