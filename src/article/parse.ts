import matter from 'gray-matter';
import yaml from 'js-yaml';
import { z } from 'zod';
import { Frontmatter } from './schema.js';

const refuse = (language: string) => () => {
  throw new Error(`frontmatter in ${language} is not read: an article's frontmatter is YAML`);
};

/**
 * How an article's frontmatter is read, by ingest and site alike:
 * - YAML with the core schema, so `published: 2023-02-30` stays the text it is (and is refused as
 *   no calendar day) instead of becoming a Date that rolls over to 2 March;
 * - no JavaScript frontmatter (`---js`), which gray-matter would otherwise run;
 * - options always given, so gray-matter keeps no cache of every file it read.
 */
const OPTIONS = {
  engines: {
    yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object,
    js: refuse('JavaScript'),
    javascript: refuse('JavaScript'),
    coffee: refuse('CoffeeScript'),
  },
};

/** An article file's frontmatter (unchecked) and body. Throws with the file named when its frontmatter cannot be read. */
export function splitArticle(text: string, file: string): { data: Record<string, unknown>; body: string } {
  try {
    const parsed = matter(text, OPTIONS as never);
    return { data: (parsed.data ?? {}) as Record<string, unknown>, body: parsed.content };
  } catch (error) {
    throw new Error(`${file}: cannot read the frontmatter: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** gray-matter's split with the frontmatter left unread (JavaScript frontmatter still refused). */
const BODY_ONLY = { engines: { ...OPTIONS.engines, yaml: () => ({}) } };

/**
 * The body of an article file, its frontmatter not read: for a file whose frontmatter was read
 * and checked already (a site page's text). The split is gray-matter's own, so the body is the
 * one `splitArticle` gives; reading the YAML again was most of the cost.
 */
export function articleBody(text: string, file: string): string {
  try {
    return matter(text, BODY_ONLY as never).content;
  } catch (error) {
    throw new Error(`${file}: cannot read the frontmatter: ${(error as Error).message.split('\n')[0]}`);
  }
}

const keys = new Set(Object.keys(Frontmatter.shape));

/**
 * Reads an article file: frontmatter checked against the schema (a key outside it is left out
 * and named in `unknown`), body as written. Throws with the file and the field named.
 */
export function parseArticle(text: string, file = 'article'): { frontmatter: Frontmatter; body: string; unknown: string[] } {
  const { data, body } = splitArticle(text, file);
  const picked: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (keys.has(key)) picked[key] = value;
    else unknown.push(key);
  }
  const checked = Frontmatter.safeParse(picked);
  if (!checked.success) throw new Error(`${file}: frontmatter does not fit the schema: ${z.prettifyError(checked.error).replace(/\n+/g, ' ')}`);
  return { frontmatter: checked.data, body, unknown };
}
