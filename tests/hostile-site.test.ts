/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { symlinkSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'parse5';
import type { Browser } from 'playwright-core';
import { runIngest } from '../src/ingest/run/run.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data.js';
import { indexSite } from '../src/search/index.js';
import { OUTPUT_MARKER } from '../src/site/run/output.js';
import { hostileFolder } from './hostile-folder.js';
import { sha256 } from '../src/article/hash.js';
import { NO_URL_NOTICE } from '../src/site/config.js';
import { browserFound, eleventy, itInBrowser, launchBrowser, serveSite } from './site-helpers.js';
import { filesBelow as files, projectRoot, snapshot } from './helpers.js';

/**
 * A site built from a raw folder holding every hostile kind of content: nothing in it runs at
 * build time or in the browser, and the built site holds the ingested collection and the site's
 * own files, nothing else.
 */

let folder: Awaited<ReturnType<typeof hostileFolder>>;
let content: string;
let site: string;
let browser: Browser | undefined;
/** What the build printed (this site is built with the shipped site.json, which names no url). */
let printed: string;

async function build(output: string): Promise<void> {
  printed = await eleventy(content, output);
  await indexSite(output, 'en');
}

/** A curator's article file, by hand. */
function curatorArticle(name: string, fields: string, body = 'A curator wrote this note by hand for the test of the archive.'): void {
  writeFileSync(
    join(content, 'articles', `${name}.md`),
    `---\ntitle: ${JSON.stringify(name)}\nslug: ${name}\n${fields}topics: []\npeople: []\nplaces: []\norganizations: []\nwords: 12\nsource:\n  file: ${name}.txt\n  sha256: '${'0'.repeat(64)}'\n  bytes: 1\n---\n${body}\n`,
  );
}

beforeAll(async () => {
  folder = await hostileFolder();
  content = join(folder.root, 'content');
  mkdirSync(content);
  symlinkSync(folder.raw, join(content, 'raw'));
  await runIngest({ from: folder.raw, out: join(content, 'articles'), dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
  // What a curator's hand may add: a permalink and a layout (inert), a far date, control characters.
  curatorArticle('articles', 'permalink: /assets/highlight.js\nlayout: evil.njk\neleventyComputed:\n  permalink: /evil/\n');
  curatorArticle('far-future-curated', "published: '9999-12-31'\npublished_precision: day\npublished_basis: curator\n");
  curatorArticle('dated-curated', "published: '2022-11-10'\npublished_precision: day\npublished_basis: curator\n");
  writeFileSync(join(content, 'articles', 'control.md'), readFileSync(join(content, 'articles', 'articles.md'), 'utf8').replace('title: "articles"', 'title: "Bell \\a and \\e escape \\uFFFE"').replace('slug: articles', 'slug: control'));
  // The source these curated articles name, to link to: a path out of the folder, which must not be published.
  writeFileSync(join(content, 'articles', 'sneaky.md'), readFileSync(join(content, 'articles', 'articles.md'), 'utf8').replace('file: articles.txt', 'file: ../outside/private.txt').replace('slug: articles', 'slug: sneaky'));
  writeFileSync(join(content, 'articles', 'piped.md'), readFileSync(join(content, 'articles', 'articles.md'), 'utf8').replace('file: articles.txt', 'file: pipe.txt').replace('slug: articles', 'slug: piped'));
  site = join(folder.root, '_site');
  await build(site);
  if (browserFound.path) browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  folder?.close();
});

describe('a site built from a hostile raw folder', () => {
  it('ran nothing from the folder at build time and wrote nothing outside the output folder', () => {
    expect(existsSync(folder.marker)).toBe(false);
    expect(readdirSync(folder.root).sort()).toEqual(['_site', 'content', 'outside', 'raw'].sort());
    expect(files(site).some((f) => /evil|escaped|sum|11ty/.test(f))).toBe(false);
  });

  it("keeps the site's own script its own", () => {
    expect(readFileSync(join(site, 'assets', 'highlight.js'))).toEqual(readFileSync(join(projectRoot, 'src', 'site', 'assets', 'highlight.js')));
  });

  it('holds the ingested collection and its own files, nothing else', () => {
    const articles = readdirSync(join(content, 'articles')).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3));
    const allowed = (f: string) =>
      f === OUTPUT_MARKER ||
      /^(index\.html|404\.html|feed\.xml|feed\.json|robots\.txt)$/.test(f) ||
      /^data\/(index\.html|articles\.csv|articles\.json|datapackage\.json)$/.test(f) ||
      /^(about|search|timeline|topics|people|places|organizations|sources|report)\//.test(f) ||
      /^assets\/(style\.css|search\.js|highlight\.js)$/.test(f) ||
      f.startsWith('pagefind/') ||
      articles.some((a) => f === `articles/${a}/index.html`) ||
      f.startsWith('raw/');
    expect(files(site).filter((f) => !allowed(f))).toEqual([]);
    // Only captures that became articles are published, each as plain text.
    expect(files(site).filter((f) => f.startsWith('raw/')).sort()).toEqual(
      ['000_14962ab49b8a38ce.txt', 'annexed.txt', 'articles.txt', 'control-title.txt', 'far-future.txt', 'markup-capture.txt', 'page.html.txt', 'red-\u001b[31mALERT\u001b[0m.txt'].map((f) => `raw/${f}`).sort(),
    );
  });

  it('publishes no secret of a hidden file or of a link out of the collection', () => {
    for (const f of files(site)) expect(readFileSync(join(site, f)).includes(folder.secret), f).toBe(false);
    const sneaky = readFileSync(join(site, 'articles', 'sneaky', 'index.html'), 'utf8');
    expect(sneaky).toContain('not published: its path leads outside the raw folder');
    // A named pipe where a capture was: never waited on, never published.
    expect(readFileSync(join(site, 'articles', 'piped', 'index.html'), 'utf8')).toContain('not published: the capture is not a regular file');
  });

  it('publishes an annexed capture with the bytes of its annexed file', () => {
    expect(readFileSync(join(site, 'raw', 'annexed.txt'))).toEqual(readFileSync(join(folder.raw, '.git', 'annex', 'objects', 'ab', 'cd', 'KEY', 'KEY')));
  });

  it('writes well-formed XML, JSON and HTML, control characters in a title included', () => {
    for (const f of ['feed.xml']) expect(XMLValidator.validate(readFileSync(join(site, f), 'utf8')), f).toBe(true);
    expect(() => JSON.parse(readFileSync(join(site, 'feed.json'), 'utf8'))).not.toThrow();
    expect(() => JSON.parse(readFileSync(join(site, 'data', 'articles.json'), 'utf8'))).not.toThrow();
    expect(() => JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'))).not.toThrow();
    for (const f of files(site).filter((x) => x.endsWith('.html'))) {
      const errors: string[] = [];
      parse(readFileSync(join(site, f), 'utf8'), { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
      expect(errors, f).toEqual([]);
    }
    expect(readFileSync(join(site, 'feed.xml'), 'utf8')).not.toMatch(/[\u0007\u001b\ufffe]/);
  });

  it('keeps the home page small whatever date a curator sets', () => {
    expect(statSync(join(site, 'index.html')).size).toBeLessThan(40_000);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toMatch(/Articles per century/);
  });

  itInBrowser('runs nothing in the browser: pages, and captures that held markup or were saved pages', async () => {
    const server = await serveSite(site);
    try {
      const context = await browser!.newContext();
      let dialogs = 0;
      context.on('page', (p) => p.on('dialog', async (d) => (dialogs++, d.dismiss())));
      const page = await context.newPage();
      page.on('dialog', async (d) => (dialogs++, d.dismiss()));
      const urls = files(site)
        .filter((f) => f.endsWith('.html') || f.startsWith('raw/'))
        .map((f) => `/${f.split('/').map(encodeURIComponent).join('/')}`.replace(/index\.html$/, ''));
      for (const url of urls) {
        // Chromium offers a capture with control characters in it as a download: that runs nothing either.
        const response = await page.goto(server.origin + url).catch((error: Error) => {
          if (url.startsWith('/raw/') && /Download is starting/.test(error.message)) return null;
          throw error;
        });
        if (response === null) continue;
        expect(response?.status(), url).toBeLessThan(400);
        if (url.startsWith('/raw/')) expect(response?.headers()['content-type'], url).toMatch(/^text\/plain/);
        expect(await page.title(), url).not.toBe('RAN');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), url).toBeUndefined();
      }
      await page.goto(`${server.origin}/raw/markup-capture.txt`);
      expect(await page.evaluate(() => document.body.innerText)).toContain('<script>document.title="RAN"</script>');
      expect(dialogs).toBe(0);
      await context.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('a site whose site.json names no url', () => {
  it('points no page, feed or data file at a made-up host, writes no sitemap, and says so once', () => {
    expect(printed.split(NO_URL_NOTICE)).toHaveLength(2);
    expect(files(site)).not.toContain('sitemap.xml');
    expect(readFileSync(join(site, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
    for (const f of files(site).filter((x) => /\.(html|xml|json|csv)$/.test(x) && !x.startsWith('pagefind/'))) {
      const text = readFileSync(join(site, f), 'utf8');
      expect(text, f).not.toMatch(/rel="canonical"|og:url|example\.org/);
    }
    expect(readFileSync(join(site, 'feed.xml'), 'utf8')).toMatch(/<id>urn:clippings:article:[a-z0-9-]+<\/id>/);
  });
});

describe('rebuilding', () => {
  it('gives the same bytes, search index included', async () => {
    const again = join(folder.root, '_site2');
    await build(again);
    expect(snapshot(again)).toEqual(snapshot(site));
    rmSync(again, { recursive: true });
  }, 120_000);

  it('drops the page, the capture and the search entry of an article a curator deleted', async () => {
    const target = readdirSync(join(content, 'articles')).find((n) => n.endsWith('.md') && readFileSync(join(content, 'articles', n), 'utf8').includes('file: markup-capture.txt'))!;
    const slug = target.slice(0, -3);
    const output = join(folder.root, '_site3');
    await build(output);
    expect(existsSync(join(output, 'articles', slug, 'index.html'))).toBe(true);
    const before = files(output).filter((f) => f.startsWith('pagefind/fragment/')).length;
    rmSync(join(content, 'articles', target));
    await build(output);
    expect(existsSync(join(output, 'articles', slug))).toBe(false);
    expect(existsSync(join(output, 'raw', 'markup-capture.txt'))).toBe(false);
    expect(files(output).filter((f) => f.startsWith('pagefind/fragment/')).length).toBe(before - 1);
    for (const f of files(output)) expect(readFileSync(join(output, f)).includes(`/articles/${slug}/`), f).toBe(false);
    rmSync(output, { recursive: true });
  }, 120_000);

  it('says on the article page when its capture changed since the article was made, and serves the new bytes', async () => {
    const target = readdirSync(join(content, 'articles')).find((n) => n.endsWith('.md') && readFileSync(join(content, 'articles', n), 'utf8').includes('file: far-future.txt'))!;
    const made = /sha256: ([0-9a-f]{64})/.exec(readFileSync(join(content, 'articles', target), 'utf8'))![1]!;
    const capture = join(folder.raw, 'far-future.txt');
    const original = readFileSync(capture);
    writeFileSync(capture, Buffer.concat([original, Buffer.from('\nA correction the outlet added later.\n')]));
    const output = join(folder.root, '_site4');
    try {
      await eleventy(content, output);
      const page = readFileSync(join(output, 'articles', target.slice(0, -3), 'index.html'), 'utf8');
      expect(page).toContain(`<code class="hash">${made}</code>`);
      expect(page).toContain(`<strong>differs from the capture this article was made from</strong>: its SHA-256 is now <code class="hash">${sha256(readFileSync(capture))}</code>`);
      expect(readFileSync(join(output, 'raw', 'far-future.txt'), 'utf8')).toContain('A correction the outlet added later.');
    } finally {
      writeFileSync(capture, original);
      rmSync(output, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses an output folder that holds files it did not write, and leaves them', async () => {
    const output = join(folder.root, 'mine');
    mkdirSync(output);
    writeFileSync(join(output, 'thesis.docx'), 'years of work');
    await expect(eleventy(content, output)).rejects.toThrow(/holds files that clippings did not write/);
    expect(readFileSync(join(output, 'thesis.docx'), 'utf8')).toBe('years of work');
  }, 60_000);
});
