import { readFileSync, writeFileSync } from 'node:fs';
import type { SiteArticle } from './model.js';

const VERSION = 1;

/**
 * The articles as read once for a build (frontmatter, counts from the ledger, the raw capture
 * located and hashed), handed to each part of a build in several parts: JSON parses in a second
 * what 100,000 YAML frontmatters and raw hashes take a minute to read again.
 */
export function writeSnapshot(path: string, articles: SiteArticle[]): void {
  writeFileSync(path, JSON.stringify({ version: VERSION, articles }));
}

export function readSnapshot(path: string): SiteArticle[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { version?: number; articles?: SiteArticle[] };
  if (data.version !== VERSION || !Array.isArray(data.articles)) throw new Error(`${path}: not a snapshot of this version of clippings`);
  return data.articles;
}
