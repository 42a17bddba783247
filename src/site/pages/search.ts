import type { SiteConfig } from '../config.js';
import { html } from '../render/html.js';
import { shell } from '../render/layout.js';

/**
 * The search page: a form that works as a link without JavaScript (`/search/?q=…`), and
 * assets/search.js, which runs the search with the Pagefind bundle the build writes (no CDN).
 */
export function renderSearch(config: SiteConfig): string {
  const main = html`<h1>Search</h1>
<p>Search the text of every article. Order the results by relevance or by date; narrow them by topic, person, place, organisation, site or year.</p>
<form id="search-form" class="search-form" role="search" aria-label="Search the articles, with order and filters" action="/search/" method="get">
<label for="search-input">Search the articles</label>
<input id="search-input" name="q" type="search" autocomplete="off">
<label for="search-sort">Order</label>
<select id="search-sort" name="sort">
<option value="">Most relevant first</option>
<option value="desc">Newest first</option>
<option value="asc">Oldest first</option>
</select>
<button type="submit">Search</button>
</form>
<details id="search-filters" class="search-filters"><summary>Filters</summary><div id="search-filter-groups"></div></details>
<p id="search-status" class="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="search-results"></ol>
<p><button id="search-more" class="search-more" type="button" hidden>More results</button></p>
<noscript><p>Search runs in your browser and needs JavaScript. Without it, browse by <a href="/topics/">topic</a>, <a href="/people/">person</a>, <a href="/places/">place</a>, <a href="/organizations/">organisation</a>, <a href="/sources/">source</a> or on the <a href="/timeline/">timeline</a>.</p></noscript>`;
  const head = html`<script type="module" src="/assets/search.js"></script>`;
  return shell(config, { title: 'Search', url: '/search/', head }, main);
}
