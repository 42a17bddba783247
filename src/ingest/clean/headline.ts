import type { Drops } from './residue.js';
import type { Block } from './blocks.js';
import type { Quality } from './classify.js';
import type { StopList } from './stopwords.js';
import type { IngestSettings } from '../settings.js';

/** What the headline finder knows of each block besides its text. */
export interface HeadlineContext {
  blocks: Block[];
  /** The rule that dropped each block so far, if any. */
  drops: Drops;
  /** jusText's first judgement of each open block (undefined for dropped ones). */
  quality: (Quality | undefined)[];
  /** A dateline ("Published Feb 28, 2024", "by Jane Doe March 3, 2024"). */
  isDateline: (text: string) => boolean;
  /** A label of the site's own menus ("Sport", "Privacy policy"). */
  isFurniture: (text: string) => boolean;
  /** A caption glued to its credit ("… Photograph: Jane Doe/Getty"): never a headline. */
  isCaption: (text: string) => boolean;
  /** The block stands in other captures of the collection too (site chrome, not this article). */
  repeated: (text: string) => boolean;
  stopList: StopList;
  settings: IngestSettings;
}

/**
 * Rules whose blocks may still be the headline: a headline repeated in the page or linked from
 * other captures, one taken for a caption (a lead picture's credit below it), or for a promo card.
 */
const HEADLINE_MAY_BE = new Set(['duplicate', 'repeated', 'caption', 'related-link']);
/** A line wholly in parentheses or brackets: a credit or an aside, never a headline. */
const PARENTHESISED = /^[([][^()[\]]*[)\]]$/;

/**
 * The article's main run of prose: the stretch of blocks with the most prose in it, where prose
 * counts for and everything else (menus, link lists, labels) against (a maximum-sum segment).
 * Its first block is where the article begins. Undefined when the capture has no prose.
 */
export function articleRun(ctx: HeadlineContext): { start: number; end: number } | undefined {
  const { blocks, drops, quality } = ctx;
  let best = 0;
  let bestRun: { start: number; end: number } | undefined;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < blocks.length; i++) {
    const q = drops[i] === undefined ? quality[i] : undefined;
    // Prose that other captures hold too counts for little: a site's "about us" paragraph must
    // not start a run, though a paragraph two versions of one article share may continue one.
    const prose = q === 'good' || q === 'neargood';
    const w = prose && ctx.repeated(blocks[i]!.text) ? 1 : q === 'good' ? blocks[i]!.words.length : q === 'neargood' ? blocks[i]!.words.length / 2 : q === 'short' ? -3 : q === 'bad' ? -6 : -2;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += w;
    if (sum > best) {
      best = sum;
      bestRun = { start, end: i };
    }
  }
  if (!bestRun) return undefined;
  // Comments are prose too: the article ends where they begin (a "Comments" button in the share
  // bar under a standfirst is no end: some text must come first).
  let before = 0;
  for (let i = bestRun.start; i <= bestRun.end; i++) {
    if (drops[i] === undefined && (quality[i] === 'good' || quality[i] === 'neargood')) before += blocks[i]!.words.length;
    if (drops[i] === 'comments' && before >= 100) {
      bestRun = { start: bestRun.start, end: i - 1 };
      break;
    }
  }
  // The run starts at its first prose block.
  let s = bestRun.start;
  while (s < bestRun.end && !(drops[s] === undefined && (quality[s] === 'good' || quality[s] === 'neargood'))) s++;
  return { start: s, end: bestRun.end };
}

/**
 * Content words for comparing a headline with the text, from a block's lower-case words: no
 * possessive or trailing stops, no stop words, crude stems. The replacements run only on words
 * that end so (they were a quarter of finding the headline).
 */
