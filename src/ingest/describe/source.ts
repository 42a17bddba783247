import type { SourceSpec } from '../../data.js';
import { flagsFor } from '../clean/vocabulary.js';

export interface SourceFacts {
  site?: string;
  publisher?: string;
}

export type SourceMatcher = (raw: string) => SourceFacts;

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
    if (!any?.test(raw)) return {};
    for (const c of compiled) {
      const m = c.re.exec(raw);
      if (!m) continue;
      // "$1" in a site name takes the name the signature captured (an aggregator names itself).
      const site = c.spec.site.replace(/\$(\d)/g, (_, n: string) => (m[Number(n)] ?? '').trim());
      if (!site) continue;
      return c.spec.publisher ? { site, publisher: c.spec.publisher } : { site };
    }
    return {};
  };
}
