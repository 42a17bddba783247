import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { decodeWithout, inertRanges } from './inert.js';

/** The outcome of decoding one raw file: text ready for the stages, or a reason to skip it. */
export type Decoded =
  | { ok: true; text: string; encoding: string; warnings: string[] }
  | { ok: false; reason: string };

/** The same for markup: the page's text in pieces, read by the parser in turn. */
export type DecodedMarkup =
  | { ok: true; pieces: string[]; encoding: string; warnings: string[] }
  | { ok: false; reason: string };

const utf8Lenient = new TextDecoder('utf-8');

/**
 * Bytes → normalised text: honours a BOM, prefers UTF-8 (a few stray bytes in UTF-8 text are
 * replaced and reported rather than misreading the whole file), tells UTF-16 without a BOM by
 * its spaces, otherwise asks chardet (Windows-1252 and the like); then LF line ends, NFC, no BOM,
 * and no control characters or noncharacters (they break XML feeds and terminals).
 * Binary and empty input become reasons, never exceptions.
 * @param bytes the raw file
 * @param maxControlShare share of control characters above which the file is binary
 */
export function decode(bytes: Uint8Array, maxControlShare = 0.01): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  const warnings: string[] = [];
  const decoded = decodeBytes(bytes, warnings);
  if (!decoded) return { ok: false, reason: 'binary file (not text in any known encoding)' };
  const { encoding } = decoded;
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (isBinary([text], maxControlShare)) return { ok: false, reason: `binary file (control characters; read as ${encoding})` };
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  const stripped = stripControls(text);
  if (stripped.removed > 0) warnings.push(`removed ${stripped.removed} control character(s) or noncharacter(s) from the text`);
  text = stripped.text;
  if (text.trim() === '') return { ok: false, reason: 'empty file (only white space)' };
  return { ok: true, text, encoding, warnings };
}

/**
 * Bytes of markup (a saved page) → text, with the same choice of encoding as `decode`, but no
 * normalising of the whole: a page's text is normalised block by block (`normaliseLine`,
 * `stripControls`), which is where it matters and costs a tenth. A page in UTF-8 (nearly all)
 * is decoded without the bodies of its scripts, styles and SVG (`inert.ts`).
 */
export function decodeMarkup(bytes: Uint8Array): DecodedMarkup {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  const warnings: string[] = [];
  const decoded = decodeBytes(bytes, warnings, (buf) => decodeWithout(buf, inertRanges(buf)));
  if (!decoded) return { ok: false, reason: 'binary file (not text in any known encoding)' };
  const pieces = typeof decoded.text === 'string' ? [decoded.text] : decoded.text;
  if (pieces[0]?.charCodeAt(0) === 0xfeff) pieces[0] = pieces[0].slice(1);
  if (isBinary(pieces, 0.01)) return { ok: false, reason: `binary file (control characters; read as ${decoded.encoding})` };
  return { ok: true, pieces, encoding: decoded.encoding, warnings };
}

/** Valid UTF-8 → text (or its pieces); the whole of it unless the caller leaves parts out. */
type Utf8Decoder<T> = (buf: Buffer) => T;
const wholeUtf8: Utf8Decoder<string> = (buf) => buf.toString('utf8');

function decodeBytes<T = string>(bytes: Uint8Array, warnings: string[], utf8: Utf8Decoder<T | string> = wholeUtf8): { text: T | string; encoding: string } | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8WithRepairs(buf.subarray(3), warnings, utf8);
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (buf.includes(0)) {
    const utf16 = utf16WithoutBom(buf);
    return utf16 ? { text: iconv.decode(buf, utf16), encoding: utf16 } : undefined;
  }
  // isUtf8 validates in native code, and toString decodes at memory speed: far faster than a
  // fatal TextDecoder on a page of several hundred kilobytes.
  if (isUtf8(buf)) return { text: utf8(buf), encoding: 'utf-8' };
  // Not valid UTF-8. Text that is UTF-8 but for a few stray bytes stays UTF-8; text in a legacy
  // encoding (Windows-1252 above all) almost never forms a valid multi-byte sequence.
  const { valid, invalid } = utf8Sequences(buf);
  if (valid > 0 && valid >= invalid) return utf8WithRepairs(buf, warnings);
  const guess = (chardet.detect(buf) ?? 'windows-1252').toLowerCase();
  const encoding = /^(iso-8859-1|windows-1252|ascii|utf-8)$/.test(guess) || !iconv.encodingExists(guess) ? 'windows-1252' : guess;
  return { text: iconv.decode(buf, encoding), encoding };
}

