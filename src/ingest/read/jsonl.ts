import { decode } from './decode.js';
import { htmlCapture } from './html.js';
import { textCapture } from './text.js';
import { dayOf } from './meta.js';
import { fixityOf, type Capture, type Given, type ReadLimits, type ReadResult, type Skip } from './capture.js';
import type { ReaderInput } from './index.js';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * A scraper's export in JSON lines (`.jsonl`, `.ndjson`): one object a line with `url`, `title`,
 * `text` or `html` (also `content`, `body`), and perhaps `date` (or `published`,
 * `datePublished`), `site`, `author`, `captured`. Each line is a capture (`file#line N`); what
 * its fields state wins over what its page or text says. A line that is no such object is a
 * reasoned skip naming its number, and the rest go on.
 */
export async function readJsonLines(input: ReaderInput, limits: ReadLimits): Promise<ReadResult> {
  const captures: Capture[] = [];
  const skipped: Skip[] = [];
  const all = input.bytes();
  let start = 0;
  for (let n = 1; start < all.length; n++) {
    let end = all.indexOf(0x0a, start);
    if (end === -1) end = all.length;
    const bytes = all.subarray(start, end);
    start = end + 1;
    const record = `line ${n}`;
    const id = `${input.file}#${record}`;
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
    const date = str(o.date) ?? str(o.published) ?? str(o.datePublished) ?? str(o.published_at);
    const author = o.author ?? o.authors;
    const authors = [author].flat().map(str).filter((a): a is string => a !== undefined);
    const given: Given = {
      ...(str(o.title) ? { title: { value: str(o.title)!, from: 'JSON "title"' } } : {}),
      ...(dayOf(date) ? { published: { value: dayOf(date)!, from: 'JSON "date"' } } : {}),
      ...(str(o.site) ? { site: { value: str(o.site)!, from: 'JSON "site"' } } : {}),
      ...(authors.length ? { authors: { value: authors, from: 'JSON "author"' } } : {}),
      ...(str(o.url) ? { url: { value: str(o.url)!, from: 'JSON "url"' } } : {}),
      ...(dayOf(str(o.captured) ?? str(o.crawl_date) ?? str(o.scraped_at)) ? { captured: { value: dayOf(str(o.captured) ?? str(o.crawl_date) ?? str(o.scraped_at))!, from: 'JSON "captured"' } } : {}),
    };
    if (html) {
      const made = htmlCapture(input.file, Buffer.from(html), limits, { record, given });
      if ('reason' in made) skipped.push({ id, reason: `line ${n}: ${made.reason}` });
      else captures.push({ ...made, fixity: fixityOf(bytes), format: 'jsonl' });
    } else {
      const clean = decode(Buffer.from(text!), limits.maxControlShare);
      if (!clean.ok) skipped.push({ id, reason: `line ${n}: ${clean.reason}` });
      else captures.push({ ...textCapture(input.file, bytes, clean.text, clean.warnings, record), format: 'jsonl', given });
    }
  }
  if (captures.length === 0 && skipped.length === 0) skipped.push({ id: input.file, reason: 'empty file (no lines)' });
  return { captures, skipped };
}
