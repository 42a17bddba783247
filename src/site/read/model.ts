import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { articleBody, parseArticle } from '../../article/parse.js';
import { Ledger, type Frontmatter } from '../../article/schema.js';
import { slugify } from '../../article/slug.js';

/** Where the raw capture of an article is published, or why it is not. */
export type RawCopy =
  /** `matches`: the file is still the capture the article was made from (undefined for a record of a file of several: its file's hash says nothing of it). */
  | { published: true; url: string; path: string; sha256: string; bytes: number; matches?: boolean }
  | { published: false; reason: string };

/**
 * One article as the site sees it: its frontmatter, how many lines each rule removed, and where
 * it is published. Its text and ledger are not held (100,000 of them would be gigabytes): the
 * article's page reads them when it is rendered (`readArticleText`).
 */
export interface SiteArticle extends Frontmatter {
  /** The page's path in the site, e.g. "/articles/some-slug/". */
  url: string;
  /** The Markdown file it came from. */
  inputPath: string;
  /** Lines removed in cleaning, by rule. */
  removedByRule: Record<string, number>;
  /** Its raw capture in the site (set by `locateRaw`). */
  raw?: RawCopy;
}

/** What only an article's own page shows: its text and its ledger. */
export interface ArticleText {
  /** Markdown as ingest (or a curator) wrote it. */
  body: string;
  removed: Ledger['removed'];
  /** The raw line each value was read from, as ingest recorded it. */
  read?: Ledger['read'];
}

/** The most bytes an article file may have: anything larger is not an article ingest wrote. */
const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/**
 * Reads every article of the archive: the `*.md` files of the articles folder (and its
 * subfolders), each with the removal ledger beside it. The site's own reader, not Eleventy's:
 * nothing in the folder is ever run as a template, a `permalink` or `layout` in a frontmatter
 * does nothing, and JavaScript frontmatter is refused. Hidden files, links and anything that
 * is not a regular file are left alone. A file that breaks the schema stops the build with its
 * path and the field named, rather than rendering a half-empty page. `onText` is given each
 * article's text and ledger as it is read, to be used then and let go.
 */
export function loadArticles(articlesDir: string, onError?: (path: string, error: Error) => void, onText?: (article: SiteArticle, text: ArticleText) => void): SiteArticle[] {
  if (!existsSync(articlesDir)) return [];
  const articles: SiteArticle[] = [];
  const urls = new Map<string, string>();
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md') && !entry.name.endsWith('.incoming.md')) {
        let article: SiteArticle;
        try {
          article = readArticleFile(path, articlesDir, onText);
        } catch (error) {
          // The site stops on a broken article; the health check lists it and goes on.
          if (!onError) throw error;
          onError(path, error as Error);
          continue;
        }
        const other = urls.get(article.url);
        if (other) throw new Error(`${path}: its page ${article.url} is also the page of ${other}; rename one of the two files`);
        urls.set(article.url, path);
        articles.push(article);
      }
    }
  };
  walk(articlesDir);
  return articles;
}

function readArticleFile(path: string, root: string, onText?: (article: SiteArticle, text: ArticleText) => void): SiteArticle {
  const text = readRegularFile(path, MAX_ARTICLE_BYTES).toString('utf8');
  const { frontmatter, body } = parseArticle(text, path);
  const ledger = readLedger(path);
  const removedByRule: Record<string, number> = {};
  for (const r of ledger?.removed ?? []) removedByRule[r.rule] = (removedByRule[r.rule] ?? 0) + 1;
  // The file's place in the folder is its address: "x.md" → /articles/x/.
  // A name that already is a slug is kept whole: ingest's suffix for a second article of the same
  // headline ("…-5dc1c9") goes past slugify's length and must not be cut back into the first's.
  const segments = relative(root, path).slice(0, -3).split(sep).map((s) => (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) ? s : slugify(s) || 'article'));
  const article: SiteArticle = { ...frontmatter, url: `/articles/${segments.join('/')}/`, inputPath: path, removedByRule };
  // Whoever needs the text of every article (the health check) has it here, not by reading the files again.
  onText?.(article, articleText(body, ledger));
  return article;
}

/** The ledger beside an article file, checked, or undefined when there is none. */
function readLedger(path: string): Ledger | undefined {
  const ledgerPath = path.replace(/\.md$/, '.11tydata.json');
  if (!existsSync(ledgerPath)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readRegularFile(ledgerPath, MAX_ARTICLE_BYTES).toString('utf8'));
  } catch (error) {
    throw new Error(`${ledgerPath}: the removal ledger cannot be read: ${(error as Error).message}`);
  }
  const ledger = Ledger.safeParse(raw);
  if (!ledger.success) throw new Error(`${ledgerPath}: the removal ledger does not fit the schema: ${z.prettifyError(ledger.error)}`);
  return ledger.data;
}

/** An article's text and ledger, read from its files for its page. */
export function readArticleText(article: SiteArticle): ArticleText {
  // Its frontmatter was read and checked with the collection (`loadArticles`): only the body is taken here.
  const body = articleBody(readRegularFile(article.inputPath, MAX_ARTICLE_BYTES).toString('utf8'), article.inputPath);
  return articleText(body, readLedger(article.inputPath));
}

function articleText(body: string, ledger: Ledger | undefined): ArticleText {
  return { body, removed: ledger?.removed ?? [], ...(ledger?.read ? { read: ledger.read } : {}) };
}

/**
 * A regular file's bytes, opened without blocking and checked once open: a named pipe or a
 * device never blocks the build, and a file too large to be what it claims is refused.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${path}: not a regular file`);
    if (stat.size > maxBytes) throw new Error(`${path}: ${stat.size} bytes, more than the ${maxBytes} an article file may have`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
