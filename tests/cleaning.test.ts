import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { fixtures, ingestFile } from './helpers.js';
import { serialise } from '../src/ingest/write/frontmatter.js';

// Folder-per-case fixtures: input.txt beside expected.md (the whole article file ingest writes).
// UPDATE=1 npm test regenerates the expected files; review the diff before committing.
const root = join(fixtures, 'cleaning');
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'input.txt')));

describe('cleaning fixtures', () => {
  it.each(cases)('%s: the article matches expected.md', (name) => {
    const article = ingestFile(join(root, name, 'input.txt'), 'input.txt');
    const { markdown } = serialise(article);
    const expectedPath = join(root, name, 'expected.md');
    if (process.env.UPDATE === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, markdown);
    expect(markdown).toBe(readFileSync(expectedPath, 'utf8'));
  });
});

describe('what the fixtures show', () => {
  const body = (name: string) => matter(readFileSync(join(root, name, 'expected.md'), 'utf8'));

  it('joins hard-wrapped lines into one paragraph per blank-line block', () => {
    const paragraphs = body('hard-wraps').content.trim().split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toContain('a new ferry terminal on Tuesday, ending an inquiry that had run for more than three years');
  });

  it('never turns an indented line into a code block', () => {
    expect(body('indentation').content).not.toMatch(/^( {4}|\t)/m);
  });

  it('names an aggregator from its own disclaimer', () => {
    expect(body('residue-vocabulary').data.site).toBe('Example Aggregator');
  });

  it('drops known residue and records each removed line with its rule', () => {
    const article = ingestFile(join(root, 'residue-vocabulary', 'input.txt'));
    const rules = Object.fromEntries(article.ledger.removed.map((r) => [r.line, r.rule]));
    expect(rules).toMatchObject({ 5: 'read-more', 9: 'section-link', 10: 'section-link', 12: 'consent', 16: 'share-follow', 18: 'share-follow', 20: 'aggregator', 22: 'comments' });
    expect(article.body).not.toMatch(/READ MORE|POLL|sign-up|Denial|Leave a comment/);
  });

  it('keeps captions glued to credits, credit lines and parenthesised credits as figures', () => {
    const { data, content } = body('captions-and-credits');
    expect(data.figures).toEqual([
      { caption: 'Minister visits flooded town as clean-up begins', credit: 'Getty' },
      { caption: 'Volunteers fill sandbags in the town square', credit: 'Reuters' },
      { caption: 'A resident carries a child through floodwater on Wednesday.', credit: 'Jane Smith/AP' },
    ]);
    expect(content).not.toMatch(/Getty|Reuters|Jane Smith|sandbags/);
  });

  it('skips the site chrome above the headline and reads its date as the capture date', () => {
    const { data, content } = body('chrome-before-headline');
    expect(data.title).toBe('Dockers walk out over pay as talks with port owners collapse');
    expect(data.captured).toBe('2024-07-23');
    expect(data.published).toBe('2022-11-10');
    expect(data.published_basis).toBe('inferred');
    expect(content).not.toMatch(/Top 5|Related Posts|Port workers|Leave a Reply|Popular Articles/);
  });

  it('reads a date line under the headline as the stated publication date, and drops the byline', () => {
    const { data, content } = body('byline-date');
    expect(data).toMatchObject({ published: '2024-02-29', published_precision: 'day', published_basis: 'stated' });
    expect(data.captured).toBeUndefined();
    expect(content).not.toMatch(/Jane Doe|February 29/);
  });

  it('keeps a series of short subheadings as headings', () => {
    const { content } = body('subheadings');
    expect(content).toContain('## Energy bills');
    expect(content).toContain('## Childcare');
  });

  it('keeps a list of short items as text, and drops a lone fragment', () => {
    const { content } = body('lists');
    expect(content).toContain('\n\nBlur\n\nYoung Fathers\n\nLittle Simz\n\nArlo Parks\n\n');
    expect(content).not.toContain('Festival photo');
    expect(content).not.toContain('##');
  });

  it('drops cards that promote other articles: dated teasers and doubled headlines', () => {
    const article = ingestFile(join(root, 'related-cards', 'input.txt'));
    const rules = Object.fromEntries(article.ledger.removed.map((r) => [r.line, r.rule]));
    expect(rules).toMatchObject({ 5: 'related-link', 7: 'related-link', 9: 'related-link', 11: 'related-link', 17: 'related-link', 19: 'related-link', 21: 'related-link', 23: 'author-bio' });
    expect(article.body.trim().split('\n\n')).toHaveLength(3);
  });

  it('drops script text and shows inline tags as text', () => {
    const { content } = body('script-and-markup');
    expect(content).not.toContain('dataLayer');
    expect(content).toContain('\\<b\\>free trial\\</b\\>');
  });

  it('keeps lines of dashes out of the frontmatter and out of the text', () => {
    const { data, content } = body('rules-of-dashes');
    expect(data.title).toBe('Village celebrates the reopening of its only shop');
    expect(content).not.toMatch(/^(---|\* \* \*)$/m);
    expect(content).toContain('\\- the shop will open every day except Sunday');
  });
});
