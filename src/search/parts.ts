/**
 * The parts a site's search index is built in, and the globs that hand each part's pages to
 * Pagefind. Pagefind reads pages from a folder itself, on every core, and takes a glob to choose
 * them. Its glob library walks only below a glob's literal beginning and takes a one-path glob as
 * a path, but a glob of alternative page paths makes it walk the whole site (2.1 s at 10,000
 * articles, measured), and one of 3,334 page names does not parse. So a part's article pages are
 * named by the shortest beginnings of their folders' names that no page of another part shares,
 * `articles/{a*,b*,ca*,…}/index.html`: a few dozen alternatives and one walk of `articles/`
 * (60 ms at 10,000). Pages anywhere else are named one by one.
 */

/** One part of the index: its pages (site paths, in order) and the globs that name exactly them. */
export interface SearchPart {
  pages: string[];
  globs: string[];
}

const ARTICLE = /^articles\/([^/]+)\/index\.html$/;

/** Text with the characters Pagefind's glob library reads as syntax escaped. A backslash cannot be. */
function literal(text: string, page: string): string {
  if (text.includes('\\')) throw new Error(`Pagefind cannot index ${page}: its glob cannot name a path with a backslash`);
  return text.replace(/[?*$:<>()[\]{},]/g, (c) => `\\${c}`);
}

/** The first index in [lo, hi) where `past` holds, for a `past` that holds from some index on. */
function firstWhere(lo: number, hi: number, past: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Glob alternatives naming exactly names[a, b) of the whole sorted list: for each run of names
 * sharing a beginning, that beginning with `*` when no name outside [a, b) has it, else the run
 * split by its next character (a name that is the run's whole beginning named alone).
 */
function alternatives(names: string[], a: number, b: number): string[] {
  const out: string[] = [];
  const cover = (lo: number, hi: number, depth: number) => {
    const prefix = names[lo]!.slice(0, depth);
    // The names with this beginning, in the whole list: contiguous, from the first not below it.
    const start = firstWhere(0, names.length, (i) => names[i]! >= prefix);
    const end = firstWhere(start, names.length, (i) => !names[i]!.startsWith(prefix));
    if (start >= a && end <= b) {
      out.push(`${literal(prefix, `articles/${names[lo]}/index.html`)}*`);
      return;
    }
    let i = lo;
    if (names[i]!.length === depth) {
      out.push(literal(names[i]!, `articles/${names[i]}/index.html`));
      i++;
    }
    while (i < hi) {
      const c = names[i]![depth];
      let j = i + 1;
      while (j < hi && names[j]![depth] === c) j++;
      cover(i, j, depth + 1);
      i = j;
    }
  };
  if (a < b) cover(a, b, 0);
  return out;
}

/**
 * Splits a site's pages (site paths, articles in code-unit order of their names, as the search
 * step lists them) into `count` parts of nearly equal size, in order, each with its globs.
 */
export function searchParts(pages: string[], count: number): SearchPart[] {
  const names: string[] = [];
  for (const page of pages) {
    const m = ARTICLE.exec(page);
    if (m) names.push(m[1]!);
  }
  const parts: SearchPart[] = [];
  let article = 0;
  for (let k = 1; k <= count; k++) {
    const slice = pages.slice(Math.floor(((k - 1) * pages.length) / count), Math.floor((k * pages.length) / count));
    const others = slice.filter((page) => !ARTICLE.test(page));
    const first = article;
    article += slice.length - others.length;
    const globs = alternatives(names, first, article);
    parts.push({
      pages: slice,
      globs: [...(globs.length > 0 ? [`articles/{${globs.join(',')}}/index.html`] : []), ...others.map((page) => literal(page, page))],
    });
  }
  return parts;
}
