import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sha256 } from '../article/hash.js';
import { hashFiles } from './read.js';
import { join, relative, sep } from 'node:path';
import { locateRaw } from '../site/read/raw.js';
import { loadArticles } from '../site/read/model.js';

/**
 * The archive's fixity manifest, `/manifest-sha256.txt` in the built site: one `sha256  path` line
 * per file, as BagIt writes its manifests, sorted by path, so the same archive always gives the
 * same bytes. Three trees, told apart by the first part of each path:
 * - `site/…`: every file of the built site but the manifest itself;
 * - `collection/raw/…`: every raw capture an article was made from, under its path in the collection
 *   (only those: the names of captures that became no article are not published anywhere);
 * - `collection/articles/…`: every article's Markdown and its ledger.
 */
export const MANIFEST_NAME = 'manifest-sha256.txt';
export const TREES = { site: 'site/', raw: 'collection/raw/', articles: 'collection/articles/' } as const;
export type Tree = keyof typeof TREES;

export type Manifest = Map<string, string>;

/** Paths compare by their UTF-16 code units (not the locale): the order is the same everywhere. */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A manifest's text: sorted lines, two spaces between hash and path, a newline after each. */
export function formatManifest(manifest: Manifest): string {
  return [...manifest.keys()].sort(byPath).map((path) => `${manifest.get(path)}  ${path}\n`).join('');
}

/** Reads a manifest's text; a line that is not `<64 hex>  <path>` is an error naming its line. */
export function parseManifest(text: string, name = MANIFEST_NAME): Manifest {
  const manifest: Manifest = new Map();
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) throw new Error(`${name}, line ${i + 1}: not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 80))}`);
    if (manifest.has(m[2]!)) throw new Error(`${name}, line ${i + 1}: ${m[2]} is listed twice`);
    manifest.set(m[2]!, m[1]!);
  });
  return manifest;
}

/**
 * Every file under a folder, as POSIX paths relative to it, with what is not a regular file
 * (a link, a pipe) apart: those are never part of a built site.
 */
export function walkFiles(root: string, skip: (path: string) => boolean = () => false): { files: string[]; odd: string[] } {
  const files: string[] = [];
  const odd: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort(byPath)) {
      const path = join(dir, name);
      const rel = relative(root, path).split(sep).join('/');
      if (skip(rel)) continue;
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) files.push(rel);
      else odd.push(rel);
    }
  };
  if (existsSync(root)) walk(root);
  return { files, odd };
}

/** The hash of every file of the built site, the manifest left out (read several at a time: see read.ts). */
export async function siteManifest(siteDir: string): Promise<Manifest> {
  const manifest: Manifest = new Map();
  const { files, odd } = walkFiles(siteDir, (rel) => rel === MANIFEST_NAME);
  if (odd.length > 0) throw new Error(`${join(siteDir, odd[0]!)}: not a regular file; a built site holds only files`);
  const hashes = await hashFiles(files.map((rel) => join(siteDir, rel)));
  files.forEach((rel, i) => manifest.set(TREES.site + rel, hashes[i]!));
  return manifest;
}

/** The hash of every article's Markdown and ledger, and of every capture an article names. */
export function collectionManifest(articlesDir: string, rawDir: string): Manifest {
  const manifest: Manifest = new Map();
  const articles = loadArticles(articlesDir);
  locateRaw(rawDir, articles);
  for (const article of articles) {
    for (const path of [article.inputPath, article.inputPath.replace(/\.md$/, '.11tydata.json')]) {
      if (!existsSync(path)) continue;
      manifest.set(TREES.articles + relative(articlesDir, path).split(sep).join('/'), sha256(readFileSync(path)));
    }
    if (article.raw?.published) manifest.set(TREES.raw + article.source.file, article.raw.sha256);
  }
  return manifest;
}

/** Writes the manifest into the built site; returns how many files it lists and its own hash. */
export async function writeManifest(siteDir: string, articlesDir: string, rawDir: string): Promise<{ files: number; sha256: string }> {
  const manifest = new Map([...collectionManifest(articlesDir, rawDir), ...(await siteManifest(siteDir))]);
  const text = formatManifest(manifest);
  writeFileSync(join(siteDir, MANIFEST_NAME), text);
  return { files: manifest.size, sha256: sha256(Buffer.from(text)) };
}
