import { clean } from './clean/clean.js';
import { findDates } from './describe/dates.js';
import { extractEntities } from './describe/entities.js';
import { fillWords, words } from './clean/blocks.js';
import { toMarkdownBody } from './write/markdown.js';
import { slugify } from '../article/slug.js';
import { titleFromBody } from './clean/title.js';
import type { Frontmatter, Ledger } from '../article/schema.js';
import type { Capture, ReadLimits } from './read/capture.js';
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
  /** The limits and vocabulary of the readers. */
  read: ReadLimits;
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
 * What the source states about itself (a page's headline, its JSON-LD date, a web archive's
 * capture date) wins over what the stages infer from the text. Pure: the same capture, data and
 * repetition answers give the same article.
 */
export function ingestCapture(capture: Capture, c: Compiled, repeated?: (text: string) => boolean): Article {
  const { given } = capture;
  const warnings: string[] = [...capture.warnings];
  const cleaned = clean(fillWords(capture.blocks), { residue: c.residue, settings: c.settings, repeated, title: given.title?.value });
  warnings.push(...cleaned.notes);
  const bodyText = cleaned.paragraphs.map((p) => p.text).join('\n\n');
  if (cleaned.paragraphs.length === 0) warnings.push('no article text: every line was residue');
  let title = given.title?.value ?? cleaned.title?.text;
  if (!title) {
    title = titleFromBody(bodyText);
    // Text with no words to speak of gives no title: the file's name stands in.
    if (!/[\p{L}\p{N}]/u.test(title)) title = capture.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '') || capture.file;
    warnings.push('no headline found: title taken from the text');
  }

  const dates = findDates({ zones: cleaned.zones, body: bodyText }, c.settings.plausibleYears);
  const published = given.published ? { published: given.published.value, published_precision: 'day' as const, published_basis: 'stated' as const } : dates.published ? { published: dates.published, published_precision: dates.published_precision!, published_basis: dates.published_basis! } : {};
  const captured = given.captured?.value ?? dates.captured;
  if (!published.published) warnings.push('undated: the text states no publication date');
  if (dates.unsettled && !given.published) warnings.push(`publication date read as its year only: "${dates.unsettled.text}" names a day two ways (month or day first) and the capture does not say which`);
  const { facts: signature, from: siteFrom } = c.sources(capture.text);
  const site = given.site?.value ?? signature.site;
  const publisher = given.publisher?.value ?? signature.publisher;
  const entities = extractEntities(bodyText, c.gazetteer, title);
  const bodyWords = cleaned.paragraphs.flatMap((p) => p.lower);
  const topics = c.topics(words(title).map((w) => w.toLowerCase()), bodyWords);
  if (topics.length === 0) warnings.push('no topic: no taxonomy term is frequent enough');

  const frontmatter: Frontmatter = {
    title,
    slug: slugify(title) || `article-${capture.fixity.sha256.slice(0, 8)}`,
    ...published,
    ...(given.modified ? { modified: given.modified.value } : {}),
    ...(captured ? { captured } : {}),
    ...(site ? { site } : {}),
    ...(publisher ? { publisher } : {}),
    ...(given.authors?.value.length ? { authors: given.authors.value } : {}),
    topics,
    people: entities.people,
    places: entities.places,
    organizations: entities.organizations,
    words: bodyWords.length,
    ...(cleaned.figures.length ? { figures: cleaned.figures.map((f) => (f.caption ? { caption: f.caption, credit: f.credit } : { credit: f.credit })) } : {}),
    source: {
      file: capture.file,
      ...(capture.record ? { record: capture.record } : {}),
      sha256: capture.fixity.sha256,
      bytes: capture.fixity.size,
      ...(given.url ? { url: given.url.value } : {}),
    },
  };
  const stated = (s: { value: string; from: string } | undefined) => (s ? { where: s.from, text: s.value } : undefined);
  const read = {
    title: stated(given.title) ?? (cleaned.title ? { line: cleaned.title.line, text: cleaned.title.text } : undefined),
    published: stated(given.published) ?? (dates.published ? dates.from.published : undefined),
    captured: stated(given.captured) ?? (dates.captured ? dates.from.captured : undefined),
    site: stated(given.site) ?? (signature.site ? siteFrom : undefined),
  };
  const readFrom = Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined));
  return { frontmatter, body: toMarkdownBody(cleaned.paragraphs), text: bodyText, ledger: { removed: cleaned.removed, ...(Object.keys(readFrom).length ? { read: readFrom } : {}) }, warnings };
}
