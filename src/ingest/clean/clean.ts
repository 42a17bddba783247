import { toBlocks, words } from './blocks.js';
import { probableVersion } from './repetition.js';
import type { Block } from './blocks.js';
import { classifyProse, type ClassifyContext, type Figure } from './classify.js';
import { applyRules } from './residue.js';
import { dateLine } from '../describe/dates.js';
import { findTitle } from './title.js';
import { repairParagraph, stripInline } from './repair.js';
import { stopListFor } from './stopwords.js';
import type { Residue } from './vocabulary.js';
import type { IngestSettings } from '../settings.js';

/** One line the cleaner removed, by raw line number, with the rule that removed it. */
export interface Removal {
  line: number;
  rule: string;
  text: string;
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
  /** Texts of the blocks above the headline and of the few just below it, for the date stage. */
  beforeTitle: string[];
  afterTitle: string[];
  /** Observations for the report (e.g. a probable re-capture). */
  notes: string[];
}

export interface CleanOptions {
  residue: Residue;
  settings: IngestSettings;
  /** Cross-document repetition; absent when a capture is cleaned on its own. */
  repeated?: (text: string) => boolean;
}

/**
 * Raw text → headline, paragraphs and a ledger of every removed line. The recipe:
 * 1. lines → blocks (hard wraps joined, white space normalised);
 * 2. rules that know residue: vocabulary, repetition, credits and captions, duplicates;
 * 3. the headline, and the site chrome above it;
 * 4. date lines under the headline (kept as metadata, not text);
 * 5. jusText-style judgement of what is left, by prose density and neighbours.
 */
export function clean(text: string, options: CleanOptions): Cleaned {
  const blocks = toBlocks(text);
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
  const version = lookup && probableVersion(blocks, repeated, options.settings);
  if (version) {
    repeated = () => false; // repetition says nothing about a version of another capture
    notes.push(`probable version of another capture: ${Math.round(100 * version)}% of its text stands in other captures`);
  }
  const ctx: ClassifyContext = { residue: options.residue, settings: options.settings, stopList: list, repeated };

  const { drops, figures } = applyRules(blocks, ctx);

  const isDate = (t: string) => dateLine(t) !== undefined;
  const t = findTitle(blocks, drops, isDate, options.settings);
  const beforeTitle: string[] = [];
  const afterTitle: string[] = [];
  if (t !== undefined) {
    for (let i = 0; i < t; i++) {
      beforeTitle.push(blocks[i].text);
      drops[i] ??= 'header';
    }
    drops[t] = 'title';
  }
  // Date lines in the byline zone: just below the headline, or at the top when there is none.
  const start = t === undefined ? 0 : t + 1;
  for (let i = start; i < Math.min(blocks.length, start + options.settings.bylineBlocks); i++) {
    afterTitle.push(blocks[i].text);
    if (drops[i] === undefined && isDate(blocks[i].text)) drops[i] = 'dateline';
  }

  const verdicts = classifyProse(blocks, drops, ctx);
  const paragraphs: Paragraph[] = [];
  const removed: Removal[] = [];
  blocks.forEach((block: Block, i) => {
    const v = verdicts[i];
    if (v.keep) {
      const inline = stripInline(block.text, options.residue.inline);
      for (const r of inline.removed) removed.push({ line: block.first, rule: r.rule, text: r.text });
      const text = repairParagraph(inline.text, language);
      const w = inline.removed.length ? words(text) : block.words;
      const lower = inline.removed.length ? w.map((x) => x.toLowerCase()) : block.lower;
      paragraphs.push({ text, role: v.role, words: w, lower, first: block.first, last: block.last });
    } else for (const l of block.lines) removed.push({ line: l.line, rule: v.rule, text: l.text.trim() });
  });
  return {
    title: t === undefined ? undefined : { text: blocks[t].text, line: blocks[t].first },
    paragraphs,
    removed,
    figures,
    language,
    beforeTitle,
    afterTitle,
    notes,
  };
}
