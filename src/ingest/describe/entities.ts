import type { EntityKind } from '../../data.js';
import type { Gazetteer, Known } from './gazetteer.js';
import { scanWords } from '../clean/blocks.js';

export interface Entities {
  people: string[];
  places: string[];
  organizations: string[];
}

interface Token {
  text: string; // possessive and trailing full stop removed
  lower: string;
  start: number;
  end: number;
  cap: boolean;
  possessive: boolean;
  sentenceStart: boolean;
  /** The characters between this token and the next. */
  gap: string;
  /** The gap is one space: the token and the next may belong to one name. */
  joined: boolean;
  /** A sentence's full stop followed the token. */
  stop: boolean;
}

const CONNECTORS = new Set(['of', 'the', 'de', 'del', 'da', 'di', 'du', 'al', 'el', 'bin', 'van', 'von', 'der', 'for', 'on']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, true, (from, to) => {
    let t = text.slice(from, to);
    let possessive = false;
    const last = t.charCodeAt(t.length - 1);
    if (t.length > 2 && (last === 115 || last === 83) && (t[t.length - 2] === "'" || t[t.length - 2] === '’')) {
      t = t.slice(0, -2);
      possessive = true;
    } else if (t.length > 2 && (last === 39 || last === 0x2019) && t[t.length - 2] === 's') {
      t = t.slice(0, -1);
      possessive = true;
    }
    // Keep the full stops of initialisms (U.S., D.C.), drop a sentence's — and end the run there.
    let stop = false;
    if (t.endsWith('.') && !/^(\p{L}\.)+$/u.test(t)) {
      t = t.replace(/\.+$/u, '');
      stop = !isAbbreviation(t);
    }
    const end = t.charCodeAt(t.length - 1);
    if (end === 45 || end === 39 || end === 0x2019 || end === 38) t = t.replace(/[-'’&]+$/u, '');
    if (!t) return;
    const c = t.charCodeAt(0);
    const cap = c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t);
    if (t.includes('’')) t = t.replace(/’/g, "'");
    tokens.push({ text: t, lower: t.toLowerCase(), start: from, end: to, cap, possessive, sentenceStart: cap && startsSentence(text, from), gap: '', joined: false, stop });
  });
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    t.joined = !t.stop && tokens[i + 1].start === t.end + 1 && text.charCodeAt(t.end) === 32;
    // The gap's text matters only after a capitalised word (appositions, ", said").
    t.gap = t.joined ? ' ' : t.cap ? text.slice(t.end, tokens[i + 1].start) : '';
  }
  return tokens;
}

/** Titles and abbreviations whose full stop ends no sentence ("Gen. Smith", "St. Louis"). */
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Sgt', 'Maj', 'Adm', 'St', 'Mt', 'Ft', 'Jr', 'Sr', 'Rev', 'Hon', 'No', 'Co', 'Corp', 'Inc', 'Ltd', 'Bros', 'Ave', 'Blvd']);
function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word);
}

/** Is the word at `at` the first of a sentence (after . ! ? : or a line break, and quotes)? */
function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && ' “"‘\'(\t'.includes(text[i])) i--;
  return i < 0 || '.!?:\n'.includes(text[i]);
}

interface Mention {
  name: string;
  type: EntityKind;
}

/**
 * People, places and organisations of an article. Three sources, in order of trust:
 * 1. `_data/aliases.json`: canonical names and their aliases (GUR, military intelligence directorate…);
 * 2. military units by their ordinal ("127th regiment", "2nd Army Corps");
 * 3. runs of capitalised words, typed by cues: a title or role beside a name, a first name from
 *    compromise's lexicon, a place word ("the town of X", "X province", "X, a city"), an
 *    organisation word ("… Ministry", "… Committee"), or compromise's lists of places.
 * Untyped runs are dropped rather than guessed: no junk beats a long list.
 */
