import type { ArticleContext, Archive } from '../index/archive.js';
import { absoluteUrl, linkUrl, type SiteConfig } from '../config.js';
import { FACETS, type FacetKind } from '../index/facets.js';
import { html, jsonScript, raw, type Html } from '../render/html.js';
import { shell } from '../render/layout.js';
import { articleList, count } from '../render/parts.js';
import { describePublished, longDate } from '../index/periods.js';
import { bibtex, plainCitation } from '../render/citation.js';
import { firstSentence } from '../render/excerpt.js';
import { filterAttribute } from '../render/pagefind.js';
import { PUBLISHED_META } from '../../search/fields.js';
import type { ArticleText, SiteArticle } from '../read/model.js';

/** Everything the article layout needs besides the rendered text. */
export interface ArticleView {
  config: SiteConfig;
  archive: Archive;
  reasons: Map<string, string>;
  /** Other names of the people, places and organisations, shown and indexed for search. */
  aliases: Map<string, string[]>;
  article: SiteArticle;
  /** Its text and ledger, read for this page. */
  text: ArticleText;
  /** The article text as HTML (markdown-it, raw HTML disabled). */
  content: string;
}

/** The article page: text, facts, names, related articles, neighbours, provenance, citation. */
export function renderArticle(view: ArticleView): string {
  const context = view.archive.byUrl.get(view.article.url);
  if (!context) throw new Error(`no archive entry for ${view.article.url}`);
  const { article } = context;
  const { config } = view;
  const url = linkUrl(config, article.url);
  const excerpt = firstSentence(view.content);
  // Search indexes the article only (data-pagefind-body): title, text, names and their aliases;
  // facts, related lists and provenance stay out. The publication date is a meta field the search
  // step lists for the date orders (src/search/dates.ts); an undated article has none, sorts last
  // and stays findable.
  const published = article.published ? html` data-pagefind-meta="${PUBLISHED_META}:${article.published}"` : '';
  const main = html`<article class="article" aria-labelledby="title" data-pagefind-body${published} data-pagefind-filter="year:${article.published?.slice(0, 4) ?? 'Undated'}">
<h1 id="title" data-pagefind-meta="title">${article.title}</h1>
${facts(context)}
<div class="body">
${raw(view.content)}
</div>
${subjects(context, view.aliases, config.filterMinArticles)}
</article>
${context.related.length > 0 ? html`<section aria-labelledby="related"><h2 id="related">Related articles</h2>${articleList(context.related)}</section>` : ''}
${neighbours(context)}
${provenance(context, view.text, view.reasons)}
<section aria-labelledby="cite"><h2 id="cite">Cite this article</h2>
<p class="citation">${plainCitation(article, { archive: config.title, url })}</p>
<details><summary>BibTeX</summary><pre><code>${bibtex(article, { archive: config.title, url })}</code></pre></details>
</section>`;
  return shell(config, { title: article.title, url: article.url, description: excerpt, type: 'article', head: head(context, config, excerpt) }, main);
}

function facts({ article, entries }: ArticleContext): Html {
  const source = entries.sources[0];
  const when = describePublished(article);
  return html`<dl class="facts" data-pagefind-ignore>
<div><dt>Published</dt><dd>${when ? html`<time datetime="${article.published}" data-pagefind-meta="date">${when.date}</time> <span class="basis">(${when.basis}${article.published_precision !== 'day' ? `; known to the ${article.published_precision}` : ''})</span>` : html`<span data-pagefind-meta="date">Undated</span> <span class="basis">(the capture gives no publication date)</span>`}</dd></div>
${article.captured ? html`<div><dt>Captured</dt><dd><time datetime="${article.captured}">${longDate(article.captured)}</time></dd></div>` : ''}
<div><dt>Source</dt><dd>${source ? html`<a href="${source.url}" data-pagefind-meta="site" data-pagefind-filter="${filterAttribute('site', source.name)}">${source.name}</a>` : 'Unknown'}${article.publisher && article.publisher !== article.site ? html` (${article.publisher})` : ''}</dd></div>
<div><dt>Words</dt><dd>${count(article.words)}</dd></div>
</dl>`;
}

