import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleBody, splitArticle } from '../src/article/parse.js';
import { projectRoot } from './helpers.js';

/** Article files of the fixtures: ingest's own, a curator's, hostile ones. */
function fixtureArticles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.md') && !e.name.startsWith('README')) out.push(join(dir, e.name));
    }
  };
  walk(join(projectRoot, 'tests', 'fixtures'));
  return out;
}

describe('articleBody', () => {
  it('gives the body splitArticle gives, for every article file of the fixtures and for edge shapes', () => {
    const files = fixtureArticles();
    expect(files.length).toBeGreaterThan(10);
    const texts = [
      ...files.map((f) => readFileSync(f, 'utf8')),
      '---\ntitle: x\n---\r\nbody after CRLF\n',
      '---\ntitle: x\n---',
      'no frontmatter at all\n',
      '---\n---\nempty frontmatter\n',
      '\ufeff---\ntitle: x\n---\nbody after a byte order mark\n',
    ];
    for (const text of texts) expect(articleBody(text, 'f.md')).toBe(splitArticle(text, 'f.md').body);
  });

  it('does not read the frontmatter, and still refuses JavaScript frontmatter', () => {
    expect(articleBody('---\ntitle: [unclosed\n---\nThe body.\n', 'f.md')).toBe('The body.\n');
    expect(() => articleBody('---js\n{ title: process.exit(1) }\n---\nThe body.\n', 'evil.md')).toThrow(/evil\.md: .*JavaScript/);
  });
});
