import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArticles, readArticleText } from '../src/site/read/model.js';

const front = (extra: string) => `---
title: T
slug: t
${extra}topics: []
people: []
places: []
organizations: []
words: 1
source:
  file: t.txt
  sha256: ${'a'.repeat(64)}
  bytes: 1
---
Text.
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clippings-articles-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('loadArticles', () => {
  it('reads an unquoted YAML date as the day it names', () => {
    const [a] = loadArticles(folder({ 't.md': front('published: 2021-03-04\npublished_precision: day\npublished_basis: curator\n') }));
    expect(a!.published).toBe('2021-03-04');
  });

  it.each([
    ['an unquoted impossible date', 'published: 2023-02-30\npublished_precision: day\npublished_basis: curator\n'],
    ['a quoted impossible date', "published: '2023-13-45'\npublished_precision: day\npublished_basis: curator\n"],
  ])('refuses %s, naming the file and the field', (_, extra) => {
    const dir = folder({ 'bad-date.md': front(extra) });
    expect(() => loadArticles(dir)).toThrow(new RegExp(`${join(dir, 'bad-date.md')}: frontmatter does not fit the schema.*not a day of the calendar.*published`));
  });

  it('stops with the file and the problem when the frontmatter breaks the schema', () => {
    const dir = folder({ 't.md': front('').replace('words: 1', 'words: many') });
    expect(() => loadArticles(dir)).toThrow(/t\.md: frontmatter does not fit the schema.*words/);
  });

  it('refuses JavaScript frontmatter without running it', () => {
    const marker = join(tmpdir(), `clippings-js-frontmatter-${process.pid}`);
    const dir = folder({ 'js.md': `---js\n{ title: (() => { require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); return 'x'; })() }\n---\nText.\n` });
    expect(() => loadArticles(dir)).toThrow(/js\.md: cannot read the frontmatter: frontmatter in JavaScript is not read/);
    expect(existsSync(marker)).toBe(false);
  });

  it('gives a page by the file name, whatever permalink or layout the frontmatter names', () => {
    const [a] = loadArticles(folder({ 'x.md': front('permalink: /assets/highlight.js\nlayout: evil.njk\n') }));
    expect(a!.url).toBe('/articles/x/');
  });

  it('counts the lines each rule removed from the ledger beside the article, and reads the ledger for its page', () => {
    const [a] = loadArticles(folder({ 't.md': front(''), 't.11tydata.json': '{"removed":[{"line":2,"rule":"consent","text":"Sign up"},{"line":3,"rule":"consent","text":"Log in"}]}' }));
    expect(a!.removedByRule).toEqual({ consent: 2 });
    expect(readArticleText(a!).removed).toEqual([
      { line: 2, rule: 'consent', text: 'Sign up' },
      { line: 3, rule: 'consent', text: 'Log in' },
    ]);
  });

  it('leaves hidden files, links, pipes and other files alone', () => {
    const dir = folder({ 't.md': front(''), '.hidden.md': front(''), 'notes.txt': 'x', 'x.11ty.js': 'throw new Error("ran")' });
    symlinkSync('/etc/passwd', join(dir, 'link.md'));
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    expect(loadArticles(dir).map((a) => a.url)).toEqual(['/articles/t/']);
  });
});
