/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they need the DOM types.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { indexSite } from '../src/search/index.js';
import { DATES_FILE } from '../src/search/dates.js';
import { articleOf, browserFound, describeInBrowser, eleventy, openSite, serveSite, type BrowserSession, type Visit } from './site-helpers.js';

let session: BrowserSession;
beforeAll(async () => {
  if (browserFound.path) session = await openSite();
}, 120_000);
afterAll(() => session?.close());
const visit = (path: string): Promise<Visit> => session.visit(path);
const seedUrl = (prefix: string) => articleOf(session.site, prefix);

/** The result links on the search page once the results for the current query are in. */
async function results(page: Page): Promise<string[]> {
  await page.waitForSelector('.search-result-link', { timeout: 15_000 });
  await page.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? ''));
  return page.$$eval('.search-result-link', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Opens the filters and the group named `label`. */
async function openFilters(page: Page, label: string): Promise<void> {
  await page.locator('#search-filters > summary').click();
  await page.locator('.filter-group > summary', { hasText: new RegExp(`^${label}$`) }).click();
}

async function search(query: string): Promise<{ visit: Visit; urls: string[] }> {
  const v = await visit(`/search/?q=${encodeURIComponent(query)}`);
  return { visit: v, urls: await results(v.page) };
}

describeInBrowser('search in a browser', () => {
  it('finds article 003 first for "Zaluzhny", 001 for "Avdiivka", and 000 and 001 for "GUR"', async () => {
    const zaluzhny = await search('Zaluzhny');
    expect(zaluzhny.urls[0]).toBe(seedUrl('003_'));
    const avdiivka = await search('Avdiivka');
    expect(avdiivka.urls).toContain(seedUrl('001_'));
    const gur = await search('GUR');
    expect(new Set(gur.urls)).toEqual(new Set([seedUrl('000_'), seedUrl('001_')]));
    for (const r of [zaluzhny, avdiivka, gur]) await r.visit.page.close();
  });

  it('finds the same articles by an alias as by the name: GUR and Main Intelligence Directorate, Zelenskyy and Zelenskiy', async () => {
    const sets: Record<string, Set<string>> = {};
    for (const q of ['GUR', 'Main Intelligence Directorate', 'Zelensky', 'Zelenskyy', 'Zelenskiy']) {
      const r = await search(q);
      sets[q] = new Set(r.urls);
      await r.visit.page.close();
    }
    expect(sets['Main Intelligence Directorate']).toEqual(sets.GUR);
    expect(sets.Zelenskyy).toEqual(sets.Zelensky);
    expect(sets.Zelenskiy).toEqual(sets.Zelensky);
    expect(sets.Zelensky!.size).toBeGreaterThan(0);
  });

  it('narrows results by a place filter: Russia in Crimea leaves the articles naming both', async () => {
    const crimea = await search('Crimea');
    await crimea.visit.page.close();
    const { visit: v, urls } = await search('Russia');
    expect(urls.length).toBeGreaterThan(2);
    await openFilters(v.page, 'Place');
    const label = v.page.locator('.filter-group label', { hasText: /^Crimea \(\d+\)$/ });
    await label.click();
    const both = urls.filter((u) => crimea.urls.includes(u));
    await expect.poll(async () => new Set(await results(v.page))).toEqual(new Set(both));
    await v.page.close();
  });

  it('loads no filter data until the filters are opened', async () => {
    const { visit: v } = await search('Crimea');
    const filterFiles: string[] = [];
    v.page.on('request', (r) => {
      if (r.url().includes('/pagefind/filter/')) filterFiles.push(r.url());
    });
    await v.page.waitForLoadState('networkidle');
    expect(filterFiles).toEqual([]);
    await v.page.locator('#search-filters > summary').click();
    await expect.poll(() => filterFiles.length).toBeGreaterThan(0);
    await v.page.close();
  });

  it('orders by date, newest or oldest first, and keeps undated articles findable after the dated', async () => {
    const v = await visit('/search/?q=Testville&sort=desc');
    const newest = await results(v.page);
    expect(newest.slice(0, 2)).toEqual(['/articles/hostile-names/', '/articles/year-only/']);
    expect(newest).toContain('/articles/undated-note/');
    await Promise.all([v.page.waitForURL(/sort=asc/), v.page.selectOption('#search-sort', 'asc')]);
    const oldest = await results(v.page);
    const dated = oldest.filter((u) => u === '/articles/hostile-names/' || u === '/articles/year-only/');
    expect(dated).toEqual(['/articles/year-only/', '/articles/hostile-names/']);
    await v.page.close();
  });

  it('orders by date across the parts of an index built in parts, as in one index', async () => {
    // Ten articles indexed in parts of two pages: Pagefind merges parts in order of relevance.
    const dates = ['2020-05-01', '2023-01-09', '2019-12-31', '2023-01-09', '2021-01-01', '2022-07-15', '2018-02-02', '2024-03-03', '2020-05-02', undefined];
    const content = mkdtempSync(join(tmpdir(), 'clippings-parted-'));
    mkdirSync(join(content, 'raw'));
    mkdirSync(join(content, 'articles'));
    dates.forEach((date, i) => {
      const when = date ? `published: '${date}'\npublished_precision: ${date === '2021-01-01' ? 'year' : 'day'}\npublished_basis: stated\n` : '';
      const text = `Report ${i} from the harbour of Testville${' on the harbour'.repeat(i)}.`;
      writeFileSync(join(content, 'articles', `report-${i}.md`), `---\ntitle: Report ${i}\nslug: report-${i}\n${when}topics: []\npeople: []\nplaces: []\norganizations: []\nwords: ${text.split(' ').length}\nsource:\n  file: report-${i}.txt\n  sha256: '${'0'.repeat(64)}'\n  bytes: 1\n---\n${text}\n`);
    });
    const site = join(content, '_site');
    await eleventy(content, site);
    expect((await indexSite(site, 'en', 2)).parts).toBe(5);
    // Page ids are short hashes: two parts may give one id to pages of different dates. Here part 3
    // claims part 2's first page as a page of 1900: that result must be dated from its own fragment.
    const second = JSON.parse(readFileSync(join(site, 'pagefind', 'parts', '2', DATES_FILE), 'utf8')) as Record<string, string[]>;
    const third = join(site, 'pagefind', 'parts', '3', DATES_FILE);
    writeFileSync(third, JSON.stringify({ '1900-01-01': [Object.values(second)[0]![0]], ...JSON.parse(readFileSync(third, 'utf8')) }));
    const server = await serveSite(site);
    try {
      for (const direction of ['desc', 'asc'] as const) {
        const page = await session.browser.newPage();
        await page.goto(`${server.origin}/search/?q=harbour&sort=${direction}`);
        let urls = await results(page);
        while (await page.locator('#search-more').isVisible()) {
          await page.locator('#search-more').click();
          await expect.poll(async () => (await results(page)).length).toBeGreaterThan(urls.length);
          urls = await results(page);
        }
        const shown = urls.map((u) => dates[Number(/report-(\d+)/.exec(u)![1])]);
        const dated = dates.filter((d): d is string => d !== undefined).sort();
        // Newest or oldest first; the undated article after the dated, in either order.
        expect(shown).toEqual([...(direction === 'desc' ? dated.reverse() : dated), undefined]);
        await page.close();
      }
    } finally {
      await server.close();
    }
  });

  it('shows results for a query in the address without typing, and keeps a typed query in the address', async () => {
    const { visit: v, urls } = await search('Crimea');
    expect(new Set(urls)).toEqual(new Set([seedUrl('000_'), seedUrl('002_'), seedUrl('003_')]));
    await v.page.fill('#search-input', 'Kherson');
    await expect.poll(() => v.page.url()).toMatch(/\?q=Kherson$/);
    await v.page.close();
  });

  it('searches from the box in every page header', async () => {
    const v = await visit('/topics/');
    await v.page.fill('#site-search', 'Avdiivka');
    await v.page.press('#site-search', 'Enter');
    await v.page.waitForURL(/\/search\/\?q=Avdiivka$/);
    expect(await results(v.page)).toContain(seedUrl('001_'));
    await v.page.close();
  });

  it('highlights the searched terms on the article page a result leads to', async () => {
    const { visit: v } = await search('Zaluzhny');
    await v.page.locator('.search-result-link').first().click();
    await v.page.waitForURL(/highlight=zaluzhny/);
    await v.page.waitForSelector('mark');
    expect((await v.page.locator('.body mark').first().textContent())?.toLowerCase()).toBe('zaluzhny');
    await v.page.close();
  });

  it('runs none of the markup in titles, sites and excerpts shown among results and filters', async () => {
    const { visit: v, urls } = await search('Testville');
    expect(urls).toContain('/articles/hostile-img/');
    expect(urls).toContain('/articles/hostile-names/');
    expect(await v.page.locator('.search-result-link[href*="hostile-img"]').textContent()).toContain('<img src=x onerror=');
    await openFilters(v.page, 'Site');
    await expect.poll(() => v.page.locator('.filter-group input[name="site"] + label').allTextContents()).toContain('Evil "Site" <b>bold</b> (1)');
    await v.page.waitForLoadState('networkidle');
    expect(await v.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await v.page.locator('main img').count()).toBe(0);
    await v.page.close();
  });

  it('offers no filter for a name of fewer articles than filterMinArticles: its own page lists them', async () => {
    const { visit: v } = await search('Testville');
    await openFilters(v.page, 'Topic');
    await v.page.locator('#search-filters > summary').waitFor();
    const people = await v.page.locator('.filter-group input[name="person"] + label').allTextContents();
    expect(people.some((p) => p.startsWith(`O'Brien "Bob" Smith`))).toBe(false);
    expect(await v.page.locator('.filter-group input[name="topic"]').count()).toBeGreaterThan(0);
    await v.page.close();
  });

  it('logs no error and makes no request outside the site, and reports the bytes a first query loads', async () => {
    const { visit: v } = await search('Crimea');
    expect(v.errors, v.errors.join("\n")).toEqual([]);
    expect(v.outside).toEqual([]);
    console.log(`First query ("Crimea") on the test archive: ${await v.bytes()} bytes transferred, page included.`);
    await v.page.close();
  });
});
