import type { Rule } from '../../article/rules.js';
import type { Drops } from './residue.js';
import { toBlocks, words } from './blocks.js';
import { probableVersion } from './repetition.js';
import type { Block } from './blocks.js';
import { classifyProse, initialQuality, type ClassifyContext, type Figure } from './classify.js';
import { articleContainer, articleRun, findHeadline, type HeadlineContext } from './headline.js';
import { applyRules } from './residue.js';
import { readDateLine } from '../describe/dateline.js';
import { findTitle } from './title.js';
import { repairParagraph, stripInline } from './repair.js';
import { stopListFor } from './stopwords.js';
import type { Residue } from './vocabulary.js';
import type { IngestSettings } from '../settings.js';

/** One line the cleaner removed, by raw line number, with the rule that removed it. */
export interface Removal {
  line: number;
  rule: Rule;
  text: string;
  /** From HTML: the element the line was (its path). */
  where?: string;
}

export interface Paragraph {
  text: string;
  role: 'body' | 'subheading';
  words: string[];
  lower: string[];
  first: number;
  last: number;
}

export interface Cleaned {
  title?: { text: string; line: number };
  paragraphs: Paragraph[];
  removed: Removal[];
  figures: Figure[];
  language: string;
  /** Where dates are looked for (see findDates): the capture's top, the byline's place, the article's end. */
  zones: DateZones;
  /** Observations for the report (e.g. a probable re-capture). */
  notes: string[];
}

/** Blocks where dates stand, by what a date there means. */
export interface DateZones {
  /** The first blocks of the capture above the headline: a scrape or "today" date (captured). */
  top: Block[];
  /** Around the headline and down to the first paragraph: the byline's date (published). */
  byline: Block[];
  /** Just after the article's last paragraph: a byline some sites put at the end. */
  tail: Block[];
}

export interface CleanOptions {
  residue: Residue;
  settings: IngestSettings;
  /** Cross-document repetition; absent when a capture is cleaned on its own. */
  repeated?: (text: string) => boolean;
  /** The headline the source states (a page's JSON-LD or h1): the block that reads so is the title. */
  title?: string;
}

/**
 * Raw text → headline, paragraphs and a ledger of every removed line. The recipe:
 * 1. lines → blocks (hard wraps joined, white space normalised);
 * 2. rules that know residue: vocabulary, repetition, credits and captions, duplicates;
 * 3. the headline, and the site chrome above it;
 * 4. date lines under the headline (kept as metadata, not text);
 * 5. jusText-style judgement of what is left, by prose density and neighbours.
 */