/** UTF-8 with each invalid byte replaced by U+FFFD, and a warning that says how many and where. */
function utf8WithRepairs<T>(buf: Buffer, warnings: string[], utf8: Utf8Decoder<T | string> = wholeUtf8): { text: T | string; encoding: string } {
  if (isUtf8(buf)) return { text: utf8(buf), encoding: 'utf-8' };
  {
    const { invalid, firstInvalid } = utf8Sequences(buf);
    let line = 1;
    for (let i = 0; i < firstInvalid; i++) if (buf[i] === 0x0a) line++;
    warnings.push(`replaced ${invalid} byte(s) that are not UTF-8 with U+FFFD (the first on line ${line})`);
    return { text: utf8Lenient.decode(buf), encoding: 'utf-8' };
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that belong to none. */
export function utf8Sequences(buf: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= buf.length;
    for (let k = 1; ok && k < length; k++) ok = (buf[i + k]! & 0xc0) === 0x80;
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF are not UTF-8.
    if (ok && length === 3) ok = !(b === 0xe0 && buf[i + 1]! < 0xa0) && !(b === 0xed && buf[i + 1]! >= 0xa0);
    if (ok && length === 4) ok = !(b === 0xf0 && buf[i + 1]! < 0x90) && !(b === 0xf4 && buf[i + 1]! >= 0x90);
    if (ok) {
      valid++;
      i += length;
    } else {
      if (firstInvalid === -1) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}

/**
 * UTF-16 text without a BOM: read both ways, the right one has spaces and line breaks where the
 * wrong one has CJK ideographs and odd symbols (U+2000 for a space, U+0A00 for a line break).
 * Latin text shows NUL on every other byte; Cyrillic or Greek text shows its block's byte there.
 */
function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length - (buf.length % 2), 8192);
  if (n < 4) return undefined;
  const score = (encoding: 'utf-16le' | 'utf-16be') => {
    const text = iconv.decode(buf.subarray(0, n), encoding);
    let spaces = 0;
    let odd = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) spaces++;
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) odd++;
    }
    return { spaces: spaces / text.length, odd: odd / text.length };
  };
  const le = score('utf-16le');
  const be = score('utf-16be');
  const best = le.spaces >= be.spaces ? { encoding: 'utf-16le' as const, ...le } : { encoding: 'utf-16be' as const, ...be };
  return best.spaces >= 0.03 && best.odd <= 0.01 ? best.encoding : undefined;
}

/**
 * Text decoded from a binary file is full of control characters. A few in a short text are a
 * stray escape, not binary: at least a handful must be there, and more than the share allowed.
 * (U+FFFD counts only where it came with the file: UTF-8 repairs are reported, not binary.)
 */
function isBinary(pieces: readonly string[], maxControlShare: number): boolean {
  // The first 64k characters tell.
  let control = 0;
  let seen = 0;
  for (const piece of pieces) {
    const n = Math.min(piece.length, 65536 - seen);
    for (let i = 0; i < n; i++) {
      const c = piece.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
    }
    seen += n;
    if (seen >= 65536) break;
  }
  return control >= 4 && control / seen > maxControlShare;
}

/**
 * C0 controls but tab and line feed (a form feed becomes a line break), DEL, C1 controls,
 * noncharacters and lone surrogates: none is text, and XML 1.0 refuses most of them.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes what `CONTROLS` names; form feeds become line breaks. Returns how many characters went. */
export function stripControls(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(/\f/g, '\n').replace(CONTROLS, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}
