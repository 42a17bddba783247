import type { Health } from '../../check/check.js';
import type { SiteConfig } from '../config.js';
import { html, type Html } from '../render/html.js';
import { shell } from '../render/layout.js';
import { isHiddenPath } from '../../article/paths.js';

/** Items of one list the page shows: the whole list is `npm run check -- --json`. */
const SHOWN = 500;

/**
 * /report/: the collection's health (src/check), for curators. Kept out of search engines
 * (noindex) and out of the search index (which holds article pages only), and out of the sitemap.
 */
export function renderReport(config: SiteConfig, health: Health, urlOf: (file: string) => string | undefined): string {
  const link = (file: string) => {
    const url = urlOf(file);
    return url ? html`<a href="${url}">${file}</a>` : html`${file}`;
  };
  const list = (id: string, title: string, items: Html[]) => html`<section aria-labelledby="${id}"><h2 id="${id}">${title} <span class="count">(${items.length})</span></h2>
${items.length === 0 ? html`<p>None.</p>` : html`<ul>${items.slice(0, SHOWN).map((item) => html`<li>${item}</li>`)}</ul>`}
${items.length > SHOWN ? html`<p>… and ${items.length - SHOWN} more: <code>npm run check -- --json</code> lists them all.</p>` : ''}</section>`;
  // The report is published: a hidden file's name (".env", ".git/config") is counted, never shown.
  const shownSkips = health.skipped.filter((s) => !isHiddenPath(s.file.split('/')));
  const hiddenSkips = health.skipped.length - shownSkips.length;
  const main = html`<h1>Collection report</h1>
<p>What needs a curator's eye in the ${health.articles} articles of this build, as <code>npm run check</code> prints it. Thresholds are in <code>_data/check.json</code>.</p>
${list('errors', 'Errors', health.errors.map((e) => html`${e.file}: ${e.problem}`))}
${list('conflicts', 'Conflicts waiting for review', health.conflicts.map((c) => html`${c.slug} (capture ${c.file}): <code>npm run review -- --diff ${c.slug}</code>`))}
${list('undated', 'Undated articles', health.undated.map(link))}
${list('untopical', 'Articles with no topic', health.untopical.map(link))}
${list('duplicates', 'Near-duplicates', health.nearDuplicates.map((g) => html`${g.members.map((m, i) => html`${i > 0 ? ' ~ ' : ''}${link(m)}`)} (resemblance ${g.pairs.map((p) => p.score.toFixed(2)).join(', ')})`))}
${list('names', 'Names in one article only', health.singleNames.map((n) => html`${n.name} (${n.kind}): ${link(n.file)}`))}
${list('topics', 'Topics with few articles', health.smallTopics.map((t) => html`${t.topic}: ${t.articles}`))}
${list('skipped', 'Captures skipped', shownSkips.map((s) => html`${s.file}: ${s.reason}`))}
${hiddenSkips > 0 ? html`<p>And ${hiddenSkips} hidden file(s) or folder(s), skipped and not named on a published page.</p>` : ''}
${list('unsigned', 'Sites no signature names', health.unsignedSites.map((s) => html`${s.site} (${s.articles})`))}
${list('nosite', 'Articles with no site', health.noSite.map(link))}
<section aria-labelledby="rules"><h2 id="rules">Cleaning rules</h2>
<table><thead><tr><th scope="col">Rule</th><th scope="col">Articles</th><th scope="col">Lines removed</th><th scope="col">Note</th></tr></thead>
<tbody>${health.rules.map((r) => html`<tr><td>${r.rule}</td><td>${r.articles}</td><td>${r.lines}</td><td>${r.suspect ? `fires ${r.suspect}: suspect` : ''}</td></tr>`)}</tbody></table></section>`;
  return shell(config, { title: 'Collection report', url: '/report/', noindex: true }, main);
}
