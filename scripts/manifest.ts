#!/usr/bin/env tsx
/** `npm run manifest -- [--site DIR]`: the fixity manifest of the built site and its collection. A thin shell over src/fixity/manifest.ts. */
import { parseCommand } from '../src/cli.js';
import { MANIFEST_NAME, writeManifest } from '../src/fixity/manifest.js';
import { contentPaths } from '../src/site/config.js';

const HELP = `Usage: npm run manifest -- [--site DIR]

Writes DIR/${MANIFEST_NAME} (default _site): the SHA-256 of every file of the built site, of every
raw capture an article was made from, and of every article's Markdown and ledger. The last step of
npm run build; check a copy with npm run verify.`;

async function main(): Promise<number> {
  const parsed = parseCommand('manifest', HELP, { site: { type: 'string', default: '_site' } });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  try {
    const paths = contentPaths();
    const r = await writeManifest(values.site!, paths.articles, paths.raw);
    console.log(`Manifest: ${r.files} file(s) in ${values.site}/${MANIFEST_NAME}, whose own SHA-256 is ${r.sha256} (keep it apart from the site to prove the manifest itself).`);
    return 0;
  } catch (error) {
    console.error(`manifest: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
