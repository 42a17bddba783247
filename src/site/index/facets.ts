import { slugify } from '../../article/slug.js';
import { hash53 } from '../../article/hash.js';
import type { SiteArticle } from '../read/model.js';

/** The ways into the archive, each with an index page and a page per name. */
export const FACETS = {
  topics: { label: 'Topics', singular: 'Topic', path: '/topics/' },
  people: { label: 'People', singular: 'Person', path: '/people/' },
  places: { label: 'Places', singular: 'Place', path: '/places/' },
  organizations: { label: 'Organisations', singular: 'Organisation', path: '/organizations/' },
  sources: { label: 'Sources', singular: 'Source', path: '/sources/' },
} as const;
export type FacetKind = keyof typeof FACETS;
export const FACET_KINDS = Object.keys(FACETS) as FacetKind[];
/** The facets that are names found in the text (the ones shown as "appears with"). */
export const ENTITY_KINDS = ['people', 'places', 'organizations'] as const;

/** The names an article carries for one facet. A source is the site (publisher shown beside it). */
export function namesOf(article: SiteArticle, kind: FacetKind): readonly string[] {
  if (kind === 'sources') return article.site ? [article.site] : [];
  return article[kind];
}

/** Slugs no name may take, because a page of the site's own is there. */
export const RESERVED_SLUGS = ['page'];

/**
 * Stable URL slugs for the names of one facet. Names that fold to the same slug ("Kyiv" / "KYIV",
 * or two scripts that fold to nothing) get a suffix in name order, so the URLs never change
 * with the order articles were read in.
 */
export function slugsFor(names: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(names)].sort();
  // "page" holds a list's further pages (paginate.ts): no name takes it.
  const taken = new Set<string>(RESERVED_SLUGS);
  const out = new Map<string, string>();
  for (const name of sorted) {
    const base = slugify(name, 60) || `n-${hash53(name).toString(36)}`;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    out.set(name, slug);
  }
  return out;
}
