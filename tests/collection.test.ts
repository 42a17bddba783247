import { describe, expect, it } from 'vitest';
import { RepetitionIndex, RepeatedBlocks, blockKeys, probableVersion } from '../src/ingest/clean/repetition.js';
import { hash53 } from '../src/article/hash.js';
import { toBlocks } from '../src/ingest/clean/blocks.js';
import { defaultSettings } from '../src/ingest/settings.js';

const footer = 'The Example Press is an independent news organization dedicated to factual reporting since 1846.';

describe('RepetitionIndex', () => {
  it('counts in how many documents a block stands, once per document', () => {
    const index = new RepetitionIndex();
    index.add(blockKeys(`First story text here.\n\n${footer}\n\n${footer}`));
    index.add(blockKeys(`Second story text here.\n\n${footer}`));
    expect(index.others(footer)).toBe(1);
    expect(index.others('First story text here.')).toBe(0);
    expect(index.repeated(1).has(footer)).toBe(true);
    expect(index.repeated(2).has(footer)).toBe(false);
  });

  it('ignores case and spacing as the cleaner does', () => {
    const index = new RepetitionIndex();
    index.add(blockKeys('ADVERTISEMENT'));
    index.add(blockKeys('  Advertisement  '));
    expect(index.repeated(1).has('advertisement')).toBe(true);
  });

  it('hands workers a set that answers the same', () => {
    const index = new RepetitionIndex();
    index.add(blockKeys(footer));
    index.add(blockKeys(footer));
    expect(new RepeatedBlocks(index.repeated(1).toArray()).has(footer)).toBe(true);
  });

  it('hashes deterministically', () => {
    expect(hash53('same text')).toBe(hash53('same text'));
    expect(hash53('same text')).not.toBe(hash53('same text.'));
  });
});

describe('probableVersion', () => {
  const headline = 'Ferry operator cancels winter crossings after engine failure';
  const prose = 'The ferry operator cancelled all winter crossings on Monday after an engine failure on its only vessel.';
  const other = 'The company said repairs would take at least six weeks and that a ship had been chartered.';

  it('sees a version in a capture that shares its headline and much of its prose', () => {
    const blocks = toBlocks(`${headline}\n\n${prose}\n\n${other} Updated.`);
    const shared = new Set([headline, prose].map((t) => t.toLowerCase()));
    expect(probableVersion(blocks, (t) => shared.has(t.toLowerCase()), defaultSettings)).toBeGreaterThan(0);
  });

  it('sees none in a capture that shares only a site footer', () => {
    const blocks = toBlocks(`${headline}\n\n${prose}\n\n${other}\n\n${footer}`);
    expect(probableVersion(blocks, (t) => t === footer, defaultSettings)).toBe(0);
  });
});
