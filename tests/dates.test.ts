import { describe, expect, it } from 'vitest';
import { dateLine, findDates, inferFromWeekday } from '../src/ingest/describe/dates.js';

describe('dateLine', () => {
  it.each([
    ['Tuesday, July 23, 2024', '2024-07-23', 'day'],
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

describe('findDates', () => {
  it('reads a date line above the headline as the capture date, never the publication date', () => {
    expect(findDates({ beforeTitle: ['Tuesday, July 23, 2024'], afterTitle: [], body: 'No dates here.' })).toEqual({ captured: '2024-07-23' });
  });

  it('reads a date line below the headline as the stated publication date', () => {
    expect(findDates({ beforeTitle: [], afterTitle: ['By Jane Doe', 'February 29, 2024'], body: '' })).toEqual({
      published: '2024-02-29',
      published_precision: 'day',
      published_basis: 'stated',
    });
  });

  it('says "inferred" for a date worked out from a weekday', () => {
    expect(findDates({ beforeTitle: ['Tuesday, July 23, 2024'], afterTitle: [], body: 'on Thursday. November 10. and in 2014' })).toEqual({
      published: '2022-11-10',
      published_precision: 'day',
      published_basis: 'inferred',
      captured: '2024-07-23',
    });
  });

  it('takes no date outside the plausible years as the publication date ("December 31, 9999")', () => {
    expect(findDates({ beforeTitle: [], afterTitle: ['December 31, 9999'], body: 'Text.' })).toEqual({});
    expect(findDates({ beforeTitle: [], afterTitle: ['June 1, 1642'], body: 'Text.' })).toEqual({});
    expect(findDates({ beforeTitle: [], afterTitle: ['December 31, 9999', 'March 3, 2024'], body: 'Text.' })).toMatchObject({ published: '2024-03-03' });
  });

  it('leaves an article undated when the text supports no date', () => {
    expect(findDates({ beforeTitle: [], afterTitle: [], body: 'Kyiv said Russia suffered 1,120 casualties on December 7.' })).toEqual({});
  });
});
