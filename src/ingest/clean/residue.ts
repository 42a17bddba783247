import type { Rule } from '../../article/rules.js';
import type { Block } from './blocks.js';
import { isTerminated, scanWords } from './blocks.js';
import { dateLine } from '../describe/dates.js';
import { stopDensity } from './stopwords.js';
import { isFragment, type ClassifyContext, type Figure } from './classify.js';
import type { IngestSettings } from '../settings.js';

/** A rule per block: why it is dropped, or undefined while nothing has said so. */
export type Drops = (Rule | undefined)[];
type Placed = Figure & { at: number };

/**
 * Stage 1 of cleaning: rules that know residue when they see it, block by block. Each pass
 * marks blocks the earlier ones left open:
 * 1. vocabulary, picture credits, cross-document repetition, captions glued to credits;
 * 2. the caption (and alt text) above each credit line;
 * 3. cards promoting other articles;
 * 4. labels that introduce removed residue;
 * 5. duplicates inside the document (teasers, key points, pull quotes).
 * Returns a rule id per dropped block and the figures found, in document order.
 */
export function applyRules(blocks: Block[], ctx: ClassifyContext): { drops: Drops; figures: Figure[] } {
  const drops: Drops = new Array(blocks.length).fill(undefined);
  const figures: Placed[] = [];
  markResidue(blocks, drops, figures, ctx);
  pairCredits(blocks, drops, figures, ctx.settings);
  markPromoCards(blocks, drops, ctx);
  markLabels(blocks, drops, ctx.settings);
  markDuplicates(blocks, drops, ctx.settings);
  figures.sort((a, b) => a.at - b.at);
  return { drops, figures: figures.map(({ at: _at, ...f }) => f) };
}

function markResidue(blocks: Block[], drops: Drops, figures: Placed[], ctx: ClassifyContext): void {
  const { residue, settings } = ctx;
  const n = blocks.length;
  const headEnd = Math.ceil(n * settings.zoneShare);
  const tailStart = Math.floor(n * (1 - settings.zoneShare));
  blocks.forEach((block, i) => {
    const text = block.text;
    // A saved page's markup says what is its own chrome, and which lines are only links; the
    // rules are tried only on the rest (a page's menus are many blocks, and the rules its costliest test).
    if (block.chrome) {
      drops[i] = 'page-chrome';
      return;
    }
    if ((block.linkDensity ?? 0) >= settings.maxLinkDensity && !block.heading) {
      drops[i] = 'link-list';
      return;
    }
    const rule = residue.match(text, i < headEnd ? 'head' : i >= tailStart ? 'tail' : 'body');
    if (rule) drops[i] = rule;
    else if (residue.creditOnly(text)) drops[i] = 'credit';
    else if (ctx.repeated(text) && (i < headEnd || i >= tailStart || !isProse(block, ctx))) drops[i] = 'repeated';
    else {
      const glued = residue.captionCredit(text);
      if (glued && block.words.length <= 70) {
        drops[i] = 'caption';
        figures.push({ ...glued, at: i });
      }
    }
  });
}

/**
 * In a saved page, a caption and its credit stand in one element (a figure, a caption box): a
 * paragraph outside the element that holds the credit is the article's, whatever follows it.
 * Text captures carry no elements: there the line before a credit is its caption.
 */
function sameFigure(caption: Block, credit: Block): boolean {
  // A block's ancestors are the elements open around its text: the last holds the credit line.
  const holder = credit.ancestors?.at(-1);
  if (holder === undefined || !caption.ancestors) return true;
  return caption.ancestors.includes(holder);
}

