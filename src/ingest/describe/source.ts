import type { SourceSpec } from '../../data.js';
import { flagsFor } from '../clean/vocabulary.js';

export interface SourceFacts {
  site?: string;
  publisher?: string;
}

/** The source a capture names, and the raw line the signature was found on. */
export type SourceMatcher = (raw: string) => { facts: SourceFacts; from?: { line: number; text: string } };

/** Compiles `_data/sources.json`: the first signature found in the raw text names site and publisher. */
export function compileSources(sources: SourceSpec[]): SourceMatcher {
  const compiled = sources.map((s) => {
    try {
      return { re: new RegExp(s.pattern, flagsFor(s.pattern, false)), spec: s };
    } catch (error) {
      throw new Error(`_data/sources.json: the pattern for "${s.site}" is invalid: ${(error as Error).message}`);
    }
  });
  // One pass tells whether any signature is there at all; most captures then need no more.
  const any = compiled.length ? new RegExp(compiled.map((c) => `(?:${c.spec.pattern})`).join('|'), flagsFor(compiled.map((c) => c.spec.pattern).join('|'), false)) : undefined;
  return (raw) => {
    if (!any?.test(raw)) return { facts: {} };
    for (const c of compiled) {
      const m = c.re.exec(raw);
      if (!m) continue;
      // "$1" in a site name takes the name the signature captured (an aggregator names itself).
      const site = c.spec.site.replace(/\$(\d)/g, (_, n: string) => (m[Number(n)] ?? '').trim());
      if (!site) continue;
      const lineStart = raw.lastIndexOf('\n', m.index) + 1;
      const lineEnd = raw.indexOf('\n', m.index);
      let line = 1;
      for (let i = raw.indexOf('\n'); i !== -1 && i < m.index; i = raw.indexOf('\n', i + 1)) line++;
      const from = { line, text: raw.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim() };
      return { facts: c.spec.publisher ? { site, publisher: c.spec.publisher } : { site }, from };
    }
    return { facts: {} };
  };
}
