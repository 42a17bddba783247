import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import type { Capture, ReadLimits, ReadResult } from './capture.js';
import { formatOf, READ_TYPES, type Format } from './formats.js';
import { stampOf } from './stamp.js';

export { formatOf, READ_TYPES } from './formats.js';

/** A file to read: its bytes on demand, or a stream for archives too large to hold. */
export interface ReaderInput {
  file: string;
  size: number;
  bytes: () => Buffer;
  stream: () => AsyncIterable<Uint8Array>;
  /** Where each capture goes as it is read, for readers of archives (others return theirs whole). */
  each?: (capture: Capture) => void;
  /** The only captures wanted, by id: an archive's reader passes the others over unparsed. */
  want?: ReadonlySet<string>;
  /** The open file, for readers that read parts of it where they lie (a zip's entries); it stays open until the reader returns. */
  fd: number;
}

type FormatReader = (input: ReaderInput, limits: ReadLimits) => Promise<ReadResult>;

/**
 * Each format's reader, loaded the first time a file of that format is read: a run over text
 * captures never loads the HTML parser or the web archive reader, and a run with nothing to read
 * loads none of them.
 */
const READERS: Record<Format, () => Promise<FormatReader>> = {
  text: async () => {
    const { readText } = await import('./text.js');
    return (input, limits) => readText(input.file, input.bytes(), limits);
  },
  html: async () => (await import('./html.js')).readHtml,
  jsonl: async () => (await import('./jsonl.js')).readJsonLines,
  warc: async () => (await import('./warc.js')).readWarc,
  wacz: async () => (await import('./warc.js')).readWacz,
};
const loaded = new Map<Format, FormatReader>();
async function readerOf(format: Format): Promise<FormatReader> {
  let reader = loaded.get(format);
  if (!reader) loaded.set(format, (reader = await READERS[format]()));
  return reader;
}

/** The largest archive (JSON lines, web archive) read: its records are read one by one. */
const MAX_ARCHIVE_BYTES = 64 * 1024 ** 3;

/**
 * Reads one file of the collection into its captures. The file is opened without blocking and
 * checked once open, so a file that became a named pipe or a device since the listing is skipped
 * rather than waited on; a file too large for what it is, skipped with the reason. With `each`,
 * every capture is handed to it as it is read and none is collected; with `want`, an archive's
 * records and lines that are not wanted are passed over without being parsed.
 */
export async function readCaptures(path: string, file: string, limits: ReadLimits, each?: (capture: Capture) => void, want?: ReadonlySet<string>): Promise<ReadResult> {
  const reader = formatOf(file);
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
    // The file's stamp as it is read, before its bytes: a change after this shows in the next run's stamp.
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { captures: [], skipped: [{ id: file, reason: 'not a regular file' }] };
    const max = reader.kind === 'archive' ? MAX_ARCHIVE_BYTES : limits.maxBytes;
    if (stat.size > max) return { captures: [], skipped: [{ id: file, reason: `too large for an article (${(stat.size / 1048576).toFixed(1)} MB > ${(max / 1048576).toFixed(1)} MB limit)` }] };
    const input: ReaderInput = {
      file,
      size: stat.size,
      fd,
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
        // Large pieces: an archive's reader gathers its records from them (see unzip.ts).
        return createReadStream('', { fd, autoClose: true, highWaterMark: 1024 * 1024 });
      },
      ...(each ? { each } : {}),
      ...(want ? { want } : {}),
    };
    const read = await (await readerOf(reader.format))(input, limits);
    // A reader of one capture returns it; with `each`, it goes the way an archive's do.
    if (each && read.captures.length > 0) {
      for (const c of read.captures) each(c);
      return { ...read, captures: [], stamp: stampOf(stat) };
    }
    return { ...read, stamp: stampOf(stat) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { captures: [], skipped: [{ id: file, reason: code ? `cannot read: ${code}` : `cannot read: ${(error as Error).message}` }] };
  } finally {
    close();
  }
}
