import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What ingest and `npm run review` share about conflicts: when the capture of an article a curator
 * edited changes, ingest keeps the edit and writes the fresh version beside it, never rendered
 * (the site reads no `*.incoming.md`); the curator accepts it or keeps the edit. Keeping is
 * remembered in the articles folder, against that capture's hash, so the same capture does not
 * ask again; a newer capture does.
 */
export const INCOMING = '.incoming';

export function incomingFiles(dir: string, slug: string): { markdown: string; ledger: string } {
  return { markdown: join(dir, `${slug}${INCOMING}.md`), ledger: join(dir, `${slug}${INCOMING}.11tydata.json`) };
}

/** The slug of an incoming file's name, or undefined for any other file. */
export function incomingSlug(name: string): string | undefined {
  return name.endsWith(`${INCOMING}.md`) ? name.slice(0, -`${INCOMING}.md`.length) : undefined;
}

/** The review's decisions: a hidden file of the articles folder (hidden, so never published). */
export const DECISIONS_FILE = '.review.json';
const Decisions = z.object({ kept: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) });
export type Decisions = z.infer<typeof Decisions>;

export function readDecisions(dir: string): Decisions {
  const path = join(dir, DECISIONS_FILE);
  if (!existsSync(path)) return { kept: {} };
  const parsed = Decisions.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: not the review's decisions ({"kept": {slug: sha256}}): ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