const SUBJECT_KINDS: FacetKind[] = ['topics', 'people', 'places', 'organizations'];
/** The search filter each facet feeds. */
const FILTERS: Record<string, string> = { topics: 'topic', people: 'person', places: 'place', organizations: 'organisation' };

function subjects(context: ArticleContext, aliases: Map<string, string[]>, filterMin: number): Html {
  const rows = SUBJECT_KINDS.filter((kind) => context.entries[kind].length > 0);
  if (rows.length === 0) return html``;
  const item = (kind: FacetKind, name: string, url: string, articles: number) => {
    const also = kind === 'topics' ? undefined : aliases.get(name);
    // Names of a few articles are no filter (see filterMinArticles): their page lists those articles.
    const filter = kind === 'topics' || articles >= filterMin ? html` data-pagefind-filter="${filterAttribute(FILTERS[kind]!, name)}"` : '';
    return html`<li><a href="${url}"${filter}>${name}</a>${also ? html` <span class="aka">(also ${also.join(', ')})</span>` : ''}</li>`;
  };
  return html`<section aria-labelledby="subjects"><h2 id="subjects">In this article</h2>
<dl class="subjects">${rows.map(
    (kind) => html`<div><dt>${FACETS[kind].label}</dt><dd><ul class="inline">${context.entries[kind].map((e) => item(kind, e.name, e.url, e.articles.length))}</ul></dd></div>`,
  )}</dl></section>`;
}

function neighbours({ previous, next, article }: ArticleContext): Html {
  if (!article.published) return html`<p class="note">This article is undated, so it has no neighbours on the timeline. <a href="/timeline/undated/">All undated articles</a>.</p>`;
  if (!previous && !next) return html``;
  return html`<nav class="neighbours" aria-label="By publication date">
${previous ? html`<a href="${previous.url}" rel="prev"><span>Older</span> ${previous.title}</a>` : ''}
${next ? html`<a href="${next.url}" rel="next"><span>Newer</span> ${next.title}</a>` : ''}
</nav>`;
}

