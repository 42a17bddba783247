import { describe, expect, it } from 'vitest';
import { normaliseLine, toBlocks, words } from '../src/ingest/clean/blocks.js';

describe('normaliseLine', () => {
  it('decodes HTML entities a scraper left in the text', () => {
    expect(normaliseLine('the MBA&#x27;s chief &amp; staff')).toBe('the MBA\'s chief & staff');
  });

  it('folds runs of white space, NBSP and tabs into one space and trims indentation', () => {
    expect(normaliseLine('\t   two\u00a0\u00a0words   here  ')).toBe('two words here');
  });

  it('removes zero-width characters and soft hyphens', () => {
    expect(normaliseLine('in\u200bvisible soft\u00adhyphen')).toBe('invisible softhyphen');
  });

  it('keeps typography exactly: curly quotes, dashes, ellipses', () => {
    const s = '“Quoted” – ‘single’ — and so on…';
    expect(normaliseLine(s)).toBe(s);
  });
});

describe('toBlocks', () => {
  it('joins a hard-wrapped paragraph and keeps its raw line numbers', () => {
    const blocks = toBlocks('Title line here\n\nThe report showed that two-thirds of its tank force\nhas also been destroyed, alongside 315,000 of its\nsoldiers.\n');
    expect(blocks.map((b) => [b.first, b.last])).toEqual([[1, 1], [3, 5]]);
    expect(blocks[1].text).toBe('The report showed that two-thirds of its tank force has also been destroyed, alongside 315,000 of its soldiers.');
  });

  it('joins a line ending in a dangling function word or a comma', () => {
    expect(toBlocks('Pre-invasion, Russia had a force of 360,000 soldiers and\n3,500 tanks.')[0].text).toBe('Pre-invasion, Russia had a force of 360,000 soldiers and 3,500 tanks.');
    expect(toBlocks('Since then,\nMoscow has said nothing.')).toHaveLength(1);
  });

  it('keeps lines that end sentences or look like a list of links apart', () => {
    const blocks = toBlocks('First headline of a related story[NEWS]\nSecond headline of another story[POLL]\nA sentence that ends.\nAnother sentence.');
    expect(blocks).toHaveLength(4);
  });

  it('keeps a word hyphenated across a wrap whole', () => {
    expect(toBlocks('a well-\nknown fact.')[0].text).toBe('a well-known fact.');
  });
});

describe('words', () => {
  it('finds what /[\\p{L}\\p{N}][\\p{L}\\p{N}\'’.-]*/gu finds, astral letters included', () => {
    for (const s of ['The U.S. Air Force’s x-ray, 3.5% — “quoted”', 'emoji 😀 here', '𝐀𝐁𝐂 bold math', 'Zürich café naïve', '', '...']) {
      expect(words(s)).toEqual(s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []);
    }
  });
});

describe('normaliseLine on every kind of white space', () => {
  it('folds each Unicode space character like a plain space', () => {
    for (const space of ['\t', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\f', '\v']) {
      expect(normaliseLine(`a${space}b`)).toBe('a b');
    }
  });
});