export function extractEntities(text: string, gaz: Gazetteer, title = ''): Entities {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  const claimed = new Uint8Array(tokens.length);

  // 1. Aliases (longest first). A headline's capitals say nothing, so it is searched for aliases only.
  matchAliases(tokenize(title), new Uint8Array(0), mentions, gaz);
  matchAliases(tokens, claimed, mentions, gaz);

  // 2. Military units.
  const units = new Map<string, string>();
  const hasUnits = /\d(?:st|nd|rd|th)\s/i.test(text);
  for (const m of hasUnits ? text.matchAll(gaz.unitPattern) : []) {
    const noun = m[3].replace(/\s+/g, ' ');
    const key = noun.toLowerCase();
    if (!units.has(key) || /^\p{Lu}/u.test(noun)) units.set(key, noun);
  }
  for (const m of hasUnits ? text.matchAll(gaz.unitPattern) : []) {
    const noun = units.get(m[3].replace(/\s+/g, ' ').toLowerCase())!;
    mentions.push({ name: `${m[1]}${m[2].toLowerCase()} ${noun}`, type: 'organization' });
    const end = m.index + m[0].length;
    tokens.forEach((t, k) => {
      if (t.start >= m.index && t.end <= end) claimed[k] = 1;
    });
  }

  // 3. Capitalised runs.
  for (let i = 0; i < tokens.length; i++) {
    if (claimed[i] || !tokens[i].cap) continue;
    let j = i;
    while (j + 1 < tokens.length && !claimed[j + 1] && !tokens[j].possessive && tokens[j].joined) {
      const next = tokens[j + 1];
      if (next.cap) j++;
      else if (CONNECTORS.has(next.text) && j + 2 < tokens.length && tokens[j + 2].cap && !claimed[j + 2] && next.joined) j += 2;
      else break;
    }
    const span = tokens.slice(i, j + 1);
    i = j;
    mentions.push(...typeSpan(span, tokens, i - span.length + 1, text, gaz));
  }
  return resolve(mentions, gaz);
}

function matchAliases(tokens: Token[], claimed: Uint8Array, mentions: Mention[], gaz: Gazetteer): void {
  for (let i = 0; i < tokens.length; i++) {
    const candidates = gaz.aliases.get(tokens[i].lower);
    if (!candidates) continue;
    for (const c of candidates) {
      if (matchesAt(tokens, i, c.tokens, c.caseSensitive)) {
        mentions.push({ name: c.entity.name, type: c.entity.type });
        for (let k = i; k < i + c.tokens.length && k < claimed.length; k++) claimed[k] = 1;
        i += c.tokens.length - 1;
        break;
      }
    }
  }
}

