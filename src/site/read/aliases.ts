import { defaultDataDir, loadData } from '../../data.js';

/**
 * Canonical name → the other names it goes by (from `_data/aliases.json`), for readers and for
 * search: a variant that only repeats part of the name ("Zelensky" in "Volodymyr Zelensky") is left
 * out; spellings and acronyms ("Zelenskyy", "GUR") stay, so searching them finds the article.
 */
export function loadAliases(dir = defaultDataDir): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entity of loadData(dir).aliases.entities) {
    const name = entity.name.toLowerCase();
    const seen = new Set<string>();
    const variants: string[] = [];
    for (const variant of [...entity.acronyms, ...entity.aliases]) {
      const key = variant.toLowerCase();
      if (seen.has(key) || name.includes(key)) continue;
      seen.add(key);
      variants.push(variant);
    }
    if (variants.length > 0) out.set(entity.name, variants);
  }
  return out;
}
