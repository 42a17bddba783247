import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small deterministic generator (mulberry32): the same seed, the same collection. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = 'Anna Ben Clara David Elena Frank Grace Hugo Irene James Karin Leo Maria Nina Oscar Paula Quentin Rosa Samuel Tara Ugo Vera Walter Yara Zoe'.split(' ');
const LAST_BASE = 'Abbott Brennan Castillo Dunmore Ellery Fairbank Galloway Hartley Ingram Jessop Kowalski Lindqvist Marlowe Norcross Okafor Pemberton Quayle Rutherford Sandoval Thorne Underhill Vasquez Whitlock Yardley Zeller'.split(' ');
// Many surnames, so a large collection has many people with an article or two each, as a real one does.
const SYLLABLES = 'bar ven tor mal sel kin dra ros lun fer gal mor tes vil ban cor del har nes pol'.split(' ');
const LAST = [...LAST_BASE, ...Array.from({ length: 4000 }, (_, i) => {
  const a = SYLLABLES[i % 20]!;
  const b = SYLLABLES[Math.floor(i / 20) % 20]!;
  const c = ['son', 'ton', 'ley', 'man', 'ford', 'well', 'by', 'ski', 'ez', 'er'][Math.floor(i / 400) % 10]!;
  return `${a[0]!.toUpperCase()}${a.slice(1)}${b}${c}`;
})];
const TITLES = 'Mayor Minister Senator Judge Dr Professor Governor Chief'.split(' ');
const PLACES = 'Lisbon Porto Valencia Lyon Bordeaux Antwerp Ghent Bremen Dresden Leipzig Krakow Gdansk Brno Graz Turin Bologna Naples Seville Malaga Bilbao Utrecht Aarhus Bergen Tampere Tallinn Riga Vilnius Split Varna Cork'.split(' ');
const ORGS = ['Harbour Authority', 'Transport Ministry', 'Health Department', 'Water Agency', 'Housing Commission', 'Energy Council', 'Farmers Union', 'Teachers Union', 'Chamber of Commerce', 'Port Company'];
const SUBJECTS = ['the harbour authority', 'the council', 'the ministry', 'local residents', 'the ferry company', 'the union', 'the regional government', 'shopkeepers', 'the opposition', 'the court'];
const VERBS = ['approved', 'rejected', 'delayed', 'questioned', 'defended', 'announced', 'reviewed', 'criticised', 'welcomed', 'funded'];
const OBJECTS = ['the plans for a new terminal', 'the budget for next year', 'a rise in fares', 'the closure of the old pier', 'a new housing scheme', 'the cuts to the bus service', 'the report on water quality', 'a ban on night flights', 'the merger of two hospitals', 'the rules for street markets'];
const TAILS = ['after a debate that lasted most of the evening', 'despite objections from several groups', 'in a statement on Tuesday', 'at a meeting in the town hall', 'ahead of the elections in the spring', 'following months of talks', 'to the surprise of many observers', 'after a long inquiry', 'in a vote of seven to six', 'with the support of the mayor'];
const TOPIC_WORDS = ['election', 'voters', 'court', 'judge', 'police', 'hospital', 'patients', 'climate', 'flood', 'economy', 'inflation', 'company', 'season', 'team', 'music', 'film', 'border', 'migrants', 'research', 'technology'];

/** One of `list`, the first ones far more often (names in the news are Zipf-distributed). */
function zipf<T>(r: () => number, list: T[]): T {
  return list[Math.min(list.length - 1, Math.floor(list.length * r() ** 2.5))]!;
}
const pick = <T>(r: () => number, list: T[]): T => list[Math.floor(r() * list.length)]!;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A site of the collection: its name and the chrome every page of it carries. */
interface Site {
  name: string;
  menu: string[];
  footer: string[];
}

function sites(r: () => number, n: number): Site[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `The ${pick(r, PLACES)} ${pick(r, ['Chronicle', 'Gazette', 'Herald', 'Post', 'Courier', 'Times'])} ${i}`;
    return {
      name,
      menu: ['Skip to main content', 'Menu', 'Home', 'News', 'Sport', 'Business', 'Opinion', `Subscribe to ${name}`],
      footer: [`About ${name}`, 'Privacy policy', 'Terms of use', 'Cookie settings', `© 2024 ${name}. All rights reserved.`],
    };
  });
}

/**
 * The people in the news: most are regulars (a few thousand names, some far more often than
 * others), the rest named once or twice and never again. A collection of N captures then has
 * about 0.8 N people, most of them in a single article, as an archive of local news does.
 */
const REGULARS = Array.from({ length: 3000 }, (_, i) => `${FIRST[i % FIRST.length]!} ${LAST[(i * 7919) % LAST.length]!}`);
function person(r: () => number): string {
  return r() < 0.65 ? zipf(r, REGULARS) : `${pick(r, FIRST)} ${pick(r, LAST)}`;
}

