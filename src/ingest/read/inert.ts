/**
 * The bodies of a saved page's never-rendered elements, found in its bytes before decoding.
 *
 * Scripts, styles and inline SVG are about two thirds of a news page's bytes (63% on the
 * development set), and turning bytes into a string costs more here than parsing the markup
 * (measured: 5.7 ms of 16 ms a page). Their bodies are never read as text, so they are left
 * out before decoding, each replaced by as many line breaks as it held: the raw line numbers
 * of everything after stay true. JSON-LD scripts are kept (the page states itself there).
 *
 * Purely a saving: an element this scan does not recognise (an upper-case tag, say) is still
 * skipped by the parser, which never reads a script, style or SVG as text.
 */

import { StringDecoder } from 'node:string_decoder';

const NL = 0x0a;

/** The elements whose whole body is dropped, with the closing tag that ends it. */
const INERT = [
  { open: Buffer.from('<script'), close: Buffer.from('</script') },
  { open: Buffer.from('<style'), close: Buffer.from('</style') },
  { open: Buffer.from('<svg'), close: Buffer.from('</svg') },
] as const;
const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_CLOSE = Buffer.from('-->');

/** A byte range [start, end) left out, and how many line breaks it held. */
export interface InertRange {
  start: number;
  end: number;
  lines: number;
}

/** Is the byte after a tag name one that ends the name (so `<scripts>` is not `<script`)? */
function endsName(byte: number | undefined): boolean {
  return byte === 0x3e || byte === 0x2f || byte === 0x20 || byte === 0x09 || byte === NL || byte === 0x0d || byte === 0x0c;
}

/** The end of a start tag beginning at `from`: the `>` outside quoted attribute values. */
function tagEnd(buf: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const b = buf[i]!;
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === 0x22 || b === 0x27) quote = b;
    else if (b === 0x3e) return i;
  }
  return -1;
}

function countLines(buf: Buffer, start: number, end: number): number {
  let lines = 0;
  for (let i = buf.indexOf(NL, start); i !== -1 && i < end; i = buf.indexOf(NL, i + 1)) lines++;
  return lines;
}

/**
 * The bodies to leave out, in order. Comments are stepped over whole (a `<script` inside one
 * opens nothing); a body whose closing tag never comes is kept (the parser decides).
 */
export function inertRanges(buf: Buffer): InertRange[] {
  const ranges: InertRange[] = [];
  // The next occurrence of each opener, found lazily and refreshed once passed.
  const next = INERT.map((e) => buf.indexOf(e.open));
  let comment = buf.indexOf(COMMENT_OPEN);
  let at = 0;
  for (;;) {
    let which = -1;
    let pos = Infinity;
    for (let k = 0; k < INERT.length; k++) {
      while (next[k]! !== -1 && next[k]! < at) next[k] = buf.indexOf(INERT[k]!.open, at);
      if (next[k]! !== -1 && next[k]! < pos) {
        pos = next[k]!;
        which = k;
      }
    }
    while (comment !== -1 && comment < at) comment = buf.indexOf(COMMENT_OPEN, at);
    if (which === -1) break;
    if (comment !== -1 && comment < pos) {
      const close = buf.indexOf(COMMENT_CLOSE, comment + 4);
      if (close === -1) break;
      at = close + 3;
      continue;
    }
    const element = INERT[which]!;
    if (!endsName(buf[pos + element.open.length])) {
      at = pos + 1;
      continue;
    }
    const open = tagEnd(buf, pos + element.open.length);
    if (open === -1) break;
    const bodyStart = open + 1;
    // A self-closed <svg/> or <script/> has no body.
    if (buf[open - 1] === 0x2f) {
      at = bodyStart;
      continue;
    }
    const close = buf.indexOf(element.close, bodyStart);
    if (close === -1) break;
    at = close + element.close.length;
    const tag = buf.toString('latin1', pos, open);
    if (which === 0 && /ld\+json/i.test(tag)) continue;
    // An SVG inside this one would end at the inner closing tag: leave such bodies to the parser.
    if (which === 2 && buf.indexOf(element.open, bodyStart) !== -1 && buf.indexOf(element.open, bodyStart) < close) continue;
    if (close > bodyStart) ranges.push({ start: bodyStart, end: close, lines: countLines(buf, bodyStart, close) });
  }
  return ranges;
}

/**
 * UTF-8 bytes → the page as text without the inert bodies, in pieces of at most PIECE bytes
 * (a character cut by a piece's end is finished in the next). Each cut of a body falls just
 * after a `>` and just before a `<`.
 */
export function decodeWithout(buf: Buffer, ranges: readonly InertRange[]): string[] {
  const pieces: string[] = [];
  const decoder = new StringDecoder('utf8');
  const add = (from: number, to: number) => {
    for (let at = from; at < to; at += PIECE) pieces.push(decoder.write(buf.subarray(at, Math.min(to, at + PIECE))));
  };
  let at = 0;
  for (const r of ranges) {
    add(at, r.start);
    if (r.lines) pieces.push('\n'.repeat(r.lines));
    at = r.end;
  }
  add(at, buf.length);
  const rest = decoder.end();
  if (rest) pieces.push(rest);
  return pieces.filter((p) => p.length > 0);
}

/**
 * The most bytes decoded into one string. V8 puts a string of more than 128 kB (64k characters
 * of two bytes) in its large-object space, a mapping of its own for each: measured here, text
 * of 256 kB and more decodes at 150 MB/s, of 64 kB at 9 GB/s. A page is decoded piece by piece,
 * and the parser reads the pieces in turn.
 */
const PIECE = 32 * 1024;
