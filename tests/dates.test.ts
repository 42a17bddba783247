import { describe, expect, it } from 'vitest';
import { dateLine, findDates, inferFromWeekday } from '../src/ingest/describe/dates.js';
import { readDateLine } from '../src/ingest/describe/dateline.js';

describe('dateLine', () => {
  it.each([
    ['Tuesday, July 23, 2024', '2024-07-23', 'day'],
    ['Published Jun 05, 2026', '2026-06-05', 'day'],
    ['Posted: Aug 08, 2024 4:00 AM EDT | Last Updated: August 8', '2024-08-08', 'day'],
    ['Sat 24 Feb 2024 12.42 CET', '2024-02-24', 'day'],
    ['11:00 AM PDT • May 16, 2024', '2024-05-16', 'day'],
    ['12:43, 20 Apr 2026Updated 12:44, 20 Apr 2026', '2026-04-20', 'day'],
    ['Associated PressApril 28, 2023 GMT', '2023-04-28', 'day'],
    ['By Jane Doe and John Roe March 3, 2024', '2024-03-03', 'day'],
    ['Published Wed, Feb 28 20246:03 AM ESTUpdated 1 Min Ago', '2024-02-28', 'day'],
    ['March 4, 202412:45 PM UTCUpdated ago', '2024-03-04', 'day'],
    ['Tom Cary, Senior Sports Correspondent and Fiona Parker 2 March 2024 • 9:36pm', '2024-03-02', 'day'],
    ['By Staff - The Washington Times - Thursday, February 29, 2024', '2024-02-29', 'day'],
    ['Politics / February 29, 2024', '2024-02-29', 'day'],
    ['February 29, 2024', '2024-02-29', 'day'],
    ['March 2, 2024 12:01 am', '2024-03-02', 'day'],
    ['UPDATED Feb. 29, 2024 | 2:10 PM', '2024-02-29', 'day'],
    ['Prem Thakker March 2 2024, 12:36 p.m.', '2024-03-02', 'day'],
    ['July 2023', '2023-07-01', 'month'],
  ])('reads %j as %s (%s)', (text, iso, precision) => {
    expect(dateLine(text)).toEqual({ iso, precision });
  });

  it('ignores sentences that merely mention a date', () => {
    expect(dateLine('He said on March 3, 2024 that the war would go on for years to come')).toBeUndefined();
  });

  it('reads "Updated 3 hours ago" as relative to the capture, and "Today\'s paper" as no date', () => {
    expect(readDateLine('Updated 3 hours ago')).toEqual({ ago: { days: 0, label: 'updated' } });
    expect(readDateLine('Posted 2 days ago')).toEqual({ ago: { days: 2, label: 'published' } });
    expect(readDateLine("Today's paper")).toBeUndefined();
  });

  it('keeps a published and an updated date apart', () => {
    expect(readDateLine('Published February 28, 2024 4:58pm EST | Updated February 29, 2024 8:35am EST')).toEqual({
      published: { iso: '2024-02-28', precision: 'day' },
      updated: { iso: '2024-02-29', precision: 'day' },
    });
  });

  it('never guesses a year the line does not state', () => {
    expect(dateLine('Thursday, November 10')).toBeUndefined();
  });
});

describe('inferFromWeekday', () => {
  it('fixes the year of "Thursday, November 10" between the latest year mentioned and the capture date', () => {
    expect(inferFromWeekday('pulled out on Thursday. November 10. The city was seized in 2014.', '2024-07-23')).toEqual({ iso: '2022-11-10', precision: 'day' });
  });

  it('without a capture date, looks no further than the year after the latest year mentioned', () => {
    expect(inferFromWeekday('on Thursday, November 10, after the vote of 2021')).toEqual({ iso: '2022-11-10', precision: 'day' });
  });

  it('infers nothing when no year bounds the text', () => {
    expect(inferFromWeekday('on Thursday, November 10, the troops left')).toBeUndefined();
  });

  it('infers nothing when the weekday fits no year in the bounds', () => {
    expect(inferFromWeekday('on Monday, November 10, after the events of 2022', '2023-01-01')).toBeUndefined();
  });
});

/** Date zones made of lines (line numbers from 1 in each zone's order). */
function zones(z: { top?: string[]; byline?: string[]; tail?: string[] }) {
  let n = 0;
  const blocks = (texts: string[] = []) => texts.map((text) => ({ text, first: ++n, last: n, lines: [], words: text.split(' '), lower: [] }));
  return { top: blocks(z.top), byline: blocks(z.byline), tail: blocks(z.tail) };
}

