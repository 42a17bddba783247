import * as chrono from 'chrono-node';
import { words } from '../clean/blocks.js';

export type Precision = 'day' | 'month' | 'year';

/** A date read from a line: the day (or the first of the month or year) and how much of it is known. */
export interface Found {
  iso: string;
  precision: Precision;
  /**
   * A date written in digits whose first two numbers could each be the month ("03/04/2024": 4 March
   * in the United States, 3 April in Britain): the two days it can name, month first and day first.
   * Until something settles which (`settleDigits`), only its year is known: `iso` is the year's
   * first day, at year precision.
   */
  readings?: readonly [monthFirst: string, dayFirst: string];
}

/** What one line says about dates: when the page was published, updated, or how long ago. */
export interface DateLine {
  /** "Published …", "Posted …", or a date without a label. */
  published?: Found;
  /** "Updated …", "Last modified …". */
  updated?: Found;
  /** "3 hours ago", "2 days ago": days before the capture (0 for minutes and hours). */
  ago?: { days: number; label: 'published' | 'updated' };
}

// A fixed reference keeps chrono deterministic; only components it is certain of are used.
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/**
 * chrono's English parser without its parsers of spans of time ("3 days ago", "in 5 minutes",
 * "within a week"): they never state a year, "ago" is read here before chrono is asked, and they
 * were two thirds of chrono's time on a dateline (measured: 0.1 ms each a line, the other fifteen
 * 0.2 ms together).
 */
const parser = chrono.en.casual.clone();
const SPANS = /^EN(TimeUnitAgoFormat|TimeUnitLaterFormat|TimeUnitWithinFormat)Parser$/;
parser.parsers = parser.parsers.filter((p) => !SPANS.test(p.constructor.name));
// A chrono that names its parsers otherwise would silently keep them: say so instead.
if (parser.parsers.length !== chrono.en.casual.parsers.length - 3) throw new Error('chrono-node: the parsers of spans of time are not where this version expects them');

const MONTH_OR_DAY = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)';
const LABEL_WORD = '(?:Published|Posted|Updated|Last (?:updated|modified)|Modified|First published)';
/**
 * Scrapers glue the pieces of a byline together: "Feb 28 20246:03 AM" (year and time),
 * "Associated PressApril 28, 2023", "ESTUpdated 1 Min Ago", "6:56 amFeb. 28". Spaces go back
 * where a year meets a time, and before a month, weekday or label glued to the word before it.
 */
function unglue(text: string): string {
  return text
    .replace(/\b((?:1[89]|2[01])\d{2})(?=\d{1,2}[:.]\d{2}\b)/g, '$1 ')
    .replace(new RegExp(`(?<=[\\p{Ll}\\p{N}.)])(?=${MONTH_OR_DAY}\\b)`, 'gu'), ' ')
    .replace(new RegExp(`(?<=[\\p{L}\\p{N}.)])(?=${LABEL_WORD}\\b)`, 'gu'), ' ');
}

/** What every date chrono reads with a stated year has besides the year: a month or weekday's name, or digits split by / . or - ("3/4/2024", "2024-03-04", "10/2024"). */
const DATE_SHAPE = new RegExp(`${MONTH_OR_DAY}|\\d[/.-]\\d`, 'iu');
const LABEL = /\b(published|posted|first published|updated|last updated|last modified|modified)\b\s*(?:on|at)?\s*:?/giu;
const AGO = /\b(\d+|an?|one)\s*(min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?|wks?)\s+ago\b/iu;
const FILLER = /\b(published|updated|posted|last|modified|first|on|at|by|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|et|pt|ct|mt|ist|aest)\b|[|,·•:–—\-/()]/giu;
/** Words of a byline around a date: names, roles and outlets, in capitals, joined by a few small words. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|and|&|of|the|de|van|von|der|staff|writer|reporter|correspondent|editor|\d+)$/u;

// Several stages ask about the same few lines; chrono is the slowest step, so answers are kept.
const seen = new Map<string, DateLine | undefined>();

/**
 * What a short line says about dates, when the line is essentially a dateline: a date (with a
 * time, a zone, a label such as "Published" or "Updated"), perhaps beside a byline ("By Jane Doe
 * and John Roe March 3, 2024", "Tom Cary, Senior Sports Correspondent 2 March 2024 • 9:36pm").
 * A sentence that mentions a date is not a dateline. Only stated years count.
 */
export function readDateLine(text: string): DateLine | undefined {
  if (seen.has(text)) return seen.get(text);
  if (seen.size > 2000) seen.clear();
  const found = read(text);
  seen.set(text, found);
  return found;
}

/** The publication date a line states (published before updated), if it is a dateline. */
export function dateLine(text: string): Found | undefined {
  const line = readDateLine(text);
  return line?.published ?? line?.updated;
}

