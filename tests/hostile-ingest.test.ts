import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedsDir } from './helpers.js';
import { runIngest, FatalError } from '../src/ingest/run/run.js';
import { formatSummary, type Report } from '../src/ingest/run/report.js';
import { parseArticle } from '../src/article/parse.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir, loadData } from '../src/data.js';
import { ESCAPE_NAME, GOOD, hostileFolder } from './hostile-folder.js';

const ingest = (from: string, out: string) => runIngest({ from, out, dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });

describe('ingest of a hostile raw folder', () => {
  let folder: Awaited<ReturnType<typeof hostileFolder>>;
  let out: string;
  let report: Report;

  beforeAll(async () => {
    folder = await hostileFolder();
    out = join(folder.root, 'articles');
    report = await ingest(folder.raw, out);
  });
  afterAll(() => folder.close());

  const reason = (file: string) => report.skipped.find((s) => s.file === file)?.reason;

  it('turns the captures into articles, among them a link into git-annex, a name with an escape sequence and a saved page', () => {
    expect(report.articles.map((a) => a.file).sort()).toEqual([GOOD, 'annexed.txt', 'articles.txt', 'control-title.txt', 'far-future.txt', 'markup-capture.txt', 'page.html', ESCAPE_NAME].sort());
  });

  it.each([
    ['.git/', /^hidden folder/],
    ['.env', /^hidden file/],
    ['nested/.hidden/', /^hidden folder/],
    ['passwd.txt', /symbolic link to a place outside the collection/],
    ['private-link.txt', /symbolic link to a place outside the collection/],
    ['linked-folder', /symbolic link to a place outside the collection/],
    ['inner-folder-link', /symbolic link to a folder: not followed/],
    ['nested/env-link.txt', /symbolic link to a hidden file/],
    ['dangling.txt', /dangling symbolic link/],
    ['loop-a.txt', /symbolic link loop/],
    ['loop-b.txt', /symbolic link loop/],
    ['pipe.txt', /not a regular file \(a named pipe\)/],
    ['socket.txt', /not a regular file \(a socket\)/],
    ['bad-name-\ufffd.txt', /name is not valid UTF-8/],
    ['x.11ty.js', /unsupported file type/],
    ['evil.md', /unsupported file type/],
    ['sum.njk', /unsupported file type/],
    ['page.htm', /a page with no visible text/],
    ['page.xhtml', /a page with no visible text/],
    ['image.svg', /unsupported file type/],
  ])('skips %s with a reason', (file, why) => {
    expect(reason(file)).toMatch(why);
  });

  it('accounts for every entry of the folder: an article or a reasoned skip each', () => {
    const top = readdirSync(folder.raw).length; // nested/ holds one hidden folder and one link
    expect(report.counts.articles + report.counts.skipped).toBe(top - 1 + 2);
  });

  it('lets no secret from a hidden file or a link out of the collection into an article', () => {
    for (const name of readdirSync(out)) expect(readFileSync(join(out, name), 'utf8'), name).not.toContain(folder.secret);
    expect(readdirSync(out).filter((n) => n.endsWith('.md'))).toHaveLength(report.counts.articles);
  });

  it('prints file names safely: no escape sequence reaches the terminal', () => {
    const summary = formatSummary(report, 1);
    expect(summary).not.toMatch(/\u001b/);
    expect(summary).toContain('bad-name-\ufffd.txt');
  });

  it('strips control characters and noncharacters from the text, with a warning', () => {
    const entry = report.articles.find((a) => a.file === 'control-title.txt')!;
    const { frontmatter } = parseArticle(readFileSync(join(out, `${entry.slug}.md`), 'utf8'));
    expect(frontmatter.title).toBe('Harbour wall vote passes at last');
    expect(report.warnings).toContainEqual({ file: 'control-title.txt', warning: 'removed 4 control character(s) or noncharacter(s) from the text' });
  });

  it('takes no date centuries away as the publication date', () => {
    const entry = report.articles.find((a) => a.file === 'far-future.txt')!;
    const { frontmatter } = parseArticle(readFileSync(join(out, `${entry.slug}.md`), 'utf8'));
    expect(frontmatter.published).toBeUndefined();
  });

  it('ran nothing from the folder', () => {
    expect(existsSync(folder.marker)).toBe(false);
  });
});

describe('the output folder', () => {
  it.each([
    ['the collection itself', (raw: string) => raw],
    ['a folder inside the collection', (raw: string) => join(raw, 'articles')],
  ])('is refused when it is %s', async (_, outOf) => {
    const folder = await hostileFolder();
    try {
      await expect(ingest(folder.raw, outOf(folder.raw))).rejects.toThrow(FatalError);
      await expect(ingest(folder.raw, outOf(folder.raw))).rejects.toThrow(/articles would be written among the captures/);
      expect(existsSync(join(folder.raw, 'articles'))).toBe(false);
    } finally {
      folder.close();
    }
  });

  it('is refused when it holds the collection', async () => {
    const folder = await hostileFolder();
    try {
      await expect(ingest(folder.raw, folder.root)).rejects.toThrow(/is inside --out/);
    } finally {
      folder.close();
    }
  });
});

describe('a folder or a file that cannot be read', () => {
  it('is skipped with the reason, and the run goes on', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clippings-unreadable-'));
    chmodSync(root, 0o777);
    const raw = join(root, 'raw');
    mkdirSync(join(raw, 'locked'), { recursive: true });
    writeFileSync(join(raw, GOOD), readFileSync(join(seedsDir, GOOD)));
    writeFileSync(join(raw, 'locked', 'inside.txt'), 'x');
    writeFileSync(join(raw, 'secret.txt'), 'x');
    chmodSync(raw, 0o755);
    chmodSync(join(raw, GOOD), 0o644);
    chmodSync(join(raw, 'locked'), 0o000);
    chmodSync(join(raw, 'secret.txt'), 0o000);
    // Root reads everything: as root, the run goes as an ordinary user (the data files are read
    // first, while still root, as a run would read them under its own user).
    loadData(defaultDataDir);
    const root0 = process.geteuid?.() === 0;
    let report: Report;
    if (root0) process.seteuid!(65534);
    try {
      report = await ingest(raw, join(root, 'articles'));
    } finally {
      if (root0) process.seteuid!(0);
    }
    expect(report.articles.map((a) => a.file)).toEqual([GOOD]);
    expect(report.skipped).toEqual([
      { file: 'locked/', reason: 'folder cannot be read (EACCES)' },
      { file: 'secret.txt', reason: 'cannot read: EACCES' },
    ]);
  });
});
