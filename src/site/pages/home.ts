import type { Archive } from '../index/archive.js';
import type { SiteConfig } from '../config.js';
import { FACET_KINDS, FACETS } from '../index/facets.js';
import { html } from '../render/html.js';
import { shell } from '../render/layout.js';
import { monthChart } from '../render/chart.js';
import { articleList, count, plural } from '../render/parts.js';

/** The home page: what the archive is, its size, the newest articles, topics, the timeline. */
export function renderHome(config: SiteConfig, archive: Archive): string {
  const { articles, dated, undated, facets } = archive;
  const main = html`<h1>${config.title}</h1>
<p class="lede">${config.description}</p>
<section aria-labelledby="counts"><h2 id="counts">The collection</h2>
<ul class="stats">
<li><strong>${count(articles.length)}</strong> articles (${count(dated.length)} dated, <a href="/timeline/undated/">${count(undated.length)} undated</a>)</li>
<li><strong>${count(archive.words)}</strong> words</li>
${FACET_KINDS.map((kind) => html`<li><a href="${FACETS[kind].path}"><strong>${count(facets[kind].length)}</strong> ${FACETS[kind].label.toLowerCase()}</a></li>`)}
</ul></section>
<section aria-labelledby="latest"><h2 id="latest">Latest articles</h2>
${articleList(dated.slice(0, config.latest))}
</section>
<section aria-labelledby="topics"><h2 id="topics">Topics</h2>
<ul class="inline">${facets.topics.map((t) => html`<li><a href="${t.url}">${t.name}</a> <span class="count">(${count(t.articles.length)})</span></li>`)}</ul>
</section>
<section aria-labelledby="time"><h2 id="time">Over time</h2>
${monthChart(archive.periods)}
<p><a href="/timeline/">The timeline, month by month</a>${undated.length > 0 ? html` · <a href="/timeline/undated/">${plural(undated.length, 'undated article')}</a>` : ''}</p>
</section>`;
  return shell(config, { title: config.title, url: '/' }, main);
}
