import type { Archive } from '../index/archive.js';
import type { SiteConfig } from '../config.js';
import { html } from '../render/html.js';
import { shell } from '../render/layout.js';
import { monthChart } from '../render/chart.js';
import { plural } from '../render/parts.js';
import type { Period } from '../index/periods.js';

/** The timeline: the chart, then years and their months with counts; the undated apart. */
export function renderTimeline(config: SiteConfig, archive: Archive): string {
  const years = new Map<string, Period[]>();
  for (const period of [...archive.periods].reverse()) {
    const list = years.get(period.year) ?? [];
    list.push(period);
    years.set(period.year, list);
  }
  const main = html`<h1>Timeline</h1>
<p>${plural(archive.dated.length, 'dated article')} by month of publication, newest first.</p>
${monthChart(archive.periods)}
${[...years].map(
  ([year, periods]) => html`<section aria-labelledby="y${year}"><h2 id="y${year}">${year}</h2>
<ul class="index">${periods.map((p) => html`<li><a href="${p.url}">${p.label}</a> <span class="count">${plural(p.articles.length, 'article')}</span></li>`)}</ul></section>`,
)}
<section aria-labelledby="undated"><h2 id="undated">Undated</h2>
${
  archive.undated.length > 0
    ? html`<p><a href="/timeline/undated/">${plural(archive.undated.length, 'undated article')}</a>: the captures state no publication date and none could be inferred, so they are not placed in time.</p>`
    : html`<p>Every article has a publication date.</p>`
}</section>`;
  return shell(config, { title: 'Timeline', url: '/timeline/' }, main);
}
