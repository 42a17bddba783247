#!/usr/bin/env tsx
/** `npm run site -- [--output DIR] [--parts N]`: the site from content/articles, in as many Eleventy runs as its size asks for. A thin shell over src/site/run/build.ts. */
import { countFlag, parseCommand } from '../src/cli.js';
import { buildSite } from '../src/site/run/build.js';

const HELP = `Usage: npm run site -- [options]

Builds the archive site from the articles (CLIPPINGS_ARTICLES, else content/articles) and the raw
captures they name (CLIPPINGS_RAW, else content/raw). A large archive is rendered in several
Eleventy runs (parts) of at most "pagesPerRun" pages (_data/site.json), one after another.

Options:
  --output DIR   the site folder (default: _site); emptied first, and refused if clippings did not write it
  --parts N      render in N parts, whatever the size
  --help         show this help`;

async function main(): Promise<number> {
  const parsed = parseCommand('site', HELP, { output: { type: 'string', default: '_site' }, parts: { type: 'string' } });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const parts = countFlag('site', 'parts', values.parts);
  if (parts === null) return 2;
  const t0 = performance.now();
  try {
    const r = await buildSite({ output: values.output!, parts, log: (line) => console.error(line) });
    console.log(`Site: ${r.articles} article(s), ${r.pages} listed page(s), in ${r.parts} part(s), into ${values.output} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    console.error(`site: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
