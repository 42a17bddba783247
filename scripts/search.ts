#!/usr/bin/env tsx
/** `npm run search -- [--site DIR] [--part K]`: the search index of a built site. A thin shell over src/search/index.ts. */
import { countFlag, parseCommand } from '../src/cli.js';
import { indexSite } from '../src/search/index.js';
import { loadSiteConfig } from '../src/site/config.js';

const HELP = `Usage: npm run search -- [options]

Indexes the article pages of a built site with Pagefind, in parts of at most "pagesPerIndex" pages
(_data/site.json) that the search page merges. Exit 1 with the reason on failure.

Options:
  --site DIR   the built site (default: _site)
  --part K     index part K only, replacing only its own files (part 1: pagefind/, part K:
               pagefind/parts/K/), so the parts of a large site can run as jobs of their own
  --help       show this help`;

async function main(): Promise<number> {
  const parsed = parseCommand('search', HELP, { site: { type: 'string', default: '_site' }, part: { type: 'string' } });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const part = countFlag('search', 'part', values.part);
  if (part === null) return 2;
  try {
    const config = loadSiteConfig();
    const { pages, parts, files } = await indexSite(values.site!, config.language, config.pagesPerIndex, part);
    console.log(`Search: indexed ${pages} article page(s) of ${values.site} ${part ? `as part ${part} of ${parts}` : `in ${parts} part(s)`}: ${files} file(s) under pagefind/.`);
    return 0;
  } catch (error) {
    console.error(`Search index failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
