import { html, type Html } from './html.js';
import { monthName, type Period } from '../index/periods.js';
import { plural } from './parts.js';

const BAR = 12;
const GAP = 2;
const HEIGHT = 120;
const AXIS = 20;
/** The most bars the chart draws: a collection spanning more time gets wider bars, not a wider chart. */
const MAX_BARS = 120;
/** Bar widths in months, narrowest first. */
const UNITS = [
  { months: 1, name: 'month' },
  { months: 12, name: 'year' },
  { months: 120, name: 'decade' },
  { months: 1200, name: 'century' },
  { months: 12000, name: 'millennium' },
] as const;

/**
 * Articles over time as an SVG bar chart, drawn at build time (no script): a bar a month, or a
 * year, a decade… whichever keeps the chart to MAX_BARS bars, so a stray date centuries away
 * cannot make the page huge. Every bar from the first to the last is drawn, empty ones too, so
 * gaps in the collection show. The chart is one image with a text summary; the months themselves
 * are links on the timeline page. Articles known only to the year are not on the chart.
 */
export function monthChart(periods: Period[]): Html {
  const months = periods.filter((p) => p.month !== undefined);
  if (months.length === 0) return html`<p>No dated articles yet, so there is no timeline to draw.</p>`;
  const index = (p: Period) => Number(p.year) * 12 + (p.month! - 1);
  const first = index(months[0]!);
  const span = index(months.at(-1)!) - first + 1;
  const unit = UNITS.find((u) => Math.ceil(span / u.months) <= MAX_BARS) ?? UNITS.at(-1)!;
  const start = Math.floor(first / unit.months) * unit.months;
  const bars = Math.floor((index(months.at(-1)!) - start) / unit.months) + 1;
  const counts = new Array<number>(bars).fill(0);
  for (const p of months) counts[Math.floor((index(p) - start) / unit.months)]! += p.articles.length;
  const max = Math.max(...counts);
  const width = bars * (BAR + GAP);
  const label = (b: number) => {
    const m = start + b * unit.months;
    const year = Math.floor(m / 12);
    if (unit.months === 1) return `${monthName((m % 12) + 1)} ${year}`;
    return unit.months === 12 ? `${year}` : `${year}–${year + unit.months / 12 - 1}`;
  };
  const rects: Html[] = [];
  const ticks: Html[] = [];
  for (let b = 0; b < bars; b++) {
    const x = b * (BAR + GAP);
    const m = start + b * unit.months;
    // A year label where a year (or a larger unit) begins; every tenth bar at most.
    if (b === 0 || (unit.months === 1 ? m % 12 === 0 : b % 10 === 0)) ticks.push(html`<text x="${x}" y="${HEIGHT + AXIS - 5}">${Math.floor(m / 12)}</text>`);
    if (counts[b] === 0) continue;
    const h = Math.max(2, Math.round((counts[b]! / max) * HEIGHT));
    rects.push(html`<rect x="${x}" y="${HEIGHT - h}" width="${BAR}" height="${h}"><title>${label(b)}: ${plural(counts[b]!, 'article')}</title></rect>`);
  }
  const total = counts.reduce((n, c) => n + c, 0);
  const per = `Articles per ${unit.name}`;
  const summary = `${plural(total, 'dated article')} from ${months[0]!.label} to ${months.at(-1)!.label}; the busiest ${unit.name} has ${plural(max, 'article')}.`;
  return html`<figure class="chart">
<div class="chart-scroll"><svg role="img" aria-labelledby="chart-title" viewBox="0 0 ${Math.max(width, 100)} ${HEIGHT + AXIS}" width="${Math.max(width, 100)}" height="${HEIGHT + AXIS}">
<title id="chart-title">${per}. ${summary}</title>
<line class="axis" x1="0" y1="${HEIGHT + 0.5}" x2="${width}" y2="${HEIGHT + 0.5}"></line>
${rects}
${ticks}
</svg></div>
<figcaption>${per}. ${summary}</figcaption>
</figure>`;
}
