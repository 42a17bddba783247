import { printable } from '../ingest/run/printable.js';
import type { Health } from './check.js';

/** How many items of a long list the terminal shows (the JSON has them all). */
const SHOWN = 20;

function section(lines: string[], title: string, items: string[]): void {
  lines.push(`${title}: ${items.length === 0 ? 'none' : items.length}`);
  for (const item of items.slice(0, SHOWN)) lines.push(`  ${item}`);
  if (items.length > SHOWN) lines.push(`  … and ${items.length - SHOWN} more (--json lists all)`);
}

/** The health as terminal lines: errors first, then what a curator may look at. */
export function formatHealth(h: Health): string {
  const lines = [`Checked ${h.articles} article(s).`];
  section(lines, 'Errors', h.errors.map((e) => `${printable(e.file)}: ${e.problem}`));
  section(lines, 'Conflicts waiting for review (npm run review)', h.conflicts.map((c) => `${c.slug} (${printable(c.file)})`));
  section(lines, 'Undated articles', h.undated.map(printable));
  section(lines, 'Articles with no topic', h.untopical.map(printable));
  section(
    lines,
    'Near-duplicates (groups)',
    h.nearDuplicates.map((g) => `${g.members.map(printable).join(' ~ ')} (${g.pairs.map((p) => p.score.toFixed(2)).join(', ')})`),
  );
  section(lines, 'Names in one article only', h.singleNames.map((n) => `${printable(n.name)} (${n.kind}, ${printable(n.file)})`));
  section(lines, 'Topics with few articles', h.smallTopics.map((t) => `${t.topic}: ${t.articles}`));
  section(lines, 'Captures skipped', h.skipped.map((s) => `${printable(s.file)}: ${s.reason}`));
  section(lines, 'Sites no signature names', h.unsignedSites.map((s) => `${printable(s.site)} (${s.articles})`));
  section(lines, 'Articles with no site', h.noSite.map(printable));
  lines.push('Cleaning rules (articles, lines):');
  for (const r of h.rules) lines.push(`  ${r.rule}: ${r.articles}, ${r.lines}${r.suspect ? `  <- fires ${r.suspect}: suspect` : ''}`);
  return lines.join('\n');
}
