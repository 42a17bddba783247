#!/usr/bin/env tsx
/** `npm run check -- [--json] [--strict] [--articles DIR] [--data DIR]`: the collection's health. A thin shell over src/check/. */
import { parseCommand } from '../src/cli.js';
import { checkCollection, hasErrors } from '../src/check/check.js';
import { formatHealth } from '../src/check/format.js';
import { loadCheckSettings } from '../src/check/settings.js';
import { defaultDataDir, loadData } from '../src/data.js';
import { contentPaths } from '../src/site/config.js';

const HELP = `Usage: npm run check -- [options]

Lists what needs a curator's eye in the collection: articles that cannot be read and conflicts
waiting for review (errors); undated articles, articles with no topic, near-duplicates, names met
once, topics with few articles, skipped captures, cleaning rules that fire everywhere or nowhere,
sites no signature names. Thresholds: _data/check.json.

Options:
  --json           the whole health as JSON on stdout
  --strict         exit 1 when there are errors
  --articles DIR   the articles folder (default: CLIPPINGS_ARTICLES, else content/articles)
  --raw DIR        the raw captures (default: CLIPPINGS_RAW, else content/raw)
  --data DIR       the data folder (default: _data)
  --help           show this help`;

function main(): number {
  const parsed = parseCommand('check', HELP, { json: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false }, articles: { type: 'string' }, raw: { type: 'string' }, data: { type: 'string' } });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  try {
    const dataDir = values.data ?? defaultDataDir;
    const health = checkCollection({ articlesDir: values.articles ?? contentPaths().articles, rawDir: values.raw ?? contentPaths().raw, data: loadData(dataDir), settings: loadCheckSettings(dataDir) });
    console.log(values.json ? JSON.stringify(health, null, 1) : formatHealth(health));
    return values.strict && hasErrors(health) ? 1 : 0;
  } catch (error) {
    console.error(`check: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = main();
