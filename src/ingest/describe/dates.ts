import * as chrono from 'chrono-node';
import { words } from '../clean/blocks.js';

export type Precision = 'day' | 'month' | 'year';
export interface DateFacts {
  published?: string;
  published_precision?: Precision;
  published_basis?: 'stated' | 'inferred';
  captured?: string;
}

// A fixed reference keeps chrono deterministic; only components it is certain of are used.
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const FILLER = /\b(published|updated|posted|last|modified|on|at|by|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|est|edt|cet|et|pt)\b|[|,·•:–—-]/giu;

interface Found {
  iso: string;
  precision: Precision;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Several stages ask about the same few lines; chrono is the slowest step, so answers are kept.
const seen = new Map<string, Found | undefined>();

/** The date a short line states, when the line is essentially a date (with perhaps a time or a name). */
export function dateLine(text: string): Found | undefined {
  if (seen.has(text)) return seen.get(text);
  if (seen.size > 1000) seen.clear();
  const found = readDateLine(text);
  seen.set(text, found);
  return found;
}

function readDateLine(text: string): Found | undefined {
  if (words(text).length > 14 || !/\d{4}/.test(text)) return undefined; // a stated year is required
  const results = chrono.parse(text, REFERENCE);
  if (results.length === 0) return undefined;
  const r = results[0];
  if (!r.start.isCertain('year')) return undefined;
  const rest = text.replace(r.text, ' ').replace(FILLER, ' ').trim();
  if (words(rest).length > 4) return undefined; // a sentence that mentions a date, not a date line
  const y = r.start.get('year')!;
  if (r.start.isCertain('day') && r.start.isCertain('month')) return { iso: iso(y, r.start.get('month')!, r.start.get('day')!), precision: 'day' };
  if (r.start.isCertain('month')) return { iso: iso(y, r.start.get('month')!, 1), precision: 'month' };
  return { iso: iso(y, 1, 1), precision: 'year' };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_DATE = new RegExp(
  `\\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\\b[,.]?\\s+(?:the\\s+)?(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH})(?![\\d,]*\\s*\\d{4})`,
  'giu',
);
const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;

/**
 * A weekday with a month and day ("Thursday, November 10") fixes the year when the text bounds
 * it: not before the latest year the article mentions, not after the capture date (or, without
 * one, the year after that latest year). The latest matching year wins.
 */
export function inferFromWeekday(body: string, captured?: string): Found | undefined {
  if (!/(?:mon|tues|wednes|thurs|fri|satur|sun)day/i.test(body)) return undefined;
  const mentioned = [...body.matchAll(YEAR)].map((m) => Number(m[1]));
  const upperYear = captured ? Number(captured.slice(0, 4)) : undefined;
  const bounded = mentioned.filter((y) => upperYear === undefined || y <= upperYear);
  if (bounded.length === 0) return undefined;
  const lower = bounded.reduce((a, b) => Math.max(a, b), 0);
  const upper = captured ?? iso(lower + 1, 12, 31);
  for (const m of body.matchAll(WEEKDAY_DATE)) {
    const weekday = WEEKDAYS.indexOf(m[1].toLowerCase());
    const monthName = (m[2] ?? m[5]).toLowerCase().slice(0, 3);
    const month = MONTHS.indexOf(monthName) + 1;
    const day = Number(m[3] ?? m[4]);
    for (let y = Number(upper.slice(0, 4)); y >= lower; y--) {
      const date = new Date(Date.UTC(y, month - 1, day));
      if (date.getUTCMonth() !== month - 1) continue;
      const candidate = iso(y, month, day);
      if (candidate > upper || date.getUTCDay() !== weekday) continue;
      return { iso: candidate, precision: 'day' };
    }
  }
  return undefined;
}

/**
 * Publication and capture dates. Date lines above the headline are the capture tool's or the
 * site's "today" (captured); date lines just below it are the byline's (published, stated).
 * Without a stated date, a weekday-consistent date in the text is inferred; otherwise none.
 */
export function findDates(input: { beforeTitle: string[]; afterTitle: string[]; body: string }, plausibleYears: [number, number] = [1800, 2100]): DateFacts {
  const facts: DateFacts = {};
  const plausible = (d: Found | undefined) => d !== undefined && Number(d.iso.slice(0, 4)) >= plausibleYears[0] && Number(d.iso.slice(0, 4)) <= plausibleYears[1];
  const header = input.beforeTitle.map(dateLine).find((d) => plausible(d) && d!.precision === 'day');
  if (header) facts.captured = header.iso;
  const stated = input.afterTitle.map(dateLine).find(plausible);
  if (stated && (!facts.captured || stated.iso <= facts.captured)) {
    return { published: stated.iso, published_precision: stated.precision, published_basis: 'stated', ...facts };
  }
  const inferred = inferFromWeekday(input.body, facts.captured);
  if (inferred) return { published: inferred.iso, published_precision: inferred.precision, published_basis: 'inferred', ...facts };
  return facts;
}