export function clean(input: string | Block[], options: CleanOptions): Cleaned {
  const blocks = typeof input === 'string' ? toBlocks(input) : input;
  const sample: string[] = [];
  for (const b of blocks) {
    for (const w of b.lower) if (sample.push(w) >= 400) break;
    if (sample.length >= 400) break;
  }
  const { list, language } = stopListFor(sample);
  const notes: string[] = [];
  // Each block is looked up in the collection's index once.
  const seen = new Map<string, boolean>();
  const lookup = options.repeated;
  let repeated = lookup
    ? (text: string) => {
        let r = seen.get(text);
        if (r === undefined) seen.set(text, (r = lookup(text)));
        return r;
      }
    : () => false;
  let ctx: ClassifyContext = { residue: options.residue, settings: options.settings, stopList: list, repeated };
  let found = locate(blocks, ctx, options.title);
  // A capture whose headline and article other captures hold too is a version or re-capture of
  // one of them: repetition says nothing about it, so it is read again without.
  const version = lookup && probableVersion(blocks, repeated, options.settings, found);
  if (version) {
    repeated = () => false;
    ctx = { ...ctx, repeated };
    found = locate(blocks, ctx, options.title);
    notes.push(`probable version of another capture: ${Math.round(100 * version)}% of its text stands in other captures`);
  }
  const { drops, figures, run, isDateline } = found;
  let t = found.headline;
  const zones = dateZones(blocks, drops, t, run, options.settings);
  if (t !== undefined) {
    for (let i = 0; i < t; i++) drops[i] ??= 'header';
    drops[t] = 'title';
  }
  for (const b of zones.byline) {
    const i = blocks.indexOf(b);
    // Above the text, a dateline is the byline's, whatever rule took it for a card's or the site's.
    const head = run === undefined || i < run.start;
    if ((drops[i] === undefined || (head && (drops[i] === 'related-link' || drops[i] === 'repeated'))) && isDateline(b.text)) drops[i] = 'dateline';
  }
  // After the article's last paragraph come what a page puts after an article: related links,
  // comments, newsletters, footers. (The run of prose bridges what interrupts an article, so
  // nothing after it is the article's.)
  if (run) for (let i = run.end + 1; i < blocks.length; i++) drops[i] ??= 'after-article';
  // The wire's reporting credits end an article and are part of it.
  const kept = new Set<number>();
  if (run)
    for (let i = run.end + 1; i < Math.min(blocks.length, run.end + 1 + options.settings.tailBlocks); i++) {
      if (options.residue.articleCredit(blocks[i]!.text)) {
        drops[i] = undefined;
        kept.add(i);
      }
    }
  // A saved page's markup says where the article's text stands: what follows outside that element is not the article's.
  const container = run && articleContainer(blocks, drops, run, options.settings.containerShare);
  if (container) {
    // Inside it, an element whose class marks chrome (a caption, a player, an author box) is the
    // page's, unless it holds much of the article's text itself ("article-wrap has-video").
    const prose = new Map<number, number>();
    let total = 0;
    for (let i = run!.start; i <= run!.end; i++) {
      const b = blocks[i]!;
      if (drops[i] !== undefined || b.words.length < 10) continue;
      total += b.words.length;
      if (b.chromeElement !== undefined) prose.set(b.chromeElement, (prose.get(b.chromeElement) ?? 0) + b.words.length);
    }
    const chrome = (e: number | undefined) => e !== undefined && (prose.get(e) ?? 0) < 0.3 * total;
    for (let i = container.first + 1; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (!b.ancestors?.includes(container.element)) drops[i] ??= 'outside-article';
      else if (chrome(b.chromeElement)) drops[i] ??= 'page-chrome';
    }
    // From the headline on, what the article's own text element holds is the article's: a
    // standfirst, a sports preview's data lines, a guide's headings and short practical lines, a
    // quoted passage, and after the last paragraph a list of results, a table of prices, the
    // closing lines of a report, up to where that element ends. There its markup says more than
    // jusText's judgement of short lines by their neighbours. Bylines, captions, credits, links,
    // chrome-marked elements and residue were taken as such before and still go.
    const body = articleContainer(blocks, drops, run!, options.settings.containerShare, false);
    if (body)
      for (let i = t === undefined ? 0 : t + 1; i < blocks.length; i++) {
        const b = blocks[i]!;
        const inside = b.ancestors?.includes(body.element) ?? false;
        if (i > run!.end && !inside) break;
        if (!inside || drops[i] !== (i > run!.end ? 'after-article' : undefined) || b.heading === 1) continue;
        if (chrome(b.chromeElement) || (b.linkDensity ?? 0) >= options.settings.maxLinkDensity || options.residue.furniture(b.text)) continue;
        drops[i] = undefined;
        kept.add(i);
      }
  }

  const verdicts = classifyProse(blocks, drops, ctx, kept);
  const paragraphs: Paragraph[] = [];
  const removed: Removal[] = [];
  blocks.forEach((block: Block, i) => {
    const v = verdicts[i];
    if (v.keep) {
      const inline = stripInline(block.text, options.residue.inline);
      for (const r of inline.removed) removed.push({ line: block.first, rule: r.rule, text: r.text, ...(block.where ? { where: block.where } : {}) });
      const text = repairParagraph(inline.text, language);
      const w = inline.removed.length ? words(text) : block.words;
      const lower = inline.removed.length ? w.map((x) => x.toLowerCase()) : block.lower;
      paragraphs.push({ text, role: v.role, words: w, lower, first: block.first, last: block.last });
    } else for (const l of block.lines) removed.push({ line: l.line, rule: v.rule, text: l.text.trim(), ...(block.where ? { where: block.where } : {}) });
  });
  return {
    title: t === undefined ? undefined : { text: blocks[t].text, line: blocks[t].first },
    paragraphs,
    removed,
    figures,
    language,
    zones,
    notes,
  };
}

