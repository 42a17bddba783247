import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { readCaptures } from '../src/ingest/read/index.js';
import { givenFromMarkup } from '../src/ingest/read/meta.js';
import { authorNames } from '../src/ingest/read/stated.js';
import { heldBytes } from '../src/ingest/run/tasks.js';
import { decodeWithout, inertRanges } from '../src/ingest/read/inert.js';
import { ingestCapture, type Article } from '../src/ingest/pipeline.js';
import { fixtures, project } from './helpers.js';
import { compressedWarc, cyrillicWarc, page, warc } from './archives.js';

const temp = () => mkdtempSync(join(tmpdir(), 'clippings-readers-'));

/** Reads a file of the collection and makes its articles, as a run does (without a collection). */
async function ingestPath(path: string, file: string) {
  const read = await readCaptures(path, file, project().read);
  return { articles: read.captures.map((c) => ({ id: c.id, article: ingestCapture(c, project()) })), skipped: read.skipped };
}

interface Expected {
  title: string;
  title_from?: string;
  published?: string;
  published_basis?: string;
  published_from?: string;
  modified?: string;
  authors?: string[];
  site?: string;
  publisher?: string;
  url?: string;
  in_body?: string[];
  not_in_body?: string[];
  /** Lines the body's Markdown gives as subheadings (`## …`). */
  subheadings?: string[];
  /** Captions taken out of the text as figures. */
  captions?: string[];
  /** How many times the body holds a piece of text. */
  times?: Record<string, number>;
}

function check(article: Article, expected: Expected): void {
  const f = article.frontmatter;
  expect(f.title).toBe(expected.title);
  if (expected.title_from) expect(article.ledger.read?.title?.where).toBe(expected.title_from);
  expect(f.published).toBe(expected.published);
  if (expected.published_basis) expect(f.published_basis).toBe(expected.published_basis);
  if (expected.published_from) expect(article.ledger.read?.published?.where).toBe(expected.published_from);
  if (expected.modified) expect(f.modified).toBe(expected.modified);
  if (expected.authors) expect(f.authors).toEqual(expected.authors);
  if (expected.site) expect(f.site).toBe(expected.site);
  if (expected.publisher) expect(f.publisher).toBe(expected.publisher);
  if (expected.url) expect(f.source.url).toBe(expected.url);
  for (const s of expected.in_body ?? []) expect(article.text).toContain(s);
  for (const s of expected.not_in_body ?? []) expect(article.text).not.toContain(s);
  for (const s of expected.subheadings ?? []) expect(article.body.split('\n')).toContain(`## ${s}`);
  for (const s of expected.captions ?? []) expect(f.figures?.map((x) => x.caption)).toContain(s);
  for (const [s, n] of Object.entries(expected.times ?? {})) expect(article.text.split(s).length - 1, s).toBe(n);
}

