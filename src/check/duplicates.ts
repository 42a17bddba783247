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

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Whether a code point is a letter or a digit, remembered for the few outside ASCII a text uses. */
const wordChars = new Map<number, boolean>();
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let w = wordChars.get(c);
  if (w === undefined) wordChars.set(c, (w = WORD_CHAR.test(String.fromCodePoint(c))));
  return w;
}

// Scratch space for one sketch at a time, grown as texts need: no new arrays for every text.
let wordScratch: Uint32Array = new Uint32Array(4096);
let gramScratch: Float64Array = new Float64Array(4096);

/** The 32-bit FNV-1a hash of each word (run of letters and digits) of a text, without making the words. */
function wordHashes(lower: string): Uint32Array {
  let out = wordScratch;
  let n = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    let units = 1;
    // A letter past the BMP is one code point in two code units; the word's hash takes both.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
      const d = lower.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        units = 2;
      }
    }
    if (isWordChar(c)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      for (let u = 0; u < units; u++) h = Math.imul(h ^ lower.charCodeAt(i + u), 0x01000193);
    } else if (inWord) {
      if (n === out.length) out = grow(out);
      out[n++] = h >>> 0;
      inWord = false;
    }
    i += units - 1;
  }
  if (inWord) {
    if (n === out.length) out = grow(out);
    out[n++] = h >>> 0;
  }
  wordScratch = out;
  return out.subarray(0, n);
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The bottom-k sketch of a text (word 5-grams of its lower-cased words), sorted ascending. A
 * gram's 53-bit hash is made from its words' hashes in two lanes, so neither a word nor a gram
 * is built as a string.
 */
export function sketch(text: string): Sketch {
  const hashes = wordHashes(text.toLowerCase());
  if (hashes.length === 0) return new Float64Array(0);
  const n = Math.max(1, hashes.length - SHINGLE + 1);
  if (gramScratch.length < n) gramScratch = new Float64Array(Math.max(n, 2 * gramScratch.length));
  const grams = gramScratch.subarray(0, n);
  for (let i = 0; i < n; i++) {
    let a = 0x9e3779b9;
    let b = 0x85ebca6b;
    const end = Math.min(i + SHINGLE, hashes.length);
    for (let j = i; j < end; j++) {
      const h = hashes[j]!;
      a = Math.imul(a ^ h, 0x01000193);
      b = Math.imul(b ^ h, 0x5bd1e995);
    }
    grams[i] = (b >>> 0) * 2097152 + ((a >>> 0) & 0x1fffff);
  }
  return smallestDistinct(grams, K);
}

/**
 * The k smallest distinct values, ascending, kept in a sorted window as the values go by: after
 * the first k, a value is kept with a chance of about k/i, so this costs far less than sorting
 * every gram of a long text.
 */
function smallestDistinct(values: Float64Array, k: number): Float64Array {
  const best = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (size === k && v >= best[k - 1]!) continue;
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (best[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo < size && best[lo] === v) continue;
    const end = size === k ? k - 1 : size++;
    best.copyWithin(lo + 1, lo, end);
    best[lo] = v;
  }
  return best.slice(0, size);
}

/** Resemblance of two texts from their sketches: the share of the k smallest of the union found in both. */
export function resemblance(a: Sketch, b: Sketch): number {
  let i = 0;
  let j = 0;
  let both = 0;
  let seen = 0;
  const k = Math.min(K, a.length + b.length - common(a, b));
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

/** How many values two ascending sketches share. */
function common(a: Sketch, b: Sketch): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (b[j]! < a[i]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
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
