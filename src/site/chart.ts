import { html, type Html } from './html.js';
import { monthName, type Period } from './periods.js';
import { plural } from './parts.js';

const BAR = 12;
const GAP = 2;
const HEIGHT = 120;
const AXIS = 20;

/**
 * Articles per month as an SVG bar chart, drawn at build time (no script). Every month from the
 * first to the last is drawn, empty ones too, so gaps in the collection show. The chart is one image
 * with a text summary; the months themselves are links on the timeline page. Articles known only to
 * the year are not on the chart (the timeline lists them).
 */
export function monthChart(periods: Period[]): Html {
  const months = periods.filter((p) => p.month !== undefined);
  if (months.length === 0) return html`<p>No dated articles yet, so there is no timeline to draw.</p>`;
  const counts = new Map(months.map((p) => [p.key, p]));
  const [firstYear, firstMonth] = months[0]!.key.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = months.at(-1)!.key.split('-').map(Number) as [number, number];
  const span = (lastYear - firstYear) * 12 + (lastMonth - firstMonth) + 1;
  const max = Math.max(...months.map((p) => p.articles.length));
  const width = span * (BAR + GAP);
  const bars: Html[] = [];
  const labels: Html[] = [];
  for (let i = 0; i < span; i++) {
    const year = firstYear + Math.floor((firstMonth - 1 + i) / 12);
    const month = ((firstMonth - 1 + i) % 12) + 1;
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const x = i * (BAR + GAP);
    const period = counts.get(key);
    if (month === 1 || i === 0) labels.push(html`<text x="${x}" y="${HEIGHT + AXIS - 5}">${year}</text>`);
    if (!period) continue;
    const h = Math.max(2, Math.round((period.articles.length / max) * HEIGHT));
    const label = `${monthName(month)} ${year}: ${plural(period.articles.length, 'article')}`;
    bars.push(html`<rect x="${x}" y="${HEIGHT - h}" width="${BAR}" height="${h}"><title>${label}</title></rect>`);
  }
  const total = months.reduce((n, p) => n + p.articles.length, 0);
  const summary = `${plural(total, 'dated article')} from ${months[0]!.label} to ${months.at(-1)!.label}; the busiest month has ${plural(max, 'article')}.`;
  return html`<figure class="chart">
<div class="chart-scroll"><svg role="img" aria-labelledby="chart-title" viewBox="0 0 ${Math.max(width, 100)} ${HEIGHT + AXIS}" width="${Math.max(width, 100)}" height="${HEIGHT + AXIS}">
<title id="chart-title">Articles per month. ${summary}</title>
<line class="axis" x1="0" y1="${HEIGHT + 0.5}" x2="${width}" y2="${HEIGHT + 0.5}"></line>
${bars}
${labels}
</svg></div>
<figcaption>Articles per month. ${summary}</figcaption>
</figure>`;
}
