import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_NAME, parseManifest, siteManifest, TREES, type Manifest, type Tree } from './manifest.js';
import { hashFiles } from './read.js';

/** What a check of a copy against its manifest found, by manifest path. */
export interface Verdict {
  /** Listed, and not in the copy. */
  missing: string[];
  /** Listed, in the copy, with other bytes. */
  changed: string[];
  /** In the copy (the site), not listed. */
  extra: string[];
  /** Files whose bytes were checked and found as listed. */
  intact: number;
  /** Trees of the manifest that were not at hand to check (a downloaded site has no collection). */
  unchecked: Tree[];
}

export interface VerifyOptions {
  site: string;
  /** The manifest to check against (default: the one in the site). */
  manifest?: string;
  /** The collection's folders, checked when given. */
  articles?: string;
  raw?: string;
}

function compare(listed: Manifest, found: Manifest, prefix: string, verdict: Verdict, extras: boolean): void {
  for (const [path, hash] of listed) {
    if (!path.startsWith(prefix)) continue;
    const now = found.get(path);
    if (now === undefined) verdict.missing.push(path);
    else if (now !== hash) verdict.changed.push(path);
    else verdict.intact++;
  }
  if (extras) for (const path of found.keys()) if (path.startsWith(prefix) && !listed.has(path)) verdict.extra.push(path);
}

/**
 * Checks a built (or downloaded) site against its manifest: every file of the site, and, when the
 * collection's folders are given, every capture and article the manifest lists. In the collection
 * only missing and changed files count: a raw folder rightly holds captures that became no
 * article, and an articles folder articles written since the build. Collection files are read
 * where the manifest says, without parsing them: a damaged article is reported, not a crash.
 */
export async function verifySite(options: VerifyOptions): Promise<Verdict> {
  const manifestPath = options.manifest ?? join(options.site, MANIFEST_NAME);
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath}: no manifest (it is written by npm run build, last)`);
  const listed = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
  const verdict: Verdict = { missing: [], changed: [], extra: [], intact: 0, unchecked: [] };
  compare(listed, await siteManifest(options.site), TREES.site, verdict, true);
  for (const tree of ['articles', 'raw'] as const) {
    const dir = options[tree];
    if (dir) compare(listed, await listedFiles(listed, TREES[tree], dir), TREES[tree], verdict, false);
    else verdict.unchecked.push(tree);
  }
  return verdict;
}

/** The files of one collection tree the manifest lists, hashed where they are now (a path that would leave the folder is not followed). */
async function listedFiles(listed: Manifest, prefix: string, dir: string): Promise<Manifest> {
  const paths: string[] = [];
  const files: string[] = [];
  for (const path of listed.keys()) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..')) continue;
    try {
      const stat = lstatSync(join(dir, ...parts));
      // A capture may be a link inside the collection (an annexed file): its bytes are what count.
      if (stat.isFile() || stat.isSymbolicLink()) {
        paths.push(path);
        files.push(join(dir, ...parts));
      }
    } catch {
      // Missing: reported as missing.
    }
  }
  // Unreadable: reported as missing too.
  const hashes = await hashFiles(files, 'undefined');
  const found: Manifest = new Map();
  paths.forEach((path, i) => {
    if (hashes[i] !== undefined) found.set(path, hashes[i]!);
  });
  return found;
}
