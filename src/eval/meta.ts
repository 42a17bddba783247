import { decodeHTML } from 'entities';
import type { Frontmatter } from '../article/schema.js';

/** What a page states about itself in its markup (page-meta.json). */
export interface MetaGold {
  h1: string | null;
  headline: string | null;
  published: string | null;
}

export type DateOutcome = 'exact' | 'wrong' | 'vaguer' | 'absent' | 'none-stated' | 'dated-unstated';

export interface MetaScore {
  title: string;
  titleRight: boolean;
  expectedTitle: string;
  published?: string;
  expectedPublished: string | null;
  date: DateOutcome;
}

export interface MetaSummary {
  pages: number;
  titles: number;
  /** Pages whose markup states a publication day. */
  stated: number;
  exact: number;
  wrong: number;
  vaguer: number;
  absent: number;
  /** Pages that state no day but were given one. */
  datedUnstated: number;
}

/**
 * A title compared as a reader sees it: entities decoded, quotes, dashes and spaces of one kind,
 * case folded (a page may set its headline in capitals with CSS or in its text).
 */
export function normaliseTitle(text: string): string {
  return decodeHTML(text)
    .normalize('NFKC')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Title right when it is the page's visible headline or its stated one; the date against the stated day. */
export function scoreMeta(f: Frontmatter, gold: MetaGold): MetaScore {
  const title = normaliseTitle(f.title);
  const titleRight = [gold.h1, gold.headline].some((t) => t && normaliseTitle(t) === title);
  let date: DateOutcome;
  if (!gold.published) date = f.published ? 'dated-unstated' : 'none-stated';
  else if (!f.published) date = 'absent';
  else if (f.published_precision === 'day') date = f.published === gold.published ? 'exact' : 'wrong';
  else date = gold.published.startsWith(f.published_precision === 'month' ? f.published.slice(0, 7) : f.published.slice(0, 4)) ? 'vaguer' : 'wrong';
  return { title: f.title, titleRight, expectedTitle: gold.h1 ?? gold.headline ?? '', published: f.published, expectedPublished: gold.published, date };
}

export function summariseMeta(scores: MetaScore[]): MetaSummary {
  const count = (d: DateOutcome) => scores.filter((s) => s.date === d).length;
  return {
    pages: scores.length,
    titles: scores.filter((s) => s.titleRight).length,
    stated: scores.filter((s) => s.expectedPublished).length,
    exact: count('exact'),
    wrong: count('wrong'),
    vaguer: count('vaguer'),
    absent: count('absent'),
    datedUnstated: count('dated-unstated'),
  };
}