/** A credit line credits the picture whose caption stands just before it; a fragment before that is its alt text. */
function pairCredits(blocks: Block[], drops: Drops, figures: Placed[], settings: IngestSettings): void {
  for (let i = 0; i < blocks.length; i++) {
    if (drops[i] !== 'credit') continue;
    const credit = blocks[i].text.replace(/^\((.*)\)$/, '$1');
    const c = i - 1;
    if (c >= 0 && drops[c] === undefined && blocks[c].words.length <= 50 && sameFigure(blocks[c], blocks[i])) {
      drops[c] = 'caption';
      figures.push({ caption: blocks[c].text, credit, at: c });
      const alt = c - 1;
      if (alt >= 0 && drops[alt] === undefined && isFragment(blocks[alt], settings)) drops[alt] = 'caption';
    } else figures.push({ credit, at: i });
  }
}

/**
 * Cards that promote other articles: a headline doubled by the scraper (image alt text + link
 * text) with the teaser under it, or a headline and teaser closed by a date line mid-article.
 * (A date line before any prose is the byline's, not a card's.)
 */
function markPromoCards(blocks: Block[], drops: Drops, ctx: ClassifyContext): void {
  const { settings } = ctx;
  const n = blocks.length;
  let proseSeen = false;
  for (let i = 0; i < n; i++) {
    if (drops[i] !== undefined) continue;
    const afterProse = proseSeen;
    proseSeen ||= isProse(blocks[i], ctx);
    if (isDoubled(blocks[i], settings)) {
      drops[i] = 'related-link';
      if (i + 1 < n && drops[i + 1] === undefined && isTeaser(blocks[i + 1], settings)) drops[i + 1] = 'related-link';
      if (i > 0 && drops[i - 1] === undefined && isFragment(blocks[i - 1], settings)) drops[i - 1] = 'related-link';
    } else if (afterProse && blocks[i].words.length <= 8 && dateLine(blocks[i].text)) {
      drops[i] = 'related-link';
      for (let j = i - 1, teasers = 0; j >= Math.max(0, i - 4) && drops[j] === undefined; j--) {
        const b = blocks[j];
        if (isTeaser(b, settings) && isTerminated(b.text) && teasers++ === 0) drops[j] = 'related-link';
        else if (!isTerminated(b.text) && b.words.length <= settings.titleMaxWords) drops[j] = 'related-link';
        else break;
      }
    }
  }
}

/** A label that introduces removed residue goes with it ("RUSSIA LATEST:" above a caption). */
function markLabels(blocks: Block[], drops: Drops, settings: IngestSettings): void {
  for (let i = 0; i < blocks.length - 1; i++) {
    if (drops[i] === undefined && drops[i + 1] !== undefined && /:$/.test(blocks[i].text) && blocks[i].text.length < settings.shortChars) drops[i] = 'label';
  }
}

/**
 * Teasers, key points and pull quotes repeat a sentence of the article: the fuller copy stays.
 * A saved page's markup says which copy is the display one: only text it sets apart from the
 * running text (a pull quote) may go; a line its running text repeats (a nominee in two
 * categories, key points above the story, a table's values) is the page's own.
 */
function markDuplicates(blocks: Block[], drops: Drops, settings: IngestSettings): void {
  const mayGo = (b: Block) => b.ancestors === undefined || b.setApart === true;
  const seen = new Map<string, number>();
  const twin: (number | undefined)[] = [];
  blocks.forEach((block, i) => {
    if (drops[i] !== undefined) return;
    const key = block.text.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else if (mayGo(block)) drops[i] = 'duplicate';
    // The page's chrome goes by its own rule, with its own reason in the ledger.
    else if (block.chrome === undefined && block.chromeElement === undefined) twin[i] = first;
  });
  markCopies(blocks, drops, twin, settings);
  const open = blocks.map((_, i) => i).filter((i) => drops[i] === undefined);
  const candidates = open.filter((i) => blocks[i].words.length >= settings.containedWords && mayGo(blocks[i]));
  // A saved page with no pull quote needs no search (most of them).
  if (candidates.length === 0) return;
  for (const i of containedBlocks(blocks, open, candidates)) drops[i] = 'duplicate';
}

