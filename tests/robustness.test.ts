import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textCapture } from '../src/ingest/read/text.js';
import { ingestCapture } from '../src/ingest/pipeline.js';
import { ingestTask } from '../src/ingest/run/tasks.js';
import { serialise } from '../src/ingest/write/frontmatter.js';
import { project } from './helpers.js';

describe('robustness', () => {
  // Regression: a stop-word sample taken with push(...words) overflowed the stack on a 1 MB line.
  it('ingests a capture whose text is one enormous line', () => {
    const sentence = 'The council said on Monday that it would vote again after residents objected in 2023. ';
    const text = `A capture that is one enormous line of text\n\n${sentence.repeat(12_000)}`;
    const article = ingestCapture(textCapture('long.txt', Buffer.from(text), text), project());
    expect(article.frontmatter.words).toBeGreaterThan(150_000);
  });

  // Regression: a paragraph that is one sentence repeated read as a doubled headline link and vanished.
  it('does not mistake a long paragraph made of one repeated sentence for a doubled headline', () => {
    const sentence = 'The council said on Monday that it would vote again after residents objected. ';
    const text = `Council votes again\n\n${sentence.repeat(4).trim()}`;
    expect(ingestCapture(textCapture('r.txt', Buffer.from(text), text), project()).frontmatter.words).toBe(52);
  });

  it('turns a failure inside a stage into a skip with the reason, not a crash of the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clippings-robust-'));
    writeFileSync(join(dir, 'a.txt'), 'A headline for a capture that breaks\n\nSome text of the article that ends like a sentence.');
    const result = await ingestTask({ path: join(dir, 'a.txt'), file: 'a.txt' }, project(), () => {
      throw new Error('index unavailable');
    });
    expect(result).toEqual([{ id: 'a.txt', ok: false, reason: 'ingest failed: index unavailable' }]);
  });
});

describe('titles of last resort', () => {
  // Regression (found by fuzzing): text of punctuation only gave an empty title, which the schema refuses.
  it('names an article after its file when its text has no words to make a title of', () => {
    const text = '. # … . ~\t    1. `“> ]';
    const article = ingestCapture(textCapture('dir/odd-capture.txt', Buffer.from(text), text), project());
    expect(article.frontmatter.title).toBe('odd-capture');
    expect(() => serialise(article)).not.toThrow();
  });
});
