import type { SiteArticle } from '../read/model.js';

/** A stretch of the timeline: a month, or a year for articles dated only to the year. */
export interface Period {
  /** "2022-11", or "2022" for year precision: sorts in time order. */
  key: string;
  label: string;
  url: string;
  year: string;
  month?: number;
  articles: SiteArticle[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The name of month `m` (1–12). */
export function monthName(m: number): string {
  return MONTHS[m - 1]!;
}

/** Where a publication date sits on the timeline. */
export function periodOf(published: string, precision: 'day' | 'month' | 'year'): Omit<Period, 'articles'> {
  const year = published.slice(0, 4);
  if (precision === 'year') return { key: year, label: `${year} (month not known)`, url: `/timeline/${year}/`, year };
  const month = Number(published.slice(5, 7));
  return { key: published.slice(0, 7), label: `${monthName(month)} ${year}`, url: `/timeline/${year}/${published.slice(5, 7)}/`, year, month };
}

/**
 * A publication date said plainly: "10 November 2022", "November 2022", "2022", each with how it
 * is known ("stated in the text", "inferred from the text", "set by a curator").
 */
export function describePublished(article: Pick<SiteArticle, 'published' | 'published_precision' | 'published_basis'>): { date: string; basis: string } | undefined {
  if (!article.published) return undefined;
  const [y, m, d] = article.published.split('-').map(Number) as [number, number, number];
  const precision = article.published_precision ?? 'day';
  const date = precision === 'year' ? `${y}` : precision === 'month' ? `${monthName(m)} ${y}` : `${d} ${monthName(m)} ${y}`;
  const basis = { stated: 'stated in the text', inferred: 'inferred from the text', curator: 'set by a curator' }[article.published_basis ?? 'stated'];
  return { date, basis };
}

/** A plain day "2024-07-23" → "23 July 2024". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${monthName(m)} ${y}`;
}
