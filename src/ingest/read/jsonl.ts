import { gunzipSync } from 'node:zlib';
import { decode } from './decode.js';
import { htmlCapture } from './html.js';
import { textCapture } from './text.js';
import { authorNames, statedDay } from './stated.js';
import { captureSink, fixityOf, type Given, type ReadLimits, type ReadResult, type Skip } from './capture.js';
import type { ReaderInput } from './index.js';

/** The most a gzipped file of JSON lines may hold unzipped (it is read whole). */
const MAX_UNZIPPED = 2 * 1024 ** 3;

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
 * reasoned skip naming its number, and the rest go on.
 */
export async function readJsonLines(input: ReaderInput, limits: ReadLimits): Promise<ReadResult> {
  const captures = captureSink(input.each);
  const skipped: Skip[] = [];
  let all = input.bytes();
  if (all[0] === 0x1f && all[1] === 0x8b) {
    try {
      all = gunzipSync(all, { maxOutputLength: MAX_UNZIPPED });
    } catch (error) {
      return { captures: [], skipped: [{ id: input.file, reason: `cannot read the gzipped JSON lines: ${(error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `more than ${MAX_UNZIPPED / 1024 ** 3} GB unzipped` : (error as Error).message}` }] };
    }
  }
  let start = 0;
  for (let n = 1; start < all.length; n++) {
    let end = all.indexOf(0x0a, start);
    if (end === -1) end = all.length;
    const bytes = all.subarray(start, end);
    start = end + 1;
    const record = `line ${n}`;
    const id = `${input.file}#${record}`;
    if (input.want && !input.want.has(id)) continue;
    if (bytes.length === 0 || /^\s*$/.test(bytes.toString('latin1'))) continue;
    if (bytes.length > limits.maxBytes) {
      skipped.push({ id, reason: `line ${n}: too large for an article (${(bytes.length / 1048576).toFixed(1)} MB)` });
      continue;
    }
    const decoded = decode(bytes, 1);
    let value: unknown;
    try {
      value = decoded.ok ? JSON.parse(decoded.text) : undefined;
    } catch (error) {
      skipped.push({ id, reason: `line ${n}: not JSON (${(error as Error).message})` });
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      skipped.push({ id, reason: `line ${n}: not a JSON object` });
      continue;
    }
    const o = value as Record<string, unknown>;
    const html = str(o.html) ?? (str(o.content)?.trimStart().startsWith('<') ? str(o.content) : undefined);
    const text = str(o.text) ?? str(o.body) ?? (html ? undefined : str(o.content));
    if (!html && !text) {
      skipped.push({ id, reason: `line ${n}: neither "text" nor "html" to read` });
      continue;
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
  if (captures.count === 0 && skipped.length === 0) skipped.push({ id: input.file, reason: 'empty file (no lines)' });
  return { captures: captures.captures, skipped };
}