describe('saved pages', () => {
  const root = join(fixtures, 'readers', 'html');
  it.each(readdirSync(root).sort())('%s', async (name) => {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
    const { articles } = await ingestPath(join(root, name, 'input.html'), 'input.html');
    expect(articles).toHaveLength(1);
    check(articles[0]!.article, expected);
  });

  it('reads a gzipped page as the page', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'page.html.gz'), gzipSync(readFileSync(join(root, 'json-ld-article', 'input.html'))));
    const { articles } = await ingestPath(join(dir, 'page.html.gz'), 'page.html.gz');
    expect(articles[0]!.article.frontmatter.title).toBe('Harbour authority approves the new ferry terminal after a three-year inquiry');
  });

  it('takes a stated date written as a byline writes it, and no stated date from digits that read two ways', async () => {
    const dir = temp();
    const cases: [string, string | undefined][] = [
      ['Tue, 05 Mar 2024 18:30:00 GMT', '2024-03-05'],
      ['March 5, 2024', '2024-03-05'],
      ['2024-03-05T23:30:00-05:00', '2024-03-05'],
      ['03/04/2024', undefined],
    ];
    for (const [i, [stated, day]] of cases.entries()) {
      writeFileSync(join(dir, `page-${i}.html`), page('Harbour authority approves the new ferry terminal', stated));
      const { articles } = await ingestPath(join(dir, `page-${i}.html`), `page-${i}.html`);
      const read = articles[0]!.article;
      if (day) expect([read.frontmatter.published, read.ledger.read?.published?.where]).toEqual([day, 'meta article:published_time']);
      else expect(read.frontmatter.published_basis).not.toBe('stated');
    }
  });

  it('takes an article the page lists as its own only when it names the page\'s address', () => {
    const listing = (url: string) => JSON.stringify({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { '@type': 'NewsArticle', headline: 'Harbour terminal approved', datePublished: '2024-03-05', url } }] });
    const markup = (url: string) => ({ meta: new Map<string, string>(), jsonLd: [listing(url)], h1s: [], canonical: 'https://chronicle.example/harbour/' });
    expect(givenFromMarkup(markup('https://chronicle.example/harbour?ref=list')).title).toEqual({ value: 'Harbour terminal approved', from: 'JSON-LD headline' });
    expect(givenFromMarkup(markup('https://chronicle.example/parking')).title).toBeUndefined();
  });

  it('records each removed line with its raw line number and its element', async () => {
    const { articles } = await ingestPath(join(root, 'json-ld-article', 'input.html'), 'input.html');
    const removed = articles[0]!.article.ledger.removed.find((r) => r.text === 'Most read')!;
    expect(removed.rule).toBe('page-chrome');
    expect(removed.where).toMatch(/h2$/);
    const lines = readFileSync(join(root, 'json-ld-article', 'input.html'), 'utf8').split('\n');
    expect(lines[removed.line - 1]).toContain('Most read');
  });

  it('keeps the raw line numbers of a page whose scripts, styles and SVG are left out before decoding', async () => {
    const path = join(root, 'scripts-styles-and-svg', 'input.html');
    const read = await readCaptures(path, 'input.html', project().read);
    const lines = readFileSync(path, 'utf8').split('\n');
    const blocks = read.captures[0]!.blocks;
    expect(blocks.length).toBeGreaterThan(3);
    for (const b of blocks) expect(lines[b.first - 1]).toContain(b.text.slice(0, 20));
  });

  it('reads a page longer than one decoding piece as one page: characters, its JSON-LD and line numbers whole across the cuts', async () => {
    const dir = temp();
    const description = 'Ωmega — “déjà vu” ünïcode '.repeat(2000); // about 60 kB: the JSON-LD crosses a piece's end
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i}: Ωmega — “déjà vu” ünïcode — ${'€'.repeat(i % 7)}.</p>`);
    const html = `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Ünïcode headline — “whole”', description })}</script></head>\n<body><article>\n${paragraphs.join('\n')}\n</article></body></html>`;
    const bytes = Buffer.from(html);
    // The precondition: some piece's end (every 32 kB) falls inside a character of several bytes.
    expect([1, 2, 3, 4, 5, 6].some((k) => (bytes[k * 32768]! & 0xc0) === 0x80)).toBe(true);
    writeFileSync(join(dir, 'long.html'), bytes);
    const read = await readCaptures(join(dir, 'long.html'), 'long.html', project().read);
    const capture = read.captures[0]!;
    expect(capture.given.title?.value).toBe('Ünïcode headline — “whole”');
    expect(capture.blocks.map((b) => b.text)).toEqual(paragraphs.map((p) => p.slice(3, -4)));
    const lines = html.split('\n');
    for (const b of capture.blocks) expect(lines[b.first - 1]).toContain(b.text);
  });

  it('leaves out only the bodies a browser never renders: not JSON-LD, not a comment, not an SVG that holds another', () => {
    const page = Buffer.from('<script>a()</script><!-- <script> --><p>kept</p><script type="application/ld+json">{"x":1}</script><svg><svg><text>in</text></svg></svg><style>\np{}\n</style><scripts>custom</scripts><svg/><p>end</p>');
    const ranges = inertRanges(page);
    expect(ranges.map((r) => page.toString('utf8', r.start, r.end))).toEqual(['a()', '\np{}\n']);
    expect(ranges[1]!.lines).toBe(2);
    expect(decodeWithout(page, ranges).join('')).toBe('<script></script><!-- <script> --><p>kept</p><script type="application/ld+json">{"x":1}</script><svg><svg><text>in</text></svg></svg><style>\n\n</style><scripts>custom</scripts><svg/><p>end</p>');
  });

  it('marks text set apart by a quotation element or a pull-quote class word, not by a float class', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'page.html'), '<html><body><article><p>Running text.</p><blockquote><p>Quoted.</p></blockquote><div class="story-pull-quote"><p>Pulled.</p></div><figure><figcaption>Shown.</figcaption></figure><div class="pull-right"><p>Floated.</p></div></article></body></html>');
    const read = await readCaptures(join(dir, 'page.html'), 'page.html', project().read);
    expect(read.captures[0]!.blocks.map((b) => [b.text, b.setApart ?? false])).toEqual([
      ['Running text.', false],
      ['Quoted.', true],
      ['Pulled.', true],
      ['Shown.', true],
      ['Floated.', false],
    ]);
  });

  it('names each block by its element and the three block elements above it', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'page.html'), '<html><body><div id="page"><article><section class=" body text"><p>First <b>words</b> of the story.</p><figure><figcaption class="cap">A caption</figcaption></figure></section></article></div></body></html>');
    const read = await readCaptures(join(dir, 'page.html'), 'page.html', project().read);
    expect(read.captures[0]!.blocks.map((b) => [b.text, b.where])).toEqual([
      ['First words of the story.', 'div>article>section>p'],
      ['A caption', 'article>section>figure>figcaption.cap'],
    ]);
  });

  it('keeps the hash and size of what it read, not the bytes (a page is read once a run, and held)', async () => {
    const path = join(root, 'json-ld-article', 'input.html');
    const capture = (await readCaptures(path, 'input.html', project().read)).captures[0]!;
    const bytes = readFileSync(path);
    expect(capture.fixity).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength });
    expect(Object.values(capture).some((v) => v instanceof Uint8Array)).toBe(false);
  });

  it('says a page without visible text is no article', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'empty.html'), '<html><head><title>x</title><script>var a = 1;</script></head><body><div hidden>Secret</div></body></html>');
    expect((await ingestPath(join(dir, 'empty.html'), 'empty.html')).skipped).toEqual([{ id: 'empty.html', reason: 'a page with no visible text' }]);
  });
});

