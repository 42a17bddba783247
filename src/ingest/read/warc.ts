import { Readable } from 'node:stream';
import { brotliDecompressSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import yauzl from 'yauzl';
import { htmlCapture } from './html.js';
import { unzipped } from './unzip.js';
import { dayOf } from './stated.js';
import { captureSink, type CaptureSink, type ReadLimits, type ReadResult, type Skip } from './capture.js';
import type { ReaderInput } from './index.js';

/** Why a record of a web archive is no article, by kind: counted, and reported once per archive. */
type RecordSkip = 'revisit' | 'request' | 'metadata' | 'not HTML (images, scripts, styles, data)' | 'redirect' | 'error page' | 'too large' | 'unreadable';

type WarcOut = { captures: CaptureSink; skipped: Skip[]; counts: Map<RecordSkip, number> };

/**
 * Captures from the records of one WARC stream: each HTML `response` (status 200) is a page,
 * with `WARC-Target-URI` as its URL and `WARC-Date` as its capture date; revisits, requests,
 * metadata, non-HTML responses, redirects and error pages are counted as skipped. With
 * `stopWhenFound`, the stream is left once every page in `want` is read.
 */
async function fromWarc(file: string, source: AsyncIterable<Uint8Array>, limits: ReadLimits, prefix: string, out: WarcOut, want?: ReadonlySet<string>, stopWhenFound = false): Promise<void> {
  let n = 0;
  // Wanted pages not yet met: once none is left, the rest of the archive need not be read.
  let left = want?.size ?? -1;
  const stream = watched(unzipped(source));
  for await (const record of WARCParser.iterRecords(stream.bytes) as AsyncIterable<WARCRecord>) {
    n++;
    if ((await oneRecord(record, n, file, limits, prefix, out, stream, want)) && --left === 0 && stopWhenFound) break;
  }
  // Left before its end, the stream is ended here (warcio does not end it): that closes the file.
  await stream.bytes.return(undefined);
}

/** One record of a web archive: a capture, a reasoned skip, or counted as no article. True when it was a page wanted. */
async function oneRecord(record: WARCRecord, n: number, file: string, limits: ReadLimits, prefix: string, out: WarcOut, stream: { failed: Error | undefined }, want?: ReadonlySet<string>): Promise<boolean> {
  const skip = (kind: RecordSkip) => out.counts.set(kind, (out.counts.get(kind) ?? 0) + 1);
  const type = record.warcType;
  if (type === 'warcinfo') return false;
  if (type === 'revisit') skip('revisit');
  else if (type === 'request') skip('request');
  else if (type === 'metadata' || type === 'conversion' || type === 'continuation') skip('metadata');
  if (type !== 'response' && type !== 'resource') {
    await record.skipFully();
    return false;
  }
  const status = Number(record.httpHeaders?.statusCode ?? (type === 'resource' ? 200 : 0));
  const contentType = (type === 'resource' ? record.warcContentType : record.httpHeaders?.headers.get('content-type')) ?? '';
  if (status >= 300 && status < 400) {
    skip('redirect');
    await record.skipFully();
    return false;
  }
  if (status !== 200) {
    skip('error page');
    await record.skipFully();
    return false;
  }
  // A response without a Content-Type is looked at, as a browser would: HTML is read as HTML.
  const untyped = !contentType.trim();
  if (!untyped && !/text\/html|application\/xhtml\+xml/i.test(contentType)) {
    skip('not HTML (images, scripts, styles, data)');
    await record.skipFully();
    return false;
  }
  if (record.warcContentLength > limits.maxBytes * 2) {
    skip('too large');
    await record.skipFully();
    return false;
  }
  const recordId = (record.warcHeader('WARC-Record-ID') ?? `record ${n}`).replace(/^<|>$/g, '').replace(/^urn:uuid:/, '');
  // A page not wanted this time (its article stands) is passed over before it is parsed.
  if (want && !want.has(`${file}#${prefix}${recordId}`)) {
    await record.skipFully();
    return false;
  }
  const url = record.warcTargetURI ?? undefined;
  // warcio undoes chunking, gzip and deflate; Brotli is undone here; anything else is named.
  const encodings = (type === 'response' ? (record.httpHeaders?.headers.get('content-encoding') ?? '') : '').toLowerCase().split(',').map((e) => e.trim()).filter((e) => e && e !== 'identity');
  const unknown = encodings.find((e) => !['gzip', 'x-gzip', 'deflate', 'br'].includes(e));
  if (unknown) {
    await record.skipFully();
    out.skipped.push({ id: `${file}#${prefix}${recordId}`, reason: `${url ?? recordId}: compressed as "${unknown}", which this reader cannot undo` });
    return true;
  }
  let payload: Uint8Array;
  try {
    payload = await record.readFully(true);
    if (encodings.includes('br')) payload = brotli(payload, limits.maxBytes * 2);
  } catch {
    // The archive itself broke off (a cut gzip): no record follows. warcio, asked for the next
    // record of a stream that failed, never returns.
    if (stream.failed) throw stream.failed;
    skip('unreadable');
    return true;
  }
  if (untyped && !looksLikeHtml(payload)) {
    skip('not HTML (images, scripts, styles, data)');
    return true;
  }
  const captured = dayOf(record.warcDate ?? undefined);
  const charset = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  const made = htmlCapture(file, payload, limits, {
    record: `${prefix}${recordId}`,
    ...(charset ? { charset } : {}),
    given: { ...(url ? { url: { value: url, from: 'WARC-Target-URI' } } : {}), ...(captured ? { captured: { value: captured, from: 'WARC-Date' } } : {}) },
  });
  // The crawler cut the page short (its size or time limit): the article may be too.
  const truncated = record.warcHeader('WARC-Truncated');
  if ('reason' in made) out.skipped.push({ id: made.id, reason: `${url ?? made.id}: ${made.reason}` });
  else out.captures.add({ ...made, format: 'warc', warnings: truncated ? [...made.warnings, `the web archive holds only part of this page (WARC-Truncated: ${truncated})`] : made.warnings });
  return true;
}

/** A stream of bytes that remembers the error it ended with. */
function watched(source: AsyncIterable<Uint8Array>): { bytes: AsyncGenerator<Uint8Array>; failed: Error | undefined } {
  const state = { failed: undefined as Error | undefined };
  async function* bytes() {
    try {
      yield* source;
    } catch (error) {
      state.failed = error as Error;
      throw error;
    }
  }
  return {
    bytes: bytes(),
    get failed() {
      return state.failed;
    },
  };
}

/** The first bytes of a body open an HTML document (after a byte order mark, blanks and comments), as a browser sniffs one sent without a type. */
function looksLikeHtml(body: Uint8Array): boolean {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024)).toString('latin1');
  return /^(?:\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|title)[\s>]/i.test(head);
}

