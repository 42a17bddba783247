import { describe, expect, it } from 'vitest';
import { repairParagraph, stripInline } from '../src/ingest/clean/repair.js';

describe('repairParagraph', () => {
  it('joins a drop cap to its word', () => {
    expect(repairParagraph('L ast autumn, Christa was floundering.', 'en')).toBe('Last autumn, Christa was floundering.');
  });

  it('leaves "A" and "I" alone: they are words', () => {
    expect(repairParagraph('A man said so.', 'en')).toBe('A man said so.');
    expect(repairParagraph('I was there.', 'en')).toBe('I was there.');
  });

  it('removes the space a link left before punctuation', () => {
    expect(repairParagraph('outside the Israeli Embassy , while declaring it .', 'en')).toBe('outside the Israeli Embassy, while declaring it.');
    expect(repairParagraph('Q : Does it bother you?', 'en')).toBe('Q: Does it bother you?');
  });

  it('keeps spaced ellipses and French spacing', () => {
    expect(repairParagraph('Like them all . . . I hate it.', 'en')).toBe('Like them all . . . I hate it.');
    expect(repairParagraph('Le CAC 40 est stable : il gagne 0,2 % !', 'fr')).toBe('Le CAC 40 est stable : il gagne 0,2 % !');
  });
});

describe('stripInline', () => {
  it('removes link labels inside a paragraph and says what it removed', () => {
    const rules = [{ id: 'link-label', test: /\s?[,(]?\s?\(?opens (in )?(a )?new (tab|window)\)?/giu }];
    expect(stripInline('Le CAC 40 (.FCHI) , opens new tab est stable, et le Dax (.GDAXI) , opens new tab aussi.', rules)).toEqual({
      text: 'Le CAC 40 (.FCHI) est stable, et le Dax (.GDAXI) aussi.',
      removed: [
        { rule: 'link-label', text: ', opens new tab' },
        { rule: 'link-label', text: ', opens new tab' },
      ],
    });
  });

  it('leaves a paragraph without such phrases as it is', () => {
    expect(stripInline('Nothing to remove here.', [])).toEqual({ text: 'Nothing to remove here.', removed: [] });
  });
});
