// Indexes the built site for search: `npm run search [-- --site DIR]`. Exit 1 with the reason on failure.
import { parseArgs } from 'node:util';
import { indexSite } from '../src/search/index.js';
import { loadSiteConfig } from '../src/site/config.js';

const { values } = parseArgs({ options: { site: { type: 'string', default: '_site' } } });
try {
  const { pages, read, files } = await indexSite(values.site!, loadSiteConfig().language);
  console.log(`Search: indexed ${pages} article page(s) of the ${read} in ${values.site}: ${files} file(s) under pagefind/.`);
} catch (error) {
  console.error(`Search index failed: ${(error as Error).message}`);
  process.exit(1);
}
