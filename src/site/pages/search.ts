import type { SiteConfig } from '../config.js';
import { html } from '../html.js';
import { shell } from '../layout.js';

/**
 * The search page: Pagefind's own UI from the bundle the build writes (no CDN), started by
 * assets/search.js, which keeps the query in the address (`/search/?q=…`) and offers date order.
 */
export function renderSearch(config: SiteConfig): string {
  const main = html`<h1>Search</h1>
<p>Search the text of every article. Narrow the results by topic, person, place, organisation, site or year; order them by relevance or by date.</p>
<p class="search-order"><label for="search-sort">Order</label>
<select id="search-sort">
<option value="">Most relevant first</option>
<option value="desc">Newest first</option>
<option value="asc">Oldest first</option>
</select></p>
<div id="search" class="search"></div>
<noscript><p>Search runs in your browser and needs JavaScript. Without it, browse by <a href="/topics/">topic</a>, <a href="/people/">person</a>, <a href="/places/">place</a>, <a href="/organizations/">organisation</a>, <a href="/sources/">source</a> or on the <a href="/timeline/">timeline</a>.</p></noscript>`;
  const head = html`<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<script src="/pagefind/pagefind-ui.js"></script>
<script type="module" src="/assets/search.js"></script>`;
  return shell(config, { title: 'Search', url: '/search/', head }, main);
}
