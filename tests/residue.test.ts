import { describe, expect, it } from 'vitest';
import { applyRules, containedBlocks } from '../src/ingest/clean/residue.js';
import { toBlocks } from '../src/ingest/clean/blocks.js';
import { stopListFor } from '../src/ingest/clean/stopwords.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { project } from './helpers.js';

const prose = 'The council voted on Tuesday to approve the new plans after a long debate in which residents spoke for hours.';
const run = (text: string, repeated: (t: string) => boolean = () => false) => {
  const blocks = toBlocks(text);
  const { list } = stopListFor(blocks.flatMap((b) => b.lower));
  const result = applyRules(blocks, { residue: project().residue, settings: defaultSettings, stopList: list, repeated });
  return { ...result, rule: (line: number) => result.drops[blocks.findIndex((b) => b.first === line)] };
};

describe('applyRules', () => {
  it('drops vocabulary matches with their rule id', () => {
    expect(run(`${prose}\n\nREAD MORE: Another story entirely\n\n${prose} Again.`).rule(3)).toBe('read-more');
  });

  it('drops advertising and reading-aid labels on a line of their own, and keeps a sentence that uses their words', () => {
    const labels = ['Story continues below advertisement', 'Skip Advertisement', 'Continue reading the main story', 'Listen to this article 4 min', '3 min read', 'Loading...'];
    const text = [prose, ...labels, 'Continue reading the report, the minister told the house, and you will find the answer there.', prose].join('\n\n');
    const r = run(text);
    labels.forEach((_, k) => expect(r.rule(3 + 2 * k)).toBe('site-menu'));
    expect(r.rule(3 + 2 * labels.length)).toBeUndefined();
  });

  it('drops blocks repeated across the collection at the edges, but not shared prose mid-text', () => {
    const shared = `${prose} Shared.`;
    const text = `Site banner\n\n${prose}\n\n${prose} One.\n\n${prose} Two.\n\n${shared}\n\n${prose} Three.\n\n${prose} Four.\n\n${prose} Five.\n\n${prose} Six.\n\nSite footer`;
    const r = run(text, (t) => t === 'Site banner' || t === 'Site footer' || t === shared);
    expect(r.rule(1)).toBe('repeated');
    expect(r.rule(19)).toBe('repeated');
    expect(r.rule(9)).toBeUndefined();
  });

  it('pairs a credit line with the caption above it, and that caption’s alt text', () => {
    const r = run(`${prose}\n\nTank in war\n\nSoldiers advance near the front line,\n\nReuters\n\n${prose} Again.`);
    expect([r.rule(3), r.rule(5), r.rule(7)]).toEqual(['caption', 'caption', 'credit']);
    expect(r.figures).toEqual([{ caption: 'Soldiers advance near the front line,', credit: 'Reuters' }]);
  });

  it('drops a label that introduces removed residue', () => {
    expect(run(`${prose}\n\nRUSSIA LATEST:\n\nSoldiers advance near the front line,\n\nReuters\n\n${prose} Again.`).rule(3)).toBe('label');
  });

  it('keeps the fuller of two copies: a key point repeated in the text goes', () => {
    const point = 'Applications to refinance a home loan were 7% lower than the previous week.';
    const r = run(`${point}\n\n${prose} ${point} More follows here.`);
    expect(r.rule(1)).toBe('duplicate');
    expect(r.rule(3)).toBeUndefined();
  });

  it('finds the same blocks inside others by searching the text as through the index of word runs', () => {
    const point = 'Applications to refinance a home loan were 7% lower than the previous week.';
    const quote = 'most of them had never voted before and said they would again';
    const text = [
      point, // inside the next block, mid-sentence: goes
      `${prose} ${point} More follows here.`,
      `“${prose.slice(4)}”`, // quoted, from the second word of the first block's sentence: goes
      `Most of them had never voted before and said they would again`, // another case, not set apart: stays
      `The organisers said ${quote}, which pleased them.`,
      'The harbour will reopen in the spring once the new cranes are installed and tested.', // nowhere else: stays
      'Applications to refinance a home loan were 7% lower than the previous week, the survey found.', // not inside: longer
    ].join('\n\n');
    const blocks = toBlocks(text);
    const open = blocks.map((_, i) => i);
    const candidates = open.filter((i) => blocks[i]!.words.length >= defaultSettings.containedWords);
    const search = containedBlocks(blocks, open, candidates, 'search');
    expect(search).toEqual([0, 2]);
    expect(containedBlocks(blocks, open, candidates, 'index')).toEqual(search);
    // A pull quote the markup sets apart may capitalise its first word.
    blocks[3]!.setApart = true;
    expect(containedBlocks(blocks, open, candidates, 'search')).toEqual([0, 2, 3]);
    expect(containedBlocks(blocks, open, candidates, 'index')).toEqual([0, 2, 3]);
  });

  it('keeps a date line before any prose for the byline, and drops one that closes a card after prose', () => {
    const r = run(`February 29, 2024\n\n${prose}\n\nVoter guide to the election\n\nRead up on the races in every ward.\n\nFeb. 1, 2024\n\n${prose} Again.`);
    expect(r.rule(1)).toBeUndefined();
    expect([r.rule(5), r.rule(7), r.rule(9)]).toEqual(['related-link', 'related-link', 'related-link']);
  });
});
