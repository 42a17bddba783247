import { describe, expect, it } from 'vitest';
import { isHeadline, titleFromBody } from '../src/ingest/clean/title.js';
import { defaultSettings } from '../src/ingest/settings.js';

describe('titleFromBody', () => {
  it('takes a short first sentence whole', () => {
    expect(titleFromBody('Markets fell sharply on Monday. Traders blamed rates.')).toBe('Markets fell sharply on Monday');
  });

  it('does not stop at an abbreviation or initialism', () => {
    expect(titleFromBody('CHARLESTON, Ill. (AP) — Tiger Booker’s 33 points led Eastern Illinois over SIU-Edwardsville on Tuesday night.')).toBe('CHARLESTON, Ill. (AP) — Tiger Booker’s 33 points led Eastern Illinois over…');
    expect(titleFromBody('The U.S. Air Force said so.')).toBe('The U.S. Air Force said so');
  });

  it('cuts a long first sentence at twelve words', () => {
    expect(titleFromBody('one two three four five six seven eight nine ten eleven twelve thirteen fourteen.')).toBe('one two three four five six seven eight nine ten eleven twelve…');
  });
});

describe('isHeadline', () => {
  it('accepts a run of words that does not end like a sentence', () => {
    expect(isHeadline('Putin faces growing revolt as Kremlin’s soldiers threaten to ‘march on Russia’', defaultSettings)).toBe(true);
    expect(isHeadline('Is this the end of the high street?', defaultSettings)).toBe(true);
  });

  it('refuses sentences, labels and fragments', () => {
    expect(isHeadline('The council voted on Monday to keep the library open.', defaultSettings)).toBe(false);
    expect(isHeadline('Related Posts', defaultSettings)).toBe(false);
    expect(isHeadline('The nominees are:', defaultSettings)).toBe(false);
  });
});
