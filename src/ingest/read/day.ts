import { dateLine } from '../describe/dateline.js';

/**
 * The day a date a source states names, as written: ISO 8601 ("2024-03-05", "2024-03-05T23:30:00-05:00":
 * the day in its own zone, not moved to another), a date as a byline writes it ("Mar 5, 2024",
 * "Tue, 05 Mar 2024 18:30:00 GMT"), or a count of seconds or milliseconds since 1970 (its UTC
 * day). Undefined for anything else, and for a date in digits that reads two ways ("03/04/2024"):
 * a stated value wins over what the text says, so it must not be a guess.
 */
export function statedDay(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
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
