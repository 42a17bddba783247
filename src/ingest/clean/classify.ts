import type { Rule } from '../../article/rules.js';
import type { Drops } from './residue.js';
import type { Block } from './blocks.js';
import { isTerminated } from './blocks.js';
import type { Residue } from './vocabulary.js';
import type { IngestSettings } from '../settings.js';
import { stopDensity, type StopList } from './stopwords.js';

/** jusText's classes: good prose, near-good prose, short (judged by neighbours), bad. */
export type Quality = 'good' | 'neargood' | 'short' | 'bad';

/** What happens to one block: kept as body or subheading, or dropped with the rule that dropped it. */
export type Verdict = { keep: true; role: 'body' | 'subheading' } | { keep: false; rule: Rule };

export interface Figure {
  caption?: string;
  credit: string;
}

export interface ClassifyContext {
  residue: Residue;
  settings: IngestSettings;
  stopList: StopList;
  /** True when the block's text stands in other documents of the collection too. */
  repeated: (text: string) => boolean;
}

/** A short line without terminal punctuation: a label, an alt text, or a subheading. */
export function isFragment(block: Block, settings: IngestSettings): boolean {
  return !isTerminated(block.text) && block.words.length <= settings.fragmentWords;
}

/**
 * Stage 2 of cleaning: jusText's context-sensitive classification of what the rules left.
 * Prose (long, dense in stop words, ending like a sentence) is good; short blocks take the
 * class of their neighbours; the document's edges count as bad, so chrome at the top and
 * bottom falls away while a short quote between two paragraphs stays.
 */
export function classifyProse(blocks: Block[], drops: Drops, ctx: ClassifyContext, kept: Set<number> = new Set()): Verdict[] {
  const { settings, stopList } = ctx;
  const open = blocks.map((_, i) => i).filter((i) => drops[i] === undefined);
  const quality = new Map<number, Quality>();
  for (const i of open) quality.set(i, initialQuality(blocks[i], settings, stopList));

  const seq = open.map((i) => quality.get(i)!);
  // The nearest class on each side, found in one pass each way (a scan per block would be
  // quadratic on a capture of thousands of short lines): [either side][skipping near-good or not].
  const nearest = (step: -1 | 1, skipNearGood: boolean): Quality[] => {
    const out: Quality[] = new Array(seq.length);
    let last: Quality = 'bad'; // the document's edges count as bad
    // Looking left, walk from the start; looking right, from the end.
    const walk = -step;
    for (let j = walk === 1 ? 0 : seq.length - 1; j >= 0 && j < seq.length; j += walk) {
      out[j] = last;
      const q = seq[j];
      if (q === 'good' || q === 'bad' || (q === 'neargood' && !skipNearGood)) last = q;
    }
    return out;
  };
  const table = { '-1': { true: nearest(-1, true), false: nearest(-1, false) }, '1': { true: nearest(1, true), false: nearest(1, false) } };
  const neighbour = (k: number, step: -1 | 1, skipNearGood: boolean): Quality => table[step][`${skipNearGood}`][k]!;
  // Short blocks first (they see near-good neighbours as neither), then near-good ones.
  const resolved = [...seq];
  seq.forEach((q, k) => {
    if (q !== 'short') return;
    const prev = neighbour(k, -1, true);
    const next = neighbour(k, 1, true);
    if (prev === 'good' && next === 'good') resolved[k] = 'good';
    else if (prev === 'bad' && next === 'bad') resolved[k] = 'bad';
    else if ((prev === 'bad' && neighbour(k, -1, false) === 'neargood') || (next === 'bad' && neighbour(k, 1, false) === 'neargood')) resolved[k] = 'good';
    else resolved[k] = 'bad';
  });
  seq.forEach((q, k) => {
    if (q !== 'neargood') return;
    const prev = neighbour(k, -1, true);
    const next = neighbour(k, 1, true);
    resolved[k] = prev === 'bad' && next === 'bad' ? 'bad' : 'good';
  });

  // A capture with no prose at all (a list, a table, a scoreline) keeps what the rules left, as
  // text, unless what is left is mostly the site's own menus and links: then it is page furniture.
  const noProse = !resolved.includes('good');
  const furniture = noProse && open.filter((i) => ctx.residue.furniture(blocks[i].text)).length * 2 >= open.length;
  if (noProse) resolved.fill(furniture ? 'bad' : 'good');

  // Two or more fragments in a row between paragraphs are a list (nominees, results): kept as text.
  const goodFragment = (k: number) => k >= 0 && k < open.length && resolved[k] === 'good' && isFragment(blocks[open[k]], settings);
  const isListItem = (k: number) => !noProse && goodFragment(k) && (goodFragment(k - 1) || goodFragment(k + 1));
  // Fragments that survived between paragraphs are subheadings when the article has a series of
  // them, each followed by prose; a lone one is more likely a picture's alt text.
  const isSubheading = (k: number) => {
    if (noProse || !goodFragment(k) || isListItem(k)) return false;
    const next = resolved.indexOf('good', k + 1);
    return next !== -1 && !isFragment(blocks[open[next]], settings);
  };
  const headings = open.filter((_, k) => isSubheading(k)).length;
  const keepFragments = headings >= settings.minSubheadings;

  const verdicts: Verdict[] = blocks.map((_, i) => ({ keep: false, rule: drops[i] ?? 'boilerplate' }));
  open.forEach((i, k) => {
    // Kept whatever its class (a wire credit, a line the page's markup puts in the article's text):
    // a heading of the page, or a line the text marks as one, is still a subheading.
    if (kept.has(i)) verdicts[i] = { keep: true, role: (blocks[i]!.heading ?? 1) > 1 || (keepFragments && isSubheading(k)) ? 'subheading' : 'body' };
    else if (furniture) verdicts[i] = { keep: false, rule: 'furniture' };
    else if (resolved[k] !== 'good') {
      verdicts[i] = { keep: false, rule: seq[k] === 'bad' && isHeadlineLike(blocks[i], settings) ? 'headline-link' : 'boilerplate' };
    } else if (noProse || !isFragment(blocks[i], settings) || isListItem(k)) verdicts[i] = { keep: true, role: 'body' };
    else if (keepFragments && isSubheading(k)) verdicts[i] = { keep: true, role: 'subheading' };
    else verdicts[i] = { keep: false, rule: 'fragment' };
  });
  return verdicts;
}

/** An unterminated run of words as long as a headline: a link to another article or a caption. */
function isHeadlineLike(block: Block, settings: IngestSettings): boolean {
  // Two sentences inside make it prose that lost its last full stop, not a headline.
  return !isTerminated(block.text) && block.words.length >= settings.headlineWords && !/[.!?][”"’]?\s+[“"‘]?\p{Lu}/u.test(block.text);
}

/** jusText's first judgement of one block, before its neighbours are looked at. */
export function initialQuality(block: Block, settings: IngestSettings, stopList: StopList): Quality {
  const { text, words: w } = block;
  if (isHeadlineLike(block, settings) && w.length < 40) return 'bad';
  if (text.length < settings.shortChars) return 'short';
  const density = stopDensity(block.lower, stopList);
  if (density >= settings.stopHigh) return text.length >= settings.goodChars && isTerminated(text) ? 'good' : 'neargood';
  if (density >= settings.stopLow) return 'neargood';
  // Dense reporting (markets, sport) is light in stop words but still ends its sentences.
  if (density >= settings.stopFloor && isTerminated(text) && text.length >= settings.goodChars) return 'neargood';
  return 'bad';
}
