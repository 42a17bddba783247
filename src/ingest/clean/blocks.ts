import { decodeHTML } from 'entities';

/** One paragraph of the raw capture, with the raw line numbers (1-based, inclusive) it came from. */
export interface Block {
  text: string;
  first: number;
  last: number;
  /** The raw lines behind the block, for the removal ledger. */
  lines: { line: number; text: string }[];
  /** The block's words, counted once for all the stages that weigh them. */
  words: string[];
  /** The same in lower case, for stop words and topics. */
  lower: string[];
  /** From HTML: the element the block came from (a CSS-like path). */
  where?: string;
  /** From HTML: the share of the block's characters inside links. */
  linkDensity?: number;
  /** From HTML: 1 for the page's h1, 2 for h2… */
  heading?: number;
  /** From HTML: the page's own chrome by its markup (nav, aside, footer, a page header). */
  chrome?: string;
  /** From HTML: the elements the block stands in, outermost first, as numbers in document order. */
  ancestors?: number[];
  /** From HTML: those of them the markup calls the article (`article`, `main`, `itemprop=articleBody`). */
  articles?: number[];
  /** From HTML: the innermost of them whose class or id marks the page's chrome ("caption", "newsletter"). */
  chromeElement?: number;
  /** From HTML: it stands in an element set apart from the running text (a pull quote, a figure, a box). */
  setApart?: true;
}

const TERMINAL = /[.!?…:;"”’')\]»]$/u;
const CONTINUES = /^[\p{Ll}\p{Nd}(–—-]/u;
const FUNCTION_END = /(?:^|\s)(the|a|an|of|to|in|on|and|or|but|for|with|from|by|at|as|that|which|who|its|his|her|their|our|is|are|was|were|has|have|had|be|been|not|than|into|over|under|about|after|before|between|this|these|those)$/iu;

/**
 * Normalises one raw line: HTML entities a scraper left (`&#x27;`), zero-width characters,
 * and runs of white space (NBSP and tabs included) become one space; indentation goes, so an
 * indented line can never become a Markdown code block. Typography (quotes, dashes) is kept.
 */
const NEEDS_WORK = /[&\u00ad\u200b-\u200d\u2060\ufeff\t\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\f\v]| {2}/;

export function normaliseLine(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw.trim(); // most lines: nothing to decode or fold
  // The decoder already made the text NFC; only entity decoding can undo that.
  let s = raw.includes('&') ? decodeHTML(raw).normalize('NFC') : raw;
  s = s.replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, '');
  s = s.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ');
  return s.trim();
}

/**
 * Text → paragraphs. Blank lines separate blocks; inside a block, a line that stops mid-sentence
 * and is continued by the next (lower-case start, digit, or a dangling function word) is a hard
 * wrap and is joined; other lines stay paragraphs of their own (lists of links, captions).
 */
export function toBlocks(text: string, withWords = true): Block[] {
  const rawLines = text.split('\n');
  const blocks: Block[] = [];
  let current: Block | undefined;
  // The block's last line: wrapping is judged on it, never on the whole block (a block of
  // thousands of joined lines would make that quadratic).
  let previous = '';
  for (let i = 0; i < rawLines.length; i++) {
    const line = normaliseLine(rawLines[i]);
    if (line === '') {
      current = undefined;
      continue;
    }
    const n = i + 1;
    if (current && isWrapped(previous, line)) {
      current.text = previous.endsWith('-') && /^\p{Ll}/u.test(line) && !/\s-$/.test(previous)
        ? current.text + line // a word hyphenated across the wrap keeps its hyphen: "well-\nknown"
        : `${current.text} ${line}`;
      current.last = n;
      current.lines.push({ line: n, text: rawLines[i] });
    } else {
      current = { text: line, first: n, last: n, lines: [{ line: n, text: rawLines[i] }], words: [], lower: [] };
      blocks.push(current);
    }
    previous = line;
  }
  if (withWords) fillWords(blocks);
  return blocks;
}

/**
 * Counts the words of blocks that have none counted yet. Readers leave this to the pipeline: a
 * capture's words are most of the memory it holds, and a run keeps the captures it has read
 * between its two passes, the first of which needs no words.
 */
export function fillWords(blocks: Block[]): Block[] {
  for (const b of blocks) {
    if (b.words.length > 0) continue;
    b.words = words(b.text);
    b.lower = b.words.map((w) => w.toLowerCase());
  }
  return blocks;
}

function isWrapped(previous: string, next: string): boolean {
  if (TERMINAL.test(previous)) return false;
  if (CONTINUES.test(next)) return true;
  return /[,\-–]$/.test(previous) || FUNCTION_END.test(previous);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isWordChar(c: number, ch: string): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(ch);
}

/**
 * Words of a block, for counts and densities: a letter or digit, then letters, digits and the
 * marks inside words (' ’ . -). What /[\p{L}\p{N}][\p{L}\p{N}'’.-]*\/gu finds, scanned by hand
 * because this runs on every line of every capture.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  scanWords(text, false, (start, end) => out.push(text.slice(start, end)));
  return out;
}

/**
 * Calls `visit(start, end)` for each word of `text` (see `words`); with `ampersands`, "AT&T" is
 * one word, as names want.
 */
export function scanWords(text: string, ampersands: boolean, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const pair = c >= 0xd800 && c <= 0xdbff; // an astral character: test the whole pair
    const word = isWordChar(c, pair ? text.slice(i, i + 2) : text[i]);
    if (start === -1) {
      if (word) start = i;
    } else if (!(word || c === 39 || c === 0x2019 || c === 46 || c === 45 || (ampersands && c === 38))) {
      visit(start, i);
      start = -1;
    }
    if (pair) i++;
  }
}

/** Does the block end like a sentence? */
export function isTerminated(text: string): boolean {
  return TERMINAL.test(text);
}
