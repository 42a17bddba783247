/**
 * What a source states about itself, made into values an article can hold: the day a stated
 * date names, the people a stated author names. Used by every reader that meets such fields
 * (saved pages' markup, JSON lines).
 */
import { dateLine } from '../describe/dateline.js';

/**
 * The day a date a source states names, as written: ISO 8601 ("2024-03-05", "2024-03-05T23:30:00-05:00":
 * the day in its own zone, not moved to another), a date as a byline writes it ("Mar 5, 2024",
 * "Tue, 05 Mar 2024 18:30:00 GMT"), or a count of seconds or milliseconds since 1970 (its UTC
 * day; a smaller number, such as a year, is none). Undefined for anything else, and for a date in digits that reads two ways ("03/04/2024"):
 * a stated value wins over what the text says, so it must not be a guess.
 */
export function statedDay(value: unknown): string | undefined {
  if (typeof value === 'number') {
    // Below 1e8 a number is no time stamp (1973 in seconds) but a year or a date in digits ("2024", 20240305): no guess.
    if (!Number.isFinite(value) || value < 1e8) return undefined;
    const ms = value < 1e11 ? value * 1000 : value;
    return ms < Date.UTC(2100, 0, 1) ? new Date(ms).toISOString().slice(0, 10) : undefined;
  }
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const iso = dayOf(value);
  if (iso) return iso;
  const found = dateLine(value.trim());
  return found?.precision === 'day' ? found.iso : undefined;
}

/** The day a date-time string states, as written (its own time zone): "2024-02-29T00:25:36+00:00" → "2024-02-29". */
export function dayOf(value: string | undefined): string | undefined {
  const m = value && /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * The people a source names as its authors, one name each: "By Jane Doe" is Jane Doe; "Jane Doe,
 * John Roe" and "Jane Doe and John Roe" are two; "Jane Doe, Staff Writer" is Jane Doe (a part whose
 * last word is a role, `_data/boilerplate.json` `bylines.roles`, names no one, but a byline of
 * nothing else, "CNBC.com staff", is kept as stated); "Doe, Jane" stays one name (a comma splits
 * only parts of two words or more). Addresses are no names.
 */
export function authorNames(values: readonly string[], roles: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const isRole = (part: string) => {
    const last = part.split(/\s+/).at(-1)!.toLowerCase();
    return roles.has(last) || (last.endsWith('s') && roles.has(last.slice(0, -1)));
  };
  for (const value of values) {
    const v = value.replace(/^\s*by\s*:?\s+/i, '').trim();
    if (!v || /^https?:\/\//i.test(v)) continue;
    let parts = v.split(/\s*(?:;|\||&|\band\b)\s*/i);
    parts = parts.flatMap((p) => {
      const pieces = p.split(/\s*,\s*/).filter(Boolean);
      return pieces.length > 1 && pieces.every((x) => x.split(/\s+/).length >= 2 || isRole(x)) ? pieces : [p];
    });
    const named = parts.map((x) => x.replace(/^by\s+/i, '').trim()).filter((p) => p && !isRole(p));
    // A byline that names only its staff ("CNBC.com staff") is what the source states: kept whole.
    for (const p of named.length > 0 ? named : [v]) if (!out.includes(p)) out.push(p);
  }
  return out;
}
