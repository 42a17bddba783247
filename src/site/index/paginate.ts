/** One page of a long list: its items and the links around it. */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  count: number;
  url: string;
  previous?: string;
  next?: string;
}

/**
 * The URL of page `n` of a list whose first page is `base` ("/people/x/" → "/people/x/page/2/").
 * Pages live under `page/`, a name no entry can take (see facets.ts), so a person named "2" and
 * the second page of the people index never meet at one address.
 */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** Cuts a list into pages of `size`; an empty list still gets one (empty) page. */
export function paginate<T>(items: T[], size: number, base: string): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let n = 1; n <= count; n++) {
    pages.push({
      items: items.slice((n - 1) * size, n * size),
      number: n,
      count,
      url: pageUrl(base, n),
      previous: n > 1 ? pageUrl(base, n - 1) : undefined,
      next: n < count ? pageUrl(base, n + 1) : undefined,
    });
  }
  return pages;
}