function provenance({ article }: ArticleContext, text: ArticleText, reasons: Map<string, string>): Html {
  const figures = article.figures ?? [];
  const raw = article.raw;
  const file = html`<a href="${raw?.published ? raw.url : ''}" type="text/plain">${article.source.file}</a>`;
  const record = article.source.record ? html`record ${article.source.record} of ` : '';
  const capture = !raw?.published
    ? html`${record}${article.source.file} (not published: ${raw?.reason ?? 'not located'})`
    : raw.matches === undefined
      ? html`${record}${file} (the whole file, ${count(raw.bytes)} bytes, as plain text)`
      : raw.matches
        ? html`${file} (${count(raw.bytes)} bytes, as plain text; unchanged since the article was made from it)`
        : html`${file} (${count(raw.bytes)} bytes, as plain text) <strong>differs from the capture this article was made from</strong>: its SHA-256 is now <code class="hash">${raw.sha256}</code>`;
  // Only an http(s) address is a link: a capture may state "javascript:…" as its URL.
  const url = article.source.url;
  const address = url ? (/^https?:\/\//i.test(url) ? html`<a href="${url}" rel="nofollow noopener noreferrer">${url}</a>` : html`${url}`) : undefined;
  return html`<section aria-labelledby="provenance"><h2 id="provenance">Provenance</h2>
<dl class="facts">
${address ? html`<div><dt>Captured from</dt><dd>${address}</dd></div>` : ''}
<div><dt>Raw capture</dt><dd>${capture}</dd></div>
<div><dt>SHA-256</dt><dd><code class="hash">${article.source.sha256}</code> (of the capture the article was made from${article.source.record ? ', the record' : ''}, ${count(article.source.bytes)} bytes)</dd></div>
</dl>
${readFrom(article, text)}
${figures.length > 0 ? html`<h3>Figures</h3><ul>${figures.map((f) => html`<li>${f.caption ? html`${f.caption} ` : ''}<span class="credit">(${f.credit})</span></li>`)}</ul>` : ''}
${
  text.removed.length > 0
    ? html`<details><summary>Lines removed in cleaning (${count(text.removed.length)})</summary>
<table class="ledger"><thead><tr><th scope="col">Line</th><th scope="col">Rule</th><th scope="col">Text</th></tr></thead>
<tbody>${text.removed.map(
        (r) => html`<tr><td>${r.line}</td><td><abbr title="${reasons.get(r.rule) ?? 'No description for this rule.'}">${r.rule}</abbr></td><td>${r.text}</td></tr>`,
      )}</tbody></table></details>`
    : html`<p>Nothing was removed from the capture.</p>`
}
</section>`;
}

/**
 * Where each value was read: the raw line of the capture the title, the dates and the site came
 * from, so a reader can check a value against the capture. A value a curator changed since is said so.
 */
function readFrom(article: SiteArticle, text: ArticleText): Html {
  const read = text.read ?? {};
  const rows: [string, string | undefined, { line?: number; where?: string; text: string } | undefined][] = [
    ['Title', article.title, read.title],
    ['Published', article.published, read.published],
    ['Captured', article.captured, read.captured],
    ['Source', article.site, read.site],
  ];
  const shown = rows.filter(([, value, from]) => value !== undefined && from !== undefined);
  if (shown.length === 0) return html``;
  return html`<h3>Where the values were read</h3>
<table class="ledger"><thead><tr><th scope="col">Value</th><th scope="col">Where</th><th scope="col">The capture reads</th></tr></thead>
<tbody>${shown.map(
    ([name, value, from]) =>
      html`<tr><td>${name}${name === 'Title' && value !== from!.text ? html` <span class="basis">(edited since)</span>` : ''}</td><td>${from!.line !== undefined ? `line ${from!.line}` : ''}${from!.line !== undefined && from!.where ? ', ' : ''}${from!.where ?? ''}</td><td>${from!.text}</td></tr>`,
  )}</tbody></table>`;
}

function head({ article, entries }: ArticleContext, config: SiteConfig, excerpt: string): Html {
  const url = absoluteUrl(config, article.url);
  const published = article.published
    ? article.published_precision === 'year'
      ? article.published.slice(0, 4)
      : article.published_precision === 'month'
        ? article.published.slice(0, 7)
        : article.published
    : undefined;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    url,
    mainEntityOfPage: url,
    description: excerpt || undefined,
    datePublished: published,
    wordCount: article.words,
    publisher: article.publisher || article.site ? { '@type': 'Organization', name: article.publisher ?? article.site } : undefined,
    about: article.topics.length > 0 ? article.topics.map((name) => ({ '@type': 'Thing', name })) : undefined,
    mentions: [
      ...entries.people.map((e) => ({ '@type': 'Person', name: e.name, url: absoluteUrl(config, e.url) })),
      ...entries.places.map((e) => ({ '@type': 'Place', name: e.name, url: absoluteUrl(config, e.url) })),
      ...entries.organizations.map((e) => ({ '@type': 'Organization', name: e.name, url: absoluteUrl(config, e.url) })),
    ],
    isPartOf: { '@type': 'Collection', name: config.title, url: absoluteUrl(config, '/') },
  };
  // Dublin Core beside the JSON-LD: what library and repository harvesters read (DCMI's HTML encoding).
  const dc: [string, string | undefined][] = [
    ['DC.title', article.title],
    ...(article.authors ?? []).map((name): [string, string] => ['DC.creator', name]),
    ['DC.date', published],
    ['DC.publisher', article.publisher ?? article.site],
    ...article.topics.map((name): [string, string] => ['DC.subject', name]),
    ...article.places.map((name): [string, string] => ['DC.coverage', name]),
    ['DC.language', config.language],
    ['DC.type', 'Text'],
    ['DC.format', 'text/html'],
    ['DC.identifier', url],
    ['DC.source', article.source.url],
  ];
  return html`${published ? html`<meta property="article:published_time" content="${published}">` : ''}
<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">
${dc.filter(([, value]) => value).map(([name, value]) => html`<meta name="${name}" content="${value}">\n`)}<script type="application/ld+json">${jsonScript(ld)}</script>
<script type="module" src="/assets/highlight.js"></script>`;
}
