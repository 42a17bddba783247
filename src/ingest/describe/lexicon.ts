import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../root.js';
import type { EntityKind } from '../../data.js';

/** The words of compromise's lexicon the gazetteer uses. */
export interface Lexicon {
  lexicon: Map<string, EntityKind>;
  firstNames: Set<string>;
  demonyms: Set<string>;
}
interface Stored {
  lexicon: [string, EntityKind][];
  firstNames: string[];
  demonyms: string[];
}

const load = createRequire(import.meta.url);
let memo: Lexicon | undefined;

/**
 * compromise's lexicon as gazetteer data: countries, cities and regions as places, organisations,
 * first names, demonyms. Its tagger is too slow for ingest (about 18 documents a second on the
 * development set), so only its word lists are used — and loading compromise costs about 0.7 s
 * in every thread that does (measured: most of a worker's start-up). The lists are kept as JSON
 * in the project's build cache, one file per compromise version, and compromise is loaded only
 * to make that file.
 */
export function compromiseLexicon(): Lexicon {
  if (memo) return memo;
  const main = load.resolve('compromise');
  const packageDir = main.slice(0, main.lastIndexOf('/node_modules/compromise/') + '/node_modules/compromise'.length);
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const cache = join(projectRoot, 'node_modules', '.cache', 'clippings', `compromise-lexicon-${version}.json`);
  let stored: Stored | undefined;
  try {
    stored = JSON.parse(readFileSync(cache, 'utf8')) as Stored;
  } catch {
    stored = fromCompromise();
    try {
      mkdirSync(dirname(cache), { recursive: true });
      const temporary = `${cache}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(stored));
      renameSync(temporary, cache);
    } catch {
      // A read-only install: the lists are made again next time.
    }
  }
  memo = { lexicon: new Map(stored.lexicon), firstNames: new Set(stored.firstNames), demonyms: new Set(stored.demonyms) };
  return memo;
}

function fromCompromise(): Stored {
  const nlp = load('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const out: Stored = { lexicon: [], firstNames: [], demonyms: [] };
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    const t = Array.isArray(tags) ? tags : [tags];
    if (t.some((x) => x === 'FirstName' || x === 'MaleName' || x === 'FemaleName')) out.firstNames.push(word);
    if (t.includes('Demonym')) out.demonyms.push(word);
    if (t.some((x) => x === 'Country' || x === 'City' || x === 'Region')) out.lexicon.push([word, 'place']);
    else if (t.includes('Organization') && word.length > 3) out.lexicon.push([word, 'organization']);
  }
  return out;
}
