#!/usr/bin/env tsx
/** `npm run verify -- [--site DIR] [--manifest FILE] [--articles DIR --raw DIR]`: checks a copy against its manifest. A thin shell over src/fixity/verify.ts. */
import { parseCommand } from '../src/cli.js';
import { existsSync } from 'node:fs';
import { MANIFEST_NAME } from '../src/fixity/manifest.js';
import { verifySite } from '../src/fixity/verify.js';
import { contentPaths } from '../src/site/config.js';

const HELP = `Usage: npm run verify -- [options]

Checks a built or downloaded copy of the archive against its manifest and names every missing,
changed or extra file. Exit 0 when everything is as listed, 1 when not.

Options:
  --site DIR        the copy (default: _site)
  --manifest FILE   the manifest to check against (default: DIR/${MANIFEST_NAME}); use a copy kept apart
  --articles DIR    also check the articles the manifest lists (default: content/articles, if there)
  --raw DIR         also check the raw captures it lists (default: content/raw, if there)
  --site-only       check the site only
  --help            show this help`;

async function main(): Promise<number> {
  const parsed = parseCommand('verify', HELP, {
    site: { type: 'string', default: '_site' },
    manifest: { type: 'string' },
    articles: { type: 'string' },
    raw: { type: 'string' },
    'site-only': { type: 'boolean', default: false },
  });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const defaults = contentPaths();
  const pick = (given: string | undefined, fallback: string) => (values['site-only'] ? undefined : (given ?? (existsSync(fallback) ? fallback : undefined)));
  try {
    const v = await verifySite({ site: values.site!, manifest: values.manifest, articles: pick(values.articles, defaults.articles), raw: pick(values.raw, defaults.raw) });
    for (const [label, paths] of [['missing', v.missing], ['changed', v.changed], ['extra', v.extra]] as const) for (const path of paths) console.log(`${label}  ${path}`);
    const bad = v.missing.length + v.changed.length + v.extra.length;
    const unchecked = v.unchecked.length > 0 ? `; not checked: the collection's ${v.unchecked.join(' and ')} (not at hand)` : '';
    console.log(`Verify: ${v.intact} file(s) as listed, ${v.missing.length} missing, ${v.changed.length} changed, ${v.extra.length} extra${unchecked}.`);
    return bad === 0 ? 0 : 1;
  } catch (error) {
    console.error(`verify: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = await main();
