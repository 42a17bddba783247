import { eng, fra, deu, spa, ita, por, nld, swe, dan, nob, pol, tur } from 'stopword';

/**
 * Stop-word lists from the `stopword` package. Prose is dense in stop words whatever its language
 * (the jusText signal); boilerplate is not. English gets a few words its short list lacks.
 */
const LISTS: Record<string, Set<string>> = {
  en: new Set([...eng, 'a', 'i', 'he', 'she', 'it', 'we', 'you', 'they', 'me', 'him', 'his', 'her', 'my', 'our', 'us', 'them', 'their', 'its', 'was', 'were', 'will', 'would', 'has', 'had', 'have', 'is', 'be', 'not', 'no', 'so', 'than', 'then', 'there', 'what', 'when', 'who', 'which', 'said', 'says', 'one', 'up', 'out', 'if', 'or', 'but', 'just', 'more', 'most', 'some', 'such', 'only', 'also', 'into', 'over', 'after', 'about', 'while', 'because']),
  fr: new Set(fra),
  de: new Set(deu),
  es: new Set(spa),
  it: new Set(ita),
  pt: new Set(por),
  nl: new Set(nld),
  sv: new Set(swe),
  da: new Set(dan),
  no: new Set(nob),
  pl: new Set(pol),
  tr: new Set(tur),
};

export type StopList = Set<string>;

/** Picks the stop-word list that covers the most words of a document (its likely language). */
export function stopListFor(lower: string[]): { language: string; list: StopList } {
  // A few hundred words tell the language; English prose settles it at once.
  const sample = lower.slice(0, 400);
  let english = 0;
  for (const w of sample) if (LISTS.en.has(w)) english++;
  if (english >= sample.length * 0.3) return { language: 'en', list: LISTS.en };
  let best = 'en';
  let bestHits = english;
  for (const [language, list] of Object.entries(LISTS)) {
    let hits = 0;
    for (const w of sample) if (list.has(w)) hits++;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return { language: best, list: LISTS[best] };
}

/** Share of a block's (lower-case) words that are stop words. */
export function stopDensity(lower: string[], list: StopList): number {
  let hits = 0;
  let counted = 0;
  for (const w of lower) {
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) continue; // scores and figures say nothing either way
    counted++;
    if (list.has(w)) hits++;
  }
  return counted ? hits / counted : 0;
}