function matchesAt(tokens: Token[], i: number, phrase: string[], caseSensitive: boolean): boolean {
  if (i + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i + k];
    const word = caseSensitive ? t.text : t.lower;
    const want = phrase[k].replace(/['’]s$/u, '');
    if (word !== want) return false;
    if (k < phrase.length - 1 && !t.joined && !(phrase[k].endsWith("'s") && t.possessive)) return false;
  }
  return true;
}

/** Types one run of capitalised words, or returns undefined when nothing says what it is. */
function typeSpan(span: Token[], all: Token[], at: number, text: string, gaz: Gazetteer): Mention[] {
  // A title inside the run marks a person after it ("Deputy Defense Minister Hanna Malyar"), and
  // what stands before the title may be the person's organisation ("Heritage Foundation Director").
  for (let k = span.length - 2; k >= 0; k--) {
    const title = gaz.personTitles.get(span[k].text)?.find((t) => t.length <= k + 1 && t.every((w, x) => span[k - t.length + 1 + x].text === w));
    if (title) {
      const person = trimStops(span.slice(k + 1), gaz);
      const institutional = person.some((t) => gaz.orgWords.has(t.text) || gaz.placeSuffixes.has(t.text) || gaz.lexicon.has(t.text.toLowerCase()));
      if (person.length >= 1 && person.length <= 4 && !institutional) {
        const found: Mention[] = [{ name: person.map((t) => t.text).join(' '), type: 'person' }];
        const head = trimStops(span.slice(0, k - title.length + 1), gaz);
        if (head.some((t) => gaz.orgWords.has(t.text))) found.push({ name: head.map((t) => t.text).join(' '), type: 'organization' });
        return found;
      }
      break;
    }
  }
  const one = typeRun(span, all, at, text, gaz);
  return one ? [one] : [];
}

function typeRun(span: Token[], all: Token[], at: number, text: string, gaz: Gazetteer): Mention | undefined {
  let words = trimStops(span, gaz);
  if (words.length === 0) return undefined;
  const first = at + span.indexOf(words[0]);
  const last = first + words.length - 1;
  const name = words.map((t) => t.text).join(' ');
  if (!/\p{L}{2}/u.test(name) || /\d/.test(name)) return undefined;
  const lower = name.toLowerCase();
  const lastWord = words[words.length - 1].text;
  const before = all[first - 1];
  const prevWord = before?.text.toLowerCase();
  const after = all[last + 1];
  const afterGap = all[last].gap;

  if (words.length === 1 && gaz.orgWords.has(lastWord)) return undefined; // "Army", "Ministry": which one?
  if (words.length === 1 && gaz.demonyms.has(lower)) return undefined; // "Ukrainian" is an adjective
  if (words.some((t) => gaz.orgWords.has(t.text)) && !gaz.placeSuffixes.has(lastWord)) return { name, type: 'organization' };
  if (gaz.placeSuffixes.has(lastWord) && words.length > 1) {
    // "Zaporizhzhia Province" names the place; "Inhulets River" is the place.
    const bare = /^(Oblast|Province|Region|County|City)$/.test(lastWord) ? words.slice(0, -1).map((t) => t.text).join(' ') : name;
    return { name: bare, type: 'place' };
  }
  const lexical = gaz.lexicon.get(lower);
  if (lexical) return { name, type: lexical };
  // "X province", "X region" (lower-case place word after), "town of X", "X, a city".
  if (after && /^ $/.test(afterGap) && gaz.placeWords.has(after.text.toLowerCase()) && !after.cap) return { name, type: 'place' };
  if (before && (prevWord === 'of' || prevWord === 'and') && placeWordBefore(all, first, gaz)) return { name, type: 'place' };
  if (/^,\s*$/.test(afterGap)) {
    // An apposition: "Bakhmut, a city in eastern Ukraine", "Dmitry Peskov, a Kremlin spokesman".
    const next = all.slice(last + 1, last + 7).map((t) => t.text.toLowerCase());
    if (['a', 'an', 'the'].includes(next[0])) {
      const rest = next.slice(1, 5);
      if (rest.some((w) => gaz.placeWords.has(w)) && !rest.some((w) => gaz.personRoles.has(w))) return { name, type: 'place' };
      if (words.length >= 2 && rest.some((w) => gaz.personRoles.has(w))) return { name, type: 'person' };
    }
    if (/^,\s*located\b/u.test(text.slice(all[last].end, all[last].end + 12))) return { name, type: 'place' };
  }
  if (words.length >= 2 && words.length <= 4) {
    if (gaz.firstNames.has(words[0].text.toLowerCase()) && !words.some((t) => gaz.lexicon.has(t.text.toLowerCase()))) return { name, type: 'person' };
    // "…, Valeriy Zaluzhny, said", "adviser Mykhailo Podolyak alleged"
    if (before && gaz.personRoles.has(prevWord!)) return { name, type: 'person' };
    if (after && /^(said|says|told|added|wrote|alleged|claimed|insisted|noted|stated)$/.test(after.text)) return { name, type: 'person' };
    if (/^,\s*$/.test(afterGap) && after && /^(said|says|told|added|wrote)$/.test(all[last + 2]?.text ?? '')) return { name, type: 'person' };
  }
  return undefined;
}

function placeWordBefore(all: Token[], first: number, gaz: Gazetteer): boolean {
  // "the town of X", "the towns of X and Y", "city of X"
  for (let k = first - 2; k >= Math.max(0, first - 5); k--) {
    const w = all[k].text.toLowerCase();
    if (gaz.placeWords.has(w)) return true;
    if (!(all[k].cap || w === 'of' || w === 'and')) return false;
  }
  return false;
}

function trimStops(span: Token[], gaz: Gazetteer): Token[] {
  let a = 0;
  let b = span.length;
  while (a < b && (gaz.stopNames.has(span[a].text) || CONNECTORS.has(span[a].text))) a++;
  while (b > a && (gaz.stopNames.has(span[b - 1].text) || CONNECTORS.has(span[b - 1].text))) b--;
  // A lone capitalised word at a sentence's start is just the sentence's first word.
  if (b - a === 1 && span[a].sentenceStart && !gaz.lexicon.has(span[a].text.toLowerCase())) return [];
  return span.slice(a, b);
}

/** Merges mentions: known names first, surnames into full names, one type per name. */
function resolve(mentions: Mention[], gaz: Gazetteer): Entities {
  const byName = new Map<string, { type: EntityKind; count: number }>();
  for (const m of mentions) {
    const known = knownName(m.name, gaz);
    // "ISLAMABAD, March 4 (Reuters)": a dateline's capitals are not the place's name.
    const name = known?.name ?? (m.type === 'place' && /^[\p{Lu} -]{4,}$/u.test(m.name) ? titleCase(m.name) : m.name);
    const type = known?.type ?? m.type;
    const e = byName.get(name);
    if (e) e.count++;
    else byName.set(name, { type, count: 1 });
  }
  // "Malyar" alone is "Hanna Malyar" when the article names her in full.
  const people = [...byName].filter(([, e]) => e.type === 'person').map(([n]) => n);
  for (const [name, e] of [...byName]) {
    if (name.includes(' ')) continue;
    const full = people.find((p) => p !== name && p.endsWith(` ${name}`));
    if (full) {
      byName.get(full)!.count += e.count;
      byName.delete(name);
    }
  }
  const pick = (type: EntityKind) =>
    [...byName]
      .filter(([, e]) => e.type === type)
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0], 'en'))
      .map(([n]) => n);
  return { people: pick('person'), places: pick('place'), organizations: pick('organization') };
}

function knownName(name: string, gaz: Gazetteer): Known | undefined {
  const words = name.split(' ');
  const candidates = gaz.aliases.get(words[0].toLowerCase()) ?? [];
  const lower = words.map((w) => w.toLowerCase());
  return candidates.find((c) => !c.caseSensitive && c.tokens.length === lower.length && c.tokens.every((t, i) => t === lower[i]))?.entity;
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