function contentWords(lowerWords: string[], stopList: StopList): string[] {
  const out: string[] = [];
  for (let lower of lowerWords) {
    if (lower.charCodeAt(lower.length - 1) === 115) lower = lower.replace(/['’]s$/, '');
    const end = lower.charCodeAt(lower.length - 1);
    if (end === 46 || end === 39 || end === 0x2019 || end === 45) lower = lower.replace(/[.'’-]+$/g, '');
    if (lower.length < 3 && !/^\d+$/.test(lower)) continue;
    if (stopList.has(lower)) continue;
    out.push(lower.length > 5 ? lower.slice(0, 5) : lower);
  }
  return out;
}

/**
 * Does a block have the shape of a headline: a run of 3 to `titleMaxWords` words that does not end
 * like a sentence (a question, an exclamation or a quotation may), and is no byline or label.
 */
export function headlineShape(block: Block, settings: IngestSettings): boolean {
  const n = block.words.length;
  if (n < 3 || n > settings.titleMaxWords) return false;
  const text = block.text;
  if (/[.:;,]$/.test(text) && !/\.\.\.$|…$/.test(text)) return false;
  if (/^by\s/i.test(text) || /^(photo|image|video|watch|listen|read more|advertisement)\b/i.test(text)) return false;
  return /\p{L}/u.test(text);
}

/**
 * The headline, as general evidence has it rather than the first line. The article's main run of
 * prose is found first; the headline is a block of headline shape above it, within
 * `headlineWindow` blocks, chosen by:
 * - the share of its content words the first paragraphs hold (a menu line or another article's
 *   headline shares few);
 * - a byline or dateline just below it (a headline heads its byline; a video's title does not);
 * - the page repeating it (a "Now reading" bar, a breadcrumb, a share text);
 * - its length (headlines run to 5–20 words) and its closeness to the text.
 * A standfirst scores like its headline; the headline is the one above it, so a candidate just
 * above the best one (nothing but credits and labels between) that the text bears out too wins.
 * Returns the block index, or undefined when nothing above the text is borne out by it.
 */
export function findHeadline(ctx: HeadlineContext, run: { start: number; end: number }): number | undefined {
  const { blocks, drops, settings } = ctx;
  // The words of the first paragraphs of the article.
  const text = new Set<string>();
  for (let i = run.start, n = 0; i <= run.end && n < settings.headlineTextWords; i++) {
    if (drops[i] !== undefined) continue;
    for (const w of contentWords(blocks[i]!.lower, ctx.stopList)) text.add(w);
    n += blocks[i]!.words.length;
  }
  const counts = new Map<string, number>();
  for (const b of blocks) {
    const key = b.text.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Words the page uses all over (its name in menus and footers) say little: each word of a
  // headline weighs less the more blocks outside the article and its head hold it.
  const outside = new Map<string, number>();
  const headFrom = Math.max(0, run.start - settings.headlineWindow);
  for (let i = 0; i < blocks.length; i++) {
    if (i >= headFrom && i <= run.end) continue;
    for (const w of new Set(contentWords(blocks[i]!.lower, ctx.stopList))) outside.set(w, (outside.get(w) ?? 0) + 1);
  }
  const shared = (b: Block) => {
    let all = 0;
    let hit = 0;
    for (const w of contentWords(b.lower, ctx.stopList)) {
      const weight = 1 / (1 + (outside.get(w) ?? 0));
      all += weight;
      if (text.has(w)) hit += weight;
    }
    return all ? hit / all : 0;
  };
  // "By Jane Doe", not "By entering your email…": a byline names someone, in a short line.
  const isByline = (b: Block) => ctx.isDateline(b.text) || (/^(?:By|BY|by)\s+\p{Lu}/u.test(b.text) && b.words.length <= 12);
  const eligible = (j: number) => {
    const rule = drops[j];
    return (rule === undefined || HEADLINE_MAY_BE.has(rule)) && !ctx.isFurniture(blocks[j]!.text) && !credit(j) && !isByline(blocks[j]!) && headlineShape(blocks[j]!, settings);
  };
  // A picture's credit or caption, which may stand between a headline and its standfirst.
  const credit = (j: number) => drops[j] === 'credit' || ctx.isCaption(blocks[j]!.text) || PARENTHESISED.test(blocks[j]!.text);

  const from = Math.max(0, run.start - settings.headlineWindow);
  // A byline just below belongs to the nearest headline-shaped block above it: a headline owns
  // one when no other candidate stands between (a standfirst may: see the climb below).
  const owns = (j: number) => {
    for (let k = j + 1; k <= j + settings.bylineBlocks && k < blocks.length; k++) {
      if (isByline(blocks[k]!)) return true;
      if (eligible(k)) return false;
    }
    return false;
  };
  const cards = new Set<number>();
  for (let j = from; j < run.start; j++) if (eligible(j) && owns(j)) cards.add(j);
  const scored: { j: number; score: number; rel: number; byline: boolean }[] = [];
  for (let j = from; j < run.start; j++) {
    if (!eligible(j)) continue;
    const b = blocks[j]!;
    const rel = shared(b);
    const repeated = (counts.get(b.text.toLowerCase()) ?? 0) > 1;
    const byline = cards.has(j);
    if (process.env.CLIPPINGS_DEBUG_HEADLINE) console.error('  eligible', j, rel.toFixed(2), byline, b.text.slice(0, 50), contentWords(b.lower, ctx.stopList).map((w) => `${w}:${outside.get(w) ?? 0}:${text.has(w) ? 1 : 0}`).join(' '));
    const n = b.words.length;
    if (rel < settings.headlineRelevance && !(repeated && byline)) continue;
    // A line of a few words ("Where to vote") needs a byline below it, or the page repeating it.
    if (n <= 4 && !byline && !repeated) continue;
    // Chrome shared with other captures is rarely a headline (but a headline other pages link to is).
    const elsewhere = drops[j] === 'repeated' ? 0.3 : 0;
    // Other headlines with bylines of their own between it and the text (a list of cards) put it
    // further from the text than blocks do.
    let between = 0;
    for (const k of cards) if (k > j) between++;
    // Below a headline with its byline, a line without one is a standfirst, a video's title, a key point.
    let underCard = false;
    for (const k of cards) if (k < j && shared(blocks[k]!) >= settings.headlineRelevance) underCard = true;
    const score = 2 * rel + (byline ? 0.8 : 0) + (repeated ? 0.2 : 0) + (n >= 5 && n <= 20 ? 0.2 : 0) - (underCard && !byline ? 0.8 : 0) - elsewhere - 0.3 * between - 0.01 * (run.start - j);
    if (process.env.CLIPPINGS_DEBUG_HEADLINE) console.error(j, score.toFixed(2), rel.toFixed(2), byline, repeated, b.text.slice(0, 60));
    scored.push({ j, score, rel, byline });
  }
  if (scored.length === 0) return undefined;
  let best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  // The headline stands above its standfirst: climb to a candidate just above, borne out too.
  // Over a picture's credit, to one the text bears out about as well; over a label or two (a
  // kicker such as "Big Read"), only to one the text bears out at least as well.
  for (let climb = 0; climb < 2; climb++) {
    let k = best.j - 1;
    let labels = false;
    while (k >= from && best.j - k <= 3 && (credit(k) || (blocks[k]!.words.length <= 3 && !isByline(blocks[k]!)))) {
      if (!credit(k)) labels = true;
      k--;
    }
    const above = scored.find((c) => c.j === k);
    if (!above || !best.byline) break;
    if (above.rel < (labels ? best.rel : Math.max(settings.headlineRelevance, best.rel / 2))) break;
    best = { ...above, byline: true };
  }
  return best.j;
}

/**
 * From a saved page: the element that holds the article's text, and the first block inside it.
 * An element the markup calls the article (`article`, `main`, `itemprop=articleBody`) holding
 * half the run's prose or more is taken first, the innermost such; otherwise the innermost
 * element holding `share` of it. Undefined for text captures (no markup), or when no element
 * holds that much.
 */
export function articleContainer(blocks: Block[], drops: Drops, run: { start: number; end: number }, share: number, semanticFirst = true): { element: number; first: number } | undefined {
  const words = new Map<number, number>();
  const depth = new Map<number, number>();
  const semantic = new Set<number>();
  let total = 0;
  for (let i = run.start; i <= run.end; i++) {
    const b = blocks[i]!;
    if (!b.ancestors || drops[i] !== undefined || b.words.length < 10) continue;
    total += b.words.length;
    b.ancestors.forEach((a, d) => {
      words.set(a, (words.get(a) ?? 0) + b.words.length);
      depth.set(a, d);
    });
    for (const a of b.articles ?? []) semantic.add(a);
  }
  if (total === 0) return undefined;
  const innermost = (candidates: number[]) => candidates.reduce<number | undefined>((best, a) => (best === undefined || depth.get(a)! > depth.get(best)! ? a : best), undefined);
  const element = (semanticFirst ? innermost([...semantic].filter((a) => words.get(a)! >= total / 2)) : undefined) ?? innermost([...words.keys()].filter((a) => words.get(a)! >= share * total));
  if (element === undefined) return undefined;
  const first = blocks.findIndex((b, i) => i >= run.start && b.ancestors?.includes(element));
  return first === -1 ? undefined : { element, first };
}
