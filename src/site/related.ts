import type { SiteArticle } from './model.js';

/**
 * Related articles: those sharing the most distinctive names and topics. Each shared key scores its
 * inverse document frequency, so two articles naming the same village outrank two naming Russia.
 * Keys carried by more than `maxPostings` articles add no candidates (they would make the pass
 * quadratic on a large archive and say little), though they still score between candidates.
 */
export function relatedArticles(articles: SiteArticle[], count: number, maxPostings: number): Map<SiteArticle, SiteArticle[]> {
  const keysOf = (a: SiteArticle): string[] => [
    ...a.topics.map((n) => `t:${n}`),
    ...a.people.map((n) => `p:${n}`),
    ...a.places.map((n) => `l:${n}`),
    ...a.organizations.map((n) => `o:${n}`),
  ];
  const postings = new Map<string, number[]>();
  const keys = articles.map(keysOf);
  keys.forEach((list, i) => {
    for (const key of list) {
      const posting = postings.get(key);
      if (posting) posting.push(i);
      else postings.set(key, [i]);
    }
  });
  const idf = (key: string) => Math.log((articles.length + 1) / postings.get(key)!.length);

  const out = new Map<SiteArticle, SiteArticle[]>();
  const scores = new Map<number, number>();
  articles.forEach((article, i) => {
    scores.clear();
    for (const key of keys[i]!) {
      const posting = postings.get(key)!;
      if (posting.length > maxPostings) continue;
      const weight = idf(key);
      for (const j of posting) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
    }
    if (scores.size > 0) {
      // Common keys shared with a candidate still count: they break ties between candidates.
      const common = keys[i]!.filter((key) => postings.get(key)!.length > maxPostings);
      for (const key of common) {
        const weight = idf(key);
        for (const j of scores.keys()) if (keys[j]!.includes(key)) scores.set(j, scores.get(j)! + weight);
      }
    }
    const best = [...scores]
      .sort((a, b) => b[1] - a[1] || newerFirst(articles[a[0]]!, articles[b[0]]!))
      .slice(0, count)
      .map(([j]) => articles[j]!);
    out.set(article, best);
  });
  return out;
}

/** Newest published first; undated after the dated; then by title and URL so the order is total. */
export function newerFirst(a: SiteArticle, b: SiteArticle): number {
  if (a.published !== b.published) {
    if (!a.published) return 1;
    if (!b.published) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return a.title.localeCompare(b.title, 'en') || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}