/** A Brotli body undone (at most `max` bytes), or the body as it is when warcio undid it already. */
function brotli(body: Uint8Array, max: number): Uint8Array {
  try {
    return brotliDecompressSync(body, { maxOutputLength: max });
  } catch (error) {
    // More than `max` bytes: too large for an article, said as unreadable.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
    return body;
  }
}

function summary(file: string, counts: Map<RecordSkip, number>): Skip[] {
  if (counts.size === 0) return [];
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind}`);
  return [{ id: `${file}#skipped-records`, reason: `${total} record(s) of the archive are no article: ${parts.join(', ')}` }];
}

/** A web archive (`.warc`, `.warc.gz`): one capture per HTML page in it, read as a stream. */
export async function readWarc(input: ReaderInput, limits: ReadLimits): Promise<ReadResult> {
  const out = { captures: captureSink(input.each), skipped: [] as Skip[], counts: new Map<RecordSkip, number>() };
  try {
    await fromWarc(input.file, input.stream(), limits, '', out, input.want, true);
  } catch (error) {
    out.skipped.push({ id: input.file, reason: `not a readable web archive after ${out.captures.count} page(s): ${(error as Error).message}` });
  }
  if (out.captures.count === 0 && out.counts.size === 0 && out.skipped.length === 0) out.skipped.push({ id: input.file, reason: 'a web archive with no record' });
  return { captures: out.captures.captures, skipped: [...out.skipped, ...summary(input.file, out.counts)] };
}

/**
 * A WACZ package (a zip with its WARCs under `archive/`): the pages of every WARC in it, each
 * record named by its WARC's name inside the package and its record id.
 */
export async function readWacz(input: ReaderInput, limits: ReadLimits): Promise<ReadResult> {
  const out = { captures: captureSink(input.each), skipped: [] as Skip[], counts: new Map<RecordSkip, number>() };
  let zip: yauzl.ZipFile;
  try {
    // Read where its entries lie, not whole: a package may hold gigabytes.
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromFd(input.fd, { lazyEntries: true, autoClose: false }, (error, z) => (error ? reject(error) : resolve(z!))));
  } catch (error) {
    return { captures: [], skipped: [{ id: input.file, reason: `not a readable WACZ (zip) file: ${(error as Error).message}` }] };
  }
  let warcs = 0;
  await new Promise<void>((resolve) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!/^archive\/[^/]+\.warc(\.gz)?$/.test(entry.fileName)) return void zip.readEntry();
      warcs++;
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) {
          out.skipped.push({ id: `${input.file}#${entry.fileName}`, reason: `cannot read ${entry.fileName}: ${error?.message}` });
          return void zip.readEntry();
        }
        fromWarc(input.file, stream as Readable, limits, `${entry.fileName}#`, out, input.want)
          .catch((e: Error) => out.skipped.push({ id: `${input.file}#${entry.fileName}`, reason: `${entry.fileName} is not a readable web archive: ${e.message}` }))
          .finally(() => zip.readEntry());
      });
    });
    zip.on('end', resolve);
    zip.on('error', (error: Error) => {
      out.skipped.push({ id: input.file, reason: `the WACZ (zip) file is damaged: ${error.message}` });
      resolve();
    });
    zip.readEntry();
  });
  // Not zip.close(): yauzl's close closes the file it was given, which readCaptures owns and closes.
  if (warcs === 0) out.skipped.push({ id: input.file, reason: 'a WACZ package with no WARC under archive/' });
  return { captures: out.captures.captures, skipped: [...out.skipped, ...summary(input.file, out.counts)] };
}
