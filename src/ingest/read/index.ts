import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import type { ReadLimits, ReadResult } from './capture.js';
import { readText } from './text.js';
import { readHtml } from './html.js';
import { readJsonLines } from './jsonl.js';
import { readWarc, readWacz } from './warc.js';

/** A file to read: its bytes on demand, or a stream for archives too large to hold. */
export interface ReaderInput {
  file: string;
  size: number;
  bytes: () => Buffer;
  stream: () => AsyncIterable<Uint8Array>;
}

type FormatReader = (input: ReaderInput, limits: ReadLimits) => Promise<ReadResult>;

/** Readers by the end of a file's name, longest first. */
const READERS: [string, FormatReader, 'archive' | 'capture'][] = [
  ['.warc.gz', readWarc, 'archive'],
  ['.warc', readWarc, 'archive'],
  ['.wacz', readWacz, 'archive'],
  ['.html.gz', readHtml, 'capture'],
  ['.htm.gz', readHtml, 'capture'],
  ['.html', readHtml, 'capture'],
  ['.htm', readHtml, 'capture'],
  ['.xhtml', readHtml, 'capture'],
  ['.jsonl', readJsonLines, 'archive'],
  ['.ndjson', readJsonLines, 'archive'],
  ['.txt', (input, limits) => readText(input.file, input.bytes(), limits), 'capture'],
  ['.text', (input, limits) => readText(input.file, input.bytes(), limits), 'capture'],
];

/** The file types read, for messages. */
export const READ_TYPES = 'text (.txt), saved pages (.html, .htm, .xhtml, gzipped too), JSON lines (.jsonl, .ndjson), web archives (.warc, .warc.gz, .wacz)';

/** The reader of a file by its name; a name without an extension is read as text. */
export function readerFor(name: string): { read: FormatReader; kind: 'archive' | 'capture' } | undefined {
  const lower = name.toLowerCase();
  for (const [ending, read, kind] of READERS) if (lower.endsWith(ending)) return { read, kind };
  if (!/\.[^./]+$/.test(name)) return { read: (input, limits) => readText(input.file, input.bytes(), limits), kind: 'capture' };
  return undefined;
}

/** The largest archive (JSON lines, web archive) read: its records are read one by one. */
const MAX_ARCHIVE_BYTES = 64 * 1024 ** 3;

/**
 * Reads one file of the collection into its captures. The file is opened without blocking and
 * checked once open, so a file that became a named pipe or a device since the listing is skipped
 * rather than waited on; a file too large for what it is, skipped with the reason.
 */
export async function readCaptures(path: string, file: string, limits: ReadLimits): Promise<ReadResult> {
  const reader = readerFor(file);
  if (!reader) return { captures: [], skipped: [{ id: file, reason: `unsupported file type (read: ${READ_TYPES})` }] };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { captures: [], skipped: [{ id: file, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
  }
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { captures: [], skipped: [{ id: file, reason: 'not a regular file' }] };
    const max = reader.kind === 'archive' ? MAX_ARCHIVE_BYTES : limits.maxBytes;
    if (stat.size > max) return { captures: [], skipped: [{ id: file, reason: `too large for an article (${(stat.size / 1048576).toFixed(1)} MB > ${(max / 1048576).toFixed(1)} MB limit)` }] };
    const input: ReaderInput = {
      file,
      size: stat.size,
      bytes: () => {
        const buf = Buffer.allocUnsafe(stat.size);
        let read = 0;
        while (read < stat.size) {
          const n = readSync(fd, buf, read, stat.size - read, read);
          if (n === 0) break;
          read += n;
        }
        return buf.subarray(0, read);
      },
      stream: () => {
        closed = true; // the stream closes the file when it ends
        return createReadStream('', { fd, autoClose: true });
      },
    };
    return await reader.read(input, limits);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { captures: [], skipped: [{ id: file, reason: code ? `cannot read: ${code}` : `cannot read: ${(error as Error).message}` }] };
  } finally {
    close();
  }
}
