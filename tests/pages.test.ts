import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, ingestFile } from './helpers.js';

/**
 * Whole-page text captures, one folder per trap: the menus, share bars, sidebars, videos and
 * footers around an article, and the date forms pages write. `expected.json` holds the headline,
 * the publication date, its precision and basis, the capture date, a warning the report must
 * give, and text that must not reach the body.
 */
const root = join(fixtures, 'pages');
const cases = readdirSync(root).sort();

interface Expected {
  title?: string;
  published: string | null;
  published_precision?: 'day' | 'month' | 'year';
  published_basis?: 'stated' | 'inferred';
  captured?: string;
  /** A warning the report must give. */
  warning?: string;
  not_in_body?: string[];
}

describe('whole-page captures', () => {
  it.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
    const article = ingestFile(join(root, name, 'input.txt'), 'input.txt');
    const f = article.frontmatter;
    if (expected.title) expect(f.title).toBe(expected.title);
    else expect(article.warnings).toContain('no headline found: title taken from the text');
    expect(f.published ?? null).toBe(expected.published);
    if (expected.published_precision) expect(f.published_precision).toBe(expected.published_precision);
    if (expected.published_basis) expect(f.published_basis).toBe(expected.published_basis);
    if (expected.warning) expect(article.warnings).toContain(expected.warning);
    expect(f.captured).toBe(expected.captured);
    // The headline is in the ledger as the title's line, never in the body.
    if (expected.title) expect(article.ledger.removed.find((r) => r.rule === 'title')?.text).toBe(expected.title);
    expect(article.text).toContain('The harbour authority approved the plans');
    for (const s of expected.not_in_body ?? []) expect(article.text).not.toContain(s);
    expect(article.text).not.toMatch(/Privacy policy|Skip to main content|Cookie settings/);
  });
});
