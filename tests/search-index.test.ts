import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSite } from '../src/search/index.js';
import { filterAttribute } from '../src/site/pagefind.js';

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

  it('counts the article pages it indexed, apart from the pages it read', async () => {
    const dir = siteWith({
      'index.html': '<html lang="en"><body><h1>Home</h1></body></html>',
      'articles/a/index.html': '<html lang="en"><body><article data-pagefind-body><h1>A</h1><p>Text about Kherson.</p></article></body></html>',
    });
    expect(await indexSite(dir, 'en')).toMatchObject({ pages: 1, read: 2 });
  });
});

describe('filterAttribute', () => {
  it('writes the characters Pagefind would decode, split or draw as markup as references', () => {
    expect(filterAttribute('place', 'Washington, D.C.')).toBe('place:Washington&amp;#44; D.C.');
    expect(filterAttribute('person', `<b>O'Brien</b>`)).toBe('person:&amp;#60;b&amp;#62;O&amp;#39;Brien&amp;#60;/b&amp;#62;');
  });
});
