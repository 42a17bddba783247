import { decode } from './decode.js';
import { unzipped } from './unzip.js';
import { htmlCapture } from './html.js';
import { textCapture } from './text.js';
import { authorNames, statedDay } from './stated.js';
import { captureSink, fixityOf, type CaptureSink, type Given, type ReadLimits, type ReadResult, type Skip } from './capture.js';
import type { ReaderInput } from './index.js';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The fields scrapers put a publication date and a capture date in, in the order they are looked for. */
const PUBLISHED_KEYS = ['date', 'published', 'datePublished', 'published_at', 'date_publish', 'publish_date', 'pubDate'] as const;
const CAPTURED_KEYS = ['captured', 'crawl_date', 'scraped_at', 'date_download'] as const;

/** The day a date field states (see `statedDay`), with the field it was read from; a field that states none is named in a warning. */
function dayField(o: Record<string, unknown>, keys: readonly string[], warnings: string[]): { value: string; from: string } | undefined {
  const key = keys.find((k) => o[k] !== undefined && o[k] !== null && o[k] !== '');
  if (key === undefined) return undefined;
  const day = statedDay(o[key]);
  if (day === undefined) warnings.push(`JSON "${key}" (${JSON.stringify(o[key]).slice(0, 60)}) states no day this reader can read: it is left out`);
  return day === undefined ? undefined : { value: day, from: `JSON "${key}"` };
}

/**
 * A scraper's export in JSON lines (`.jsonl`, `.ndjson`, gzipped too): one object a line with `url`, `title`,
 * `text` or `html` (also `content`, `body`), and perhaps `date` (or `published`,
 * `datePublished`, `published_at`, `date_publish`, `publish_date`, `pubDate`), `site`, `author`,
 * `captured` (or `crawl_date`, `scraped_at`, `date_download`). Each line is a capture (`file#line N`); what
 * its fields state wins over what its page or text says. A line that is no such object is a
 * reasoned skip naming its number, and the rest go on. The file is read as a stream, a line at a
 * time (gunzipped on the way), so an export of any size is never held whole.
 */
export async function readJsonLines(input: ReaderInput, limits: ReadLimits): Promise<ReadResult> {
  const captures = captureSink(input.each);
  const skipped: Skip[] = [];
  let n = 0;
  let gzipped = false;
  try {
    // Wanted lines not yet met: once none is left, the rest of the file is not read.
    let left = input.want?.size ?? -1;
    for await (const line of linesOf(input.stream(), limits.maxBytes, () => (gzipped = true))) {
      n++;
      readLine(input, limits, line, n, captures, skipped);
      if (input.want?.has(`${input.file}#line ${n}`) && --left === 0) break;
    }
  } catch (error) {
    const what = gzipped ? 'the gzipped JSON lines' : 'the JSON lines';
    skipped.push({ id: input.file, reason: `cannot read ${what}${n > 0 ? ` after line ${n}` : ''}: ${(error as Error).message}` });
  }
  if (captures.count === 0 && skipped.length === 0) skipped.push({ id: input.file, reason: 'empty file (no lines)' });
  return { captures: captures.captures, skipped };
}

/** A line's bytes, or only its length when it is longer than any article may be (it is not held). */
type Line = { bytes: Buffer } | { tooLong: number };

/**
 * The lines of a stream of bytes (gzipped or not: `gzip` is called when it is), one at a time, so
 * that an export of any size is never held whole; a line longer than `max` is counted, not kept.
 */
async function* linesOf(source: AsyncIterable<Uint8Array>, max: number, gzip: () => void): AsyncGenerator<Line> {
  let carry: Buffer[] = [];
  let carried = 0;
  for await (const chunk of unzipped(source, gzip)) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); ; nl = buf.indexOf(0x0a, start)) {
      const piece = buf.subarray(start, nl === -1 ? buf.length : nl);
      if (carried + piece.length > max) carry = [];
      else if (piece.length > 0) carry.push(piece);
      carried += piece.length;
      if (nl === -1) break;
      yield carried > max ? { tooLong: carried } : { bytes: carry.length === 1 ? carry[0]! : Buffer.concat(carry) };
      carry = [];
      carried = 0;
      start = nl + 1;
    }
  }
  if (carried > 0) yield carried > max ? { tooLong: carried } : { bytes: Buffer.concat(carry) };
}

/** One line of the export → a capture, or the reasoned skip of it. */
function readLine(input: ReaderInput, limits: ReadLimits, line: Line, n: number, captures: CaptureSink, skipped: Skip[]): void {
  const record = `line ${n}`;
  const id = `${input.file}#${record}`;
  if (input.want && !input.want.has(id)) return;
  if ('tooLong' in line) {
    skipped.push({ id, reason: `line ${n}: too large for an article (${(line.tooLong / 1048576).toFixed(1)} MB)` });
    return;
  }
  const { bytes } = line;
  if (bytes.length === 0 || /^\s*$/.test(bytes.toString('latin1'))) return;
  const decoded = decode(bytes, 1);
  let value: unknown;
  try {
    value = decoded.ok ? JSON.parse(decoded.text) : undefined;
  } catch (error) {
    skipped.push({ id, reason: `line ${n}: not JSON (${(error as Error).message})` });
    return;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    skipped.push({ id, reason: `line ${n}: not a JSON object` });
    return;
  }
  const o = value as Record<string, unknown>;
  const html = str(o.html) ?? (str(o.content)?.trimStart().startsWith('<') ? str(o.content) : undefined);
  const text = str(o.text) ?? str(o.body) ?? (html ? undefined : str(o.content));
  if (!html && !text) {
    skipped.push({ id, reason: `line ${n}: neither "text" nor "html" to read` });
    return;
  }
  const warnings: string[] = [];
  const published = dayField(o, PUBLISHED_KEYS, warnings);
  const captured = dayField(o, CAPTURED_KEYS, warnings);
  const author = o.author ?? o.authors;
  const authors = authorNames([author].flat().map((a) => str(a) ?? (a && typeof a === 'object' ? str((a as Record<string, unknown>).name) : undefined)).filter((a): a is string => a !== undefined), limits.bylineRoles ?? new Set());
  const given: Given = {
    ...(str(o.title) ? { title: { value: str(o.title)!, from: 'JSON "title"' } } : {}),
    ...(published ? { published } : {}),
    ...(str(o.site) ? { site: { value: str(o.site)!, from: 'JSON "site"' } } : {}),
    ...(authors.length ? { authors: { value: authors, from: 'JSON "author"' } } : {}),
    ...(str(o.url) ? { url: { value: str(o.url)!, from: 'JSON "url"' } } : {}),
    ...(captured ? { captured } : {}),
  };
  if (html) {
    // The line's HTML is text already (JSON is Unicode): a charset its markup declares says nothing of these bytes.
    const made = htmlCapture(input.file, Buffer.from(html), limits, { record, given, charset: 'utf-8' });
    if ('reason' in made) skipped.push({ id, reason: `line ${n}: ${made.reason}` });
    else captures.add({ ...made, fixity: fixityOf(bytes), format: 'jsonl', warnings: [...made.warnings, ...warnings] });
  } else {
    const clean = decode(Buffer.from(text!), limits.maxControlShare);
    if (!clean.ok) skipped.push({ id, reason: `line ${n}: ${clean.reason}` });
    else captures.add({ ...textCapture(input.file, bytes, clean.text, [...clean.warnings, ...warnings], record), format: 'jsonl', given });
  }
}

