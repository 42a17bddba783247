import type { BenchResult } from './bench.js';
import type { QueryCost } from './query.js';
import { table } from './run.js';

const kB = (b: number) => `${(b / 1000).toFixed(0)} kB`;

/** The benchmark's figures as a table, with our steps as ratios to the bare tools. */
export function summary(r: BenchResult): string {
  const s = r.steps;
  const rows: { step: string; seconds?: number; peakRss?: number; note?: string }[] = [];
  for (const [name, c] of Object.entries(s)) rows.push({ step: name, seconds: c.seconds, peakRss: c.peakRss, note: c.note });
  const ours = s['site (Eleventy)'] && s['search (Pagefind)'];
  const bare = s['bare Eleventy, one layout'] && s['bare Pagefind CLI'];
  if (ours && bare && !s['bare Eleventy, one layout']!.failed && !s['bare Pagefind CLI']!.failed) {
    const t = s['site (Eleventy)']!.seconds + s['search (Pagefind)']!.seconds;
    const b = s['bare Eleventy, one layout']!.seconds + s['bare Pagefind CLI']!.seconds;
    const m = Math.max(s['site (Eleventy)']!.peakRss, s['search (Pagefind)']!.peakRss);
    const bm = Math.max(s['bare Eleventy, one layout']!.peakRss, s['bare Pagefind CLI']!.peakRss);
    rows.push({ step: 'build + index, ours / bare', seconds: t, peakRss: m, note: `${(t / b).toFixed(2)}× the time, ${(m / bm).toFixed(2)}× the memory of bare (${b.toFixed(1)} s)` });
  }
  const lines = [`${r.count} captures (seed ${r.seed}), ${r.machine.cores} cores, Node ${r.machine.node}`, table(rows)];
  if (r.site) lines.push(`site: ${r.site.files} files, ${(r.site.bytes / 1048576).toFixed(0)} MB; largest article page ${kB(r.site.largestArticle.gzip + r.site.css)} gzip with its CSS; largest page ${r.site.largestPage.path} ${kB(r.site.largestPage.gzip)}`);
  if (r.bare) lines.push(`bare: ${r.bare.files} files, ${(r.bare.bytes / 1048576).toFixed(0)} MB`);
  const q = (name: string, c: QueryCost | undefined, why: string) =>
    c ? `${name}: ${kB(c.total)} gzip, ${c.results} results shown (${Object.entries(c.parts).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${kB(v)}`).join(', ')})` : `${name}: not measured (${why})`;
  // A bare index that did not finish has no first query to measure, Chromium or not.
  const bareWhy = s['bare Pagefind CLI']?.failed ? 'bare Pagefind did not finish' : 'no Chromium';
  for (const { query, ours, bare } of r.queries) {
    lines.push(q(`first search query "${query}"`, ours, 'no Chromium'));
    if (r.bare) lines.push(q(`  same query, bare Pagefind default UI`, bare, bareWhy));
  }
  return lines.join('\n');
}
