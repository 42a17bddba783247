import { topicFeedPaths } from './feeds.js';
import type { Archive, EntryPage, IndexPage, PeriodPage } from '../index/archive.js';
import type { SiteConfig } from '../config.js';
import { FACETS } from '../index/facets.js';
import { html } from '../render/html.js';
import { shell } from '../render/layout.js';
import { articleList, count, pager, plural } from '../render/parts.js';

/** A facet's index (all topics, all people…), most articles first, paginated. */
export function renderIndex(config: SiteConfig, archive: Archive, page: IndexPage): string {
  const facet = FACETS[page.kind];
  const total = archive.facets[page.kind].length;
  const title = page.number > 1 ? `${facet.label}, page ${page.number}` : facet.label;
  const main = html`<h1>${title}</h1>
<p>${plural(total, facet.singular.toLowerCase(), page.kind === 'people' ? 'people' : undefined)} in ${plural(archive.articles.length, 'article')}, most articles first.</p>
${page.kind === 'sources' && page.number === 1 ? unknownSources(archive) : ''}
${
  page.items.length > 0
    ? html`<ul class="index">${page.items.map(
        (e) => html`<li><a href="${e.url}">${e.name}</a>${e.publisher && e.publisher !== e.name ? html` <span class="meta">${e.publisher}</span>` : ''} <span class="count">${plural(e.articles.length, 'article')}</span></li>`,
      )}</ul>`
    : html`<p>None yet.</p>`
}
${pager(page, facet.label.toLowerCase())}`;
  return shell(config, { title, url: page.url }, main);
}

function unknownSources(archive: Archive) {
  const unknown = archive.articles.filter((a) => !a.site).length;
  return unknown > 0 ? html`<p>${plural(unknown, 'article')} name no source the signatures recognise.</p>` : '';
}

/** One topic, person, place, organisation or source: its articles (newest first) and its companions. */
export function renderEntry(config: SiteConfig, page: EntryPage): string {
  const { entry } = page;
  const facet = FACETS[entry.kind];
  const title = page.number > 1 ? `${entry.name}, page ${page.number}` : entry.name;
  const main = html`<p class="kicker"><a href="${facet.path}">${facet.label}</a></p>
<h1>${title}</h1>
<p>${facet.singular}${entry.publisher && entry.publisher !== entry.name ? html`, published by ${entry.publisher}` : ''}: ${plural(entry.articles.length, 'article')}, newest first.</p>
${
  entry.companions.length > 0 && page.number === 1
    ? html`<section aria-labelledby="companions"><h2 id="companions">Appears most with</h2>
<ul class="inline">${entry.companions.map((c) => html`<li><a href="${c.url}">${c.name}</a> <span class="count">(${count(c.count)})</span></li>`)}</ul></section>`
    : ''
}
<section aria-labelledby="list"><h2 id="list">Articles</h2>
${articleList(page.items)}
${pager(page, `articles on ${entry.name}`)}
</section>`;
  const feed = entry.kind === 'topics' ? { title: `${config.title}: ${entry.name}`, ...topicFeedPaths(entry) } : undefined;
  return shell(config, { title, url: page.url, description: `${plural(entry.articles.length, 'article')} in ${config.title} on ${entry.name}.`, feed }, main);
}

/** A month (or a year known only to the year, or the undated shelf) of the timeline. */
export function renderPeriod(config: SiteConfig, page: PeriodPage): string {
  const { period } = page;
  const title = page.number > 1 ? `${period.label}, page ${page.number}` : period.label;
  const intro =
    period.key === 'undated'
      ? html`<p>${plural(period.articles.length, 'article')} with no publication date: the captures do not state one and none could be inferred. A curator can set one in the article's frontmatter.</p>`
      : html`<p>${plural(period.articles.length, 'article')} published in ${period.label}, newest first.</p>`;
  const main = html`<p class="kicker"><a href="/timeline/">Timeline</a></p>
<h1>${title}</h1>
${intro}
${articleList(page.items)}
${pager(page, period.label)}`;
  return shell(config, { title, url: page.url }, main);
}
