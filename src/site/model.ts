import { z } from 'zod';
import { Frontmatter, Ledger } from '../article/schema.js';

/** One article as the site sees it: its frontmatter, its ledger and where Eleventy put it. */
export interface SiteArticle extends Frontmatter {
  /** The page's path in the site, e.g. "/articles/some-slug/". */
  url: string;
  /** The Markdown file it came from, for error messages. */
  inputPath: string;
  removed: Ledger['removed'];
}

/** What Eleventy hands over for a collection item (only the parts read here). */
export interface EleventyItem {
  url: string | false;
  inputPath: string;
  data: Record<string, unknown>;
}

const keys = Object.keys(Frontmatter.shape) as (keyof Frontmatter)[];

// A curator may write `published: 2022-11-10` unquoted: YAML reads it as a Date. It is still a day.
function isoDay(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

/**
 * An Eleventy item → a checked `SiteArticle`. A file whose frontmatter breaks the schema stops the
 * build with its path and the problem, rather than rendering a half-empty page.
 */
export function toSiteArticle(item: EleventyItem): SiteArticle {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (item.data[key] !== undefined) picked[key] = isoDay(item.data[key]);
  const front = Frontmatter.safeParse(picked);
  if (!front.success) throw new Error(`${item.inputPath}: frontmatter does not fit the schema: ${z.prettifyError(front.error)}`);
  const ledger = Ledger.safeParse({ removed: item.data.removed ?? [] });
  if (!ledger.success) throw new Error(`${item.inputPath}: removal ledger does not fit the schema: ${z.prettifyError(ledger.error)}`);
  if (!item.url) throw new Error(`${item.inputPath}: an article needs a page (permalink is false)`);
  return { ...front.data, url: item.url, inputPath: item.inputPath, removed: ledger.data.removed };
}
