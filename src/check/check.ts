import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { RULE_REASONS } from '../article/rules.js';
import type { IngestData } from '../data.js';
import { readState } from '../ingest/run/state.js';
import { listCaptures } from '../ingest/run/listing.js';
import { listConflicts, type Conflict } from '../review/review.js';
import { loadArticles, readArticleText, type ArticleText, type SiteArticle } from '../site/read/model.js';
import { nearDuplicates, sketch, type DuplicateGroup, type Sketch } from './duplicates.js';
import type { CheckSettings } from './settings.js';

/**
 * The collection's health, as `npm run check` prints it and the site's /report/ page shows it.
 * Articles are named by their file in the articles folder. Errors are what needs a hand before
 * publishing (an article that cannot be read, a conflict waiting); the rest are for a curator's eye.
 */
export interface Health {
  articles: number;
  errors: { file: string; problem: string }[];
  undated: string[];
  untopical: string[];
  nearDuplicates: DuplicateGroup[];
  /** Names of people, places and organisations met in one article only: extraction noise, or an alias to add. */
  singleNames: { kind: 'people' | 'places' | 'organizations'; name: string; file: string }[];
  smallTopics: { topic: string; articles: number }[];
  skipped: { file: string; reason: string }[];
  rules: { rule: string; articles: number; lines: number; suspect?: 'everywhere' | 'nowhere' }[];
  /** Sites no signature of sources.json names, and how many articles have each. */
  unsignedSites: { site: string; articles: number }[];
  noSite: string[];
  conflicts: Conflict[];
}

export interface CheckInput {
  articlesDir: string;
  /** The raw captures: files no reader takes are listed as skipped when it is given. */
  rawDir?: string;
  data: Pick<IngestData, 'boilerplate' | 'sources' | 'topics'>;
  settings: CheckSettings;
  /** Articles already loaded (the site's); read from the folder otherwise. */
  articles?: SiteArticle[];
  /** What their texts gave as they were loaded (`textFacts`); each text is read again otherwise. */
  texts?: TextFacts;
}

/** What the check takes from each article's text: a sketch for near-duplicates, and whether its site was read from a signature. */
export interface TextFacts {
  sketches: Map<SiteArticle, Sketch>;
  signedSites: Set<string>;
}

