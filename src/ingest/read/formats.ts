/** The formats the readers know, by the end of a file's name (longest first), without loading any reader. */
export type Format = 'text' | 'html' | 'jsonl' | 'warc' | 'wacz';

/** A capture file holds one capture; an archive many, read record by record (and may be large). */
export type Kind = 'capture' | 'archive';

const FORMATS: [string, Format, Kind][] = [
  ['.warc.gz', 'warc', 'archive'],
  ['.warc', 'warc', 'archive'],
  ['.wacz', 'wacz', 'archive'],
  ['.html.gz', 'html', 'capture'],
  ['.htm.gz', 'html', 'capture'],
  ['.html', 'html', 'capture'],
  ['.htm', 'html', 'capture'],
  ['.xhtml', 'html', 'capture'],
  ['.jsonl.gz', 'jsonl', 'archive'],
  ['.ndjson.gz', 'jsonl', 'archive'],
  ['.jsonl', 'jsonl', 'archive'],
  ['.ndjson', 'jsonl', 'archive'],
  ['.txt', 'text', 'capture'],
  ['.text', 'text', 'capture'],
];

/** The file types read, for messages. */
export const READ_TYPES = 'text (.txt), saved pages (.html, .htm, .xhtml, gzipped too), JSON lines (.jsonl, .ndjson, gzipped too), web archives (.warc, .warc.gz, .wacz)';

/** The format of a file by its name; a name without an extension is read as text. */
export function formatOf(name: string): { format: Format; kind: Kind } | undefined {
  const lower = name.toLowerCase();
  for (const [ending, format, kind] of FORMATS) if (lower.endsWith(ending)) return { format, kind };
  if (!/\.[^./]+$/.test(name)) return { format: 'text', kind: 'capture' };
  return undefined;
}
