import type { TopicSpec } from '../../data.js';

/** Title and body as lower-case words (the cleaner's tokens); returns topic labels, best first. */
export type TopicMatcher = (title: string[], body: string[]) => string[];

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** A word without its possessive ('s) or trailing full stops; by character codes, as it runs on every word of every capture. */
const normal = (w: string) => {
  const last = w.charCodeAt(w.length - 1);
  if (last === 115) {
    const quote = w.charCodeAt(w.length - 2);
    return quote === 39 || quote === 0x2019 ? w.slice(0, -2) : w;
  }
  if (last !== 46) return w;
  let end = w.length - 1;
  while (end > 0 && w.charCodeAt(end - 1) === 46) end--;
  return w.slice(0, end);
};
const tokens = (text: string) => (text.match(WORD) ?? []).map((w) => normal(w.toLowerCase()));

/**
 * Compiles the taxonomy into word lookups (one pass over the text, whatever the number of
 * terms): whole words and phrases of up to three words, and prefixes for terms ending in '*'.
 * An article gets the topics whose terms it uses at least `minHits` times (title hits count
 * twice) and at least `relative` times as often as its main topic, best first, at most `max`.
 */
export function compileTopics(topics: TopicSpec[], minHits: number, max: number, relative = 0): TopicMatcher {
  const exact = new Map<string, number[]>();
  const phraseStarts = new Set<string>();
  const prefixes = new Map<string, { prefix: string; topic: number }[]>(); // by their first three letters
  topics.forEach((t, topic) => {
    for (const term of t.terms) {
      const words = tokens(term.replace(/\*$/, ''));
      if (term.endsWith('*') && words.length === 1) {
        const head = words[0].slice(0, 3);
        prefixes.set(head, [...(prefixes.get(head) ?? []), { prefix: words[0], topic }]);
      } else {
        if (words.length > 1) phraseStarts.add(words[0]);
        const key = words.join(' ');
        exact.set(key, [...(exact.get(key) ?? []), topic]);
      }
    }
  });
  const count = (words: string[], weight: number, hits: number[]) => {
    const w = words.map(normal);
    const add = (found: number[] | undefined) => {
      if (found) for (const t of found) hits[t] += weight;
    };
    for (let i = 0; i < w.length; i++) {
      const single = exact.get(w[i]);
      add(single);
      if (phraseStarts.has(w[i])) {
        if (i + 1 < w.length) add(exact.get(`${w[i]} ${w[i + 1]}`));
        if (i + 2 < w.length) add(exact.get(`${w[i]} ${w[i + 1]} ${w[i + 2]}`));
      }
      if (!single) for (const p of prefixes.get(w[i].slice(0, 3)) ?? []) if (w[i].startsWith(p.prefix)) hits[p.topic] += weight;
    }
  };
  return (title, body) => {
    const hits = new Array<number>(topics.length).fill(0);
    count(title, 2, hits);
    count(body, 1, hits);
    // A secondary topic must hold its own beside the main one, not ride on a stray word.
    const floor = Math.max(minHits, relative * Math.max(...hits));
    return hits
      .map((n, order) => ({ label: topics[order].label, order, n }))
      .filter((t) => t.n >= floor)
      .sort((a, b) => b.n - a.n || a.order - b.order)
      .slice(0, max)
      .map((t) => t.label);
  };
}

/** Names that no topic term covers: what the report offers as candidate terms. */
export function uncoveredNames(names: string[], topics: TopicSpec[]): string[] {
  const terms = new Set(topics.flatMap((t) => t.terms.map((x) => x.replace(/\*$/, '').toLowerCase())));
  return names.filter((n) => !terms.has(n.toLowerCase()) && !n.split(' ').some((w) => terms.has(w.toLowerCase())));
}
