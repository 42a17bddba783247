import type { SourceSpec } from './data.js';

export interface SourceFacts {
  site?: string;
  publisher?: string;
}

export type SourceMatcher = (raw: string) => SourceFacts;

/** Compiles `_data/sources.json`: the first signature found in the raw text names site and publisher. */
export function compileSources(sources: SourceSpec[]): SourceMatcher {
  const compiled = sources.map((s) => {
    try {
      return { re: new RegExp(s.pattern, 'iu'), spec: s };
    } catch (error) {
      throw new Error(`_data/sources.json: the pattern for "${s.site}" is invalid: ${(error as Error).message}`);
    }
  });
  return (raw) => {
    const hit = compiled.find((c) => c.re.test(raw));
    if (!hit) return {};
    return hit.spec.publisher ? { site: hit.spec.site, publisher: hit.spec.publisher } : { site: hit.spec.site };
  };
}
