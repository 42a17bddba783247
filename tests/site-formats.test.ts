import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../src/ingest/run/run.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data.js';
import { eleventy } from './site-helpers.js';
import { filesBelow, fixtures } from './helpers.js';
import { page, warc } from './archives.js';

/**
 * A site built from saved pages, JSON lines and a web archive: each article names where it was
 * captured from and which record of its file it is; the raw files are published once each, as
 * plain text; nothing active of a page (script, handler, frame, form, remote image) reaches the site.
 */
let site: string;
const html = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'clippings-formats-'));
  const raw = join(root, 'content', 'raw');
  mkdirSync(raw, { recursive: true });
  cpSync(join(fixtures, 'readers', 'html', 'json-ld-article', 'input.html'), join(raw, 'harbour.html'));
  cpSync(join(fixtures, 'readers', 'html', 'hostile-markup', 'input.html'), join(raw, 'hostile.html'));
  writeFileSync(
    join(raw, 'export.jsonl'),
    [
      JSON.stringify({ url: 'javascript:alert(1)', title: 'Ferry crossings return after the winter', date: '2024-03-04', html: page('Ferry crossings return after the winter', '2024-03-04') }),
      JSON.stringify({ url: 'https://chronicle.example/library', title: 'Council closes the old library after a vote', text: 'Council closes the old library after a vote\n\nThe council voted on Monday to close the old library at the end of the year, after a debate that lasted most of the evening.\n\nReaders who use the library every week said they would campaign to keep it open until a new one is built.' }),
    ].join('\n'),
  );
  writeFileSync(join(raw, 'crawl.warc.gz'), await warc(true));
  await runIngest({ from: raw, out: join(root, 'content', 'articles'), dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
  site = join(root, '_site');
  await eleventy(join(root, 'content'), site);
}, 120_000);

describe('a site built from saved pages, JSON lines and a web archive', () => {
  it('publishes each raw file once, as plain text', () => {
    expect(filesBelow(site).filter((f) => f.startsWith('raw/')).sort()).toEqual(['raw/crawl.warc.gz.txt', 'raw/export.jsonl.txt', 'raw/harbour.html.txt', 'raw/hostile.html.txt']);
  });

  it('names where a page was captured from, and which record of its file an article is', () => {
    const harbour = html('articles/harbour-authority-approves-the-new-ferry-terminal-after-a-three-year-inquiry');
    expect(harbour).toContain('<dt>Captured from</dt><dd><a href="https://chronicle.example/harbour-terminal" rel="nofollow noopener noreferrer">https://chronicle.example/harbour-terminal</a></dd>');
    expect(harbour).toMatch(/<td>Title<\/td><td>JSON-LD headline<\/td>/);
    const library = html('articles/council-closes-the-old-library-after-a-vote');
    expect(library).toContain('record line 2 of <a href="/raw/export.jsonl.txt" type="text/plain">export.jsonl</a>');
  });

  it('shows an address that is no web address as text, never as a link', () => {
    const ferry = filesBelow(site).find((f) => f.startsWith('articles/ferry-crossings') && readFileSync(join(site, f), 'utf8').includes('export.jsonl'))!;
    const text = readFileSync(join(site, ferry), 'utf8');
    expect(text).toContain('<dt>Captured from</dt><dd>javascript:alert(1)</dd>');
    expect(text).not.toContain('href="javascript:');
  });

  it('lets nothing active of a page into the site: no script, handler, frame, form or remote image', () => {
    for (const f of filesBelow(site).filter((x) => x.startsWith('articles/'))) {
      const text = readFileSync(join(site, f), 'utf8');
      const scripts = [...text.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
      expect(scripts.every((s) => s === '<script type="application/ld+json">' || s === '<script type="module" src="/assets/highlight.js">'), f).toBe(true);
      // (The one form is the site's own search box.)
      expect(text, f).not.toMatch(/<(iframe|object|embed)\b|<form(?! class="site-search")|\son[a-z]+=|<img\b|evil\.example/i);
    }
  });
});
