import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from '../src/browser.js';

/**
 * Once per test run: every scratch folder a test makes (mkdtemp under os.tmpdir()) lands in one
 * folder, removed at the end, so runs leave nothing behind; and the browser tests' browser is
 * looked for. Without one they are skipped with directions to get one, unless
 * CLIPPINGS_REQUIRE_BROWSER is set (CI), where the run stops with the same directions.
 */
export default function setup(): () => void {
  const browser = findBrowser();
  if (!browser.path) {
    const required = Boolean(process.env.CLIPPINGS_REQUIRE_BROWSER);
    process.stderr.write(`\n${browser.help}\n${required ? 'CLIPPINGS_REQUIRE_BROWSER is set: the tests do not run without one.' : 'The browser tests are skipped; every other test runs.'}\n\n`);
    if (required) process.exit(1);
  }
  const root = mkdtempSync(join(tmpdir(), 'clippings-tests-'));
  // Passable (not readable) by others: the tests of unreadable files run as an unprivileged user.
  chmodSync(root, 0o711);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
