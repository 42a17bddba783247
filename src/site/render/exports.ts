import { stringify } from 'csv-stringify/sync';
import { linkUrl, type SiteConfig } from '../config.js';
import type { SiteArticle } from '../read/model.js';

/**
 * The archive's metadata as data for others: `/data/articles.csv` and `/data/articles.json`, one
 * row per article, described by a Frictionless Data Package (`/data/datapackage.json`). The
 * columns are declared once here; the CSV header, the JSON keys and the package's Table Schema
 * all come from this list, so they cannot drift apart.
 */
type Kind = 'string' | 'date' | 'integer' | 'list';
interface Column {
  name: string;
  kind: Kind;
  description: string;
  value: (a: SiteArticle, config: SiteConfig) => string | number | string[] | undefined;
}

export const COLUMNS: readonly Column[] = [
  { name: 'slug', kind: 'string', description: "The article's name in the archive (its Markdown file and page).", value: (a) => a.slug },
  { name: 'url', kind: 'string', description: "The article's page: absolute once the site's url is set, else from the site root.", value: (a, c) => linkUrl(c, a.url) },
  { name: 'title', kind: 'string', description: 'The headline.', value: (a) => a.title },
  { name: 'published', kind: 'date', description: 'Publication date; read with published_precision (a month or year is written as its first day).', value: (a) => a.published },
  { name: 'published_precision', kind: 'string', description: 'day, month or year.', value: (a) => a.published_precision },
  { name: 'published_basis', kind: 'string', description: 'stated (the capture states it), inferred (read from a relative date or a dateline), or curator (set by hand).', value: (a) => a.published_basis },
  { name: 'modified', kind: 'date', description: 'The last update the source states.', value: (a) => a.modified },
  { name: 'captured', kind: 'date', description: 'When the page was captured.', value: (a) => a.captured },
  { name: 'site', kind: 'string', description: 'The site the article was published on.', value: (a) => a.site },
  { name: 'publisher', kind: 'string', description: 'The publisher, when named.', value: (a) => a.publisher },
  { name: 'authors', kind: 'list', description: 'Authors as the source states them.', value: (a) => a.authors },
  { name: 'topics', kind: 'list', description: "Topics of the archive's taxonomy.", value: (a) => a.topics },
  { name: 'people', kind: 'list', description: 'People named in the text.', value: (a) => a.people },
  { name: 'places', kind: 'list', description: 'Places named in the text.', value: (a) => a.places },
  { name: 'organizations', kind: 'list', description: 'Organisations named in the text.', value: (a) => a.organizations },
  { name: 'words', kind: 'integer', description: 'Words in the cleaned text.', value: (a) => a.words },
  { name: 'source_file', kind: 'string', description: 'The raw capture, as a path in the collection.', value: (a) => a.source.file },
  { name: 'source_record', kind: 'string', description: 'Which capture of a file of several (a JSON line, a web archive record).', value: (a) => a.source.record },
  { name: 'source_sha256', kind: 'string', description: 'SHA-256 of the capture the article was made from.', value: (a) => a.source.sha256 },
  { name: 'source_bytes', kind: 'integer', description: 'Size of that capture in bytes.', value: (a) => a.source.bytes },
  { name: 'source_url', kind: 'string', description: 'The address the page was captured from.', value: (a) => a.source.url },
];

/** In the CSV, a list is one cell with its items joined by this (the JSON keeps the list). */
export const LIST_SEPARATOR = '; ';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets an
 * apostrophe in front in the CSV, the usual guard against formula injection; the JSON holds the
 * value exactly as the article has it.
 */
const FORMULA = /^[=+\-@\t\r]/;

/** The articles' metadata as CSV (RFC 4180 quoting by csv-stringify, CRLF rows, a header row). */
export function articlesCsv(articles: readonly SiteArticle[], config: SiteConfig): string {
  const cell = (column: Column, article: SiteArticle): string => {
    const value = column.value(article, config);
    if (value === undefined) return '';
    if (typeof value === 'number') return String(value);
    const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
    return column.kind === 'string' || column.kind === 'list' ? (FORMULA.test(text) ? `'${text}` : text) : text;
  };
  return stringify([COLUMNS.map((c) => c.name), ...articles.map((a) => COLUMNS.map((c) => cell(c, a)))], { record_delimiter: 'windows' });
}

/** The articles' metadata as JSON: one object per article, absent values left out, lists as lists. */
export function articlesJson(articles: readonly SiteArticle[], config: SiteConfig): string {
  const rows = articles.map((a) => Object.fromEntries(COLUMNS.map((c) => [c.name, c.value(a, config)]).filter(([, v]) => v !== undefined)));
  return `${JSON.stringify(rows, null, 1)}\n`;
}

const TABLE_TYPE: Record<Kind, string> = { string: 'string', date: 'date', integer: 'integer', list: 'string' };

/** The Data Package (Frictionless Data, v1) describing both files. */
export function dataPackage(config: SiteConfig, articles: number): string {
  const fields = COLUMNS.map((c) => ({
    name: c.name,
    type: TABLE_TYPE[c.kind],
    description: c.kind === 'list' ? `${c.description} Items joined by "${LIST_SEPARATOR}".` : c.description,
    ...(c.name === 'slug' || c.name === 'title' || c.name === 'source_file' || c.name === 'source_sha256' ? { constraints: { required: true } } : {}),
  }));
  const descriptor = {
    // A plain data package: one resource is a table (CSV, typed by its Table Schema), the other JSON.
    profile: 'data-package',
    name: 'clippings-articles',
    title: `${config.title}: articles`,
    description: `Metadata of the ${articles} articles of ${config.title}. ${config.description} A CSV cell that begins with =, +, -, @, a tab or a carriage return has an apostrophe added in front, so spreadsheets show it as text; articles.json holds every value exactly.`,
    ...(config.url ? { homepage: linkUrl(config, '/') } : {}),
    resources: [
      {
        name: 'articles',
        path: 'articles.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: { fields, primaryKey: 'slug' },
      },
      {
        name: 'articles-json',
        path: 'articles.json',
        profile: 'data-resource',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        description: 'The same rows as JSON objects, lists as arrays, absent values left out.',
      },
    ],
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}
