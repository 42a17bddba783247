/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they need the DOM types.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { articleOf, browserFound, describeInBrowser, openSite, type BrowserSession, type Visit } from './site-helpers.js';

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
