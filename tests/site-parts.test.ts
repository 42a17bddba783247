import { describe, expect, it } from 'vitest';
import { bibtex, plainCitation } from '../src/site/render/citation.js';
import { monthChart } from '../src/site/render/chart.js';
import { describePublished, periodOf } from '../src/site/index/periods.js';
import type { SiteArticle } from '../src/site/read/model.js';

const base: SiteArticle = {
  title: 'Costs rise 50% & more_{now}',
  slug: 'costs-rise',
  url: '/articles/costs-rise/',
  inputPath: './content/articles/costs-rise.md',
  site: 'Express',
  publisher: 'Reach plc',
  topics: [],
  people: [],
  places: [],
  organizations: [],
  words: 10,
  removedByRule: {},
  source: { file: 'a.txt', sha256: 'b'.repeat(64), bytes: 3 },
};

describe('describePublished', () => {
  it('says the date at its precision and how it is known', () => {
    expect(describePublished({ published: '2022-11-10', published_precision: 'day', published_basis: 'inferred' })).toEqual({ date: '10 November 2022', basis: 'inferred from the text' });
    expect(describePublished({ published: '2022-11-01', published_precision: 'month', published_basis: 'stated' })!.date).toBe('November 2022');
    expect(describePublished({ published: '2022-01-01', published_precision: 'year', published_basis: 'curator' })).toEqual({ date: '2022', basis: 'set by a curator' });
    expect(describePublished({})).toBeUndefined();
  });

  it('places a date on the timeline by month, or by year when only the year is known', () => {
    expect(periodOf('2022-11-10', 'day')).toMatchObject({ key: '2022-11', label: 'November 2022', url: '/timeline/2022/11/' });
    expect(periodOf('2022-01-01', 'year')).toMatchObject({ key: '2022', url: '/timeline/2022/' });
  });
});

describe('citations', () => {
  const context = { archive: 'clippings', url: 'https://example.org/articles/costs-rise/' };

  it('cites an undated article as undated, with the archive copy and its checksum', () => {
    expect(plainCitation(base, context)).toBe(
      `“Costs rise 50% & more_{now}”. Express (Reach plc). undated. Archived copy in clippings: https://example.org/articles/costs-rise/ (source file a.txt, SHA-256 ${'b'.repeat(64)}).`,
    );
  });

  it('escapes BibTeX specials and gives year and month only as far as they are known', () => {
    const entry = bibtex({ ...base, published: '2022-11-10', published_precision: 'day', published_basis: 'inferred', captured: '2024-07-23' }, context);
    expect(entry).toContain('title = {Costs rise 50\\% \\& more\\_\\{now\\}}');
    expect(entry).toContain('year = 2022');
    expect(entry).toContain('month = nov');
    expect(entry).toContain('note = {Publication date inferred from the text; captured 2024-07-23;');
    const yearOnly = bibtex({ ...base, published: '2022-01-01', published_precision: 'year', published_basis: 'stated' }, context);
    expect(yearOnly).toContain('year = 2022');
    expect(yearOnly).not.toContain('month =');
  });
});

describe('monthChart', () => {
  it('draws a bar per month with articles, leaves empty months as gaps, and summarises in text', () => {
    const periods = [
      { key: '2022-11', label: 'November 2022', url: '/timeline/2022/11/', year: '2022', month: 11, articles: [base, base] },
      { key: '2023-02', label: 'February 2023', url: '/timeline/2023/02/', year: '2023', month: 2, articles: [base] },
    ];
    const svg = String(monthChart(periods));
    expect(svg.match(/<rect /g)).toHaveLength(2);
    // November at x=0, February three months later (14 px a month) at x=42.
    expect(svg).toMatch(/<rect x="0" [^]*<rect x="42" /);
    expect(svg).toContain('<title>November 2022: 2 articles</title>');
    expect(svg).toContain('3 dated articles from November 2022 to February 2023; the busiest month has 2 articles.');
  });

  it('says so when nothing is dated', () => {
    expect(String(monthChart([]))).toContain('No dated articles yet');
  });
});
