import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that marks a folder as clippings' own output, which every build empties. */
export const OUTPUT_MARKER = '.clippings-site';

/**
 * Makes the output folder ready for a build: the site must hold exactly the current collection,
 * so a folder that an earlier build wrote is emptied (no page of a deleted article, no stale
 * search file survives). A folder that holds anything else is refused, never emptied: building
 * into the wrong folder must not delete someone's files.
 */
export function prepareOutput(dir: string): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
      throw new Error(`${dir} holds files that clippings did not write (there is no ${OUTPUT_MARKER} in it). Every build empties its output folder: build into an empty folder, or empty this one yourself.`);
    }
    for (const name of entries) rmSync(join(dir, name), { recursive: true, force: true });
  } else mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, OUTPUT_MARKER), 'This folder is written by clippings (npm run site): every build empties it and writes the site anew.\n');
}

/** A later part of a build in parts writes into the folder the first part prepared, and nowhere else. */
export function requireOutput(dir: string): void {
  if (!existsSync(join(dir, OUTPUT_MARKER))) throw new Error(`${dir} was not prepared by the first part of this build (there is no ${OUTPUT_MARKER} in it): build the parts in order, the first one first.`);
}
