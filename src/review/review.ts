import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { differingGroups, mergeFresh, type ArticleParts, type FieldGroup } from '../article/fields.js';
import { formatArticle } from '../article/format.js';
import { parseArticle } from '../article/parse.js';
import { DECISIONS_FILE, incomingFiles, incomingSlug, readDecisions } from '../article/review.js';
import { Ledger } from '../article/schema.js';
import { writeAtomic } from '../ingest/write/atomic.js';

/**
 * The archivist's review of edited articles whose capture changed (see src/article/review.ts):
 * list them, show the difference, accept the fresh version (keeping the curator's values) or
 * keep the edit. Every change is written atomically; the caller holds ingest's lock.
 */

export interface Conflict {
  slug: string;
  /** The capture, as the fresh version names it. */
  file: string;
  /** Groups of values the curator set, which accepting keeps. */
  curator: FieldGroup[];
  /** Groups the fresh version changes, which accepting takes. */
  fresh: FieldGroup[];
}

function readParts(path: string): ArticleParts {
  const { frontmatter, body } = parseArticle(readFileSync(path, 'utf8'), path);
  return { frontmatter, body };
}

/** What ingest wrote, by digest, from the ledger beside the edited article (absent for an article ingest never wrote). */
function writtenDigests(dir: string, slug: string): Partial<Record<FieldGroup, string>> | undefined {
  const path = join(dir, `${slug}.11tydata.json`);
  if (!existsSync(path)) return undefined;
  const ledger = Ledger.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return ledger.success ? (ledger.data.written as Partial<Record<FieldGroup, string>> | undefined) : undefined;
}

function load(dir: string, slug: string): { edited: ArticleParts; fresh: ArticleParts; written?: Partial<Record<FieldGroup, string>> } {
  const files = incomingFiles(dir, slug);
  if (!existsSync(files.markdown)) throw new Error(`no fresh version waits for ${slug} (no ${slug}.incoming.md in ${dir}); npm run review lists those that do`);
  if (!existsSync(join(dir, `${slug}.md`))) throw new Error(`${join(dir, `${slug}.md`)}: the edited article is gone; remove ${files.markdown} or restore it`);
  return { edited: readParts(join(dir, `${slug}.md`)), fresh: readParts(files.markdown), written: writtenDigests(dir, slug) };
}

/** Every conflict waiting in the articles folder, by slug. */
export function listConflicts(dir: string): Conflict[] {
  if (!existsSync(dir)) return [];
  const slugs = readdirSync(dir).map(incomingSlug).filter((s): s is string => s !== undefined).sort();
  return slugs.map((slug) => {
    const { edited, fresh, written } = load(dir, slug);
    const { kept } = mergeFresh(edited, written, fresh);
    const changed = differingGroups(edited, fresh).filter((g) => !kept.includes(g));
    return { slug, file: fresh.frontmatter.source.file, curator: kept, fresh: changed };
  });
}

/** The difference between the edited article and the fresh version, as a unified diff. */
export function diffConflict(dir: string, slug: string): string {
  load(dir, slug);
  const files = incomingFiles(dir, slug);
  return createTwoFilesPatch(`${slug}.md`, `${slug}.incoming.md`, readFileSync(join(dir, `${slug}.md`), 'utf8'), readFileSync(files.markdown, 'utf8'), 'edited', 'fresh');
}

/**
 * Accepts the fresh version: the article becomes it, with the values the curator set kept
 * (unless `takeAll`), and its ledger becomes the fresh version's. Returns the groups kept.
 */
export function acceptConflict(dir: string, slug: string, options: { takeAll?: boolean } = {}): FieldGroup[] {
  const { edited, fresh, written } = load(dir, slug);
  const { merged, kept } = options.takeAll ? { merged: fresh, kept: [] as FieldGroup[] } : mergeFresh(edited, written, fresh);
  const files = incomingFiles(dir, slug);
  // The ledger first, the article last: the article file is what says the change is made.
  writeAtomic(join(dir, `${slug}.11tydata.json`), readFileSync(files.ledger, 'utf8'));
  writeAtomic(join(dir, `${slug}.md`), options.takeAll ? readFileSync(files.markdown, 'utf8') : formatArticle(merged.frontmatter, merged.body));
  rmSync(files.markdown, { force: true });
  rmSync(files.ledger, { force: true });
  return kept;
}

/** Keeps the edit as it is against this capture: the fresh version is dropped and not offered again until the capture changes again. */
export function keepEdit(dir: string, slug: string): void {
  const { fresh } = load(dir, slug);
  const decisions = readDecisions(dir);
  decisions.kept[slug] = fresh.frontmatter.source.sha256;
  const sorted = Object.fromEntries(Object.entries(decisions.kept).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeAtomic(join(dir, DECISIONS_FILE), `${JSON.stringify({ kept: sorted }, null, 1)}\n`);
  const files = incomingFiles(dir, slug);
  rmSync(files.markdown, { force: true });
  rmSync(files.ledger, { force: true });
}