describe('JSON lines', () => {
  it('makes each line a capture named by its line number, and each bad line a reasoned skip', async () => {
    const dir = temp();
    const lines = [
      JSON.stringify({ url: 'https://chronicle.example/a', title: 'Harbour terminal approved after a long inquiry', date: '2024-03-05', site: 'The Example Chronicle', author: 'Jane Doe', html: page('A different page title', '2024-01-01') }),
      JSON.stringify({ url: 'https://chronicle.example/b', title: 'Ferry crossings return after the winter', text: 'Ferry crossings return after the winter\n\nThe ferry company said crossings would resume on Monday after a winter in which the service was cut to two sailings a week.\n\nPassengers welcomed the news, and the company said bookings for the summer were already higher than last year.' }),
      '{"title": "cut short',
      '',
      '[1, 2, 3]',
      JSON.stringify({ title: 'No body at all' }),
    ];
    writeFileSync(join(dir, 'export.jsonl'), `${lines.join('\n')}\n`);
    const { articles, skipped } = await ingestPath(join(dir, 'export.jsonl'), 'export.jsonl');
    expect(articles.map((a) => a.id)).toEqual(['export.jsonl#line 1', 'export.jsonl#line 2']);
    const [a, b] = articles.map((x) => x.article.frontmatter);
    // What the line states wins over what its page says.
    expect(a).toMatchObject({ title: 'Harbour terminal approved after a long inquiry', published: '2024-03-05', published_basis: 'stated', site: 'The Example Chronicle', authors: ['Jane Doe'] });
    expect(a!.source).toMatchObject({ file: 'export.jsonl', record: 'line 1', url: 'https://chronicle.example/a' });
    expect(b).toMatchObject({ title: 'Ferry crossings return after the winter' });
    expect(b!.source.sha256).not.toBe(a!.source.sha256);
    expect(skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/^line 3: not JSON/), 'line 5: not a JSON object', 'line 6: neither "text" nor "html" to read']);
  });
  it('reads a date field as ISO, as a byline writes it or as seconds since 1970, names the field it read, and warns of one it cannot read', async () => {
    const dir = temp();
    const text = 'Ferry crossings return after the winter\n\nThe ferry company said crossings would resume on Monday after a winter in which the service was cut to two sailings a week.';
    const lines = [
      { published_at: '2024-03-05T23:30:00-05:00' },
      { date: 'Tue, 05 Mar 2024 18:30:00 GMT' },
      { publish_date: 'March 5, 2024 at 6:30 p.m. EST' },
      { pubDate: 1709663400 },
      { date: '03/04/2024' },
      { date: 'yesterday', crawl_date: '2024-03-06' },
      { date: 2024 },
    ];
    writeFileSync(join(dir, 'export.jsonl'), `${lines.map((l) => JSON.stringify({ ...l, title: 'Ferry crossings return after the winter', text })).join('\n')}\n`);
    const { articles } = await ingestPath(join(dir, 'export.jsonl'), 'export.jsonl');
    const got = articles.map((a) => [a.article.frontmatter.published ?? null, a.article.ledger.read?.published?.where ?? null]);
    expect(got.slice(0, 4)).toEqual([
      ['2024-03-05', 'JSON "published_at"'],
      ['2024-03-05', 'JSON "date"'],
      ['2024-03-05', 'JSON "publish_date"'],
      ['2024-03-05', 'JSON "pubDate"'],
    ]);
    // A field that states no day the reader can settle gives no stated date, and says so.
    // A year given as a number is no time stamp: not 1 January 1970.
    for (const [i, value] of [[4, '"03/04/2024"'], [5, '"yesterday"'], [6, '2024']] as const) {
      expect(articles[i]!.article.frontmatter.published_basis).not.toBe('stated');
      expect(articles[i]!.article.warnings).toContain(`JSON "date" (${value}) states no day this reader can read: it is left out`);
    }
    expect(articles[5]!.article.frontmatter.captured).toBe('2024-03-06');
    expect(articles[5]!.article.ledger.read?.captured).toEqual({ where: 'JSON "crawl_date"', text: '2024-03-06' });
  });

  it('reads gzipped JSON lines as the lines, and a damaged one as a reasoned skip', async () => {
    const dir = temp();
    const line = JSON.stringify({ title: 'Ferry crossings return after the winter', text: 'The ferry company said crossings would resume on Monday after a winter in which the service was cut to two sailings a week.' });
    writeFileSync(join(dir, 'export.jsonl.gz'), gzipSync(`${line}\n${line}\n`));
    writeFileSync(join(dir, 'broken.ndjson.gz'), gzipSync(`${line}\n`).subarray(0, 30));
    expect((await ingestPath(join(dir, 'export.jsonl.gz'), 'export.jsonl.gz')).articles.map((a) => a.id)).toEqual(['export.jsonl.gz#line 1', 'export.jsonl.gz#line 2']);
    expect((await ingestPath(join(dir, 'broken.ndjson.gz'), 'broken.ndjson.gz')).skipped).toEqual([{ id: 'broken.ndjson.gz', reason: expect.stringMatching(/^cannot read the gzipped JSON lines: /) }]);
  });

  it('reads lines longer than the pieces a file is read in, gzipped or not, and skips one too long for an article without holding it', async () => {
    const dir = temp();
    // 150 kB lines cross the 64 kB pieces a file stream gives.
    const long = (title: string) => JSON.stringify({ title, text: `${title}. ${'The ferry company said crossings would resume on Monday after a winter in which the service was cut. '.repeat(1500)}` });
    const lines = `${long('First')}\n${long('Second')}\n${long('Third')}`;
    writeFileSync(join(dir, 'big.jsonl'), lines);
    writeFileSync(join(dir, 'big.jsonl.gz'), gzipSync(lines));
    for (const name of ['big.jsonl', 'big.jsonl.gz']) {
      const { articles, skipped } = await ingestPath(join(dir, name), name);
      expect(articles.map((a) => a.article.frontmatter.title)).toEqual(['First', 'Second', 'Third']);
      expect(skipped).toEqual([]);
    }
    const small = { ...project().read, maxBytes: 200_000 };
    writeFileSync(join(dir, 'mixed.jsonl'), `${long('First')}\n${JSON.stringify({ title: 'Huge', text: 'x'.repeat(300_000) })}\n${long('Third')}\n`);
    const read = await readCaptures(join(dir, 'mixed.jsonl'), 'mixed.jsonl', small);
    expect(read.captures.map((c) => c.given.title?.value)).toEqual(['First', 'Third']);
    expect(read.skipped).toEqual([{ id: 'mixed.jsonl#line 2', reason: 'line 2: too large for an article (0.3 MB)' }]);
  });

  it('reads a line\'s HTML as the text it is, whatever charset its markup declares', async () => {
    const dir = temp();
    const html = '<html><head><meta charset="windows-1252"><title>Café owners welcome the naïve plan</title></head><body><article><h1>Café owners welcome the naïve plan</h1><p>The owners of the café on the quay said the plan was naïve but welcome, and that the new terminal would bring more visitors.</p></article></body></html>';
    writeFileSync(join(dir, 'export.jsonl'), `${JSON.stringify({ url: 'https://chronicle.example/cafe', html })}\n`);
    const { articles } = await ingestPath(join(dir, 'export.jsonl'), 'export.jsonl');
    expect(articles[0]!.article.frontmatter.title).toBe('Café owners welcome the naïve plan');
  });
});

