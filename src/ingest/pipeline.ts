import { sha256 } from '../article/hash.js';
import { clean } from './clean/clean.js';
import { findDates } from './describe/dates.js';
import { extractEntities } from './describe/entities.js';
import { words } from './clean/blocks.js';
import { toMarkdownBody } from './write/markdown.js';
import { slugify } from '../article/slug.js';
import { titleFromBody } from './clean/title.js';
import type { Frontmatter, Ledger } from '../article/schema.js';
import type { Residue } from './clean/vocabulary.js';
import type { Gazetteer } from './describe/gazetteer.js';
import type { SourceMatcher } from './describe/source.js';
import type { TopicMatcher } from './describe/topics.js';
import type { IngestSettings } from './settings.js';

/** Everything compiled once per run and shared by every document. */
export interface Compiled {
  settings: IngestSettings;
  residue: Residue;
  gazetteer: Gazetteer;
  sources: SourceMatcher;
  topics: TopicMatcher;
}

export interface RawCapture {
  /** Path relative to the collection's root, with forward slashes. */
  file: string;
  text: string;
  bytes: Uint8Array;
}

export interface Article {
  frontmatter: Frontmatter;
  /** The body as Markdown, escaped to render literally. */
  body: string;
  /** The same text, plain: paragraphs separated by blank lines (for evaluation). */
  text: string;
  ledger: Ledger;
  warnings: string[];
}

/**
 * One capture → one article. The recipe:
 * 1. clean: headline, paragraphs, ledger of removed lines, figures;
 * 2. dates: published (stated or inferred) apart from captured;
 * 3. source: site and publisher from signatures;
 * 4. entities: people, places, organisations from the kept text;
 * 5. topics from the taxonomy;
 * 6. frontmatter in a fixed key order, body escaped as Markdown.
 * Pure: the same capture, data and repetition answers give the same article.
 */
export function ingestCapture(raw: RawCapture, c: Compiled, repeated?: (text: string) => boolean): Article {
  const warnings: string[] = [];
  const cleaned = clean(raw.text, { residue: c.residue, settings: c.settings, repeated });
  warnings.push(...cleaned.notes);
  const bodyText = cleaned.paragraphs.map((p) => p.text).join('\n\n');
  if (cleaned.paragraphs.length === 0) warnings.push('no article text: every line was residue');
  let title = cleaned.title?.text;
  if (!title) {
    title = titleFromBody(bodyText);
    // Text with no words to speak of gives no title: the file's name stands in.
    if (!/[\p{L}\p{N}]/u.test(title)) title = raw.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '') || raw.file;
    warnings.push('no headline found: title taken from the text');
  }

  const dates = findDates({ zones: cleaned.zones, body: bodyText }, c.settings.plausibleYears);
  if (!dates.published) warnings.push('undated: the text states no publication date');
  const { facts: source, from: siteFrom } = c.sources(raw.text);
  const entities = extractEntities(bodyText, c.gazetteer, title);
  const bodyWords = cleaned.paragraphs.flatMap((p) => p.lower);
  const topics = c.topics(words(title).map((w) => w.toLowerCase()), bodyWords);
  if (topics.length === 0) warnings.push('no topic: no taxonomy term is frequent enough');

  const frontmatter: Frontmatter = {
    title,
    slug: slugify(title) || `article-${sha256(raw.bytes).slice(0, 8)}`,
    ...(dates.published ? { published: dates.published, published_precision: dates.published_precision!, published_basis: dates.published_basis! } : {}),
    ...(dates.captured ? { captured: dates.captured } : {}),
    ...source,
    topics,
    people: entities.people,
    places: entities.places,
    organizations: entities.organizations,
    words: bodyWords.length,
    ...(cleaned.figures.length ? { figures: cleaned.figures.map((f) => (f.caption ? { caption: f.caption, credit: f.credit } : { credit: f.credit })) } : {}),
    source: { file: raw.file, sha256: sha256(raw.bytes), bytes: raw.bytes.byteLength },
  };
  const read = {
    ...(cleaned.title ? { title: { line: cleaned.title.line, text: cleaned.title.text } } : {}),
    ...(dates.published && dates.from.published ? { published: dates.from.published } : {}),
    ...(dates.captured && dates.from.captured ? { captured: dates.from.captured } : {}),
    ...(source.site && siteFrom ? { site: siteFrom } : {}),
  };
  return { frontmatter, body: toMarkdownBody(cleaned.paragraphs), text: bodyText, ledger: { removed: cleaned.removed, ...(Object.keys(read).length ? { read } : {}) }, warnings };
}