describe('findDates', () => {
  it('reads a date at the top of the capture as the capture date, never the publication date', () => {
    expect(findDates({ zones: zones({ top: ['Tuesday, July 23, 2024'] }), body: 'No dates here.' })).toEqual({ captured: '2024-07-23', from: { captured: { line: 1, text: 'Tuesday, July 23, 2024' } } });
  });

  it('reads the byline\'s date as the stated publication date, and says which line it read', () => {
    expect(findDates({ zones: zones({ byline: ['By Jane Doe', 'February 29, 2024'] }), body: '' })).toEqual({
      published: '2024-02-29',
      published_precision: 'day',
      published_basis: 'stated',
      from: { published: { line: 2, text: 'February 29, 2024' } },
    });
  });

  it('prefers a "Published" or "Posted" date to one without a label, and either to an "Updated" one', () => {
    expect(findDates({ zones: zones({ byline: ['Updated March 5, 2024', 'March 4, 2024', 'Published March 3, 2024'] }), body: '' })).toMatchObject({ published: '2024-03-03', published_basis: 'stated' });
    expect(findDates({ zones: zones({ byline: ['Updated March 5, 2024', 'March 4, 2024'] }), body: '' })).toMatchObject({ published: '2024-03-04', published_basis: 'stated' });
  });

  it('takes an "Updated" date alone as an upper bound, said as inferred', () => {
    expect(findDates({ zones: zones({ byline: ['Last modified on Sat 2 Mar 2024 17.06 CET'] }), body: '' })).toMatchObject({ published: '2024-03-02', published_basis: 'inferred' });
  });

  it('counts a relative date from the capture date, and without one reads nothing', () => {
    expect(findDates({ zones: zones({ top: ['Tuesday, July 23, 2024'], byline: ['Published 2 days ago'] }), body: '' })).toMatchObject({ published: '2024-07-21', published_basis: 'inferred', captured: '2024-07-23' });
    expect(findDates({ zones: zones({ byline: ['Published 2 days ago'] }), body: '' })).toEqual({ from: {} });
  });

  it('takes no date after the capture date', () => {
    expect(findDates({ zones: zones({ top: ['May 1, 2024'], byline: ['June 5, 2024'] }), body: '' })).toEqual({ captured: '2024-05-01', from: { captured: { line: 1, text: 'May 1, 2024' } } });
  });

  it('reads a byline at the article\'s end when none stands under the headline', () => {
    expect(findDates({ zones: zones({ byline: ['By Jane Doe'], tail: ['Jane Doe March 9, 2024'] }), body: '' })).toMatchObject({ published: '2024-03-09', published_basis: 'stated' });
  });

  it('says "inferred" for a date worked out from a weekday', () => {
    expect(findDates({ zones: zones({ top: ['Tuesday, July 23, 2024'] }), body: 'on Thursday. November 10. and in 2014' })).toMatchObject({
      published: '2022-11-10',
      published_precision: 'day',
      published_basis: 'inferred',
      captured: '2024-07-23',
    });
  });

  it('takes no date outside the plausible years as the publication date ("December 31, 9999")', () => {
    expect(findDates({ zones: zones({ byline: ['December 31, 9999'] }), body: 'Text.' })).toEqual({ from: {} });
    expect(findDates({ zones: zones({ byline: ['June 1, 1642'] }), body: 'Text.' })).toEqual({ from: {} });
    expect(findDates({ zones: zones({ byline: ['December 31, 9999', 'March 3, 2024'] }), body: 'Text.' })).toMatchObject({ published: '2024-03-03' });
  });

  it('leaves an article undated when the text supports no date', () => {
    expect(findDates({ zones: zones({}), body: 'Kyiv said Russia suffered 1,120 casualties on December 7.' })).toEqual({ from: {} });
  });
});

describe('dates written in digits', () => {
  it('keeps both days of a date that reads two ways, and only its year as the date', () => {
    expect(readDateLine('Published 03/04/2024 09:15')).toEqual({ published: { iso: '2024-01-01', precision: 'year', readings: ['2024-03-04', '2024-04-03'] } });
    expect(readDateLine('3-4-2024 | 10:20')).toEqual({ published: { iso: '2024-01-01', precision: 'year', readings: ['2024-03-04', '2024-04-03'] } });
  });

  it('reads a date one way when only one way names a day', () => {
    expect(dateLine('25/12/2023')).toEqual({ iso: '2023-12-25', precision: 'day' });
    expect(dateLine('12/25/2023')).toEqual({ iso: '2023-12-25', precision: 'day' });
    expect(dateLine('03/03/2024')).toEqual({ iso: '2024-03-03', precision: 'day' });
  });

  it('reads dotted dates day first, as every locale that writes them does', () => {
    expect(dateLine('Published 04.03.2024')).toEqual({ iso: '2024-03-04', precision: 'day' });
    expect(dateLine('28.02.2024, 09:15')).toEqual({ iso: '2024-02-28', precision: 'day' });
  });

  it('lets a weekday on the line settle which day is meant', () => {
    expect(dateLine('Mon 03/04/2024')).toEqual({ iso: '2024-03-04', precision: 'day' });
    expect(dateLine('By Jane Doe, Wednesday 03/04/2024')).toEqual({ iso: '2024-04-03', precision: 'day' });
  });

  it('settles it by the dates in digits the capture cannot be wrong about, and not when they disagree', () => {
    const byline = ['Published 03/04/2024'];
    expect(findDates({ zones: zones({ byline }), body: 'The council met on 25/03/2024.' })).toMatchObject({ published: '2024-04-03', published_precision: 'day' });
    expect(findDates({ zones: zones({ byline, tail: ['Updated 03/15/2024'] }), body: '' })).toMatchObject({ published: '2024-03-04', published_precision: 'day' });
    expect(findDates({ zones: zones({ byline }), body: 'Dates 25/03/2024 and 03/25/2024.' })).toEqual({
      published: '2024-01-01',
      published_precision: 'year',
      published_basis: 'stated',
      unsettled: { line: 1, text: 'Published 03/04/2024' },
      from: { published: { line: 1, text: 'Published 03/04/2024' } },
    });
  });

  it('takes no capture date from a scrape header that reads two ways', () => {
    expect(findDates({ zones: zones({ top: ['Captured 03/04/2024'] }), body: '' }).captured).toBeUndefined();
    expect(findDates({ zones: zones({ top: ['Captured 03/04/2024', 'Updated 14/04/2024'] }), body: '' }).captured).toBe('2024-04-03');
  });
});
