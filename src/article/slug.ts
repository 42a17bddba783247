/**
 * A URL- and file-safe slug: ASCII letters and digits, hyphens, at most `max` characters cut at a
 * word. Diacritics are folded ("Zaporizhzhia", "Adès" → "ades"); other scripts fall back to a hash.
 */
export function slugify(title: string, max = 80): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= max) return base;
  const cut = base.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > max / 2 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}
