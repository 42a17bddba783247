import { readFileSync, writeFileSync } from 'node:fs';
import type { SiteArticle } from './model.js';
import type { Derived } from '../index/archive.js';
import type { Health } from '../../check/check.js';

const VERSION = 3;

export interface Snapshot {
  articles: SiteArticle[];
  derived: Derived;
  /** The collection's health for /report/ (src/check), worked out once. */
  health: Health;
}

/**
 * The archive as worked out once for a build (frontmatter, counts from the ledger, the raw capture
 * located and hashed; related articles and companions), handed to each part of a build in several
 * parts: JSON parses in seconds what 100,000 YAML frontmatters, raw hashes and the related-article
 * pass take minutes to redo, in every part.
 */
export function writeSnapshot(path: string, snapshot: Snapshot): void {
  writeFileSync(path, JSON.stringify({ version: VERSION, ...snapshot }));
}

export function readSnapshot(path: string): Snapshot {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { version?: number } & Partial<Snapshot>;
  if (data.version !== VERSION || !Array.isArray(data.articles) || !data.derived || !data.health) throw new Error(`${path}: not a snapshot of this version of clippings`);
  return { articles: data.articles, derived: data.derived, health: data.health };
}
