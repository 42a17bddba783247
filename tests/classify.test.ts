import { describe, expect, it } from 'vitest';
import { classifyProse } from '../src/ingest/clean/classify.js';
import { toBlocks } from '../src/ingest/clean/blocks.js';
import { stopListFor } from '../src/ingest/clean/stopwords.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { project } from './helpers.js';

const prose = (n: number) => `The council said on Tuesday that it would vote again on the plans after residents objected to them, number ${n}.`;
const verdicts = (text: string) => {
  const blocks = toBlocks(text);
  const { list } = stopListFor(blocks.flatMap((b) => b.lower));
  const v = classifyProse(blocks, new Array(blocks.length).fill(undefined), { residue: project().residue, settings: defaultSettings, stopList: list, repeated: () => false });
  return blocks.map((b, i) => [b.text.slice(0, 20), v[i].keep ? v[i].role : v[i].rule]);
};

describe('classifyProse', () => {
  it('keeps a short quote between two paragraphs and drops short lines at the edges', () => {
    const v = verdicts(`Menu\n\n${prose(1)}\n\nHe replied: “I wish I knew.”\n\n${prose(2)}\n\nLeave us a tip`);
    expect(v.map(([, r]) => r)).toEqual(['boilerplate', 'body', 'body', 'body', 'boilerplate']);
  });

  it('drops a headline-length line that does not end like a sentence', () => {
    const v = verdicts(`${prose(1)}\n\nTen things you never knew about the history of your local council offices\n\n${prose(2)}`);
    expect(v[1][1]).toBe('headline-link');
  });

  it('keeps a capture with no prose at all (a list) as it is', () => {
    const v = verdicts('Blur\n\nJ Hus\n\nLittle Simz\n\nRaye');
    expect(v.every(([, r]) => r === 'body')).toBe(true);
  });

  it('keeps a series of fragments followed by prose as subheadings, and drops a lone one', () => {
    const series = verdicts(`${prose(1)}\n\nEnergy bills\n\n${prose(2)}\n\nTrain fares\n\n${prose(3)}`);
    expect(series.map(([, r]) => r)).toEqual(['body', 'subheading', 'body', 'subheading', 'body']);
    const lone = verdicts(`${prose(1)}\n\nKherson soldiers\n\n${prose(2)}`);
    expect(lone[1][1]).toBe('fragment');
  });
});
