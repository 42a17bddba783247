import { describe, expect, it } from 'vitest';
import { buildArchive, derivedOf } from '../src/site/index/archive.js';
import type { SiteConfig } from '../src/site/config.js';
import type { SiteArticle } from '../src/site/read/model.js';
import { slugsFor } from '../src/site/index/facets.js';
import { paginate } from '../src/site/index/paginate.js';

const config: SiteConfig = {
  title: 'Test',
  description: 'A test archive.',
  url: 'https://example.org',
  pathPrefix: '/',
  language: 'en',
  pageSize: 2,
  indexPageSize: 2,
  latest: 10,
  related: 3,
  companions: 5,
  feedSize: 10,
  relatedMaxPostings: 100, pagesPerRun: 25000, pagesPerIndex: 4000, filterMinArticles: 1,
};

let n = 0;
function article(over: Partial<SiteArticle> & { title: string }): SiteArticle {
  n++;
  const slug = over.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    slug,
    url: `/articles/${slug}/`,
    inputPath: `./content/articles/${slug}.md`,
    topics: [],
    people: [],
    places: [],
    organizations: [],
    words: 100,
    removedByRule: {},
    source: { file: `${n}.txt`, sha256: 'a'.repeat(64), bytes: 10 },
    ...over,
  };
}

const day = (published: string) => ({ published, published_precision: 'day' as const, published_basis: 'stated' as const });

describe('buildArchive', () => {
  const a = article({ title: 'Alpha', ...day('2022-11-10'), people: ['Ann'], places: ['Kherson', 'Crimea'], topics: ['War'], site: 'Express', publisher: 'Reach' });
  const b = article({ title: 'Beta', ...day('2023-01-05'), people: ['Ann', 'Bob'], places: ['Kherson'], topics: ['War'], site: 'Express' });
  const c = article({ title: 'Gamma', places: ['Crimea'], topics: ['War'] });
  const d = article({ title: 'Delta', published: '2022-01-01', published_precision: 'year', published_basis: 'curator', places: ['Kherson'] });
  const archive = buildArchive([c, a, d, b], config);

  it('builds the same archive again from its derived data, through JSON, as a part of a build in parts does', () => {
    const input = [c, a, d, b];
    const derived = JSON.parse(JSON.stringify(derivedOf(archive, input)));
    const again = buildArchive(JSON.parse(JSON.stringify(input)), config, derived);
    const shape = (x: typeof archive) => ({
      related: x.articles.map((r) => [r.url, x.byUrl.get(r.url)!.related.map((o) => o.url)]),
      companions: Object.values(x.facets).flatMap((entries) => entries.map((e) => [e.url, e.companions])),
    });
    expect(shape(again)).toEqual(shape(archive));
    expect(shape(archive).related.some(([, r]) => r.length > 0)).toBe(true);
  });

  it('orders articles newest first, undated last', () => {
    expect(archive.articles.map((x) => x.title)).toEqual(['Beta', 'Alpha', 'Delta', 'Gamma']);
    expect(archive.undated).toEqual([c]);
  });

  it('lists each name with its articles newest first, the most used names first', () => {
    expect(archive.facets.places.map((e) => [e.name, e.articles.map((x) => x.title)])).toEqual([
      ['Kherson', ['Beta', 'Alpha', 'Delta']],
      ['Crimea', ['Alpha', 'Gamma']],
    ]);
    expect(archive.facets.places[0]!.url).toBe('/places/kherson/');
    expect(archive.facets.sources).toMatchObject([{ name: 'Express', publisher: 'Reach', url: '/sources/express/' }]);
  });

  it('counts the names that appear most often with a name', () => {
    const ann = archive.facets.people.find((e) => e.name === 'Ann')!;
    expect(ann.companions).toEqual([
      { kind: 'places', name: 'Kherson', url: '/places/kherson/', count: 2 },
      { kind: 'people', name: 'Bob', url: '/people/bob/', count: 1 },
      { kind: 'places', name: 'Crimea', url: '/places/crimea/', count: 1 },
    ]);
  });

  it('links dated articles to their neighbours in time and leaves the undated without', () => {
    expect(archive.byUrl.get(a.url)!.previous).toBe(d);
    expect(archive.byUrl.get(a.url)!.next).toBe(b);
    expect(archive.byUrl.get(b.url)!.next).toBeUndefined();
    expect(archive.byUrl.get(c.url)!.previous).toBeUndefined();
  });

  it('suggests related articles by shared names, the rarer names weighing more', () => {
    expect(archive.byUrl.get(a.url)!.related.map((x) => x.title)).toEqual(['Beta', 'Gamma', 'Delta']);
  });

  it('puts months and year-only dates on the timeline, and pages the long lists', () => {
    expect(archive.periods.map((p) => [p.key, p.url, p.articles.length])).toEqual([
      ['2022', '/timeline/2022/', 1],
      ['2022-11', '/timeline/2022/11/', 1],
      ['2023-01', '/timeline/2023/01/', 1],
    ]);
    const kherson = archive.entryPages.filter((p) => p.entry.name === 'Kherson');
    expect(kherson.map((p) => [p.url, p.items.length, p.previous, p.next])).toEqual([
      ['/places/kherson/', 2, undefined, '/places/kherson/page/2/'],
      ['/places/kherson/page/2/', 1, '/places/kherson/', undefined],
    ]);
    expect(archive.periodPages.at(-1)).toMatchObject({ url: '/timeline/undated/', items: [c] });
    expect(archive.indexPages.filter((p) => p.kind === 'people').map((p) => p.url)).toEqual(['/people/']);
  });

  it('gives the same archive whatever order the articles come in', () => {
    const again = buildArchive([b, d, a, c], config);
    expect(again.articles).toEqual(archive.articles);
    expect(again.facets).toEqual(archive.facets);
  });
});