/**
 * The candidates whose text (quotes at its ends aside) stands inside another open block. A pull
 * quote the markup sets apart may capitalise the word it starts with ("Most of them…" from "…,
 * most of them…"); in text, that would take a key point for a copy of a sentence.
 *
 * Two ways to the same answer. A capture of ordinary size is searched as one string of its open
 * blocks, each candidate with `indexOf` (measured: 0.45 ms of a capture's 2.4 went on the index
 * below, which this takes down to a few hundredths). Past `SEARCHED_CHARS` (candidates × text:
 * a search of every block in every other grows with the square of the capture), the blocks are
 * indexed by their runs of GRAM words and each candidate is checked at the places its rarest run
 * puts it, linear in the capture's size.
 */
export function containedBlocks(blocks: Block[], open: number[], candidates: number[], how: 'search' | 'index' | 'auto' = 'auto'): number[] {
  const texts = candidates.map((i) => blocks[i]!.text.replace(/^[“"‘']+|[”"’']+$/g, ''));
  let size = 0;
  for (const i of open) size += blocks[i]!.text.length + 1;
  const search = how === 'search' || (how === 'auto' && size * candidates.length <= SEARCHED_CHARS && !open.some((i) => blocks[i]!.text.includes(SEPARATOR)));
  const found = search ? bySearch(blocks, open, candidates, texts) : byIndex(blocks, open, candidates, texts);
  return candidates.filter((_, c) => found[c]);
}

/** Past this many characters searched (candidates × the open text), candidates are found through the index. */
const SEARCHED_CHARS = 20_000_000;
/** Between blocks in the searched string: no block's text holds it. */
const SEPARATOR = '\u0000';

/** Whether `text` stands in `host` at `start` (its first letter in either case for a block set apart). */
function standsAt(host: string, start: number, text: string, apart: boolean): boolean {
  const first = apart ? host[start]?.toLowerCase() === text[0]!.toLowerCase() : host[start] === text[0];
  return start >= 0 && first && host.startsWith(text.slice(1), start + 1);
}

function bySearch(blocks: Block[], open: number[], candidates: number[], texts: string[]): boolean[] {
  const starts: number[] = [];
  let joined = '';
  for (const i of open) {
    starts.push(joined.length);
    joined += blocks[i]!.text + SEPARATOR;
  }
  return candidates.map((i, c) => {
    const text = texts[c]!;
    const tail = text.slice(1);
    if (tail.length === 0) return false;
    const apart = blocks[i]!.setApart === true;
    // Places come in order: the open block each falls in is found walking forward.
    let k = 0;
    for (let at = joined.indexOf(tail, 1); at !== -1; at = joined.indexOf(tail, at + 1)) {
      while (k + 1 < starts.length && starts[k + 1]! <= at - 1) k++;
      if (open[k] !== i && standsAt(blocks[open[k]!]!.text, at - 1 - starts[k]!, text, apart)) return true;
    }
    return false;
  });
}

function byIndex(blocks: Block[], open: number[], candidates: number[], texts: string[]): boolean[] {
  // Each run's places as flat pairs (block, offset): small integers, few objects to collect.
  const postings = new Map<number, number[]>();
  for (const i of open) eachGram(blocks[i].text, 0, (key, at) => {
    const list = postings.get(key);
    if (!list) postings.set(key, [i, at]);
    else if (list.length < 2 * MAX_POSTINGS) list.push(i, at);
  });
  return candidates.map((i, c) => {
    const text = texts[c]!;
    const apart = blocks[i].setApart === true;
    // Words inside the block are whole words wherever the block stands; its first word may be a word's tail.
    let rarest: number[] | undefined;
    let offset = 0;
    eachGram(text, 1, (key, at) => {
      const list = postings.get(key);
      if (list && (!rarest || list.length < rarest.length)) {
        rarest = list;
        offset = at;
      }
    });
    if (!rarest) return false;
    const list: number[] = rarest;
    for (let k = 0; k < list.length; k += 2) if (list[k] !== i && standsAt(blocks[list[k]!].text, list[k + 1]! - offset, text, apart)) return true;
    return false;
  });
}

/**
 * A saved page's running text may repeat single lines, but a run of paragraphs that repeats an
 * earlier run in order (`twin[i]`: the first block with block i's text) is a second copy of the
 * text — a pinned post, a story the page holds twice — and goes.
 */
function markCopies(blocks: Block[], drops: Drops, twin: (number | undefined)[], settings: IngestSettings): void {
  const open = blocks.map((_, i) => i).filter((i) => drops[i] === undefined);
  for (let k = 0; k < open.length; ) {
    const start = twin[open[k]!];
    if (start === undefined) {
      k++;
      continue;
    }
    // The run goes on while each next open block repeats the open block after the last one repeated.
    let length = 1;
    let words = blocks[open[k]!]!.words.length;
    const from = open.indexOf(start);
    while (k + length < open.length && from + length < k && twin[open[k + length]!] === open[from + length]) {
      words += blocks[open[k + length]!]!.words.length;
      length++;
    }
    if (length >= settings.copyRunBlocks && words >= settings.copyRunWords) for (let m = k; m < k + length; m++) drops[open[m]!] = 'duplicate';
    k += length;
  }
}

/** Runs of this many words index the blocks for containment. */
const GRAM = 4;
/** Places kept per run of words: a run repeated more often than this tells nothing. */
const MAX_POSTINGS = 64;

/**
 * Calls `visit(key, offset)` for every run of GRAM words from the `skip`-th word on, with the
 * run's first character offset. Each word is hashed once and a run's key mixes its words' hashes,
 * rather than hashing each run's text (measured: a fifth of a capture's cleaning); a collision
 * costs nothing, as every candidate is checked against the text.
 */
function eachGram(text: string, skip: number, visit: (key: number, offset: number) => void): void {
  const starts: number[] = [];
  const hashes: number[] = [];
  scanWords(text, false, (start, end) => {
    let h = 0x811c9dc5; // FNV-1a
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    starts.push(start);
    hashes.push(h);
  });
  for (let w = skip; w + GRAM <= starts.length - (skip > 0 ? 1 : 0); w++) {
    let x = 0x9e3779b9;
    let y = 0x85ebca6b;
    for (let k = w; k < w + GRAM; k++) {
      x = Math.imul(x ^ hashes[k]!, 0x5bd1e995);
      x ^= x >>> 15;
      y = Math.imul(y ^ hashes[k]!, 0x27d4eb2d) + k - w;
      y ^= y >>> 13;
    }
    // A small integer: a Map keyed so hashes it without boxing a number.
    visit((x ^ (y >>> 7)) & 0x3fffffff, starts[w]!);
  }
}

/** Prose that could be quoted by two articles alike: repetition alone does not drop it mid-text. */
function isProse(block: Block, ctx: ClassifyContext): boolean {
  return isTerminated(block.text) && block.text.length >= ctx.settings.goodChars && stopDensity(block.lower, ctx.stopList) >= ctx.settings.stopLow;
}

/** "Headline Headline": a headline twice, as scrapers join an image's alt text to its link. */
function isDoubled(block: Block, settings: IngestSettings): boolean {
  const { text } = block;
  const half = (text.length - 1) / 2;
  // Halves as long as a headline, no longer: two copies of a paragraph are text, not a link.
  if (!Number.isInteger(half) || half < 12 || block.words.length > 2 * settings.doubledMaxWords) return false;
  return text[half] === ' ' && text.slice(0, half) === text.slice(half + 1);
}

/** The one or two sentences that sell a linked article. */
function isTeaser(block: Block, settings: IngestSettings): boolean {
  return block.words.length <= 40 && block.text.length >= 20 && !isFragment(block, settings);
}
