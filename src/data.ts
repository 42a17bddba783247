import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defaultDataDir } from './data-files.js';

export { defaultDataDir, INGEST_DATA_FILES } from './data-files.js';

const Rule = z.object({
  id: z.string().regex(/^[a-z-]+$/),
  why: z.string(),
  match: z.enum(['line', 'prefix', 'contains']),
  pattern: z.string(),
  case: z.boolean().optional(),
  zone: z.enum(['head', 'tail']).optional(),
});
const Inline = z.object({ id: z.string().regex(/^[a-z-]+$/), why: z.string(), pattern: z.string() });
const Boilerplate = z.object({
  rules: z.array(Rule),
  inline: z.array(Inline).default([]),
  credits: z.object({ agencies: z.array(z.string()), words: z.array(z.string()) }),
  /** Saved pages: class and id words that mark the page's own chrome. */
  markup: z.object({ about: z.string().optional(), chromeClasses: z.array(z.string()), apartClasses: z.array(z.string()).default([]), brandClasses: z.array(z.string()).default([]) }).default({ chromeClasses: [], apartClasses: [], brandClasses: [] }),
  /** Lines that end an article and are part of it ("Reporting by …; Editing by …"). */
  articleCredits: z.object({ about: z.string().optional(), pattern: z.string() }).optional(),
  /** Labels of a site's own menus and links: a capture of nothing else is page furniture. */
  furniture: z.object({ about: z.string().optional(), labels: z.array(z.string()) }).default({ labels: [] }),
  /** Words that end a role, not a name, in a stated author ("Staff Writer"). */
  bylines: z.object({ about: z.string().optional(), roles: z.array(z.string()) }).default({ roles: [] }),
});
const Source = z.object({
  pattern: z.string(),
  site: z.string(),
  publisher: z.string().nullable(),
  aggregator: z.boolean().optional(),
});
const Sources = z.object({ sources: z.array(Source) });
const EntityType = z.enum(['person', 'place', 'organization']);
const Alias = z.object({
  name: z.string(),
  type: EntityType,
  aliases: z.array(z.string()).default([]),
  /** Aliases matched with their exact case (acronyms such as "GUR"). */
  acronyms: z.array(z.string()).default([]),
});
const Aliases = z.object({
  entities: z.array(Alias),
  /** Words that are never an entity on their own (sentence starters, titles, months…). */
  stopNames: z.array(z.string()).default([]),
  cues: z.object({
    personTitles: z.array(z.string()),
    personRoles: z.array(z.string()),
    placeWords: z.array(z.string()),
    placeSuffixes: z.array(z.string()),
    orgWords: z.array(z.string()),
    unitWords: z.array(z.string()),
  }),
});
const Topic = z.object({ label: z.string(), description: z.string(), terms: z.array(z.string()).min(1) });
const Topics = z.object({ topics: z.array(Topic).min(1) });

export type RuleSpec = z.infer<typeof Rule>;
export type SourceSpec = z.infer<typeof Source>;
export type AliasSpec = z.infer<typeof Alias>;
export type EntityKind = z.infer<typeof EntityType>;
export type AliasData = z.infer<typeof Aliases>;
export type TopicSpec = z.infer<typeof Topic>;

/** Everything the stages read from `_data/`, validated. */
export interface IngestData {
  boilerplate: z.infer<typeof Boilerplate>;
  sources: SourceSpec[];
  aliases: AliasData;
  topics: TopicSpec[];
}

/** Reads one JSON data file and validates it; the error names the file and the problem. */
export function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read data file: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: invalid data: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads and validates the data files; throws an error naming the file and the problem. */
export function loadData(dir = defaultDataDir): IngestData {
  return {
    boilerplate: readJson(dir, 'boilerplate.json', Boilerplate),
    sources: readJson(dir, 'sources.json', Sources).sources,
    aliases: readJson(dir, 'aliases.json', Aliases),
    topics: readJson(dir, 'topics.json', Topics).topics,
  };
}
