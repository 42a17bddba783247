import { sha256 } from './hash.js';
import { Frontmatter } from './schema.js';

const SCHEMA_KEYS = Object.keys(Frontmatter.shape);

/**
 * The values of an article a curator may set, in groups that change together, and their
 * digests as ingest wrote them (kept in the ledger, `written`). When the capture of an edited
 * article changes, the digests tell which groups the curator changed (they differ from what
 * ingest wrote) and which are still ingest's own, so accepting the fresh version keeps the
 * curator's values and takes the rest from the new capture.
 */
export const FIELD_GROUPS = {
  title: ['title'],
  published: ['published', 'published_precision', 'published_basis'],
  modified: ['modified'],
  captured: ['captured'],
  site: ['site'],
  publisher: ['publisher'],
  authors: ['authors'],
  topics: ['topics'],
  people: ['people'],
  places: ['places'],
  organizations: ['organizations'],
  figures: ['figures'],
  /** The text, with its word count. */
  text: ['words'],
} as const satisfies Record<string, readonly (keyof Frontmatter)[]>;
export type FieldGroup = keyof typeof FIELD_GROUPS;
export const FIELD_GROUP_NAMES = Object.keys(FIELD_GROUPS) as FieldGroup[];

/** An article's content, as the merge sees it. */
export interface ArticleParts {
  frontmatter: Frontmatter;
  body: string;
}

/** The value of one group, in a fixed form (absent values as null, so absent and absent agree). */
function groupValue(article: ArticleParts, group: FieldGroup): unknown {
  const values = FIELD_GROUPS[group].map((key) => article.frontmatter[key] ?? null);
  return group === 'text' ? [article.body.trimEnd(), ...values] : values;
}

/** The digest of each group: twelve hex digits of SHA-256, enough to tell a change. */
export function fieldDigests(article: ArticleParts): Record<FieldGroup, string> {
  return Object.fromEntries(FIELD_GROUP_NAMES.map((g) => [g, sha256(JSON.stringify(groupValue(article, g))).slice(0, 12)])) as Record<FieldGroup, string>;
}

/** The groups whose values differ between two versions of an article. */
export function differingGroups(a: ArticleParts, b: ArticleParts): FieldGroup[] {
  return FIELD_GROUP_NAMES.filter((g) => JSON.stringify(groupValue(a, g)) !== JSON.stringify(groupValue(b, g)));
}

/** The groups of an article that differ from what ingest wrote (all of them when ingest's record is missing). */
export function curatorGroups(article: ArticleParts, written: Partial<Record<FieldGroup, string>> | undefined): FieldGroup[] {
  const now = fieldDigests(article);
  return FIELD_GROUP_NAMES.filter((g) => written?.[g] === undefined || written[g] !== now[g]);
}

/**
 * The fresh version with the curator's groups kept: every group the curator changed from what
 * ingest wrote, and always a date the curator set (`published_basis: curator`). The source and
 * the slug are the fresh version's: the article is now made from the new capture.
 */
export function mergeFresh(edited: ArticleParts, written: Partial<Record<FieldGroup, string>> | undefined, fresh: ArticleParts): { merged: ArticleParts; kept: FieldGroup[] } {
  const differing = differingGroups(edited, fresh);
  const kept = curatorGroups(edited, written).filter((g) => differing.includes(g));
  if (edited.frontmatter.published_basis === 'curator' && !kept.includes('published')) kept.push('published');
  const frontmatter: Record<string, unknown> = { ...fresh.frontmatter };
  for (const g of kept) for (const key of FIELD_GROUPS[g]) frontmatter[key] = edited.frontmatter[key];
  // Keys in the schema's order, absent values left out: the file reads as ingest writes it.
  const ordered = Object.fromEntries(SCHEMA_KEYS.filter((k) => frontmatter[k] !== undefined).map((k) => [k, frontmatter[k]])) as Frontmatter;
  return { merged: { frontmatter: ordered, body: kept.includes('text') ? edited.body : fresh.body }, kept: kept.sort((a, b) => FIELD_GROUP_NAMES.indexOf(a) - FIELD_GROUP_NAMES.indexOf(b)) };
}
