import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { escape } from '../src/site/render/html.js';
import { seedGold } from './helpers.js';
import { articleOf, buildSite, eleventy, internalLinks, TEST_SITE_URL, type BuiltSite } from './site-helpers.js';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite();
}, 120_000);

const seedUrl = (id: string) => articleOf(site, `${id}_`);

/** The link of the entry named `name` on an index page. */
function entryUrl(index: string, name: string): string | undefined {
  const link = [...site.page(index).matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].find((m) => m[2] === escape(name));
  return link?.[1];
}

describe('the built archive', () => {
  it('has every page the archive names', () => {
    const files = site.files();
    for (const page of ['/index.html', '/about/index.html', '/404.html', '/timeline/index.html', '/timeline/undated/index.html', '/topics/index.html', '/people/index.html', '/places/index.html', '/organizations/index.html', '/sources/index.html', '/search/index.html', '/data/index.html', '/feed.xml', '/feed.json', '/data/articles.csv', '/data/articles.json', '/data/datapackage.json', '/manifest-sha256.txt', '/sitemap.xml', '/robots.txt', '/assets/style.css']) {
      expect(files, page).toContain(page);
    }
    expect(files.filter((f) => f.startsWith('/articles/'))).toHaveLength(8);
    expect(files.filter((f) => f.startsWith('/raw/'))).toHaveLength(8);
  });

  it("keeps every cross-link of the seeds' gold: an entity's page links each article that names it", () => {
    for (const link of seedGold.cross_links) {
      const url = ['/people/', '/places/', '/organizations/'].map((index) => entryUrl(index, link.entity)).find(Boolean);
      expect(url, link.entity).toBeDefined();
      const page = site.page(url!);
      for (const id of link.articles) expect(page, `${link.entity} → ${id}`).toContain(`href="${seedUrl(id)}"`);
    }
  });

  it('links only to pages and files that exist', () => {
    const files = new Set(site.files());
    for (const file of files) {
      if (!file.endsWith('.html')) continue;
      for (const url of internalLinks(readFileSync(join(site.site, file), 'utf8'))) {
        const target = decodeURIComponent(url.endsWith('/') ? `${url}index.html` : url);
        expect(files.has(target), `${file} → ${url}`).toBe(true);
      }
    }
  });

  it('renders markup and quotes from the data as text, in every page that shows them', () => {
    const article = site.page('/articles/hostile-names/');
    expect(article).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;names&#39;');
    expect(article).not.toContain('<script>alert');
    expect(article).not.toContain('<img src=x');
    expect(article).not.toMatch(/<script>window/);
    // Only the JSON-LD script, and nothing in it can close the element early.
    expect(article.match(/<script(?! type="module" src="\/assets\/highlight.js")/g)).toHaveLength(1);
    const ld = article.match(/<script type="application\/ld\+json">([^]*?)<\/script>/)![1]!;
    expect(ld).not.toContain('<');
    expect(JSON.parse(ld).headline).toBe(`<script>alert("title")</script> & "quoted" 'names' in a headline`);
    for (const page of ['/people/', '/organizations/', '/sources/', '/', '/timeline/2023/03/']) {
      const html = site.page(page);
      expect(html, page).not.toContain('<img src=x');
      expect(html, page).not.toContain('<script>');
    }
    expect(site.page('/people/')).toContain('O&#39;Brien &quot;Bob&quot; Smith');
    expect(readFileSync(join(site.site, 'feed.xml'), 'utf8')).toContain('&lt;script&gt;alert(&quot;title&quot;)');
  });

  it('shows template syntax and HTML tags in an article body as written', () => {
    const article = site.page('/articles/hostile-names/');
    expect(article).toContain('{{ collections.all }} and {% raw %} must show as written');
    expect(article).toContain('&lt;b&gt;raw markup&lt;/b&gt;');
  });

  it('says an inferred date is inferred, and an undated article is undated, with no date made up', () => {
    expect(site.page(seedUrl('003'))).toContain('<time datetime="2022-11-10" data-pagefind-meta="date">10 November 2022</time> <span class="basis">(inferred from the text)</span>');
    const undated = site.page('/articles/undated-note/');
    expect(undated).toContain('<span data-pagefind-meta="date">Undated</span> <span class="basis">(the capture gives no publication date)</span>');
    expect(undated.match(/<dl class="facts">[^]*?<\/dl>/)![0]).not.toContain('<time');
    expect(undated).not.toContain('datePublished');
    expect(undated).not.toContain('article:published_time');
    expect(site.page('/timeline/undated/')).toContain('href="/articles/undated-note/"');
    expect(readFileSync(join(site.site, 'feed.xml'), 'utf8')).not.toContain('undated-note');
  });

  it('reads a date a curator wrote unquoted, known only to the year, and files it under its year', () => {
    const page = site.page('/articles/year-only/');
    expect(page).toContain('<time datetime="2021-01-01" data-pagefind-meta="date">2021</time> <span class="basis">(stated in the text; known to the year)</span>');
    expect(page).toContain('"datePublished":"2021"');
    expect(site.page('/timeline/2021/')).toContain('href="/articles/year-only/"');
    expect(site.page('/timeline/')).toContain('2021 (month not known)');
  });

  it('links an article to its older and newer neighbours by publication date', () => {
    const page = site.page(seedUrl('003'));
    expect(page).toMatch(/<a href="\/articles\/year-only\/" rel="prev"><span>Older<\/span>/);
    expect(page).toMatch(/<a href="\/articles\/hostile-names\/" rel="next"><span>Newer<\/span>/);
  });

  it('lists related articles that share names, best first', () => {
    const page = site.page(seedUrl('002'));
    const related = page.match(/<h2 id="related">Related articles<\/h2>([^]*?)<\/section>/)![1]!;
    const links = [...related.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links).not.toContain(seedUrl('002'));
    expect(links).not.toContain('/articles/undated-note/');
  });

  it('gives provenance: the raw file copied into the site, its checksum, and every removed line with its rule', () => {
    const page = site.page(seedUrl('000'));
    const file = seedGold.articles[0]!.file;
    expect(page).toContain(`<a href="/raw/${file}" type="text/plain">${file}</a>`);
    expect(page).toContain('unchanged since the article was made from it');
    expect(readFileSync(join(site.site, 'raw', file))).toEqual(readFileSync(join(site.content, 'raw', file)));
    expect(page).toMatch(/<summary>Lines removed in cleaning \(\d+\)<\/summary>/);
    expect(page).toMatch(/<tr><td>\d+<\/td><td><abbr title="[^"]{20,}">consent<\/abbr><\/td><td>/);
    expect(page).not.toContain('No description for this rule.');
  });

  it('says where the title and the dates were read, line by line, and why the header lines went', () => {
    const page = site.page(seedUrl('003'));
    expect(page).toContain('<h3>Where the values were read</h3>');
    expect(page).toMatch(/<tr><td>Title<\/td><td>line \d+<\/td><td>Russian soldiers flee for their lives from Kherson – Ukraine inteligence<\/td><\/tr>/);
    expect(page).toMatch(/<tr><td>Captured<\/td><td>line 1<\/td><td>Tuesday, July 23, 2024<\/td><\/tr>/);
    expect(page).toMatch(/<abbr title="Above the headline[^"]*">header<\/abbr>/);
    for (const file of site.files().filter((f) => f.endsWith('.html'))) expect(site.page(file), file).not.toContain('No description for this rule.');
    expect(site.page('/about/')).toMatch(/<code>header<\/code><\/td><td>Above the headline/);
  });

  it('offers a plain citation and a BibTeX entry with special characters escaped', () => {
    const page = site.page('/articles/hostile-names/');
    expect(page).toContain('@misc{hostile-names,');
    expect(page).toContain('title = {&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; \\&amp; &quot;quoted&quot;');
    expect(page).toMatch(/<p class="citation">“&lt;script&gt;.*March 2023\. Archived copy in clippings: https:\/\/archive\.example\.org\/articles\/hostile-names\//);
  });

  it('publishes an Atom feed of dated articles, a sitemap (an index of pages) without the 404 page, and robots.txt', () => {
    const feed = readFileSync(join(site.site, 'feed.xml'), 'utf8');
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(feed.match(/<entry>/g)).toHaveLength(3);
    expect(feed).toContain('<updated>2023-03-01T00:00:00Z</updated>');
    expect(readFileSync(join(site.site, 'sitemap.xml'), 'utf8')).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<sitemap><loc>https://archive.example.org/sitemaps/1.xml</loc></sitemap>');
    const sitemap = readFileSync(join(site.site, 'sitemaps', '1.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://archive.example.org/articles/year-only/</loc>');
    expect(sitemap).toContain('<loc>https://archive.example.org/people/</loc>');
    expect(sitemap).not.toContain('404');
    expect(readFileSync(join(site.site, 'robots.txt'), 'utf8')).toContain('Sitemap: https://archive.example.org/sitemap.xml');
  });

  it('gives each page a canonical address and Open Graph tags, and articles NewsArticle JSON-LD', () => {
    const page = site.page(seedUrl('003'));
    expect(page).toContain(`<link rel="canonical" href="https://archive.example.org${seedUrl('003')}">`);
    expect(page).toContain('<meta property="og:type" content="article">');
    const ld = JSON.parse(page.match(/<script type="application\/ld\+json">([^]*?)<\/script>/)![1]!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.datePublished).toBe('2022-11-10');
    expect(ld.mentions.map((m: { name: string }) => m.name)).toContain('Valeriy Zaluzhny');
    expect(site.page('/topics/')).toContain('<link rel="canonical" href="https://archive.example.org/topics/">');
  });

  it('loads no script but the search page\'s and the article highlighter', () => {
    for (const file of site.files().filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(site.site, file), 'utf8');
      const scripts = [...html.matchAll(/<script(?! type="application\/ld\+json")[^>]*>/g)].map((m) => m[0]);
      const allowed = file === '/search/index.html'
        ? ['<script type="module" src="/assets/search.js">']
        : file.startsWith('/articles/') ? ['<script type="module" src="/assets/highlight.js">'] : [];
      expect(scripts, file).toEqual(allowed);
    }
  });

  it('indexes only the articles for search, with their filters, and writes the Pagefind bundle', () => {
    const entry = JSON.parse(readFileSync(join(site.site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(8);
    const article = site.page('/articles/hostile-names/');
    // The date is a meta field the search step lists for the date orders, not Pagefind's own sort.
    expect(article).toMatch(/<article [^>]*data-pagefind-body data-pagefind-meta="published:2023-03-01" data-pagefind-filter="year:2023">/);
    expect(article).not.toContain('data-pagefind-sort');
    // Markup in a name reaches Pagefind as character references (see src/site/render/pagefind.ts).
    expect(article).toContain('data-pagefind-filter="site:Evil &amp;amp;#34;Site&amp;amp;#34; &amp;amp;#60;b&amp;amp;#62;bold&amp;amp;#60;/b&amp;amp;#62;"');
    // A person of fewer articles than filterMinArticles is no filter; a topic always is.
    expect(article).toMatch(/<a href="\/people\/[^"]+\/">&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;<\/a>/);
    expect(article).toMatch(/<a href="\/topics\/[^"]+\/" data-pagefind-filter="topic:/);
    expect(site.page('/articles/undated-note/')).toContain('data-pagefind-body data-pagefind-filter="year:Undated"');
    expect(site.page('/topics/')).not.toContain('data-pagefind-body');
  });

  it('keeps an article page, HTML and CSS, within 14 kB gzipped', () => {
    const css = gzipSync(readFileSync(join(site.site, 'assets', 'style.css'))).length;
    const weights = site
      .files()
      .filter((f) => f.startsWith('/articles/'))
      .map((f) => ({ f, bytes: gzipSync(readFileSync(join(site.site, f))).length + css }));
    for (const { f, bytes } of weights) expect(bytes, f).toBeLessThanOrEqual(14 * 1024);
  });

  it('builds byte-identical pages from the same articles', async () => {
    const again = join(site.content, '..', '_site-again');
    const printed = await eleventy(site.content, again, { CLIPPINGS_SITE_URL: TEST_SITE_URL });
    expect(printed).not.toMatch(/error/i);
    // The search index and the manifest are later steps (npm run search, npm run manifest).
    for (const file of site.files().filter((f) => !f.startsWith('/pagefind/') && f !== '/manifest-sha256.txt')) {
      expect(existsSync(join(again, file)), file).toBe(true);
      expect(readFileSync(join(again, file)).equals(readFileSync(join(site.site, file))), file).toBe(true);
    }
  });
});

describe('data, feeds and metadata for others', () => {
  it('exports one row per article as CSV and JSON, described by its Data Package', () => {
    const pages = site.files().filter((f) => /^\/articles\/.+\/index\.html$/.test(f)).length;
    const rows = parseCsv(readFileSync(join(site.site, 'data', 'articles.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(pages);
    expect(JSON.parse(readFileSync(join(site.site, 'data', 'articles.json'), 'utf8'))).toHaveLength(pages);
    for (const row of rows) expect(site.files()).toContain(`${new URL(row.url!).pathname}index.html`);
    const descriptor = JSON.parse(readFileSync(join(site.site, 'data', 'datapackage.json'), 'utf8'));
    expect(descriptor.resources.map((r: { path: string }) => r.path)).toEqual(['articles.csv', 'articles.json']);
    expect(site.page('/data/')).toContain('href="/data/datapackage.json"');
  });

  it('publishes Atom and JSON feeds for the archive and for each topic, named in the pages they follow', () => {
    const topics = site.files().filter((f) => /^\/topics\/[^/]+\/index\.html$/.test(f));
    expect(topics.length).toBeGreaterThan(0);
    for (const page of topics) {
      const dir = page.replace(/index\.html$/, '');
      expect(XMLValidator.validate(readFileSync(join(site.site, dir, 'feed.xml'), 'utf8')), dir).toBe(true);
      const feed = JSON.parse(readFileSync(join(site.site, dir, 'feed.json'), 'utf8'));
      expect(feed.home_page_url).toBe(`https://archive.example.org${dir}`);
      expect(site.page(dir)).toContain(`<link rel="alternate" type="application/feed+json" title="clippings: ${escape(feed.title.replace(/^clippings: /, ''))}" href="${dir}feed.json">`);
    }
    const whole = JSON.parse(readFileSync(join(site.site, 'feed.json'), 'utf8'));
    expect(whole.items).toHaveLength(3);
    expect(whole.items[0].summary).toMatch(/\S/);
    expect(site.page('/')).toContain('<link rel="alternate" type="application/feed+json" title="clippings" href="/feed.json">');
  });

  it('gives article pages Dublin Core metadata beside the JSON-LD', () => {
    const page = site.page(seedUrl('003'));
    expect(page).toContain('<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">');
    expect(page).toContain('<meta name="DC.date" content="2022-11-10">');
    expect(page).toContain(`<meta name="DC.identifier" content="https://archive.example.org${seedUrl('003')}">`);
    expect(page).toMatch(/<meta name="DC\.title" content="[^"]+">/);
    expect(page).toContain('<meta name="DC.type" content="Text">');
  });
});
