import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { sha256 } from '../article/hash.js';

/** Pagefind's index files are gzip of this signature and a document: CBOR (metadata, filters), JSON (fragments). */
const SIGNATURE = Buffer.from('pagefind_dcd');

/** The document inside one of Pagefind's files. */
export function unwrap(path: string, bytes: Uint8Array): Buffer {
  const data = gunzipSync(bytes);
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path}: not a Pagefind index file`);
  return data.subarray(SIGNATURE.length);
}

function unpack(path: string, bytes: Uint8Array): unknown {
  return decode(unwrap(path, bytes));
}

/** Gzip (no time stamp in it), so the same content always gives the same bytes. */
function pack(value: unknown): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encode(value)]), { level: 9 });
}

const byText = (a: unknown, b: unknown) => {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Makes a Pagefind bundle (its files by path, as `getFiles` gives them) byte-stable. Pagefind
 * 1.5 writes its filter indexes, and the metadata that lists them, in hash-map order, which
 * changes from run to run (upstream issue 638: fragments were made stable, "filter/metadata
 * indexes" still change), so identical sites gave different file names and bytes. Here each
 * filter file's values and the metadata's list of filters are put in name order and the files
 * are named after their new content. The search reads these maps by key: the order carries no
 * meaning, only the bytes become stable.
 *
 * The layouts read are Pagefind 1.5's: a filter file `[name, [[value, [page…]]…]]`, the metadata
 * `[version, pages, index chunks, filters: [[name, hash]…], sorts, meta fields]`. Anything else
 * fails loudly rather than writing a bundle the browser cannot read.
 */
export function stabilise(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const out = new Map(files);
  const entry = JSON.parse(Buffer.from(files.get('pagefind-entry.json') ?? '').toString('utf8')) as { languages: Record<string, { hash: string }> };
  for (const language of Object.values(entry.languages)) {
    const lang = language.hash.replace(/_[0-9a-f]+$/, '');
    const metaPath = `pagefind.${language.hash}.pf_meta`;
    const meta = unpack(metaPath, out.get(metaPath) ?? new Uint8Array()) as unknown[];
    const filters = meta[3];
    if (!Array.isArray(meta) || meta.length !== 6 || !Array.isArray(filters)) throw new Error(`${metaPath}: not the metadata layout of Pagefind 1.5`);
    const renamed: [string, string][] = [];
    for (const [name, hash] of filters as [string, string][]) {
      const path = `filter/${hash}.pf_filter`;
      const filter = unpack(path, out.get(path) ?? new Uint8Array()) as [string, [string, number[]][]];
      if (!Array.isArray(filter) || filter.length !== 2 || !Array.isArray(filter[1])) throw new Error(`${path}: not the filter layout of Pagefind 1.5`);
      for (const value of filter[1]) value[1] = [...value[1]].sort((a, b) => a - b);
      filter[1].sort((a, b) => byText(a[0], b[0]));
      const bytes = pack(filter);
      const stable = `${lang}_${sha256(bytes).slice(0, 7)}`;
      out.delete(path);
      out.set(`filter/${stable}.pf_filter`, bytes);
      renamed.push([name, stable]);
    }
    meta[3] = renamed.sort((a, b) => byText(a[0], b[0]));
    const bytes = pack(meta);
    const stable = `${lang}_${sha256(bytes).slice(0, 10)}`;
    out.delete(metaPath);
    out.set(`pagefind.${stable}.pf_meta`, bytes);
    language.hash = stable;
  }
  // Languages in name order too: the entry is a hash map in Pagefind as well.
  entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => byText(a, b)));
  out.set('pagefind-entry.json', Buffer.from(JSON.stringify(entry)));
  return out;
}
