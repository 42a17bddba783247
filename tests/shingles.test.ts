import { describe, expect, it } from 'vitest';
import { scoreDocument, summarise } from '../src/eval/shingles.js';

describe('shingle metric', () => {
  it('scores identical text 1', () => {
    expect(scoreDocument('a', 'one two three four five six', 'one two three four five six')).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('counts extra text against precision and missing text against recall', () => {
    const s = scoreDocument('a', 'one two three four five six seven', 'one two three four five six');
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo(3 / 4);
  });

  it('ignores punctuation and white space', () => {
    expect(scoreDocument('a', 'one, two — three\n\nfour five', 'one two three four five').f1).toBe(1);
  });

  it('averages precision and recall over documents, F1 of the averages', () => {
    const s = summarise([
      { id: 'a', precision: 1, recall: 0.5, f1: 0 },
      { id: 'b', precision: 0.5, recall: 1, f1: 0 },
    ]);
    expect(s).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
  });
});