describe('stated authors', () => {
  const roles = new Set(['writer', 'reporter', 'correspondent', 'editor', 'staff']);
  it.each([
    [['By Jane Doe'], ['Jane Doe']],
    [['Jane Doe, John Roe'], ['Jane Doe', 'John Roe']],
    [['Jane Doe and John Roe'], ['Jane Doe', 'John Roe']],
    [['By Jane Doe & John Roe; Sam Poe'], ['Jane Doe', 'John Roe', 'Sam Poe']],
    [['Jane Doe, Staff Writer'], ['Jane Doe']],
    [['CNBC.com staff'], ['CNBC.com staff']],
    [['Doe, Jane'], ['Doe, Jane']],
    [['Jane Doe', 'Jane Doe'], ['Jane Doe']],
    [['https://chronicle.example/authors/jane'], []],
  ])('reads %j as %j', (values, names) => {
    expect(authorNames(values, roles)).toEqual(names);
  });

  it('reads a saved page\'s author meta and a JSON line\'s author list as names', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'page.html'), page('Harbour authority approves the new ferry terminal', '2024-03-05').replace('<title>', '<meta name="author" content="By Jane Doe and John Roe, Staff Writers"><title>'));
    writeFileSync(join(dir, 'export.jsonl'), `${JSON.stringify({ title: 'Harbour terminal approved', text: 'The harbour authority approved the plans for a new ferry terminal on Tuesday, ending an inquiry that had run for more than three years.', author: [{ name: 'By Jane Doe' }, 'John Roe'] })}\n`);
    for (const name of ['page.html', 'export.jsonl']) {
      const { articles } = await ingestPath(join(dir, name), name);
      expect(articles[0]!.article.frontmatter.authors).toEqual(['Jane Doe', 'John Roe']);
    }
  });
});