describe('addresses', () => {
  it('never put a name and a page of a list at one address: a person named "2", one named "Page"', () => {
    const names = ['2', 'Page', 'page', 'Page 2', 'Ann', 'Bob', 'Cy'];
    const many = names.map((name, i) => article({ title: `Names ${i}`, people: [name], ...day(`2022-11-1${i}`) }));
    const built = buildArchive(many, { ...config, indexPageSize: 1, pageSize: 1 });
    const urls = [...built.indexPages, ...built.entryPages].map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain('/people/2/');
    expect(urls).toContain('/people/page/2/');
    expect(built.facets.people.find((e) => e.name === 'Page')!.url).toBe('/people/page-2/');
  });

  it('stops the build, naming both, should two articles come to one address', () => {
    const one = article({ title: 'Same' });
    const two = { ...article({ title: 'Same' }), inputPath: './content/articles/other.md' };
    expect(() => buildArchive([one, two], config)).toThrow(/two pages at \/articles\/same\/: the article .*same\.md and the article .*other\.md/);
  });
});

describe('slugsFor', () => {
  it('gives names that fold to the same slug a stable suffix, and other scripts a hash', () => {
    const slugs = slugsFor(['KYIV', 'Kyiv', 'Київ']);
    expect(slugs.get('KYIV')).toBe('kyiv');
    expect(slugs.get('Kyiv')).toBe('kyiv-2');
    expect(slugs.get('Київ')).toMatch(/^n-[0-9a-z]+$/);
  });
});

describe('paginate', () => {
  it('cuts a list into pages with links both ways, and gives an empty list one page', () => {
    expect(paginate([1, 2, 3], 2, '/x/').map((p) => [p.url, p.items, p.number, p.count])).toEqual([
      ['/x/', [1, 2], 1, 2],
      ['/x/page/2/', [3], 2, 2],
    ]);
    expect(paginate([], 2, '/x/')).toHaveLength(1);
  });
});