/**
 * The words of the news beyond its set phrases: 40,000 made-up words, a few common and most rare
 * (Zipf), as a real archive's vocabulary is. A search index is sized by its vocabulary: with the
 * set phrases alone every word would stand in most articles, and every index chunk would be huge.
 */
const ONSETS = 'b br c ch cl d dr f fl g gr h j k l m n p pl pr r s sh sl st t th tr v w z'.split(' ');
const NUCLEI = 'a e i o u ai ea ee oa ou'.split(' ');
const CODAS = ['', 'n', 'r', 'l', 's', 't', 'nd', 'rt', 'st', 'ck', 'm', 'ng'];
const VOCABULARY = Array.from({ length: 40000 }, (_, i) => {
  // i written in base 280, a syllable a digit (onset and nucleus), then a coda: every word differs.
  let word = '';
  for (let n = i + 280; n > 0; n = Math.floor(n / 280)) word += `${ONSETS[n % 280 % ONSETS.length]}${NUCLEI[Math.floor((n % 280) / ONSETS.length)]}`;
  return word + CODAS[i % CODAS.length];
});
function word(r: () => number): string {
  return VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(VOCABULARY.length * r() ** 2))]!;
}

/** Who and where an article is about: a few people and places it names again and again, as a report does. */
interface Cast {
  people: string[];
  places: string[];
}

function sentence(r: () => number, cast: Cast): string {
  const who = r() < 0.3 ? `${pick(r, TITLES)} ${pick(r, cast.people)}` : r() < 0.5 ? `the ${zipf(r, ORGS)}` : pick(r, SUBJECTS);
  const where = r() < 0.5 ? ` in ${pick(r, cast.places)}` : '';
  const extra = r() < 0.3 ? `, which ${pick(r, ['critics', 'supporters', 'officials'])} said would affect the ${pick(r, TOPIC_WORDS)} for years` : '';
  const detail = r() < 0.5 ? `, citing the ${word(r)} ${word(r)} and ${Array.from({ length: 1 + Math.floor(r() * 3) }, () => word(r)).join(' ')}` : '';
  const s = `${who} ${pick(r, VERBS)} ${pick(r, OBJECTS)}${where} ${pick(r, TAILS)}${detail}${extra}.`;
  return s[0]!.toUpperCase() + s.slice(1);
}

/**
 * One capture: a whole page's text as a scraper writes it — a scrape date now and then, the site's
 * menu, the headline, a byline and its date, the article's paragraphs with a promotion and a
 * picture's caption in them, related links, the footer. About the size of the development set's
 * captures (7 kB on average).
 */
export function capture(r: () => number, site: Site, i: number): string {
  const lines: string[] = [];
  const year = 2015 + Math.floor(r() * 10);
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  if (r() < 0.2) lines.push(`${pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, ${MONTHS[month]} ${Math.min(28, day + 1)}, ${year}`);
  lines.push(...site.menu);
  const subject = zipf(r, PLACES);
  const cast: Cast = { people: Array.from({ length: 1 + Math.floor(r() * 4) }, () => person(r)), places: [subject, zipf(r, PLACES)] };
  lines.push(`${subject} ${pick(r, ['council', 'court', 'harbour', 'hospital', 'ferry'])} ${pick(r, VERBS)} ${pick(r, OBJECTS).replace(/^the /, '')} (${i})`);
  lines.push(`By ${person(r)}`, `${MONTHS[month]} ${day}, ${year}`);
  const paragraphs = 12 + Math.floor(r() * 14);
  for (let p = 0; p < paragraphs; p++) {
    const n = 2 + Math.floor(r() * 4);
    lines.push(Array.from({ length: n }, () => sentence(r, cast)).join(' '));
    if (p === 2) lines.push(`READ MORE: ${sentence(r, cast).replace(/\.$/, '')}`);
    if (p === 4 && r() < 0.6) lines.push(`${subject} seen from the harbour on a winter morning. Photograph: ${person(r)}/Example Pictures`);
    if (p === 6 && r() < 0.5) lines.push('Advertisement');
  }
  lines.push('Related stories', ...Array.from({ length: 3 }, () => `${zipf(r, PLACES)} ${pick(r, VERBS)} ${pick(r, OBJECTS)}`));
  lines.push(...site.footer);
  return `${lines.join('\n\n')}\n`;
}

/** Writes `count` captures under `dir` (a thousand a folder), from `seed`. Returns the bytes written. */
export function generateCollection(dir: string, count: number, seed = 1): number {
  const r = random(seed);
  const all = sites(r, Math.max(4, Math.ceil(count / 500)));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(4, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const text = capture(r, all[i % all.length]!, i);
    writeFileSync(join(sub, `capture-${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
