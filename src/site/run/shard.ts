/**
 * Which part of the site one Eleventy run renders: part `index` (1-based) of `count`. Eleventy
 * 3 holds every page of a run in memory and grows faster than the pages it writes (upstream
 * 11ty#3948; measured here: out of memory at 100,000 articles), so a large archive is rendered in
 * several runs over disjoint slices of its pages, each run knowing the whole archive so every
 * link and listing is the same as in one run. The pages that exist once (home, timeline, about,
 * search, feed, sitemap) are rendered by part 1.
 */
export interface Shard {
  index: number;
  count: number;
}

export const WHOLE: Shard = { index: 1, count: 1 };

/** `CLIPPINGS_SHARD` ("2/5") → the part; absent → the whole site. */
export function parseShard(text: string | undefined): Shard {
  if (text === undefined || text === '') return WHOLE;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) throw new Error(`CLIPPINGS_SHARD "${text}": expected a part and a count, such as 2/5`);
  return shard;
}

/** The part's slice of a list: contiguous, the slices of all parts together the whole list once. */
export function sliceFor<T>(list: readonly T[], shard: Shard): T[] {
  const from = Math.floor(((shard.index - 1) * list.length) / shard.count);
  const to = Math.floor((shard.index * list.length) / shard.count);
  return list.slice(from, to);
}
