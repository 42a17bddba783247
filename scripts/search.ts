// Indexes the built site for search: `npm run search [-- --site DIR]`. Exit 1 with the reason on failure.
import { parseArgs } from 'node:util';
import { indexSite } from '../src/search/index.js';
import { loadSiteConfig } from '../src/site/config.js';

const { values } = parseArgs({ options: { site: { type: 'string', default: '_site' } } });
try {
  const config = loadSiteConfig();
  const { pages, parts, files } = await indexSite(values.site!, config.language, config.pagesPerIndex);
  console.log(`Search: indexed ${pages} article page(s) of ${values.site} in ${parts} part(s): ${files} file(s) under pagefind/.`);
} catch (error) {
  console.error(`Search index failed: ${(error as Error).message}`);
  process.exit(1);
}
