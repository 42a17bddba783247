import type { Block } from './blocks.js';
import { isTerminated } from './blocks.js';
import type { Residue } from './rules.js';
import type { IngestSettings } from './settings.js';
import { stopDensity, type StopList } from './stopwords.js';
import { dateLine } from './dates.js';

/** jusText's classes: good prose, near-good prose, short (judged by neighbours), bad. */
type Quality = 'good' | 'neargood' | 'short' | 'bad';

/** What happens to one block: kept as body or subheading, or dropped with the rule that dropped it. */
export type Verdict = { keep: true; role: 'body' | 'subheading' } | { keep: false; rule: string };

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

/**
 * Stage 1 of cleaning: rules that know residue when they see it, block by block — vocabulary,
 * cross-document repetition, picture credits and captions, duplicates inside the document.
 * Returns a rule id per dropped block (undefined = not decided yet) and the figures found.
 */
export function applyRules(blocks: Block[], ctx: ClassifyContext): { drops: (string | undefined)[]; figures: Figure[] } {
  const { residue, settings } = ctx;
  const n = blocks.length;
  const headEnd = Math.ceil(n * settings.zoneShare);
  const tailStart = Math.floor(n * (1 - settings.zoneShare));
  const drops: (string | undefined)[] = new Array(n).fill(undefined);
  const figures: (Figure & { at: number })[] = [];

  blocks.forEach((block, i) => {
    const text = block.text;
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

  // A credit line credits the picture whose caption stands just before it; a short fragment
  // before that caption is the picture's alt text.
  for (let i = 0; i < n; i++) {
    if (drops[i] !== 'credit') continue;
    const credit = blocks[i].text.replace(/^\((.*)\)$/, '$1');
    const c = i - 1;
    if (c >= 0 && drops[c] === undefined && blocks[c].words.length <= 50) {
      drops[c] = 'caption';
      figures.push({ caption: blocks[c].text, credit, at: c });
      const alt = c - 1;
      if (alt >= 0 && drops[alt] === undefined && isFragment(blocks[alt], settings)) drops[alt] = 'caption';
    } else figures.push({ credit, at: i });
  }

  // Cards that promote other articles: a headline doubled by the scraper (image alt text + link
  // text) with the teaser under it, or a headline and teaser closed by a date line mid-article.
  // (A date line before any prose is the byline's, not a card's.)
  let proseSeen = false;
  for (let i = 0; i < n; i++) {
    if (drops[i] !== undefined) continue;
    const wasProse = proseSeen;
    proseSeen ||= isProse(blocks[i], ctx);
    if (isDoubled(blocks[i], settings)) {
      drops[i] = 'related-link';
      if (i + 1 < n && drops[i + 1] === undefined && isTeaser(blocks[i + 1], settings)) drops[i + 1] = 'related-link';
      if (i > 0 && drops[i - 1] === undefined && isFragment(blocks[i - 1], settings)) drops[i - 1] = 'related-link';
    } else if (wasProse && blocks[i].words.length <= 8 && dateLine(blocks[i].text)) {
      drops[i] = 'related-link';
      for (let j = i - 1, teasers = 0; j >= Math.max(0, i - 4) && drops[j] === undefined; j--) {
        const b = blocks[j];
        if (isTeaser(b, settings) && isTerminated(b.text) && teasers++ === 0) drops[j] = 'related-link';
        else if (!isTerminated(b.text) && b.words.length <= settings.titleMaxWords) drops[j] = 'related-link';
        else break;
      }
    }
  }

  // A label that introduces removed residue goes with it ("RUSSIA LATEST:" above a caption).
  for (let i = 0; i < n - 1; i++) {
    if (drops[i] === undefined && drops[i + 1] !== undefined && /:$/.test(blocks[i].text) && blocks[i].text.length < settings.shortChars) drops[i] = 'label';
  }

  // Teasers, key points and pull quotes repeat a sentence of the article: keep the fuller copy.
  const seen = new Map<string, number>();
  blocks.forEach((block, i) => {
    if (drops[i] !== undefined) return;
    const key = block.text.toLowerCase();
    if (seen.has(key)) drops[i] = 'duplicate';
    else seen.set(key, i);
  });
  // One string of all open blocks: a block found anywhere but at its own place is contained in another.
  const open = blocks.map((_, i) => i).filter((i) => drops[i] === undefined);
  const starts = new Map<number, number>();
  let joined = '';
  for (const i of open) {
    starts.set(i, joined.length);
    joined += `${blocks[i].text}\u0001`;
  }
  for (const i of open) {
    if (blocks[i].words.length < settings.containedWords) continue;
    const text = blocks[i].text.replace(/^[“"‘']+|[”"’']+$/g, '');
    const own = starts.get(i)!;
    for (let at = joined.indexOf(text); at !== -1; at = joined.indexOf(text, at + 1)) {
      if (at < own || at > own + blocks[i].text.length) {
        drops[i] = 'duplicate';
        break;
      }
    }
  }
  figures.sort((a, b) => a.at - b.at);
  return { drops, figures: figures.map(({ at, ...f }) => f) };
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
export function classifyProse(blocks: Block[], drops: (string | undefined)[], ctx: ClassifyContext): Verdict[] {
  const { settings, stopList } = ctx;
  const open = blocks.map((_, i) => i).filter((i) => drops[i] === undefined);
  const quality = new Map<number, Quality>();
  for (const i of open) quality.set(i, initialQuality(blocks[i], settings, stopList));

  const seq = open.map((i) => quality.get(i)!);
  const neighbour = (k: number, step: -1 | 1, skipNearGood: boolean): Quality => {
    for (let j = k + step; j >= 0 && j < seq.length; j += step) {
      const q = seq[j];
      if (q === 'good' || q === 'bad') return q;
      if (q === 'neargood' && !skipNearGood) return q;
    }
    return 'bad';
  };
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

  // A capture with no prose at all (a list, a table, a scoreline) keeps what the rules left, as text.
  const noProse = !resolved.includes('good');
  if (noProse) resolved.fill('good');

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
    if (resolved[k] !== 'good') {
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

function initialQuality(block: Block, settings: IngestSettings, stopList: StopList): Quality {
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
