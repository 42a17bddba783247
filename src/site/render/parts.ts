import { html, type Html } from './html.js';
import type { SiteArticle } from '../read/model.js';
import type { Page } from '../index/paginate.js';
import { describePublished } from '../index/periods.js';

/** A list of articles: title, date (or "undated"), source. */
export function articleList(articles: SiteArticle[], heading?: string): Html {
  if (articles.length === 0) return html`<p>No articles.</p>`;
  return html`<ol class="articles"${heading ? html` aria-label="${heading}"` : ''}>${articles.map(articleItem)}</ol>`;
}

function articleItem(article: SiteArticle): Html {
  const when = describePublished(article);
  return html`<li><a href="${article.url}">${article.title}</a>
<span class="meta">${when ? html`<time datetime="${article.published}">${when.date}</time>` : 'undated'}${article.site ? html` · ${article.site}` : ''}</span></li>`;
}

/** Previous / next links and "page n of m" for a paginated list; nothing when there is one page. */
export function pager(page: Page<unknown>, what: string): Html {
  if (page.count === 1) return html``;
  return html`<nav class="pager" aria-label="Pages of ${what}">
${page.previous ? html`<a href="${page.previous}" rel="prev">Previous page</a>` : ''}
<span>Page ${page.number} of ${page.count}</span>
${page.next ? html`<a href="${page.next}" rel="next">Next page</a>` : ''}
</nav>`;
}

/** "1,234" in the site's language. */
export function count(n: number): string {
  return n.toLocaleString('en');
}

/** "1 article" / "3 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
