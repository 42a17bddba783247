import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * The size of the pieces gunzipped: warcio gathers a record from its stream's pieces, and with
 * zlib's 16 kB a 222 MB web archive took 7.0 s to read through, with 256 kB 2.4 s.
 */
const CHUNK = 256 * 1024;

/**
 * The bytes of a stream, gunzipped when they start as gzip does (all of a file's gzip members,
 * as a `.warc.gz` holds one per record). Node's zlib inflates in its thread pool, beside the
 * reader's thread; warcio's own gunzip is JavaScript on the reader's thread (a 222 MB web
 * archive read through: 9.4 s → 2.4 s).
 * Ended early or by an error (a damaged gzip), the source is ended too: a file's stream closes its file.
 */
export async function* unzipped(source: AsyncIterable<Uint8Array>, onGzip: () => void = () => {}): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const rest = async function* () {
    yield first.value;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  };
  try {
    if (first.value[0] !== 0x1f || first.value[1] !== 0x8b) return yield* rest();
    onGzip();
    yield* Readable.from(rest()).pipe(createGunzip({ chunkSize: CHUNK }));
  } finally {
    await it.return?.();
  }
}
