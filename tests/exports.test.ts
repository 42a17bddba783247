import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { articlesCsv, articlesJson, COLUMNS, dataPackage } from '../src/site/render/exports.js';
import { renderAtom, renderJsonFeed, type Feed } from '../src/site/pages/feeds.js';
import { loadArticles } from '../src/site/read/model.js';
import type { SiteConfig } from '../src/site/config.js';
import { fixtures } from './helpers.js';

const { Package } = createRequire(import.meta.url)('datapackage') as {
  Package: { load(descriptor: unknown): Promise<{ valid: boolean; errors: Error[]; getResource(name: string): { read(o: { keyed: boolean; cast: boolean }): Promise<Record<string, unknown>[]> } }> };
};

const root = join(fixtures, 'exports');
const articles = loadArticles(join(root, 'articles')).map((a) => ({ ...a, inputPath: a.inputPath }));
const config = { title: 'Test archive', description: 'Tests.', pathPrefix: '/', language: 'en', feedSize: 10 } as SiteConfig;
const withUrl = { ...config, url: 'https://archive.example.org' } as SiteConfig;

/** Compares with the expected file beside the input (UPDATE=1 writes it). */
function expectFile(name: string, actual: string): void {
  const path = join(root, 'expected', name);
  if (process.env.UPDATE === '1' || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('the articles as CSV and JSON', () => {
  it('writes the expected bytes', () => {
    expectFile('articles.csv', articlesCsv(articles, config));
    expectFile('articles.json', articlesJson(articles, config));
  });

  it('reads back with a CSV parser: commas, quotes and newlines intact, one row per article', () => {
    const rows = parse(articlesCsv(articles, config), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    const traps = rows.find((r) => r.slug === 'traps')!;
    expect(Object.keys(traps)).toEqual(COLUMNS.map((c) => c.name));
    expect(traps.title).toBe(`'=HYPERLINK("http://evil.example","Click"), said the "council"\nin two lines`);
    expect(traps.people).toBe(`'-Minus Person; Smith, John`);
    expect(traps.source_url).toBe('https://news.example/traps?a=1,b=2');
    expect(traps.published).toBe('2024-03-05');
    expect(traps.words).toBe('12');
  });

  it('puts an apostrophe before any cell a spreadsheet would run as a formula', () => {
    const rows = parse(articlesCsv(articles, config), { columns: true }) as Record<string, string>[];
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    const traps = rows.find((r) => r.slug === 'traps')!;
    expect(traps.site).toBe("'+44 News, Ltd.");
    expect(traps.authors).toBe("'@reporter; Doe, Jane");
  });

  it('keeps every value exactly in the JSON, lists as lists and absent values absent', () => {
    const rows = JSON.parse(articlesJson(articles, config)) as Record<string, unknown>[];
    const traps = rows.find((r) => r.slug === 'traps')!;
    expect(traps.title).toBe(`=HYPERLINK("http://evil.example","Click"), said the "council"\nin two lines`);
    expect(traps.authors).toEqual(['@reporter', 'Doe, Jane']);
    expect(traps.source_record).toBe('3');
    const plain = rows.find((r) => r.slug === 'plain')!;
    expect(plain).not.toHaveProperty('site');
    expect(plain.url).toBe('/articles/plain/');
    expect(JSON.parse(articlesJson(articles, withUrl))[0].url).toMatch(/^https:\/\/archive\.example\.org\/articles\//);
  });

  it('describes both files in a Data Package that the Frictionless library validates and reads with its types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clippings-datapackage-'));
    writeFileSync(join(dir, 'articles.csv'), articlesCsv(articles, config));
    writeFileSync(join(dir, 'articles.json'), articlesJson(articles, config));
    const descriptor = JSON.parse(dataPackage(config, articles.length));
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    // Loaded from its file, as a user would: the library reads the resources beside it.
    const pkg = await Package.load(join(dir, 'datapackage.json'));
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const rows = await pkg.getResource('articles').read({ keyed: true, cast: true });
    expect(rows).toHaveLength(2);
    const traps = rows.find((r) => r.slug === 'traps')!;
    expect(traps.words).toBe(12);
    expect(traps.published).toBeInstanceOf(Date);
    expect(descriptor.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(COLUMNS.map((c) => c.name));
  });
});

describe('feeds', () => {
  const feed = (_config: SiteConfig): Feed => ({ title: 'T', description: 'D', home: '/', atom: '/feed.xml', json: '/feed.json', items: articles.filter((a) => a.published).map((article) => ({ article, summary: 'First sentence.' })) });

  it('writes well-formed Atom with absolute addresses once the url is set, and none on a made-up host before', () => {
    const set = renderAtom(withUrl, feed(withUrl));
    expect(XMLValidator.validate(set)).toBe(true);
    expect(set).toContain('<id>https://archive.example.org/articles/traps/</id>');
    const unset = renderAtom(config, feed(config));
    expect(XMLValidator.validate(unset)).toBe(true);
    expect(unset).toContain('<id>urn:clippings:article:traps</id>');
    expect(unset).toContain('<link href="/articles/traps/"/>');
    expect(unset).not.toMatch(/(?:href="|<id>)https?:/);
  });

  it('writes JSON Feed 1.1 with an id, content and a date on every item', () => {
    const doc = JSON.parse(renderJsonFeed(withUrl, feed(withUrl)));
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
    expect(doc.feed_url).toBe('https://archive.example.org/feed.json');
    expect(doc.items).toHaveLength(2);
    for (const item of doc.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_text).toBeTruthy();
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
    expect(doc.items.find((i: { id: string }) => i.id.endsWith('/traps/')).authors).toEqual([{ name: '@reporter' }, { name: 'Doe, Jane' }]);
  });
});
