import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The outcome of decoding one raw file: text ready for the stages, or a reason to skip it. */
export type Decoded =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → normalised text: honours a BOM, prefers valid UTF-8, otherwise asks chardet
 * (Windows-1252, UTF-16 without BOM, …); then LF line ends, NFC, no BOM.
 * Binary and empty input become reasons, never exceptions.
 * @param bytes the raw file
 * @param maxControlShare share of control characters above which the file is binary
 */
export function decode(bytes: Uint8Array, maxControlShare = 0.01): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  const decoded = decodeBytes(bytes);
  if (!decoded) return { ok: false, reason: 'binary file (not text in any known encoding)' };
  const { encoding } = decoded;
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (controlShare(text) > maxControlShare) return { ok: false, reason: `binary file (control characters; read as ${encoding})` };
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (text.trim() === '') return { ok: false, reason: 'empty file (only white space)' };
  return { ok: true, text, encoding };
}

function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.toString('utf8', 3), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16 };
  if (buf.includes(0)) return undefined;
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the usual culprit is Windows-1252 (which ISO-8859-1 guesses also mean in practice).
    const guess = (chardet.detect(buf) ?? 'windows-1252').toLowerCase();
    const encoding = /^(iso-8859-1|windows-1252|ascii)$/.test(guess) || !iconv.encodingExists(guess) ? 'windows-1252' : guess;
    return { text: iconv.decode(buf, encoding), encoding };
  }
}

/** UTF-16 text without a BOM shows NUL on every other byte; binary files show NUL anywhere. */
function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.4 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.4 && oddNul / pairs < 0.05) return 'utf-16be';
  return undefined;
}

function controlShare(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) control++;
  }
  return sample.length ? control / sample.length : 0;
}
