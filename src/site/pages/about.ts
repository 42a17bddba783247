import type { Archive } from '../index/archive.js';
import type { SiteConfig } from '../config.js';
import { html } from '../render/html.js';
import { shell } from '../render/layout.js';
import { count } from '../render/parts.js';

/** How the archive was made and what cleaning does, with every removal rule and its reason. */
export function renderAbout(config: SiteConfig, archive: Archive, reasons: Map<string, string>): string {
  const used = new Map<string, number>();
  for (const article of archive.articles) for (const [rule, n] of Object.entries(article.removedByRule)) used.set(rule, (used.get(rule) ?? 0) + n);
  const rules = [...reasons].sort((a, b) => (used.get(b[0]) ?? 0) - (used.get(a[0]) ?? 0) || a[0].localeCompare(b[0]));
  const main = html`<h1>About this archive</h1>
<p>${config.description}</p>
<section aria-labelledby="made"><h2 id="made">How it was made</h2>
<p>Each article began as a capture: the text of a news page saved from the web, with whatever came with it — menus, newsletter prompts, photo credits, links to other stories, the date it was scraped. The captures are kept unmodified; each article page links to its raw file and gives the file's SHA-256 checksum, so a copy can be checked against the original.</p>
<p>The archive's tool, clippings, turned each capture into an article: it joined lines broken by the capture, removed the page furniture, and read the title, the publication date, the source, and the people, places, organisations and topics the text names. Archivists may then correct any of it by hand; their edits are never overwritten.</p>
</section>
<section aria-labelledby="dates"><h2 id="dates">Dates</h2>
<p>A publication date is shown only when the text supports one. It is <em>stated</em> when the text gives it, <em>inferred</em> when it is worked out (a weekday with a day and month fixes the year when other dates in the text bound it), or <em>set by a curator</em>. A date on which the page was captured is shown as the capture date, never as the publication date. Articles without a date are listed apart on the timeline, not given the date of a file.</p>
</section>
<section aria-labelledby="cleaning"><h2 id="cleaning">What cleaning removes</h2>
<p>Every line removed from a capture is listed on the article's page with its line number and the rule that removed it. The rules, with the number of lines each removed in this archive:</p>
<table class="rules"><thead><tr><th scope="col">Rule</th><th scope="col">Why</th><th scope="col">Lines</th></tr></thead>
<tbody>${rules.map(([id, why]) => html`<tr><td><code>${id}</code></td><td>${why}</td><td>${count(used.get(id) ?? 0)}</td></tr>`)}</tbody></table>
</section>`;
  return shell(config, { title: 'About this archive', url: '/about/' }, main);
}

/** The page a missing address gets. */
export function renderNotFound(config: SiteConfig): string {
  const main = html`<h1>Page not found</h1>
<p>There is no page at this address. It may have moved when an article was renamed.</p>
<p>Try the <a href="/">home page</a>, the <a href="/timeline/">timeline</a> or the <a href="/topics/">topics</a>.</p>`;
  return shell(config, { title: 'Page not found', url: '/404.html', noindex: true }, main);
}
