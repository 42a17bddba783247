import type { Drops } from './residue.js';
import { words, isTerminated } from './blocks.js';
import type { Block } from './blocks.js';
import type { IngestSettings } from '../settings.js';

/** Does a block read like a headline: a run of words that does not end like a sentence? */
export function isHeadline(text: string, settings: IngestSettings): boolean {
  const n = words(text).length;
  if (n < 4 || n > settings.titleMaxWords) return false;
  return !/[.:;,]$/.test(text) || /\.\.\.$|…$/.test(text);
}

/**
 * The headline: the first headline-like block among the first few, skipping blocks the rules
 * dropped and date lines (site chrome before the headline). Prose before any headline means the
 * capture has none. Returns the block index, or undefined.
 */
export function findTitle(
  blocks: Block[],
  drops: Drops,
  isDate: (text: string) => boolean,
  settings: IngestSettings,
): number | undefined {
  let looked = 0;
  for (let i = 0; i < blocks.length && looked < settings.titleSearchBlocks; i++) {
    const text = blocks[i].text;
    if (drops[i] !== undefined || isDate(text)) continue;
    looked++;
    if (isHeadline(text, settings)) return i;
    if (isTerminated(text) && text.length >= settings.shortChars) return undefined;
  }
  return undefined;
}

/** A title made from the first sentence of the body, for captures that have no headline. */
export function titleFromBody(body: string, maxWords = 12): string {
  const w = body.split(/\s+/).slice(0, maxWords + 1);
  // The first sentence, if it ends within reach; "U.S." and "Ill." end no sentence.
  const end = w.findIndex((word, i) => i < maxWords && /[.!?]["”’]?$/u.test(word) && !/^(\p{Lu}[\p{L}.]{0,3}|\p{L}(\.\p{L})+)\.$/u.test(word));
  if (end !== -1) return w.slice(0, end + 1).join(' ').replace(/\.$/, '');
  return w.length > maxWords ? `${w.slice(0, maxWords).join(' ')}…` : w.join(' ');
}
