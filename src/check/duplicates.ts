/**
 * Near-duplicate articles (the same story captured twice, or syndicated by two outlets) by
 * shingle similarity, in time and memory linear in the archive: each text is reduced to a
 * bottom-k sketch (the k smallest hashes of its word 5-grams); texts that share one of their
 * smallest hashes are candidates; a candidate pair's resemblance (Jaccard of the shingle sets)
 * is estimated from the two sketches (Broder's bottom-k estimator, standard error about
 * 1/√k). Pairs at or above the threshold are grouped, so a story syndicated thrice is one group.
 */

const K = 64;
/** Each text is filed under its few smallest hashes: enough for pairs of high resemblance to meet. */
const BANDS = 8;
/** A hash shared by more texts than this is a common phrase, not evidence of one story. */
const MAX_BUCKET = 64;
const SHINGLE = 5;

export type Sketch = Float64Array;

/** 32-bit FNV-1a of a word. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The bottom-k sketch of a text (word 5-grams of its lower-cased words), sorted ascending. A
 * gram's 53-bit hash is made from its words' hashes in two lanes, so no gram is built as a string.
 */
export function sketch(text: string): Sketch {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return new Float64Array(0);
  const hashes = words.map(wordHash);
  const n = Math.max(1, words.length - SHINGLE + 1);
  const grams = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let a = 0x9e3779b9;
    let b = 0x85ebca6b;
    for (let j = i; j < Math.min(i + SHINGLE, hashes.length); j++) {
      a = Math.imul(a ^ hashes[j]!, 0x01000193);
      b = Math.imul(b ^ hashes[j]!, 0x5bd1e995);
    }
    grams[i] = (b >>> 0) * 2 ** 21 + ((a >>> 0) & 0x1fffff);
  }
  grams.sort();
  const out: number[] = [];
  for (let i = 0; i < grams.length && out.length < K; i++) if (i === 0 || grams[i] !== grams[i - 1]) out.push(grams[i]!);
  return Float64Array.from(out);
}

/** Resemblance of two texts from their sketches: the share of the k smallest of the union found in both. */
export function resemblance(a: Sketch, b: Sketch): number {
  let i = 0;
  let j = 0;
  let both = 0;
  let seen = 0;
  const k = Math.min(K, new Set([...a, ...b]).size);
  while (seen < k && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) i++;
    else if (i >= a.length || b[j]! < a[i]!) j++;
    else {
      both++;
      i++;
      j++;
    }
    seen++;
  }
  return k === 0 ? 0 : both / k;
}

export interface DuplicateGroup {
  /** The articles, in the order given. */
  members: string[];
  /** Each pair found similar, with its estimated resemblance. */
  pairs: { a: string; b: string; score: number }[];
}

/** Groups of near-duplicates among named sketches, at or above `threshold`. */
export function nearDuplicates(items: { id: string; sketch: Sketch }[], threshold: number): DuplicateGroup[] {
  const buckets = new Map<number, number[]>();
  items.forEach((item, n) => {
    for (let b = 0; b < Math.min(BANDS, item.sketch.length); b++) {
      const list = buckets.get(item.sketch[b]!);
      if (list) list.push(n);
      else buckets.set(item.sketch[b]!, [n]);
    }
  });
  const tried = new Set<number>();
  const pairs: { a: number; b: number; score: number }[] = [];
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > MAX_BUCKET) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [list[x]!, list[y]!];
        const key = a * items.length + b;
        if (tried.has(key)) continue;
        tried.add(key);
        const score = resemblance(items[a]!.sketch, items[b]!.sketch);
        if (score >= threshold) pairs.push({ a, b, score });
      }
    }
  }
  // Union-find over the pairs: one group per story.
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const p of pairs) parent[find(p.a)] = find(p.b);
  const groups = new Map<number, DuplicateGroup>();
  for (const p of pairs.sort((x, y) => x.a - y.a || x.b - y.b)) {
    const root = find(p.a);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { members: [], pairs: [] }));
    group.pairs.push({ a: items[p.a]!.id, b: items[p.b]!.id, score: Math.round(p.score * 100) / 100 });
  }
  items.forEach((item, i) => groups.get(find(i))?.members.push(item.id));
  return [...groups.values()].sort((x, y) => (x.members[0]! < y.members[0]! ? -1 : 1));
}
