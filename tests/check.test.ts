import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCollection, hasErrors, textFacts, type Health } from '../src/check/check.js';
import { loadArticles } from '../src/site/read/model.js';
import { nearDuplicates, resemblance, sketch } from '../src/check/duplicates.js';
import { loadCheckSettings } from '../src/check/settings.js';
import { defaultDataDir, loadData } from '../src/data.js';
import { runIngest } from '../src/ingest/run/run.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { projectRoot, seedsDir } from './helpers.js';

const SEED = '001_489c89e2d031d28c.txt';
let out: string;
let health: Health;
let dupSlug: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'clippings-check-'));
  const raw = join(root, 'raw');
  out = join(root, 'articles');
  cpSync(seedsDir, raw, { recursive: true });
  // The same story captured a second time, a paragraph shorter: a near-duplicate.
  const text = readFileSync(join(raw, SEED), 'utf8');
  writeFileSync(join(raw, 'again.txt'), text.replace(/\n\nThe call, released by[^\n]*/, ''));
  writeFileSync(join(raw, 'notes.docx'), 'PK\u0003\u0004 not a capture');
  const report = await runIngest({ from: raw, out, dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
  dupSlug = report.articles.find((a) => a.file === 'again.txt')!.slug;
  writeFileSync(join(out, 'broken.md'), '---\ntitle: Broken\nslug: broken\n---\nNo schema here.\n');
  health = checkCollection({ articlesDir: out, rawDir: raw, data: loadData(), settings: loadCheckSettings() });
});

describe('npm run check', () => {
  it('lists an article that cannot be read as an error, naming the file and the field, and goes on', () => {
    expect(health.articles).toBe(5);
    expect(health.errors).toHaveLength(1);
    expect(health.errors[0]!.file).toBe('broken.md');
    expect(health.errors[0]!.problem).toMatch(/frontmatter does not fit the schema/);
    expect(hasErrors(health)).toBe(true);
  });

  it('groups the same story captured twice, with the pair and its score', () => {
    expect(health.nearDuplicates).toHaveLength(1);
    const [group] = health.nearDuplicates;
    expect(group!.members).toContain(`${dupSlug}.md`);
    expect(group!.members).toHaveLength(2);
    expect(group!.pairs[0]!.score).toBeGreaterThanOrEqual(0.5);
  });

  it('lists undated articles, names met once, topics with few articles and skipped captures', () => {
    expect(health.undated.length).toBeGreaterThanOrEqual(3);
    expect(health.singleNames).toContainEqual(expect.objectContaining({ kind: 'places', name: 'Bakhmut' }));
    expect(health.smallTopics).toContainEqual({ topic: 'Sport', articles: 0 });
    expect(health.skipped).toEqual([{ file: 'notes.docx', reason: expect.stringMatching(/\S/) }]);
  });

  it('gives the same health read from the folder, from the site\'s articles with the facts taken as they were read, and from the site\'s articles alone', () => {
    const input = { articlesDir: out, rawDir: join(out, '..', 'raw'), data: loadData(), settings: loadCheckSettings() };
    const texts = textFacts();
    const articles = loadArticles(out, () => {}, texts.add);
    expect(texts.facts.sketches.size).toBe(articles.length);
    // The site's reader skips the broken article the folder's check reports as an error.
    const { errors, articles: count, ...rest } = health;
    for (const given of [checkCollection({ ...input, articles, texts: texts.facts }), checkCollection({ ...input, articles })]) {
      const { errors: e, articles: n, ...same } = given;
      expect(same).toEqual(rest);
      expect([e, n]).toEqual([[], count]);
    }
    expect(errors).toHaveLength(1);
  });

  it('names articles with no site, and does not call a site named by a signature unsigned', () => {
    expect(health.noSite.length).toBeGreaterThan(0);
    // Elite News is named by the aggregator signature's group in its capture.
    expect(health.unsignedSites.map((s) => s.site)).not.toContain('Elite News');
  });

  it('counts lines per cleaning rule, and flags rules that fire everywhere or nowhere once the archive is large enough', () => {
    expect(health.rules.find((r) => r.rule === 'title')!.articles).toBe(5);
    expect(health.rules.every((r) => r.suspect === undefined)).toBe(true);
    const judged = checkCollection({ articlesDir: out, data: loadData(), settings: { ...loadCheckSettings(), rulesFrom: 1 } });
    expect(judged.rules.find((r) => r.rule === 'title')!.suspect).toBe('everywhere');
    expect(judged.rules.find((r) => r.rule === 'page-chrome')!.suspect).toBe('nowhere');
  });

  it('prints for the terminal, gives JSON with --json, and fails with --strict on errors', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'check.ts'), '--articles', out, '--raw', join(out, '..', 'raw'), ...args], { cwd: projectRoot, encoding: 'utf8' });
    const text = run([]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Errors: 1\n  broken.md: ');
    expect(text.stdout).toMatch(/Near-duplicates \(groups\): 1\n {2}\S+\.md ~ \S+\.md \(0\.\d\d\)/);
    const json = run(['--json']);
    expect(JSON.parse(json.stdout).articles).toBe(5);
    expect(run(['--strict']).status).toBe(1);
  });
});

describe('near-duplicates', () => {
  const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');

  it('estimates resemblance: 1 for the same text, 0 for texts apart, about the share of shingles in common between', () => {
    expect(resemblance(sketch(words(0, 300)), sketch(words(0, 300)))).toBe(1);
    expect(resemblance(sketch(words(0, 300)), sketch(words(1000, 300)))).toBe(0);
    // 300 words each, 200 shared: Jaccard of 5-gram sets ≈ 196 / 400.
    const r = resemblance(sketch(words(0, 300)), sketch(words(100, 300)));
    expect(r).toBeGreaterThan(0.3);
    expect(r).toBeLessThan(0.7);
  });

  it('sketches words in any script, case and punctuation aside: a letter past the BMP is part of its word, a dash or a comma is not', () => {
    const text = 'Zürich’s 𝒜lpha naïve 日本語 2024 Straße ǅemal ٣٤ and the harbour ferry';
    const sketched = sketch(text);
    expect(sketched.length).toBe(9); // 13 words ("Zürich’s" is two): 9 five-word grams
    expect([...sketch(text.replace('the harbour', 'THE Harbour').replace(/ /g, ' — '))]).toEqual([...sketched]);
    expect([...sketch(text.replace('𝒜lpha', 'lpha'))]).not.toEqual([...sketched]);
    expect([...sketched]).toEqual([...sketched].sort((a, b) => a - b));
  });

  it('puts a story syndicated three times in one group, and a different story in none', () => {
    const items = [
      { id: 'a', sketch: sketch(words(0, 400)) },
      { id: 'b', sketch: sketch(`${words(0, 400)} and one more line`) },
      { id: 'c', sketch: sketch(`Syndicated: ${words(0, 390)}`) },
      { id: 'd', sketch: sketch(words(5000, 400)) },
    ];
    const groups = nearDuplicates(items, 0.5);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members).toEqual(['a', 'b', 'c']);
  });
});