describe('web archives', () => {
  it.each([
    ['crawl.warc', false],
    ['crawl.warc.gz', true],
  ])('makes each HTML page of %s a capture, with its address and capture date, and counts the other records', async (name, gzip) => {
    const dir = temp();
    writeFileSync(join(dir, name), await warc(gzip));
    const { articles, skipped } = await ingestPath(join(dir, name), name);
    expect(articles.map((a) => a.article.frontmatter.title)).toEqual(['Harbour authority approves the new ferry terminal', 'Ferry crossings return after the winter']);
    const first = articles[0]!.article.frontmatter;
    expect(first).toMatchObject({ published: '2024-03-05', captured: '2024-03-06' });
    expect(first.source).toMatchObject({ file: name, url: 'https://chronicle.example/harbour' });
    expect(first.source.record).toMatch(/^[0-9a-f-]{36}$/);
    expect(articles[0]!.article.ledger.read?.captured).toEqual({ where: 'WARC-Date', text: '2024-03-06' });
    expect(skipped).toEqual([{ id: `${name}#skipped-records`, reason: '6 record(s) of the archive are no article: 2 not HTML (images, scripts, styles, data), 1 request, 1 redirect, 1 error page, 1 revisit' }]);
  });

  it('makes the pages of a gzipped web archive cut off part-way into articles up to the cut, and says where it broke', async () => {
    const dir = temp();
    const whole = Buffer.from(await warc(true));
    // Cut inside the last record's gzip member (the second page): the page before it is whole.
    writeFileSync(join(dir, 'cut.warc.gz'), whole.subarray(0, whole.length - 40));
    const { articles, skipped } = await ingestPath(join(dir, 'cut.warc.gz'), 'cut.warc.gz');
    expect(articles.map((a) => a.article.frontmatter.title)).toEqual(['Harbour authority approves the new ferry terminal']);
    expect(skipped[0]).toEqual({ id: 'cut.warc.gz', reason: expect.stringMatching(/^not a readable web archive after 1 page\(s\): unexpected end of file/) });
  });

  it('reads pages that came compressed (gzip, Brotli, deflate) or chunked, warns of one the crawler cut short, names an encoding it cannot undo, and reads an untyped body that is HTML', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'wire.warc'), await compressedWarc());
    const { articles, skipped } = await ingestPath(join(dir, 'wire.warc'), 'wire.warc');
    expect(articles.map((a) => a.article.frontmatter.source.url)).toEqual(['gzip', 'br', 'deflate', 'chunked', 'untyped'].map((n) => `https://chronicle.example/${n}`));
    for (const a of articles) expect(a.article.frontmatter.title).toBe('Harbour authority approves the new ferry terminal');
    // The crawler marked one record as cut short: its article says so.
    expect(articles.map((a) => a.article.warnings.some((w) => w.startsWith('the web archive holds only part of this page')))).toEqual([false, false, false, true, false]);
    expect(skipped).toEqual([
      { id: expect.stringMatching(/^wire\.warc#/), reason: 'https://chronicle.example/zstd: compressed as "zstd", which this reader cannot undo' },
      { id: 'wire.warc#skipped-records', reason: '1 record(s) of the archive are no article: 1 not HTML (images, scripts, styles, data)' },
    ]);
  });

  it('reads a page in the charset its HTTP header names, over the one the page names, as a browser does', async () => {
    const dir = temp();
    const headline = 'Порт одобрил новый паромный терминал';
    const body = `<html><head><meta charset="iso-8859-1"><title>${headline}</title></head><body><article><h1>${headline}</h1><p>Управление порта одобрило планы нового паромного терминала во вторник, завершив расследование, которое длилось более трёх лет.</p></article></body></html>`;
    writeFileSync(join(dir, 'ru.warc'), await cyrillicWarc(body));
    const { articles } = await ingestPath(join(dir, 'ru.warc'), 'ru.warc');
    expect(articles[0]!.article.frontmatter.title).toBe(headline);
    expect(articles[0]!.article.text).toContain('Управление порта одобрило');
  });

  it('hands each page of a web archive or JSON line on as it is read, collecting none, in the archive\'s order', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'crawl.warc.gz'), await warc(true));
    const line = (title: string) => JSON.stringify({ title, text: `${title}. The ferry company said crossings would resume on Monday after a winter in which the service was cut.` });
    writeFileSync(join(dir, 'export.jsonl'), `${line('First')}\n${line('Second')}\n`);
    for (const [name, titles] of [['crawl.warc.gz', ['Harbour authority approves the new ferry terminal', 'Ferry crossings return after the winter']], ['export.jsonl', ['First', 'Second']]] as const) {
      const handed: string[] = [];
      const result = await readCaptures(join(dir, name), name, project().read, (c) => handed.push(c.given.title?.value ?? ''));
      expect(result.captures).toEqual([]);
      expect(handed).toEqual(titles);
    }
  });

  it('passes over the pages and lines not wanted without parsing them', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'crawl.warc.gz'), await warc(true));
    const line = (title: string) => JSON.stringify({ title, text: `${title}. The ferry company said crossings would resume on Monday after a winter in which the service was cut.` });
    // Line 2 is no JSON: were it parsed, it would be a skip.
    writeFileSync(join(dir, 'export.jsonl'), `${line('First')}\n{"cut short\n${line('Third')}\n`);
    const all = await readCaptures(join(dir, 'crawl.warc.gz'), 'crawl.warc.gz', project().read);
    const second = all.captures[1]!.id;
    const handed: string[] = [];
    await readCaptures(join(dir, 'crawl.warc.gz'), 'crawl.warc.gz', project().read, (c) => handed.push(c.id), new Set([second]));
    expect(handed).toEqual([second]);
    const lines: string[] = [];
    const read = await readCaptures(join(dir, 'export.jsonl'), 'export.jsonl', project().read, (c) => lines.push(c.given.title?.value ?? ''), new Set(['export.jsonl#line 3']));
    expect(lines).toEqual(['Third']);
    expect(read.skipped).toEqual([]);
  });

  it('stops reading a web archive or JSON lines once every capture wanted is read: what follows is never read', async () => {
    const dir = temp();
    // Each file breaks after its captures: read to its end, it would end in a skip.
    writeFileSync(join(dir, 'crawl.warc.gz'), Buffer.concat([Buffer.from(await warc(true)), gzipSync(`WARC/1.0\r\nWARC-Type: resource\r\n${'X-Padding: x\r\n'.repeat(500)}`).subarray(0, -30)]));
    // Lines that do not compress (longer than a piece the file is read in), so the cut falls in the third.
    const long = (title: string) => JSON.stringify({ title, text: `${title}. The ferry company said crossings would resume on Monday. ${Array.from({ length: 2400 }, (_, i) => createHash('sha256').update(`${title} ${i}`).digest('hex')).join('')}` });
    writeFileSync(join(dir, 'export.jsonl.gz'), gzipSync(`${long('First')}\n${long('Second')}\n${long('Third')}\n`).subarray(0, -30));
    const all = await readCaptures(join(dir, 'crawl.warc.gz'), 'crawl.warc.gz', project().read);
    expect(all.skipped.map((s) => s.reason)).toContainEqual(expect.stringMatching(/^not a readable web archive after 2 page/));
    const pages: string[] = [];
    const wantedPages = await readCaptures(join(dir, 'crawl.warc.gz'), 'crawl.warc.gz', project().read, (c) => pages.push(c.given.title?.value ?? ''), new Set(all.captures.map((c) => c.id)));
    expect(pages).toEqual(['Harbour authority approves the new ferry terminal', 'Ferry crossings return after the winter']);
    expect(wantedPages.skipped.filter((s) => s.id === 'crawl.warc.gz')).toEqual([]);
    expect((await readCaptures(join(dir, 'export.jsonl.gz'), 'export.jsonl.gz', project().read)).skipped).toEqual([{ id: 'export.jsonl.gz', reason: expect.stringMatching(/^cannot read the gzipped JSON lines after line 2/) }]);
    const lines: string[] = [];
    const wantedLines = await readCaptures(join(dir, 'export.jsonl.gz'), 'export.jsonl.gz', project().read, (c) => lines.push(c.given.title?.value ?? ''), new Set(['export.jsonl.gz#line 2']));
    expect(lines).toEqual(['Second']);
    expect(wantedLines.skipped).toEqual([]);
  });

  it('counts the memory a page from a web archive or a JSON line holds as a saved page\'s: its decoded page stays alive with its blocks', async () => {
    const dir = temp();
    const html = page('Harbour authority approves the new ferry terminal', '2024-03-05T18:30:00Z');
    writeFileSync(join(dir, 'page.html'), html);
    writeFileSync(join(dir, 'crawl.warc'), await warc(false));
    writeFileSync(join(dir, 'export.jsonl'), `${JSON.stringify({ url: 'https://chronicle.example/harbour', html })}\n`);
    const held = async (name: string) => heldBytes((await readCaptures(join(dir, name), name, project().read)).captures[0]!);
    const saved = await held('page.html');
    expect(saved).toBeGreaterThan(Buffer.byteLength(html));
    for (const name of ['crawl.warc', 'export.jsonl']) {
      const other = await held(name);
      expect(other / saved).toBeGreaterThan(0.9);
      expect(other / saved).toBeLessThan(1.3);
    }
  });

  it('reads the web archives inside a WACZ package', async () => {
    const dir = temp();
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(await warc(true)), 'archive/data.warc.gz');
    zip.addBuffer(Buffer.from('{"profile": "data-package"}'), 'datapackage.json');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    writeFileSync(join(dir, 'crawl.wacz'), Buffer.concat(chunks));
    const { articles } = await ingestPath(join(dir, 'crawl.wacz'), 'crawl.wacz');
    expect(articles).toHaveLength(2);
    expect(articles[0]!.article.frontmatter.source.record).toMatch(/^archive\/data\.warc\.gz#[0-9a-f-]{36}$/);
  });

  it.each([
    ['broken.warc', 'WARC/1.0\r\nthis is not a record'],
    ['broken.wacz', 'not a zip file'],
  ])('says why %s is no archive, and the run goes on', async (name, content) => {
    const dir = temp();
    writeFileSync(join(dir, name), content);
    const { articles, skipped } = await ingestPath(join(dir, name), name);
    expect(articles).toEqual([]);
    expect(skipped[0]!.reason).toMatch(/not a readable|no record/);
  });
});
