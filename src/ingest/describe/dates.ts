import { readDateLine, daysBefore, iso, settleDigits, type Found, type Precision } from './dateline.js';
import type { DateZones } from '../clean/clean.js';

/** Where a value was read: the raw line and its text, for the reader to check against the capture. */
export interface ReadFrom {
  line: number;
  text: string;
}

export interface DateFacts {
  published?: string;
  published_precision?: Precision;
  published_basis?: 'stated' | 'inferred';
  captured?: string;
  /** The line of a publication date in digits that reads two ways ("03/04/2024"), when the capture did not settle which: only its year is kept. */
  unsettled?: ReadFrom;
  /** The lines the dates were read from. */
  from: { published?: ReadFrom; captured?: ReadFrom };
}

export { dateLine } from './dateline.js';
export type { Found, Precision };

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
 * Publication and capture dates, by where a date stands (see `DateZones`). A date at the
 * capture's top is the capture tool's or the site's "today" (captured), never the publication
 * date. In the byline's place, a "Published" or "Posted" date beats one without a label, which
 * beats an "Updated" one; a relative date ("3 hours ago") counts from the capture date, when
 * there is one. A byline at the article's end comes next; then a weekday-consistent date in the
 * text (inferred); otherwise none. Nothing after the capture date, nothing outside the plausible
 * years.
 */
export function findDates(input: { zones: DateZones; body: string }, plausibleYears: [number, number] = [1800, 2100]): DateFacts {
  const facts: DateFacts = { from: {} };
  // How the capture writes dates in digits settles one that reads two ways ("03/04/2024").
  let texts: string[] | undefined;
  const settle = (d: Found | undefined): Found | undefined => (d?.readings ? settleDigits(d, (texts ??= [...input.zones.top, ...input.zones.byline, ...input.zones.tail].map((b) => b.text).concat(input.body))) : d);
  const plausible = (d: Found | undefined): d is Found => d !== undefined && Number(d.iso.slice(0, 4)) >= plausibleYears[0] && Number(d.iso.slice(0, 4)) <= plausibleYears[1];
  const from = (b: { first: number; text: string }): ReadFrom => ({ line: b.first, text: b.text });
  for (const b of input.zones.top) {
    const line = readDateLine(b.text);
    const d = settle(line?.published ?? line?.updated);
    if (plausible(d) && d.precision === 'day') {
      facts.captured = d.iso;
      facts.from.captured = from(b);
      break;
    }
  }
  const notAfterCapture = (d: Found) => !facts.captured || d.iso <= facts.captured;
  const pick = (blocks: { first: number; text: string }[]): { found: Found; basis: 'stated' | 'inferred'; block: { first: number; text: string } } | undefined => {
    let plain: { found: Found; block: { first: number; text: string } } | undefined;
    let updated: typeof plain;
    let ago: typeof plain;
    for (const b of blocks) {
      const line = readDateLine(b.text);
      if (!line) continue;
      const published = settle(line.published);
      const lineUpdated = settle(line.updated);
      if (plausible(published) && notAfterCapture(published)) {
        // "Published …" settles it; an unlabelled date is kept in case a labelled one follows.
        if (/\b(published|posted)\b/i.test(b.text)) return { found: published, basis: 'stated', block: b };
        plain ??= { found: published, block: b };
      }
      if (plausible(lineUpdated) && notAfterCapture(lineUpdated)) updated ??= { found: lineUpdated, block: b };
      if (line.ago && facts.captured && line.ago.label === 'published') ago ??= { found: { iso: daysBefore(facts.captured, line.ago.days), precision: 'day' }, block: b };
      else if (line.ago && facts.captured) updated ??= { found: { iso: daysBefore(facts.captured, line.ago.days), precision: 'day' }, block: b };
    }
    if (plain) return { ...plain, basis: 'stated' };
    if (ago) return { ...ago, basis: 'inferred' };
    // Updated on that day: published then or before. Said as inferred, never as stated.
    if (updated) return { ...updated, basis: 'inferred' };
    return undefined;
  };
  const stated = pick(input.zones.byline) ?? pick(input.zones.tail);
  if (stated) {
    facts.from.published = from(stated.block);
    if (stated.found.readings) facts.unsettled = from(stated.block);
    return { ...facts, published: stated.found.iso, published_precision: stated.found.precision, published_basis: stated.basis };
  }
  const inferred = inferFromWeekday(input.body, facts.captured);
  if (inferred) return { ...facts, published: inferred.iso, published_precision: inferred.precision, published_basis: 'inferred' };
  return facts;
}
