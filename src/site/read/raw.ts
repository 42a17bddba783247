import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { sha256 } from '../../article/hash.js';
import { isHiddenPath } from '../../article/paths.js';
import type { SiteArticle } from './model.js';

/** The largest capture the site republishes (ingest reads none larger). */
const MAX_RAW_BYTES = 64 * 1024 * 1024;

/**
 * The site path of a capture's published copy: plain text, which no browser runs. A capture
 * saved as `.txt` keeps its name; any other (`.html`, `.svg`, no extension) gets `.txt` added,
 * so `/raw/page.html.txt` is shown as the text it is, never rendered from the archive's origin.
 */
export function rawUrl(file: string): string {
  const name = extname(file) === '.txt' ? file : `${file}.txt`;
  return `/raw/${name.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Finds each article's capture in the raw folder and decides whether it is published. Only the
 * capture an article names is published, and only when it is a regular file inside the raw
 * folder, reached by no hidden file or folder and no link out of it (a curator's frontmatter
 * cannot publish `../.env`). Its bytes are hashed: the article page says whether the file still is
 * the one the article was made from.
 */
export function locateRaw(rawDir: string, articles: SiteArticle[]): void {
  const root = existsSync(rawDir) ? realpathSync(rawDir) : undefined;
  const taken = new Map<string, string>();
  // A file of several captures (JSON lines, a web archive) is located, hashed and published once.
  const located = new Map<string, NonNullable<SiteArticle['raw']>>();
  for (const article of articles) {
    const known = located.get(article.source.file);
    article.raw = known ? { ...known } : locate(root, article.source.file);
    located.set(article.source.file, article.raw);
    if (!article.raw.published) continue;
    // Two captures may meet on one published name ("a.html" beside "a.html.txt"): the second is told apart by its hash.
    const other = taken.get(article.raw.url);
    if (other !== undefined && other !== article.raw.path) article.raw.url = article.raw.url.replace(/\.txt$/, `.${article.raw.sha256.slice(0, 8)}.txt`);
    taken.set(article.raw.url, article.raw.path);
    article.raw.matches = article.source.record ? undefined : article.raw.sha256 === article.source.sha256;
  }
}

function locate(root: string | undefined, file: string): NonNullable<SiteArticle['raw']> {
  if (!root) return { published: false, reason: 'the raw folder is missing' };
  const parts = file.split('/');
  if (isAbsolute(file) || parts.some((p) => p === '' || p === '.' || p === '..')) return { published: false, reason: 'its path leads outside the raw folder' };
  if (parts.some((p) => p.startsWith('.'))) return { published: false, reason: 'hidden files are never published' };
  let real: string;
  try {
    real = realpathSync(join(root, ...parts));
  } catch {
    return { published: false, reason: 'the capture is no longer in the raw folder' };
  }
  const inside = relative(root, real);
  if (inside.startsWith('..') || isAbsolute(inside) || isHiddenPath(inside.split(sep))) {
    return { published: false, reason: 'its file is a link to a place outside the raw folder' };
  }
  let bytes: Buffer;
  try {
    bytes = readCapture(real);
  } catch (error) {
    return { published: false, reason: (error as Error).message };
  }
  return { published: true, url: rawUrl(file), path: real, sha256: sha256(bytes), bytes: bytes.length, matches: true };
}

function readCapture(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('the capture is not a regular file');
    if (stat.size > MAX_RAW_BYTES) throw new Error('the capture is too large to publish');
    return readFileSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code ? `the capture cannot be read (${code})` : (error as Error).message);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the published captures into the built site, as plain bytes with the site's own file
 * mode (a private or executable mode is not copied). A capture that changed during the build
 * stops it: the page already states a hash.
 */
export function copyRaw(outputDir: string, articles: SiteArticle[]): number {
  let copied = 0;
  const done = new Set<string>();
  for (const article of articles) {
    const raw = article.raw;
    if (!raw?.published || done.has(raw.url)) continue;
    done.add(raw.url);
    const bytes = readCapture(raw.path);
    if (sha256(bytes) !== raw.sha256) throw new Error(`${raw.path}: the capture changed during the build; build again`);
    const target = join(outputDir, ...decodeURIComponent(raw.url).split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    copied++;
  }
  return copied;
}
