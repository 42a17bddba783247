import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { clean } from '../src/ingest/clean/clean.js';
import { decode } from '../src/ingest/read/decode.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { ingestFile, project, seedGold, seedsDir } from './helpers.js';

// The founding collection against ../shared/seeds/gold.json (copied to tests/fixtures).
const md = new MarkdownIt();
const text = (file: string) => {
  const d = decode(readFileSync(join(seedsDir, file)));
  if (!d.ok) throw new Error(d.reason);
  return d.text;
};
const visible = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe.each(seedGold.articles)('seed $file', (gold) => {
  const cleaned = clean(text(gold.file), { residue: project().residue, settings: defaultSettings });
  const article = ingestFile(join(seedsDir, gold.file));
  const keptLines = new Set(cleaned.paragraphs.flatMap((p) => Array.from({ length: p.last - p.first + 1 }, (_, i) => p.first + i)));

  it('keeps every line the gold keeps', () => {
    expect(gold.keep.filter((l) => !keptLines.has(l))).toEqual([]);
  });

  it('drops every line the gold drops, and records each in the ledger', () => {
    expect(gold.drop.filter((l) => keptLines.has(l))).toEqual([]);
    const ledger = new Set(article.ledger.removed.map((r) => r.line));
    expect(gold.drop.filter((l) => !ledger.has(l))).toEqual([]);
  });

  it('joins kept lines into the gold paragraphs', () => {
    const paragraphs = cleaned.paragraphs.filter((p) => !gold.either.includes(p.first)).map((p) => [p.first, p.last]);
    expect(paragraphs).toEqual(gold.paragraphs);
  });

  it('finds the headline', () => {
    expect(article.frontmatter.title).toBe(gold.title);
    expect(cleaned.title?.line).toBe(gold.title_line);
  });

  it('renders the literal strings verbatim', () => {
    // The page shows the headline above the text.
    const rendered = `${article.frontmatter.title}\n${visible(md.render(article.body))}`;
    for (const literal of gold.literal) expect(rendered).toContain(literal);
  });

  it('dates the article only within the accepted range, and keeps the capture date apart', () => {
    const f = article.frontmatter;
    if (gold.published) expect(f.published).toBe(gold.published);
    if (f.published) {
      expect(f.published >= gold.published_accept[0] && f.published <= gold.published_accept[1]).toBe(true);
    }
    expect(f.captured ?? null).toBe(gold.captured);
  });

  it('claims a site only where the signature allows', () => {
    const claimed = [article.frontmatter.site, article.frontmatter.publisher].filter(Boolean).map((s) => s!.toLowerCase());
    const ok = claimed.length === 0 ? gold.site_accept.includes(null) : gold.site_accept.some((a) => a !== null && claimed.some((c) => c.includes(a)));
    expect(ok).toBe(true);
  });

  it('lists no junk entity', () => {
    const f = article.frontmatter;
    for (const name of [...f.people, ...f.places, ...f.organizations]) {
      expect(name).not.toMatch(/['’]s$|[.,;:!?"“”‘’]$|^["“‘']|^territory |-$|Global media/);
    }
  });
});

describe('seed entities', () => {
  const articles = new Map(seedGold.articles.map((g) => [g.file.slice(0, 3), ingestFile(join(seedsDir, g.file)).frontmatter]));

  it('recall on the gold people, places and organisations is at least 95%', () => {
    let found = 0;
    let total = 0;
    for (const gold of seedGold.articles) {
      const f = articles.get(gold.file.slice(0, 3))!;
      for (const key of ['people', 'places', 'organizations'] as const) {
        const got = new Set(f[key].map((n) => n.toLowerCase()));
        total += gold[key].length;
        found += gold[key].filter((n) => got.has(n.toLowerCase())).length;
      }
    }
    expect(found / total).toBeGreaterThanOrEqual(0.95);
  });

  it('resolves aliases to one canonical organisation (GUR, military intelligence directorate)', () => {
    expect(articles.get('000')!.organizations).toContain('Main Intelligence Directorate (GUR)');
    expect(articles.get('001')!.organizations).toContain('Main Intelligence Directorate (GUR)');
    expect(articles.get('000')!.organizations.filter((o) => /GUR|Intelligence Directorate/i.test(o))).toHaveLength(1);
  });

  it.each(seedGold.cross_links)('$entity is named by articles $articles', ({ entity, articles: ids }) => {
    const naming = [...articles].filter(([, f]) => [...f.people, ...f.places, ...f.organizations].includes(entity)).map(([id]) => id);
    expect(naming).toEqual(expect.arrayContaining(ids));
  });
});