/** Gathers `TextFacts` one text at a time (give `add` to `loadArticles`): the texts are not held. */
export function textFacts(): { add: (article: SiteArticle, text: ArticleText) => void; facts: TextFacts } {
  const facts: TextFacts = { sketches: new Map(), signedSites: new Set() };
  return {
    facts,
    add: (a, text) => {
      // A site read from a signature names its raw line; one the page stated names where (og:site_name…).
      if (a.site && text.read?.site && text.read.site.where === undefined) facts.signedSites.add(a.site);
      facts.sketches.set(a, sketch(text.body));
    },
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function checkCollection(input: CheckInput): Health {
  const { articlesDir, data, settings } = input;
  const errors: Health['errors'] = [];
  let texts = input.texts;
  let articles = input.articles;
  if (!articles) {
    // One pass over the folder: each text into its facts as it is read.
    const gather = textFacts();
    articles = loadArticles(articlesDir, (path, error) => errors.push({ file: relative(articlesDir, path), problem: error.message.replace(`${path}: `, '') }), gather.add);
    texts = gather.facts;
  }
  if (!texts) {
    const gather = textFacts();
    for (const a of articles) gather.add(a, readArticleText(a));
    texts = gather.facts;
  }
  const fileOf = (a: SiteArticle) => relative(articlesDir, a.inputPath);
  const { signedSites } = texts;
  // An article loaded apart from the facts given is read for its own.
  const sketches = articles.map((a) => ({ id: fileOf(a), sketch: texts.sketches.get(a) ?? sketch(readArticleText(a).body) }));

  const names = { people: new Map<string, string[]>(), places: new Map<string, string[]>(), organizations: new Map<string, string[]>() };
  const topicCounts = new Map<string, number>();
  const ruleArticles = new Map<string, number>();
  const ruleLines = new Map<string, number>();
  const sites = new Map<string, number>();
  for (const a of articles) {
    for (const kind of ['people', 'places', 'organizations'] as const) {
      for (const name of new Set(a[kind])) {
        const list = names[kind].get(name);
        if (list) list.push(fileOf(a));
        else names[kind].set(name, [fileOf(a)]);
      }
    }
    for (const t of new Set(a.topics)) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
    for (const [rule, n] of Object.entries(a.removedByRule)) {
      ruleArticles.set(rule, (ruleArticles.get(rule) ?? 0) + 1);
      ruleLines.set(rule, (ruleLines.get(rule) ?? 0) + n);
    }
    if (a.site) sites.set(a.site, (sites.get(a.site) ?? 0) + 1);
  }

  const judged = articles.length >= settings.rulesFrom;
  const ruleIds = [...Object.keys(RULE_REASONS), ...data.boilerplate.rules.map((r) => r.id), ...data.boilerplate.inline.map((r) => r.id)];
  const rules = [...new Set([...ruleIds, ...ruleArticles.keys()])].sort(byName).map((rule) => {
    const n = ruleArticles.get(rule) ?? 0;
    const suspect = !judged ? undefined : n === 0 ? ('nowhere' as const) : n >= settings.ruleEverywhere * articles.length ? ('everywhere' as const) : undefined;
    return { rule, articles: n, lines: ruleLines.get(rule) ?? 0, ...(suspect ? { suspect } : {}) };
  });

  // A site is signed when a signature of sources.json names it, or named it in one of its captures.
  const signed = new Set(data.sources.map((s) => s.site));
  const unsignedSites = [...sites].filter(([site]) => !signed.has(site) && !signedSites.has(site)).sort((x, y) => y[1] - x[1] || byName(x[0], y[0])).map(([site, n]) => ({ site, articles: n }));

  // Skips of the listing (hidden files, links out, formats no reader takes), then of the readers as ingest recorded them.
  const skipped: Health['skipped'] = input.rawDir && existsSync(input.rawDir) ? listCaptures(input.rawDir).skipped.map((s) => ({ file: s.file, reason: s.reason })) : [];
  if (existsSync(articlesDir)) {
    try {
      const { state } = readState(articlesDir);
      for (const [file, entry] of Object.entries(state.files)) for (const s of entry.skipped) skipped.push({ file: s.id ?? file, reason: s.reason });
    } catch (error) {
      errors.push({ file: '.ingest-state.json', problem: (error as Error).message });
    }
  }

  let conflicts: Conflict[] = [];
  try {
    conflicts = listConflicts(articlesDir);
  } catch (error) {
    errors.push({ file: '(review)', problem: (error as Error).message });
  }

  return {
    articles: articles.length,
    errors,
    undated: articles.filter((a) => !a.published).map(fileOf).sort(byName),
    untopical: articles.filter((a) => a.topics.length === 0).map(fileOf).sort(byName),
    nearDuplicates: nearDuplicates(sketches.sort((x, y) => byName(x.id, y.id)), settings.nearDuplicate),
    singleNames: (['people', 'places', 'organizations'] as const).flatMap((kind) =>
      [...names[kind]].filter(([, files]) => files.length === 1).map(([name, files]) => ({ kind, name, file: files[0]! })).sort((x, y) => byName(x.name, y.name)),
    ),
    smallTopics: data.topics.map((t) => ({ topic: t.label, articles: topicCounts.get(t.label) ?? 0 })).filter((t) => t.articles < settings.smallTopic),
    skipped: skipped.sort((x, y) => byName(x.file, y.file)),
    rules,
    unsignedSites,
    noSite: articles.filter((a) => !a.site).map(fileOf).sort(byName),
    conflicts,
  };
}

/** Whether the health holds errors (what `--strict` fails on). */
export function hasErrors(health: Health): boolean {
  return health.errors.length > 0 || health.conflicts.length > 0;
}
