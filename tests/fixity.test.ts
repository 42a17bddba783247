import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, parseManifest, writeManifest } from '../src/fixity/manifest.js';
import { hashFiles, READS_AT_ONCE } from '../src/fixity/read.js';
import { sha256 } from '../src/article/hash.js';
import { verifySite } from '../src/fixity/verify.js';
import { runIngest } from '../src/ingest/run/run.js';
import { defaultDataDir } from '../src/data.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { projectRoot, seedsDir } from './helpers.js';

/** A collection ingested from the seeds, and a stand-in for its built site (the manifest reads any folder). */
interface Archive {
  raw: string;
  articles: string;
  site: string;
}

let template: Archive;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'clippings-fixity-'));
  template = { raw: join(root, 'raw'), articles: join(root, 'articles'), site: join(root, 'site') };
  cpSync(seedsDir, template.raw, { recursive: true });
  await runIngest({ from: template.raw, out: template.articles, dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
  mkdirSync(join(template.site, 'articles', 'a'), { recursive: true });
  writeFileSync(join(template.site, 'index.html'), '<!doctype html><title>home</title>\n');
  writeFileSync(join(template.site, 'articles', 'a', 'index.html'), '<!doctype html><title>a</title>\n');
  writeFileSync(join(template.site, 'name with spaces.txt'), 'bytes\n');
});

/** A fresh copy of the archive, manifest written. */
async function copy(): Promise<Archive> {
  const root = mkdtempSync(join(tmpdir(), 'clippings-fixity-'));
  const a = { raw: join(root, 'raw'), articles: join(root, 'articles'), site: join(root, 'site') };
  for (const k of ['raw', 'articles', 'site'] as const) cpSync(template[k], a[k], { recursive: true });
  await writeManifest(a.site, a.articles, a.raw);
  return a;
}

const verify = (a: Archive) => verifySite({ site: a.site, articles: a.articles, raw: a.raw });

describe('the fixity manifest', () => {
  it('lists every site file, every capture an article was made from, and every article and ledger, sorted, as BagIt lines', async () => {
    const a = await copy();
    const text = readFileSync(join(a.site, MANIFEST_NAME), 'utf8');
    expect(text).toMatch(/^([0-9a-f]{64} {2}\S.*\n)+$/);
    const paths = [...parseManifest(text).keys()];
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('site/index.html');
    expect(paths).toContain('site/name with spaces.txt');
    expect(paths).not.toContain(`site/${MANIFEST_NAME}`);
    expect(paths.filter((p) => p.startsWith('collection/raw/'))).toHaveLength(4);
    expect(paths.filter((p) => p.startsWith('collection/articles/') && p.endsWith('.md'))).toHaveLength(4);
    expect(paths.filter((p) => p.endsWith('.11tydata.json'))).toHaveLength(4);
  });

  it('is the same bytes for the same archive', async () => {
    const [a, b] = [await copy(), await copy()];
    expect(readFileSync(join(a.site, MANIFEST_NAME))).toEqual(readFileSync(join(b.site, MANIFEST_NAME)));
  });

  it('verifies an untouched copy', async () => {
    const v = await verify(await copy());
    expect(v).toMatchObject({ missing: [], changed: [], extra: [], unchecked: [] });
    expect(v.intact).toBe(3 + 4 + 8);
  });

  it('names a changed, a missing and an extra file of the site, and a changed capture and a missing article', async () => {
    const a = await copy();
    appendFileSync(join(a.site, 'index.html'), '<script>tampered</script>');
    rmSync(join(a.site, 'articles', 'a', 'index.html'));
    writeFileSync(join(a.site, 'extra.html'), 'added later');
    const capture = parseManifest(readFileSync(join(a.site, MANIFEST_NAME), 'utf8'));
    const raw = [...capture.keys()].find((p) => p.startsWith('collection/raw/'))!;
    appendFileSync(join(a.raw, raw.slice('collection/raw/'.length)), 'one more line');
    const article = [...capture.keys()].find((p) => p.startsWith('collection/articles/') && p.endsWith('.md'))!;
    rmSync(join(a.articles, article.slice('collection/articles/'.length)));
    const v = await verify(a);
    expect(v.changed.sort()).toEqual([raw, 'site/index.html'].sort());
    expect(v.missing.sort()).toEqual([article, 'site/articles/a/index.html'].sort());
    expect(v.extra).toEqual(['site/extra.html']);
  });

  it('checks a downloaded site alone, saying the collection was not checked', async () => {
    const a = await copy();
    const v = await verifySite({ site: a.site });
    expect(v).toMatchObject({ missing: [], changed: [], extra: [], intact: 3, unchecked: ['articles', 'raw'] });
  });

  it('refuses a manifest with a malformed line, naming the line', async () => {
    const a = await copy();
    appendFileSync(join(a.site, MANIFEST_NAME), 'not a hash  site/x\n');
    await expect(verifySite({ site: a.site })).rejects.toThrow(/manifest-sha256\.txt, line \d+: not "<sha256>  <path>"/);
  });
});

describe('hashFiles', () => {
  it('gives each file its SHA-256 in the order given, however many are read at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clippings-hash-'));
    const paths = Array.from({ length: READS_AT_ONCE * 3 + 1 }, (_, i) => join(dir, `f${i}`));
    paths.forEach((p, i) => writeFileSync(p, 'x'.repeat(i * 1000)));
    expect(await hashFiles(paths)).toEqual(paths.map((p) => sha256(readFileSync(p))));
  });

  it('names a file it cannot read, or gives undefined for it when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clippings-hash-'));
    writeFileSync(join(dir, 'here'), 'text');
    const paths = [join(dir, 'here'), join(dir, 'gone')];
    await expect(hashFiles(paths)).rejects.toThrow(`${join(dir, 'gone')}: cannot be read`);
    expect(await hashFiles(paths, 'undefined')).toEqual([sha256('text'), undefined]);
  });
});

describe('npm run verify', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'verify.ts'), ...args], { cwd: projectRoot, encoding: 'utf8' });

  it('exits 0 on an intact copy and 1 naming each difference', async () => {
    const a = await copy();
    const ok = run(['--site', a.site, '--articles', a.articles, '--raw', a.raw]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Verify: 15 file(s) as listed, 0 missing, 0 changed, 0 extra.');
    writeFileSync(join(a.site, 'index.html'), 'changed');
    const bad = run(['--site', a.site, '--site-only']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('changed  site/index.html');
    expect(bad.stdout).toContain("not checked: the collection's articles and raw (not at hand)");
  });

  it('says so when the copy has no manifest', () => {
    const r = run(['--site', mkdtempSync(join(tmpdir(), 'clippings-fixity-'))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no manifest \(it is written by npm run build, last\)/);
  });
});
