import { uncoveredNames } from '../describe/topics.js';
import type { TopicSpec } from '../../data.js';
import type { WriteOutcome } from '../write/store.js';
import { printable } from './printable.js';

export interface ArticleOutcome {
  file: string;
  slug: string;
  outcome: WriteOutcome;
  warnings: string[];
}

/** In how many articles each name stands, counted as articles arrive (memory grows with names, not articles). */
export class NameCounts {
  readonly counts = new Map<string, number>();

  add(names: string[]): void {
    for (const n of new Set(names)) this.counts.set(n, (this.counts.get(n) ?? 0) + 1);
  }
}

/** The run's report: printed as a summary, written as JSON with `--report`. */
export interface Report {
  from: string;
  out: string;
  counts: { files: number; articles: number; written: number; updated: number; unchanged: number; kept_edits: number; conflicts: number; skipped: number; warnings: number; orphaned: number };
  skipped: { file: string; reason: string }[];
  warnings: { file: string; warning: string }[];
  kept_edits: string[];
  /** Edited articles whose capture changed: the fresh version waits as <slug>.incoming.md (npm run review). */
  conflicts: { file: string; slug: string }[];
  orphaned: string[];
  topic_suggestions: { name: string; articles: number }[];
  articles: { file: string; slug: string; outcome: WriteOutcome }[];
}

const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

export function buildReport(input: { from: string; out: string; outcomes: ArticleOutcome[]; names: NameCounts; skipped: { file: string; reason: string }[]; orphaned: string[]; topics: TopicSpec[] }): Report {
  const outcomes = [...input.outcomes].sort(byFile);
  const count = (o: WriteOutcome) => outcomes.filter((x) => x.outcome === o).length;
  const warnings = outcomes.flatMap((o) => o.warnings.map((warning) => ({ file: o.file, warning })));
  // Names many articles share that no topic term covers: candidates for the taxonomy.
  const frequent = [...input.names.counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const uncovered = new Set(uncoveredNames(frequent.map(([n]) => n), input.topics));
  const skipped = [...input.skipped].sort(byFile);
  return {
    from: input.from,
    out: input.out,
    counts: {
      files: outcomes.length + skipped.length,
      articles: outcomes.length,
      written: count('written'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      kept_edits: count('kept-edit'),
      conflicts: count('conflict'),
      skipped: skipped.length,
      warnings: warnings.length,
      orphaned: input.orphaned.length,
    },
    skipped,
    warnings,
    kept_edits: outcomes.filter((o) => o.outcome === 'kept-edit').map((o) => o.file),
    conflicts: outcomes.filter((o) => o.outcome === 'conflict').map(({ file, slug }) => ({ file, slug })),
    orphaned: input.orphaned,
    topic_suggestions: frequent.filter(([n]) => uncovered.has(n)).slice(0, 20).map(([name, articles]) => ({ name, articles })),
    articles: outcomes.map(({ file, slug, outcome }) => ({ file, slug, outcome })),
  };
}

/** The human summary printed at the end of a run. */
export function formatSummary(report: Report, seconds: number): string {
  const c = report.counts;
  const lines = [
    `Ingested ${c.files} file(s) from ${printable(report.from)} into ${printable(report.out)} in ${seconds.toFixed(2)} s:`,
    `  ${c.written} written, ${c.updated} updated, ${c.unchanged} unchanged, ${c.kept_edits} kept (curator edits or deletions), ${c.skipped} skipped${c.conflicts ? `, ${c.conflicts} waiting for review` : ''}`,
  ];
  if (report.skipped.length) lines.push('Skipped:', ...report.skipped.map((s) => `  ${printable(s.file)}: ${s.reason}`));
  if (report.kept_edits.length) lines.push('Curator edits and deletions kept (not overwritten, not re-created):', ...report.kept_edits.map((f) => `  ${printable(f)}`));
  if (report.conflicts.length) {
    lines.push('Edited articles whose capture changed: the edit is kept, the fresh version waits beside it (npm run review):', ...report.conflicts.map((c) => `  ${printable(c.file)} → ${c.slug}.incoming.md`));
  }
  if (report.orphaned.length) lines.push('Articles whose capture is gone (kept):', ...report.orphaned.map((f) => `  ${printable(f)}`));
  if (report.warnings.length) {
    const kinds = new Map<string, number>();
    for (const w of report.warnings) kinds.set(w.warning.replace(/:.*$/, ''), (kinds.get(w.warning.replace(/:.*$/, '')) ?? 0) + 1);
    lines.push(`Warnings (${report.warnings.length}):`, ...[...kinds].map(([k, n]) => `  ${n} × ${k}`));
    if (report.warnings.length <= 20) lines.push(...report.warnings.map((w) => `    ${printable(w.file)}: ${w.warning}`));
  }
  if (report.topic_suggestions.length) lines.push(`Topic suggestions (frequent names no topic covers): ${report.topic_suggestions.slice(0, 10).map((s) => `${printable(s.name)} (${s.articles})`).join(', ')}`);
  return lines.join('\n');
}
