import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { indexSite, PARTS_FILE } from '../src/search/index.js';
import { DATES_FILE } from '../src/search/dates.js';
import { PUBLISHED_META } from '../src/search/fields.js';
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
    // Each part is read from a scratch folder of links inside the site, gone once it is indexed.
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
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

describe('filterAttribute', () => {
  it('writes the characters Pagefind would decode, split or draw as markup as references', () => {
    expect(filterAttribute('place', 'Washington, D.C.')).toBe('place:Washington&amp;#44; D.C.');
    expect(filterAttribute('person', `<b>O'Brien</b>`)).toBe('person:&amp;#60;b&amp;#62;O&amp;#39;Brien&amp;#60;/b&amp;#62;');
  });
});
