#!/usr/bin/env tsx
/** `npm run review -- [--diff SLUG | --accept SLUG [--take-all] | --keep SLUG] [--articles DIR]`. A thin shell over src/review/review.ts. */
import { parseCommand } from '../src/cli.js';
import { acceptConflict, diffConflict, keepEdit, listConflicts } from '../src/review/review.js';
import { acquireLock } from '../src/ingest/run/lock.js';
import { contentPaths } from '../src/site/config.js';

const HELP = `Usage: npm run review -- [options]

When the capture of an article you edited changes, ingest keeps your edit and writes the fresh
version beside it as <slug>.incoming.md. Without options, lists those waiting.

Options:
  --diff SLUG      show the difference between your edit and the fresh version
  --accept SLUG    take the fresh version, keeping the values you set (title, a date you set,
                   people, places, organisations, topics, your text…)
  --take-all       with --accept: take the fresh version as it is, your values too
  --keep SLUG      keep your edit; the fresh version of this capture is not offered again
  --articles DIR   the articles folder (default: CLIPPINGS_ARTICLES, else content/articles)
  --help           show this help`;

function main(): number {
  const parsed = parseCommand('review', HELP, {
    diff: { type: 'string' },
    accept: { type: 'string' },
    keep: { type: 'string' },
    'take-all': { type: 'boolean', default: false },
    articles: { type: 'string' },
  });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  if ([values.diff, values.accept, values.keep].filter((v) => v !== undefined).length > 1) {
    console.error('review: give one of --diff, --accept and --keep');
    return 2;
  }
  const dir = values.articles ?? contentPaths().articles;
  try {
    if (values.diff) {
      process.stdout.write(diffConflict(dir, values.diff));
      return 0;
    }
    if (values.accept || values.keep) {
      // Ingest writes the same files: one at a time.
      const release = acquireLock(dir);
      try {
    if (values.keep) {
          keepEdit(dir, values.keep);
          console.log(`Kept your edit of ${values.keep}; the fresh version is dropped.`);
    } else {
          const kept = acceptConflict(dir, values.accept!, { takeAll: values['take-all'] });
          console.log(`Accepted the fresh version of ${values.accept}${kept.length ? `, keeping your ${kept.join(', ')}` : ''}.`);
    }
      } finally {
    release();
      }
      return 0;
    }
    const conflicts = listConflicts(dir);
    if (conflicts.length === 0) {
      console.log('Nothing waits for review.');
      return 0;
    }
    console.log(`${conflicts.length} edited article(s) whose capture changed:`);
    for (const c of conflicts) {
      console.log(`  ${c.slug} (${c.file})`);
      console.log(`    yours, kept on --accept: ${c.curator.join(', ') || 'nothing'}; fresh: ${c.fresh.join(', ') || 'nothing else'}`);
    }
    console.log('See one with --diff SLUG; then --accept SLUG or --keep SLUG.');
    return 0;
  } catch (error) {
    console.error(`review: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
