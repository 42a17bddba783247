import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../src/ingest/run/run.js';
import { readState } from '../src/ingest/run/state.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data.js';
import { seedsDir } from './helpers.js';

const temp = () => mkdtempSync(join(tmpdir(), 'clippings-incremental-'));

/** A run, and how many files it read (pass 1) and how many captures it made (pass 2). */
async function run(from: string, out: string, dataDir = defaultDataDir) {
  const seen = { scan: 0, ingest: 0 };
  const report = await runIngest({ from, out, dataDir, settings: defaultSettings, jobs: 1, onProgress: (phase, _done, total) => (seen[phase] = total) });
  return { report, read: seen.scan, made: seen.ingest };
}

function collection(): { from: string; out: string } {
  const root = temp();
  cpSync(seedsDir, join(root, 'raw'), { recursive: true });
  return { from: join(root, 'raw'), out: join(root, 'articles') };
}

const stateFile = (out: string) => join(out, '.ingest-state.json');

describe('a run over captures that have not changed', () => {
  it('reads none of them again while their stamps vouch for them, and writes nothing', async () => {
    const { from, out } = collection();
    expect((await run(from, out)).read).toBe(4);
    const state = readFileSync(stateFile(out), 'utf8');
    const second = await run(from, out);
    expect(second.read).toBe(0);
    expect(second.made).toBe(0);
    expect(second.report.counts.unchanged).toBe(4);
    expect(readFileSync(stateFile(out), 'utf8')).toBe(state);
  });

  it("redoes nothing when only the site's or the check's settings changed, and everything when ingest's data did", async () => {
    const { from, out } = collection();
    const data = join(temp(), 'data');
    cpSync(defaultDataDir, data, { recursive: true });
    await run(from, out, data);
    const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8'));
    writeFileSync(join(data, 'site.json'), JSON.stringify({ ...site, title: 'Another name' }));
    writeFileSync(join(data, 'check.json'), readFileSync(join(data, 'check.json'), 'utf8').replace('"smallTopic": 2', '"smallTopic": 3'));
    expect((await run(from, out, data)).made).toBe(0);
    appendFileSync(join(data, 'topics.json'), '\n');
    expect((await run(from, out, data)).made).toBe(4);
  });

  it('stops on a data file made invalid since the last run, though no capture changed', async () => {
    const { from, out } = collection();
    const data = join(temp(), 'data');
    cpSync(defaultDataDir, data, { recursive: true });
    await run(from, out, data);
    writeFileSync(join(data, 'topics.json'), JSON.stringify({ topics: [{ id: 42 }] }));
    await expect(run(from, out, data)).rejects.toThrow(/topics\.json: invalid data/);
  });

  it('reads the state an older version wrote (every value written out) and makes nothing again', async () => {
    const { from, out } = collection();
    await run(from, out);
    const { state } = readState(out);
    // Version 2 wrote each article's entry whole; its file entries are left out, so every file is read once more.
    writeFileSync(stateFile(out), JSON.stringify({ version: 2, files: {}, articles: state.articles }));
    const second = await run(from, out);
    expect(second.read).toBe(4);
    expect(second.made).toBe(0);
    expect(second.report.counts.unchanged).toBe(4);
  });

  it('writes each name, stamp and fingerprint once where many entries share it, and reads them back whole', async () => {
    const { from, out } = collection();
    await run(from, out);
    const stored = JSON.parse(readFileSync(stateFile(out), 'utf8'));
    expect(stored.version).toBe(3);
    expect(typeof stored.fingerprint).toBe('string');
    const entries = Object.values(stored.articles) as { names: unknown[]; fingerprint?: string; source?: string }[];
    expect(entries.every((a) => a.fingerprint === undefined && a.source === undefined && a.names.every((n) => typeof n === 'number'))).toBe(true);
    const { state } = readState(out);
    const article = Object.values(state.articles)[0]!;
    expect(article.fingerprint).toBe(stored.fingerprint);
    expect(article.source).toMatch(/^[0-9a-f]{64}$/);
    expect(article.names!.length).toBeGreaterThan(0);
    expect(article.names!.every((n) => stored.names.includes(n))).toBe(true);
    expect(Object.values(state.files)[0]!.stamp).toEqual(expect.objectContaining({ size: expect.any(Number), mtime: expect.any(Number), ctime: expect.any(Number), ino: expect.any(Number) }));
  });

  it('reads a file whose stamp changed, and keeps its article when its bytes did not', async () => {
    const { from, out } = collection();
    await run(from, out);
    const file = readdirSync(from).sort()[0]!;
    // The same bytes written again: new times, so the stamp no longer vouches.
    writeFileSync(join(from, file), readFileSync(join(from, file)));
    const second = await run(from, out);
    expect(second.read).toBe(1);
    expect(second.made).toBe(0);
    expect(second.report.counts.unchanged).toBe(4);
  });

  it('reads again every file whose stamp is no older than the state (a change in the same clock tick could hide)', async () => {
    const { from, out } = collection();
    await run(from, out);
    // The state dated before its own stamps: every one of them is racy now.
    utimesSync(stateFile(out), new Date(0), new Date(0));
    const second = await run(from, out);
    expect(second.read).toBe(4);
    expect(second.made).toBe(0);
    expect(second.report.counts.unchanged).toBe(4);
  });

  it('reads every file again when the block keys the state names are lost, and changes nothing', async () => {
    const { from, out } = collection();
    await run(from, out);
    for (const name of readdirSync(out)) if (name.startsWith('.ingest-keys-')) rmSync(join(out, name));
    const second = await run(from, out);
    expect(second.read).toBe(4);
    expect(second.made).toBe(0);
    const third = await run(from, out);
    expect(third.read).toBe(0);
  });

  it('finds an edited article by its stamp and keeps the edit', async () => {
    const { from, out } = collection();
    const first = await run(from, out);
    const slug = first.report.articles[0]!.slug;
    appendFileSync(join(out, `${slug}.md`), '\nA curator added this line.\n');
    const second = await run(from, out);
    expect(second.report.articles.find((a) => a.slug === slug)?.outcome).toBe('kept-edit');
    expect(readFileSync(join(out, `${slug}.md`), 'utf8')).toContain('A curator added this line.');
  });
});

describe('a run after some captures changed', () => {
  it('makes again only the changed captures and those whose repeated blocks changed with them', async () => {
    const root = temp();
    const from = join(root, 'raw');
    const out = join(root, 'articles');
    const seeds = readdirSync(seedsDir).sort();
    cpSync(seedsDir, from, { recursive: true });
    // One capture has a site's footer; no other has it yet.
    const footer = '\n\nThe Harbour Gazette is published by Harbour Media Group. All rights reserved.\n';
    appendFileSync(join(from, seeds[0]!), footer);
    await run(from, out);
    // A second capture gains the same footer: it changed, and the first one's footer went from
    // standing alone to repeated, which changes what cleaning makes of it: both are made again.
    appendFileSync(join(from, seeds[1]!), footer);
    const second = await run(from, out);
    expect(second.read).toBe(1);
    expect(second.made).toBe(2);
    const third = await run(from, out);
    expect(third.made).toBe(0);
    // A third gains it too: the footer was repeated already, so only the changed capture is made.
    appendFileSync(join(from, seeds[2]!), footer);
    const fourth = await run(from, out);
    expect(fourth.read).toBe(1);
    expect(fourth.made).toBe(1);
  });
});
