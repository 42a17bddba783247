/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they need the DOM types.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { articleOf, browserFound, describeInBrowser, openSite, type BrowserSession } from './site-helpers.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: BrowserSession;
beforeAll(async () => {
  if (browserFound.path) session = await openSite();
}, 120_000);
afterAll(() => session?.close());
const visit: BrowserSession['visit'] = (path, options) => session.visit(path, options);

async function axe(page: Page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describeInBrowser('the archive in a browser', () => {
  const pages = () => ({
    home: '/',
    article: articleOf(session.site, '003_'),
    topic: '/topics/russia-ukraine-war/',
    entity: '/organizations/main-intelligence-directorate-gur/',
    timeline: '/timeline/',
    search: '/search/?q=Crimea',
    data: '/data/',
    report: '/report/',
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no accessibility violations with axe on home, an article, a topic, an entity, the timeline, search, data and the report (${scheme})`, async () => {
      for (const [name, path] of Object.entries(pages())) {
        const { page, status } = await visit(path, { colorScheme: scheme });
        expect(status, name).toBe(200);
        expect(await axe(page), `${name} ${path}`).toEqual([]);
        await page.close();
      }
    });
  }

  it('makes no request outside the site and logs no error, on every kind of page', async () => {
    for (const path of [...Object.values(pages()), '/people/', '/sources/', '/about/', '/timeline/undated/', '/articles/hostile-names/']) {
      const { page, outside, errors } = await visit(path);
      expect(outside, path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  it('runs none of the markup found in titles and names', async () => {
    for (const path of ['/articles/hostile-names/', '/people/', '/organizations/', '/']) {
      const { page } = await visit(path);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
      await page.close();
    }
    const { page } = await visit('/articles/hostile-names/');
    expect(await page.locator('h1').textContent()).toBe(`<script>alert("title")</script> & "quoted" 'names' in a headline`);
    await page.close();
  });

  it('lets a keyboard user skip to the content, with a visible focus ring', async () => {
    const { page } = await visit('/');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    await expect.poll(() => skip.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });

  it('switches to dark colours when the reader prefers them, and hides navigation when printed', async () => {
    const light = await visit('/');
    const dark = await visit('/', { colorScheme: 'dark' });
    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background(light.page)).not.toBe(await background(dark.page));
    await light.page.emulateMedia({ media: 'print' });
    expect(await light.page.locator('.site-header nav').isVisible()).toBe(false);
    await light.page.close();
    await dark.page.close();
  });

  it('lets a reader browse from home to a topic to an article with JavaScript off', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.origin}/`);
    await page.getByRole('navigation', { name: 'Archive' }).getByRole('link', { name: 'Topics' }).click();
    await page.getByRole('link', { name: 'Russia–Ukraine war' }).first().click();
    await page.locator('ol.articles a').first().click();
    expect(page.url()).toMatch(/\/articles\/[^/]+\/$/);
    expect(await page.locator('.body p').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('answers a missing address with the 404 page', async () => {
    const { page, status } = await visit('/no/such/page/');
    expect(status).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.close();
  });
});
