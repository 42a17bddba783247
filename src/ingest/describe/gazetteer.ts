import { compromiseLexicon } from './lexicon.js';
import type { AliasData, EntityKind } from '../../data.js';

/** A known entity, from `_data/aliases.json` or the compromise lexicon. */
export interface Known {
  name: string;
  type: EntityKind;
}

/** Compiled lookups for entity extraction: compile once per run. */
export interface Gazetteer {
  /** Alias phrases by their first token (lower case); longest first. */
  aliases: Map<string, { tokens: string[]; caseSensitive: boolean; entity: Known }[]>;
  /** Single words and phrases of compromise's lexicon: countries, cities, regions, organisations. */
  lexicon: Map<string, EntityKind>;
  firstNames: Set<string>;
  /** "Ukrainian", "French": adjectives of place, never entities on their own. */
  demonyms: Set<string>;
  stopNames: Set<string>;
  /** Titles by their last word, longest first: "Minister" → ["Deputy Defense Minister", …]. */
  personTitles: Map<string, string[][]>;
  personRoles: Set<string>;
  placeWords: Set<string>;
  placeSuffixes: Set<string>;
  orgWords: Set<string>;
  unitPattern: RegExp;
}

const tokenise = (s: string) => s.replace(/[’]/g, "'").split(/\s+/).filter(Boolean);

/** Builds the lookups from `_data/aliases.json` and compromise's lexicon. */
export function compileGazetteer(data: AliasData): Gazetteer {
  const aliases: Gazetteer['aliases'] = new Map();
  const add = (phrase: string, caseSensitive: boolean, entity: Known) => {
    const tokens = tokenise(phrase).map((t) => (caseSensitive ? t : t.toLowerCase()));
    if (tokens.length === 0) return;
    const key = tokens[0].toLowerCase().replace(/'s$/, '');
    const list = aliases.get(key) ?? [];
    list.push({ tokens, caseSensitive, entity });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    aliases.set(key, list);
  };
  for (const e of data.entities) {
    const entity = { name: e.name, type: e.type };
    add(e.name, false, entity);
    for (const a of e.aliases) add(a, false, entity);
    for (const a of e.acronyms) add(a, true, entity);
  }
  const { lexicon, firstNames, demonyms } = compromiseLexicon();
  const units = data.cues.unitWords.map((u) => u.replace(/\s+/g, '\\s+')).sort((a, b) => b.length - a.length).join('|');
  return {
    aliases,
    lexicon,
    firstNames,
    demonyms,
    stopNames: new Set(data.stopNames),
    personTitles: byLastWord(data.cues.personTitles.map(tokenise)),
    personRoles: new Set(data.cues.personRoles.map((r) => r.toLowerCase())),
    placeWords: new Set(data.cues.placeWords.map((r) => r.toLowerCase())),
    placeSuffixes: new Set(data.cues.placeSuffixes),
    orgWords: new Set(data.cues.orgWords),
    unitPattern: new RegExp(`\\b(\\d{1,3})(st|nd|rd|th)\\s+((?:[A-Z][a-z]+\\s+){0,3}(?:${units}))\\b`, 'giu'),
  };
}

function byLastWord(titles: string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const t of [...titles].sort((a, b) => b.length - a.length)) map.set(t[t.length - 1], [...(map.get(t[t.length - 1]) ?? []), t]);
  return map;
}