/**
 * Where dates stand. Above the headline, the capture's first blocks hold a scrape or "today"
 * date; from just above the headline (a kicker's date) down to the article's first paragraphs
 * the byline's; just below the last paragraph, the byline of sites that put it at the end. Dates
 * elsewhere (menus, tickers, related lists, footers) are not the article's.
 */
function dateZones(blocks: Block[], drops: Drops, t: number | undefined, run: { start: number; end: number } | undefined, settings: IngestSettings): DateZones {
  const start = run?.start ?? (t === undefined ? 0 : t + 1);
  // The capture's first blocks are its top, whatever follows: a date there is a scrape or "today" date.
  const from = t === undefined ? Math.max(Math.min(settings.topBlocks, start), start - settings.bylineBlocks) : Math.max(Math.min(settings.topBlocks, t), t - 2);
  // Down to the first paragraph and the short or removed lines right after it (a standfirst
  // and a picture may come before the byline); a date further into the text is a card's.
  let to = Math.min(blocks.length, start + 1);
  while (to < blocks.length && to - start <= settings.bylineBlocks && drops[to] !== 'related-link' && (blocks[to]!.words.length <= 12 || drops[to] !== undefined)) to++;
  to = Math.min(blocks.length, to + 1);
  // Below the headline first: a date above it is a kicker's only when none stands below.
  const below = t === undefined ? blocks.slice(from, to) : blocks.slice(t + 1, to);
  const byline = t === undefined ? below : [...below, ...blocks.slice(from, t)];
  const top = blocks.slice(0, Math.min(settings.topBlocks, from));
  const tail = run ? blocks.slice(run.end + 1, run.end + 1 + settings.tailBlocks) : [];
  return { top, byline, tail };
}

/** What the rules, the article's run of prose and the headline say of a capture's blocks. */
interface Located {
  drops: Drops;
  figures: Figure[];
  run?: { start: number; end: number };
  headline?: number;
  isDateline: (text: string) => boolean;
}

/**
 * Steps 2 and 3: the residue rules, then where the article's prose runs and its headline. A
 * capture that starts near its text (a scraper's article text rather than a whole page) may open
 * with a headline its text does not bear out word for word: then the first headline-like line.
 */
function locate(blocks: Block[], ctx: ClassifyContext, stated?: string): Located {
  const { settings, residue } = ctx;
  const { drops, figures } = applyRules(blocks, ctx);
  const isDateline = (t: string) => readDateLine(t) !== undefined;
  const quality = blocks.map((b, i) => (drops[i] === undefined ? initialQuality(b, settings, ctx.stopList) : undefined));
  const hctx: HeadlineContext = {
    blocks,
    drops,
    quality,
    isDateline,
    isFurniture: residue.furniture,
    isCaption: (t) => residue.captionCredit(t) !== undefined,
    repeated: ctx.repeated,
    stopList: ctx.stopList,
    settings,
  };
  const run = articleRun(hctx);
  // A headline the source states is the block above the text that reads so (or the page's h1).
  let headline = stated === undefined ? undefined : statedHeadline(blocks, stated, run?.start ?? blocks.length);
  headline ??= run ? findHeadline(hctx, run) : undefined;
  if (headline === undefined && (!run || run.start <= settings.titleSearchBlocks)) {
    const first = findTitle(blocks, drops, isDateline, settings);
    if (first !== undefined && (!run || first < run.start)) headline = first;
  }
  return { drops, figures, run, headline, isDateline };
}

/** The block above the text that reads as the stated headline does (case, quotes and spaces aside), else the last h1 above it. */
function statedHeadline(blocks: Block[], stated: string, before: number): number | undefined {
  const norm = (t: string) => t.toLowerCase().replace(/[‘’'"“”]/g, '').replace(/\s+/g, ' ').trim();
  const target = norm(stated);
  let h1: number | undefined;
  for (let i = Math.min(before, blocks.length) - 1; i >= 0; i--) {
    if (norm(blocks[i]!.text) === target) return i;
    if (h1 === undefined && blocks[i]!.heading === 1) h1 = i;
  }
  return h1;
}

