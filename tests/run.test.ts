import { describe, expect, it, beforeAll } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, statSync, openSync, ftruncateSync, closeSync, rmSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest, FatalError } from '../src/ingest/run/run.js';
import { parseArticle } from '../src/article/parse.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data.js';
import { articleSnapshot, fixtures, seedsDir, snapshot } from './helpers.js';
import { compressedWarc, manyPagesWarc, warc } from './archives.js';
import { sliced } from '../src/ingest/run/pool.js';

const temp = () => mkdtempSync(join(tmpdir(), 'clippings-test-'));
const ingest = (from: string, out: string, jobs = 1) => runIngest({ from, out, dataDir: defaultDataDir, settings: defaultSettings, jobs });


describe('bad input', () => {
  let from: string;
  let out: string;
  let report: Awaited<ReturnType<typeof ingest>>;
  let before: Record<string, string>;

  beforeAll(async () => {
    from = temp();
    cpSync(join(fixtures, 'bad-inputs'), from, { recursive: true });
    writeFileSync(join(from, '.DS_Store'), 'x');
    // A Unicode file name, made here: git and its tools quote such paths, which helps no one.
    writeFileSync(join(from, 'Ünïcödé – ß ☃.txt'), readFileSync(join(from, 'name with spaces.txt'), 'utf8').replace('Saturday', 'Sunday'));
    // A 50 MB capture, made here rather than committed: sparse, so it costs no disk.
    const fd = openSync(join(from, 'fifty-megabytes.txt'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    before = snapshot(from);
    out = temp();
    report = await ingest(from, out);
  });

  it('turns every file into an article or a reasoned skip', () => {
    expect(report.counts.files).toBe(Object.keys(before).length);
    expect(report.counts.articles + report.counts.skipped).toBe(report.counts.files);
  });

  it.each([
    ['empty.txt', /empty file/],
    ['whitespace-only.txt', /empty file/],
    ['binary.txt', /binary file/],
    ['only-boilerplate.txt', /no article text/],
    ['only-page-furniture.txt', /no article text: every line is page furniture/],
    ['fifty-megabytes.txt', /too large/],
    ['.DS_Store', /hidden file/],
  ])('skips %s with a reason', (file, reason) => {
    expect(report.skipped.find((s) => s.file === file)?.reason).toMatch(reason);
  });

  it('never modifies a raw file', () => {
    expect(snapshot(from)).toEqual(before);
  });

  const article = (file: string) => {
    const entry = report.articles.find((a) => a.file === file);
    if (!entry) throw new Error(`no article for ${file}`);
    return parseArticle(readFileSync(join(out, `${entry.slug}.md`), 'utf8'));
  };

  it.each(['windows-1252.txt', 'utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'name with spaces.txt', 'Ünïcödé – ß ☃.txt'])('reads %s into the same clean text', (file) => {
    const { frontmatter, body } = article(file);
    expect(frontmatter.title).toBe('Café owner in Zürich wins award for the city’s best croissant');
    expect(body).toContain('“patience, butter and more patience”');
    expect(body).not.toMatch(/\uFEFF|\uFFFD/);
  });

  it('reads a saved page as a page: its visible text, not its markup', () => {
    const { frontmatter, body } = article('page.html');
    expect(frontmatter.title).toBe('Saved page');
    expect(body).not.toContain('<');
  });

  it('turns CRLF line ends into LF', () => {
    expect(article('crlf.txt').body).not.toContain('\r');
    expect(readFileSync(join(out, `${report.articles.find((a) => a.file === 'crlf.txt')!.slug}.md`), 'utf8')).not.toContain('\r');
  });

  it('keeps lines of dashes from breaking the frontmatter', () => {
    const { frontmatter, body } = article('dashes.txt');
    expect(frontmatter.title).toBe('Ferry operator cancels winter crossings after engine failure');
    expect(body).not.toMatch(/^---$/m);
  });

  it('drops script lines and escapes inline HTML', () => {
    const { body } = article('html-and-script.txt');
    expect(body).not.toContain('alert');
    expect(body).toContain('\\<b\\>free trial\\</b\\>');
  });

  it('reads captures in nested folders', () => {
    expect(report.articles.map((a) => a.file)).toContain('nested/deeper/recursive.txt');
  });

  it('gives articles with the same title distinct slugs: the first in path order plain, the others a stable suffix', () => {
    const title = 'Ferry operator cancels winter crossings after engine failure';
    const same = report.articles.filter((a) => article(a.file).frontmatter.title === title);
    expect(same.map((a) => a.file)).toEqual(['crlf.txt', 'dashes.txt', 'duplicate-title-a.txt', 'duplicate-title-b.txt', 'nested/deeper/recursive.txt']);
    const base = 'ferry-operator-cancels-winter-crossings-after-engine-failure';
    expect(same[0].slug).toBe(base);
    for (const a of same.slice(1)) {
      // The suffix comes from the capture's path, so it does not depend on what else is in the run.
      expect(a.slug).toBe(`${base}-${createHash('sha256').update(a.file).digest('hex').slice(0, 6)}`);
    }
  });
});

describe('determinism and incremental runs', () => {
  it('writes byte-identical files when ingesting the same captures twice', async () => {
    const a = temp();
    const b = temp();
    await ingest(seedsDir, a);
    await ingest(seedsDir, b);
    expect(articleSnapshot(a)).toEqual(articleSnapshot(b));
  });

  it('writes the same files from worker threads as from one thread', async () => {
    const a = temp();
    const b = temp();
    await ingest(join(fixtures, 'bad-inputs'), a, 1);
    await ingest(join(fixtures, 'bad-inputs'), b, 2);
    expect(articleSnapshot(b)).toEqual(articleSnapshot(a));
  });

  it('writes the same articles from archives read once (kept from pass 1) as from archives too large to keep, read again page by page', async () => {
    const from = temp();
    writeFileSync(join(from, 'crawl.warc.gz'), await warc(true));
    writeFileSync(join(from, 'wire.warc'), await compressedWarc());
    cpSync(join(fixtures, 'bad-inputs'), join(from, 'text'), { recursive: true });
    const kept = temp();
    const streamed = temp();
    const a = await runIngest({ from, out: kept, dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
    const b = await runIngest({ from, out: streamed, dataDir: defaultDataDir, settings: { ...defaultSettings, scanCache: 0 }, jobs: 1 });
    // The state differs only in its fingerprint, which names the settings (scanCache among them).
    expect(articleSnapshot(streamed).files).toEqual(articleSnapshot(kept).files);
    expect(b.skipped).toEqual(a.skipped);
    expect(readdirSync(kept).filter((f) => f.endsWith('.md')).length).toBeGreaterThan(7);
  });

  it('makes one large web archive on every worker, in slices, into the same articles and slugs as one thread', async () => {
    const from = temp();
    writeFileSync(join(from, 'crawl.warc.gz'), await manyPagesWarc(150));
    const one = temp();
    const two = temp();
    await runIngest({ from, out: one, dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
    // Too large to keep from pass 1: pass 2 cuts it into a slice a worker.
    await runIngest({ from, out: two, dataDir: defaultDataDir, settings: { ...defaultSettings, scanCache: 0 }, jobs: 2 });
    expect(articleSnapshot(two).files).toEqual(articleSnapshot(one).files);
    expect(readdirSync(one).filter((f) => f.endsWith('.md'))).toHaveLength(150);
    // Kept from pass 1 by the worker that read it: that worker makes the first run, another the rest.
    const kept = temp();
    await runIngest({ from, out: kept, dataDir: defaultDataDir, settings: defaultSettings, jobs: 2 });
    expect(articleSnapshot(kept)).toEqual(articleSnapshot(one));
  });

  it('cuts a file with many captures to make into a run of them for each worker, in order; the worker that kept it from pass 1 makes the larger first run', () => {
    const task = (name: string) => ({ path: `/raw/${name}`, file: name });
    const ids = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name}#${i}`);
    const files = [
      { task: task('a.txt'), wanted: ['a.txt'] },
      { task: task('big.warc'), wanted: ids('big.warc', 201) },
      { task: task('small.warc'), wanted: ids('small.warc', 127) },
      { task: task('kept.warc'), wanted: ids('kept.warc', 500) },
      { task: task('kept-small.warc'), wanted: ids('kept-small.warc', 100) },
    ];
    const out = sliced(files, 2, (path) => (path.startsWith('/raw/kept') ? 1 : undefined));
    expect(out.map((w) => [w.task.file, w.wanted.length, w.worker])).toEqual([
      ['a.txt', 1, undefined],
      ['big.warc', 101, 0],
      ['big.warc', 100, 1],
      ['small.warc', 127, undefined],
      // Its pages parsed already, worker 1 makes them 1.7 times as fast as worker 0 reads and makes the rest.
      ['kept.warc', 315, 1],
      ['kept.warc', 185, 0],
      ['kept-small.warc', 100, undefined],
    ]);
    for (const name of ['big.warc', 'kept.warc']) expect(out.filter((w) => w.task.file === name).flatMap((w) => w.wanted)).toEqual(files.find((f) => f.task.file === name)!.wanted);
  });

  it('reports a second run over unchanged captures as unchanged and rewrites nothing', async () => {
    const out = temp();
    await ingest(seedsDir, out);
    const first = snapshot(out);
    // Articles and ledgers only: the state is the run's own memory.
    const mtimes = () => Object.fromEntries(readdirSync(out).filter((f) => !f.startsWith('.ingest-')).map((f) => [f, statSync(join(out, f)).mtimeMs]));
    const before = mtimes();
    const report = await ingest(seedsDir, out);
    expect(report.counts.unchanged).toBe(4);
    expect(report.counts.written + report.counts.updated).toBe(0);
    expect(snapshot(out)).toEqual(first);
    expect(mtimes()).toEqual(before);
  });

  it('never overwrites an article a curator has edited, even when its capture changes (the fresh version then waits for review)', async () => {
    const from = temp();
    cpSync(seedsDir, from, { recursive: true });
    const out = temp();
    const first = await ingest(from, out);
    const slug = first.articles.find((a) => a.file.startsWith('003'))!.slug;
    const path = join(out, `${slug}.md`);
    const edited = readFileSync(path, 'utf8').replace('title: Russian soldiers flee', 'title: Curated — Russian soldiers flee');
    writeFileSync(path, edited);
    const raw = join(from, '003_1980e6867da380cf.txt');
    writeFileSync(raw, `${readFileSync(raw, 'utf8')}\nAn added line from a re-capture that ends like a sentence and is long enough to be kept as text.\n`);
    const second = await ingest(from, out);
    expect(second.conflicts).toEqual([{ file: '003_1980e6867da380cf.txt', slug }]);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(readFileSync(join(out, `${slug}.incoming.md`), 'utf8')).toContain(`sha256: ${createHash('sha256').update(readFileSync(raw)).digest('hex')}`);
  });

  it('does not bring back an article a curator deleted', async () => {
    const out = temp();
    const first = await ingest(seedsDir, out);
    const path = join(out, `${first.articles[1].slug}.md`);
    rmSync(path);
    const second = await ingest(seedsDir, out);
    expect(second.kept_edits).toEqual([first.articles[1].file]);
    expect(existsSync(path)).toBe(false);
  });

  it('keeps an article and its slug when its capture disappears, and reports it', async () => {
    const from = temp();
    cpSync(seedsDir, from, { recursive: true });
    const out = temp();
    const first = await ingest(from, out);
    rmSync(join(from, '000_14962ab49b8a38ce.txt'));
    const second = await ingest(from, out);
    expect(second.orphaned).toEqual(['000_14962ab49b8a38ce.txt']);
    expect(readdirSync(out)).toContain(`${first.articles[0].slug}.md`);
  });
});

describe('fatal errors', () => {
  it('names a missing --from folder', async () => {
    await expect(ingest(join(temp(), 'missing'), temp())).rejects.toThrow(FatalError);
    await expect(ingest(join(temp(), 'missing'), temp())).rejects.toThrow(/--from .*missing: no such folder/);
  });

  it('names an --out folder it cannot write', async () => {
    const file = join(temp(), 'a-file');
    writeFileSync(file, '');
    await expect(ingest(seedsDir, join(file, 'articles'))).rejects.toThrow(/--out .*cannot write there/);
  });

  it('names a data file that does not parse', async () => {
    const data = temp();
    cpSync(defaultDataDir, data, { recursive: true });
    writeFileSync(join(data, 'topics.json'), '{ "topics": [ ');
    for (const jobs of [1, 2]) {
      await expect(runIngest({ from: seedsDir, out: temp(), dataDir: data, settings: defaultSettings, jobs })).rejects.toThrow(FatalError);
      await expect(runIngest({ from: seedsDir, out: temp(), dataDir: data, settings: defaultSettings, jobs })).rejects.toThrow(/topics\.json: cannot read data file/);
    }
  });
});

describe('progress', () => {
  it('reports each file of both passes, so the command line can draw its bar', async () => {
    const seen: string[] = [];
    await runIngest({ from: seedsDir, out: temp(), dataDir: defaultDataDir, settings: defaultSettings, jobs: 1, onProgress: (phase, done, total) => seen.push(`${phase} ${done}/${total}`) });
    expect(seen).toEqual(['scan 1/4', 'scan 2/4', 'scan 3/4', 'scan 4/4', 'ingest 1/4', 'ingest 2/4', 'ingest 3/4', 'ingest 4/4']);
  });
});

describe('the report', () => {
  it('suggests frequent names that no topic term covers', async () => {
    const report = await ingest(seedsDir, temp());
    expect(report.topic_suggestions).toContainEqual({ name: 'Russia', articles: 4 });
    expect(report.topic_suggestions.map((s) => s.name)).not.toContain('Kyiv'); // a term of a topic
  });

  it('lists warnings per article: undated, no topic, no headline', async () => {
    const report = await ingest(seedsDir, temp());
    expect(report.warnings.filter((w) => w.warning.startsWith('undated')).map((w) => w.file)).toEqual(['000_14962ab49b8a38ce.txt', '001_489c89e2d031d28c.txt', '002_da18c3f2ea08de6d.txt']);
  });
});

describe('a data file with an invalid pattern', () => {
  it('is named before any work starts', async () => {
    const data = temp();
    cpSync(defaultDataDir, data, { recursive: true });
    const boilerplate = JSON.parse(readFileSync(join(data, 'boilerplate.json'), 'utf8'));
    boilerplate.rules.push({ id: 'broken', why: 'a test', match: 'contains', pattern: '(unclosed' });
    writeFileSync(join(data, 'boilerplate.json'), JSON.stringify(boilerplate));
    await expect(runIngest({ from: seedsDir, out: temp(), dataDir: data, settings: defaultSettings, jobs: 2 })).rejects.toThrow(/boilerplate\.json: rule "broken" has an invalid pattern/);
  });
});

describe('the state file', () => {
  it('lists every article by capture, in path order', async () => {
    const out = temp();
    await ingest(seedsDir, out);
    const state = JSON.parse(readFileSync(join(out, '.ingest-state.json'), 'utf8'));
    expect(Object.keys(state.articles)).toEqual(['000_14962ab49b8a38ce.txt', '001_489c89e2d031d28c.txt', '002_da18c3f2ea08de6d.txt', '003_1980e6867da380cf.txt']);
  });
});
