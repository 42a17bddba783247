import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article/parse.js';
import { sha256 } from '../src/article/hash.js';
import { runIngest } from '../src/ingest/run/run.js';
import { defaultDataDir } from '../src/data.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { acceptConflict, diffConflict, keepEdit, listConflicts } from '../src/review/review.js';
import { loadArticles } from '../src/site/read/model.js';
import { projectRoot, seedsDir } from './helpers.js';

const CAPTURE = '001_489c89e2d031d28c.txt';

/** A collection of the seeds ingested, with the article of CAPTURE edited by a curator. */
async function editedCollection(): Promise<{ raw: string; out: string; slug: string; path: string; ingest: () => ReturnType<typeof runIngest> }> {
  const root = mkdtempSync(join(tmpdir(), 'clippings-review-'));
  const raw = join(root, 'raw');
  const out = join(root, 'articles');
  cpSync(seedsDir, raw, { recursive: true });
  const ingest = () => runIngest({ from: raw, out, dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
  const first = await ingest();
  const slug = first.articles.find((a) => a.file === CAPTURE)!.slug;
  const path = join(out, `${slug}.md`);
  // The curator's hand: a new title, a date of their own, a person added.
  const text = readFileSync(path, 'utf8')
    .replace(/^title: .*$/m, "title: 'Soldiers threaten to march on Moscow, call says'")
    .replace(/^published: .*\npublished_precision: .*\npublished_basis: .*\n/m, '')
    .replace(/^topics:/m, "published: '2023-07-01'\npublished_precision: day\npublished_basis: curator\ntopics:")
    .replace(/^people:\n/m, 'people:\n  - Hand Added\n');
  writeFileSync(path, text);
  return { raw, out, slug, path, ingest };
}

/** The capture changes under the edit: a paragraph is added to its text. */
function changeCapture(raw: string, line: string): void {
  const file = join(raw, CAPTURE);
  writeFileSync(file, readFileSync(file, 'utf8').replace('The call, released by', `${line}\n\nThe call, released by`));
}

describe('review when a capture changes under an edit', () => {
  it('keeps the edit, writes the fresh version beside it, reports the conflict, and publishes neither twice', async () => {
    const c = await editedCollection();
    const edited = readFileSync(c.path, 'utf8');
    expect((await c.ingest()).counts).toMatchObject({ kept_edits: 1, conflicts: 0 });
    expect(existsSync(join(c.out, `${c.slug}.incoming.md`))).toBe(false);

    changeCapture(c.raw, 'A new paragraph the outlet added later to the story.');
    const report = await c.ingest();
    expect(report.counts).toMatchObject({ conflicts: 1, kept_edits: 0 });
    expect(report.conflicts).toEqual([{ file: CAPTURE, slug: c.slug }]);
    expect(readFileSync(c.path, 'utf8')).toBe(edited);
    const incoming = readFileSync(join(c.out, `${c.slug}.incoming.md`), 'utf8');
    expect(incoming).toContain('A new paragraph the outlet added later');
    expect(loadArticles(c.out).map((a) => a.slug).filter((s) => s.startsWith(c.slug))).toEqual([c.slug]);
    // Asked again, the same: nothing new is written.
    expect((await c.ingest()).counts.conflicts).toBe(1);
  });

  it("lists the conflict with the curator's values and the fresh ones, and shows the difference", async () => {
    const c = await editedCollection();
    changeCapture(c.raw, 'A new paragraph the outlet added later to the story.');
    await c.ingest();
    expect(listConflicts(c.out)).toEqual([{ slug: c.slug, file: CAPTURE, curator: ['title', 'published', 'people'], fresh: ['text'] }]);
    const diff = diffConflict(c.out, c.slug);
    expect(diff).toMatch(/^\+A new paragraph the outlet added later to the story\.$/m);
    expect(diff).toMatch(/^-title: 'Soldiers threaten to march on Moscow, call says'$/m);
  });

  it("accepts the fresh text while keeping the curator's title, date and people, and the next run is quiet", async () => {
    const c = await editedCollection();
    changeCapture(c.raw, 'A new paragraph the outlet added later to the story.');
    await c.ingest();
    expect(acceptConflict(c.out, c.slug)).toEqual(['title', 'published', 'people']);
    const { frontmatter, body } = parseArticle(readFileSync(c.path, 'utf8'));
    expect(frontmatter.title).toBe('Soldiers threaten to march on Moscow, call says');
    expect(frontmatter).toMatchObject({ published: '2023-07-01', published_basis: 'curator' });
    expect(frontmatter.people).toContain('Hand Added');
    expect(body).toContain('A new paragraph the outlet added later');
    // Made from the new capture now: its hash is the file's as it is.
    expect(frontmatter.source.sha256).toBe(sha256(readFileSync(join(c.raw, CAPTURE))));
    expect(existsSync(join(c.out, `${c.slug}.incoming.md`))).toBe(false);
    const next = await c.ingest();
    expect(next.counts).toMatchObject({ conflicts: 0, kept_edits: 1 });
    expect(readFileSync(c.path, 'utf8')).toContain('A new paragraph the outlet added later');
  });

  it("keeps a curator's text that opens with a rule, whole, when the fresh version is accepted", async () => {
    const c = await editedCollection();
    const edited = readFileSync(c.path, 'utf8');
    const at = edited.indexOf('\n---\n', 4) + 5;
    // A note between two rules at the top of the text: once taken for a second frontmatter and lost.
    const note = "---\n\nEditor's note: this article was corrected on 2 July.\n\n---\n\n";
    writeFileSync(c.path, edited.slice(0, at) + note + edited.slice(at));
    changeCapture(c.raw, 'A new paragraph the outlet added later to the story.');
    await c.ingest();
    expect(acceptConflict(c.out, c.slug)).toContain('text');
    const { body } = parseArticle(readFileSync(c.path, 'utf8'));
    expect(body.startsWith(note)).toBe(true);
    expect(body).toContain('The call, released by');
  });

  it('takes the fresh version whole with takeAll, and ingest owns the article again', async () => {
    const c = await editedCollection();
    changeCapture(c.raw, 'A new paragraph the outlet added later to the story.');
    await c.ingest();
    const incoming = readFileSync(join(c.out, `${c.slug}.incoming.md`), 'utf8');
    expect(acceptConflict(c.out, c.slug, { takeAll: true })).toEqual([]);
    expect(readFileSync(c.path, 'utf8')).toBe(incoming);
    expect((await c.ingest()).counts).toMatchObject({ conflicts: 0, kept_edits: 0, unchanged: 4 });
  });

  it('keeps the edit when asked, and asks again only when the capture changes again', async () => {
    const c = await editedCollection();
    const edited = readFileSync(c.path, 'utf8');
    changeCapture(c.raw, 'A new paragraph the outlet added later to the story.');
    await c.ingest();
    keepEdit(c.out, c.slug);
    expect(readFileSync(c.path, 'utf8')).toBe(edited);
    expect((await c.ingest()).counts).toMatchObject({ conflicts: 0, kept_edits: 1 });
    changeCapture(c.raw, 'Yet another paragraph, a second correction.');
    expect((await c.ingest()).counts.conflicts).toBe(1);
  });

  it('npm run review lists what waits and accepts by slug', async () => {
    const c = await editedCollection();
    changeCapture(c.raw, 'A new paragraph the outlet added later to the story.');
    await c.ingest();
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'review.ts'), '--articles', c.out, ...args], { cwd: projectRoot, encoding: 'utf8' });
    const list = run([]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`${c.slug} (${CAPTURE})`);
    expect(list.stdout).toContain('yours, kept on --accept: title, published, people; fresh: text');
    const unknown = run(['--accept', 'no-such-slug']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no fresh version waits for no-such-slug');
    const accept = run(['--accept', c.slug]);
    expect(accept.stdout).toContain(`Accepted the fresh version of ${c.slug}, keeping your title, published, people.`);
    expect(run([]).stdout).toContain('Nothing waits for review.');
  });
});