function read(raw: string): DateLine | undefined {
  // Only a stated year ("2024") or an age ("3 hours ago") makes a date: a line with neither is
  // none, and chrono, the slowest step of a capture, is not asked.
  if (raw.length > 300 || !/\d{4}|\bago\b/i.test(raw) || words(raw).length > 30) return undefined;
  const text = unglue(raw);
  // Segments by label: "Published X Updated Y" → published X, updated Y; text before any label is unlabelled.
  const segments: { label: 'published' | 'updated' | 'plain'; text: string }[] = [];
  let last = 0;
  let label: 'published' | 'updated' | 'plain' = 'plain';
  for (const m of text.matchAll(LABEL)) {
    segments.push({ label, text: text.slice(last, m.index) });
    label = /updated|modified/i.test(m[1]!) ? 'updated' : 'published';
    last = m.index! + m[0].length;
  }
  segments.push({ label, text: text.slice(last) });
  const out: DateLine = {};
  let rest = '';
  let any = false;
  for (const segment of segments) {
    const ago = AGO.exec(segment.text);
    if (ago) {
      const n = /^\d+$/.test(ago[1]!) ? Number(ago[1]) : 1;
      const unit = ago[2]!.toLowerCase();
      const days = /^(d|day)/.test(unit) ? n : /^(w|wk|week)/.test(unit) ? 7 * n : 0;
      const agoLabel = segment.label === 'updated' ? 'updated' : 'published';
      if (!out.ago || (agoLabel === 'published' && out.ago.label === 'updated')) out.ago = { days, label: agoLabel };
      rest += ` ${segment.text.replace(ago[0], ' ')}`;
      any = true;
      continue;
    }
    if (!/\d{4}/.test(segment.text) || !DATE_SHAPE.test(segment.text)) {
      rest += ` ${segment.text}`;
      continue;
    }
    const results = parser.parse(segment.text, REFERENCE);
    // Only a year the line states counts ("Today's paper" is no date).
    const r = results.find((x) => x.start.isCertain('year') && /\d{4}/.test(x.text));
    if (!r) {
      rest += ` ${segment.text}`;
      continue;
    }
    any = true;
    // Times and zones chrono read apart ("11:00 AM PDT • May 16, 2024") are part of the dateline.
    let left = segment.text.replace(r.text, ' ');
    for (const other of results) if (other !== r && !other.start.isCertain('year')) left = left.replace(other.text, ' ');
    rest += ` ${left}`;
    const date = digitsOf(r.text, segment.text) ?? toFound(r.start);
    const key = segment.label === 'updated' ? 'updated' : 'published';
    out[key] ??= date;
  }
  if (!any) return undefined;
  // What is left must be labels, fillers and perhaps a byline's names, not a sentence.
  const left = words(rest.replace(FILLER, ' ')).filter((w) => !/^by$/i.test(w));
  const byline = /^\s*by\b/i.test(raw) || left.every((w) => NAME_WORD.test(w));
  if (left.length > (byline ? 12 : 4)) return undefined;
  return out;
}

/** A day, month and year in digits: "03/04/2024", "3-4-2024", "28.02.2024" (not year first). */
const DIGITS = /(?<![\d/]|\d[.-])(\d{1,2})([/.-])(\d{1,2})\2((?:1[89]|2[01])\d{2})(?![\d/]|[.-]\d)/u;
const WEEKDAY_NAME = /\b(sun|mon|tue|wed|thu|fri|sat)(?:day|sday|nesday|rsday|urday|s|r|rs)?\b/iu;
const WEEKDAY_ABBR = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The day a date in digits names, where chrono alone would guess. chrono reads "03/04/2024" month
 * first, the American way; a British page means 3 April. With dots ("28.02.2024") every locale
 * that writes them puts the day first. With slashes or dashes and both numbers 12 or less, a
 * weekday on the line settles it ("Mon 03/04/2024" is only 4 March); otherwise the date keeps
 * both readings and only its year (see `Found.readings`). Undefined when the text holds no such
 * date (chrono's reading stands).
 */
function digitsOf(dateText: string, line: string): Found | undefined {
  const m = DIGITS.exec(dateText);
  if (!m) return undefined;
  const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const real = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(y, month - 1, day)).getUTCMonth() === month - 1;
  const monthFirst = real(a, b) ? iso(y, a, b) : undefined;
  const dayFirst = real(b, a) ? iso(y, b, a) : undefined;
  if (m[2] === '.') return dayFirst ? { iso: dayFirst, precision: 'day' } : undefined;
  if (!monthFirst || !dayFirst || monthFirst === dayFirst) {
    const only = monthFirst ?? dayFirst;
    return only ? { iso: only, precision: 'day' } : undefined;
  }
  const weekday = WEEKDAY_NAME.exec(line);
  if (weekday) {
    const day = WEEKDAY_ABBR.indexOf(weekday[1]!.toLowerCase());
    const fits = [monthFirst, dayFirst].filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === day);
    if (fits.length === 1) return { iso: fits[0]!, precision: 'day' };
  }
  return { iso: iso(y, 1, 1), precision: 'year', readings: [monthFirst, dayFirst] };
}

/**
 * Settles a date in digits that could be read two ways, by how the capture writes the dates it
 * cannot be wrong about: "25/12/2023" elsewhere in it is day first, "12/25/2023" month first.
 * When the capture says nothing of it, or says both, the date keeps only its year.
 */
export function settleDigits(found: Found, texts: readonly string[]): Found {
  if (!found.readings) return found;
  let dayFirst = false;
  let monthFirst = false;
  const any = new RegExp(DIGITS.source, 'gu');
  for (const text of texts) {
    if (!/\d[/-]\d/.test(text)) continue;
    for (const m of text.matchAll(any)) {
      if (m[2] === '.') continue;
      const [a, b] = [Number(m[1]), Number(m[3])];
      if (a > 12 && b <= 12) dayFirst = true;
      else if (b > 12 && a <= 12) monthFirst = true;
    }
  }
  if (dayFirst === monthFirst) return found;
  return { iso: dayFirst ? found.readings[1] : found.readings[0], precision: 'day' };
}

function toFound(start: chrono.ParsedComponents): Found {
  const y = start.get('year')!;
  if (start.isCertain('day') && start.isCertain('month')) return { iso: iso(y, start.get('month')!, start.get('day')!), precision: 'day' };
  if (start.isCertain('month')) return { iso: iso(y, start.get('month')!, 1), precision: 'month' };
  return { iso: iso(y, 1, 1), precision: 'year' };
}

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day `days` before an ISO day. */
export function daysBefore(day: string, days: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - days * 86_400_000;
  const d = new Date(t);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
