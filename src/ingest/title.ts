import { words, isTerminated } from './blocks.js';
import type { Block } from './blocks.js';
import type { IngestSettings } from './settings.js';

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
  drops: (string | undefined)[],
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
  const sentence = body.split(/(?<=[.!?])\s/u)[0] ?? body;
  const w = sentence.split(/\s+/);
  return w.length <= maxWords ? sentence.replace(/[.]$/, '') : `${w.slice(0, maxWords).join(' ')}…`;
}
