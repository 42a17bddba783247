/**
 * Thresholds of the ingest stages. Vocabulary lives in `_data/*.json`; the numbers that tune how
 * the stages judge text live here, each with the reason for its value. Change them together with
 * `npm run eval` (development set F1) and `npm test` (seed gold).
 */
export interface IngestSettings {
  /** Files larger than this are skipped with a reason instead of being read into memory. */
  maxBytes: number;
  /** Bytes (estimated) of what pass 1 read that each thread keeps for pass 2, so a file is parsed once. */
  scanCache: number;
  /** A decoded file with more than this share of control characters is binary, not text. */
  maxControlShare: number;
  /** Blocks below this many characters are "short": judged by their neighbours (jusText). */
  shortChars: number;
  /** A block this long with enough stop words is good on its own. */
  goodChars: number;
  /** Stop-word share at or above which a block reads as prose ("near-good"). */
  stopLow: number;
  /** Stop-word share at or above which a long block is good. */
  stopHigh: number;
  /** Below stopLow, a long block that ends like a sentence is still near-good down to this share. */
  stopFloor: number;
  /** An unterminated block with at least this many words reads as a headline link or caption. */
  headlineWords: number;
  /** A block of at most this many words without terminal punctuation is a fragment (label, alt text). */
  fragmentWords: number;
  /** Fragments between good paragraphs are kept as subheadings when a document has at least this many. */
  minSubheadings: number;
  /** A block repeated verbatim in at least this many other documents of the collection is site chrome. */
  repeatedInDocs: number;
  /** A capture sharing this share of its prose with others is a version of them: repetition is ignored. */
  versionShare: number;
  /** A capture whose text stands elsewhere at this share is a duplicate, prose or not. */
  duplicateShare: number;
  /** How many blocks under the headline may hold the byline and its date. */
  bylineBlocks: number;
  /** How many blocks at the top of a capture may hold a scrape or "today" date (the capture date). */
  topBlocks: number;
  /** How many blocks after the article's last paragraph may hold a byline's date. */
  tailBlocks: number;
  /** A block contained in a longer block of the same document is a teaser or pull quote if it has this many words. */
  containedWords: number;
  /**
   * Saved pages: a run of at least this many blocks that repeats an earlier run, in order, with at
   * least `copyRunWords` words, is a second copy of the text (a pinned post, the story twice).
   */
  copyRunBlocks: number;
  copyRunWords: number;
  /** The head and tail zones (share of blocks) where zone-limited rules apply. */
  zoneShare: number;
  /** A title line has at most this many words. */
  titleMaxWords: number;
  /** A block that is the same headline twice has halves of at most this many words. */
  doubledMaxWords: number;
  /** How many leading blocks may be site chrome before the title (when the capture has no run of prose to start from). */
  titleSearchBlocks: number;
  /** How many blocks above the article's first paragraph the headline may stand (menus and share bars between). */
  headlineWindow: number;
  /** How many words of the article's first paragraphs a headline is compared with. */
  headlineTextWords: number;
  /** Share of a headline's content words the first paragraphs must hold for it to be the article's. */
  headlineRelevance: number;
  /** What it adds to that share when the page repeats the headline (a "Now reading" bar, a breadcrumb). */
  headlineRepeatBonus: number;
  /** From HTML: a block with at least this share of its characters in links is a menu or a link list. */
  maxLinkDensity: number;
  /** From HTML: the element holding this share of the article's prose holds the article. */
  containerShare: number;
  /** A topic needs this many term hits (counting the title twice) to be assigned. */
  topicMinHits: number;
  /** At most this many topics per article, best first. */
  topicMax: number;
  /** A further topic needs at least this share of the main topic's hits. */
  topicRelative: number;
  /** Publication years outside this range are misreadings or placeholders ("December 31, 9999"), never a publication date. */
  plausibleYears: [number, number];
}

export const defaultSettings: IngestSettings = {
  maxBytes: 5 * 1024 * 1024, // a long article is ~100 kB; 5 MB is a dump, not an article
  scanCache: 384 * 1024 * 1024, // two threads and the main one stay well under the 1.5 GB of the 10k target
  maxControlShare: 0.01,
  shortChars: 70, // jusText's LENGTH_LOW
  goodChars: 100, // jusText uses 200 for web pages; news paragraphs are shorter
  stopLow: 0.26, // gold paragraphs of the development set: 5th percentile 0.29 with these lists
  stopHigh: 0.3,
  stopFloor: 0.15, // market and sports reports run at 0.15–0.25
  headlineWords: 10,
  fragmentWords: 5,
  minSubheadings: 2,
  repeatedInDocs: 1,
  versionShare: 0.3, // with a shared opening line; footers and blurbs alone stay under it on most captures
  duplicateShare: 0.8,
  bylineBlocks: 6,
  topBlocks: 5,
  tailBlocks: 2,
  containedWords: 8,
  copyRunBlocks: 3,
  copyRunWords: 50,
  zoneShare: 0.3,
  titleMaxWords: 30,
  titleSearchBlocks: 8,
  headlineWindow: 30,
  headlineTextWords: 1000,
  headlineRelevance: 0.25,
  headlineRepeatBonus: 0.3,
  doubledMaxWords: 20, // related-link headlines on the development set run to 15 words
  containerShare: 0.8, // an article's body holds its text; a pull quote or a caption may sit outside
  maxLinkDensity: 0.5, // jusText uses 0.2 on every block; prose links a name or two, a menu is all links
  topicMinHits: 2,
  topicMax: 4,
  topicRelative: 0.3, // a sports report that mentions one "shooting" is not about crime
  plausibleYears: [1800, 2100], // the first newspapers scanned into archives to a year no capture can be from
};
