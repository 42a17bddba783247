import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../src/site/run/build.js';
import { parseShard, sliceFor } from '../src/site/run/shard.js';
import { runIngest } from '../src/ingest/run/run.js';
import { defaultDataDir } from '../src/data.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { fixtures, seedsDir, snapshot } from './helpers.js';

describe('a part of the site', () => {
  it('is named as part/count, and anything else is refused with the reason', () => {
    expect(parseShard(undefined)).toEqual({ index: 1, count: 1 });
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', 'two', '1/0']) expect(() => parseShard(bad), bad).toThrow(/CLIPPINGS_SHARD/);
  });

  it('takes a contiguous slice, the slices of all parts together the whole list once', () => {
    const list = Array.from({ length: 10 }, (_, i) => i);
    const parts = [1, 2, 3].map((index) => sliceFor(list, { index, count: 3 }));
    expect(parts).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]);
    expect(sliceFor([1], { index: 2, count: 3 })).toEqual([]);
  });
});

describe('a site built in parts', () => {
  it('is the same, file for file, as the site built in one run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clippings-parts-'));
    const raw = join(root, 'raw');
    const articles = join(root, 'articles');
    mkdirSync(raw);
    cpSync(seedsDir, raw, { recursive: true });
    await runIngest({ from: raw, out: articles, dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
    cpSync(join(fixtures, 'site', 'raw'), raw, { recursive: true });
    cpSync(join(fixtures, 'site', 'articles'), articles, { recursive: true });
    const whole = await buildSite({ output: join(root, 'whole'), articles, raw });
    const parts = await buildSite({ output: join(root, 'parts'), articles, raw, parts: 3 });
    expect(whole.parts).toBe(1);
    expect(parts.parts).toBe(3);
    expect(snapshot(join(root, 'parts'))).toEqual(snapshot(join(root, 'whole')));
  }, 180_000);

  it('refuses to add a later part to a folder the first part did not prepare', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clippings-parts-'));
    const output = join(root, 'site');
    mkdirSync(output);
    writeFileSync(join(output, 'notes.txt'), 'mine');
    const env = { ...process.env };
    process.env.CLIPPINGS_SHARD = '2/2';
    try {
      const { clippingsSite } = await import('../src/site/run/plugin.js');
      const handlers: Record<string, (arg: unknown) => void> = {};
      const fake = { on: (name: string, f: (arg: unknown) => void) => (handlers[name] = f), ignores: { add() {} }, addPlugin() {}, addPassthroughCopy() {}, addCollection() {}, addTemplate() {} };
      clippingsSite(fake as never, { articles: join(root, 'none'), raw: join(root, 'none') });
      expect(() => handlers['eleventy.before']!({ directories: { output } })).toThrow(/was not prepared by the first part/);
      expect(readFileSync(join(output, 'notes.txt'), 'utf8')).toBe('mine');
    } finally {
      process.env = env;
    }
  });
});
