import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Finding a Chromium-family browser for the browser tests and the bench's first-query figure.
 * Playwright's own download cannot work everywhere (`npx playwright install` needs its CDN), so
 * the browser is whichever the machine has: a setting first, then the usual names on the PATH,
 * then the usual install places, then a browser Playwright downloaded before.
 */

/** The environment variables that name a browser, in the order they are read. */
export const BROWSER_SETTINGS = ['CLIPPINGS_BROWSER', 'CHROMIUM_PATH'] as const;

/** Command names a Chromium-family browser goes by on the PATH. */
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge'];

/** Where the usual packages install one. */
const PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Chromium's arguments for a headless run in a container (no sandbox, nothing fetched on its own). */
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type BrowserSearch = { path: string; from: string; looked?: undefined; help?: undefined } | { path?: undefined; looked: string[]; help: string };

function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Browsers Playwright downloaded into its cache (newest build first). */
function playwrightCache(env: NodeJS.ProcessEnv): string[] {
  const root = env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  try {
    return readdirSync(root)
      .filter((d) => d.startsWith('chromium'))
      .sort()
      .reverse()
      .flatMap((d) => ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell'].map((p) => join(root, d, p)));
  } catch {
    return [];
  }
}

/** The browser to drive, or where it was looked for and how to get one. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, places: readonly string[] = PLACES): BrowserSearch {
  const looked: string[] = [];
  for (const name of BROWSER_SETTINGS) {
    const value = env[name];
    if (!value) continue;
    // A setting that names no browser is an error of its own, not a reason to take another one.
    if (runnable(value)) return { path: value, from: name };
    return { looked: [`${name}=${value}`], help: `${name} is set to ${value}, which is not a program this user can run. Point it at a Chromium or Chrome executable, or unset it.` };
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of COMMANDS) {
    for (const dir of dirs) {
      const path = join(dir, command);
      if (runnable(path)) return { path, from: 'PATH' };
    }
  }
  looked.push(`${COMMANDS.join(', ')} on the PATH`);
  for (const path of [...places, ...playwrightCache(env)]) {
    looked.push(path);
    if (runnable(path)) return { path, from: 'install place' };
  }
  return {
    looked,
    help: [
      'No Chromium or Chrome was found for the browser tests.',
      `Looked for: ${looked.join('; ')}.`,
      'Install one (Debian or Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`),',
      `or set ${BROWSER_SETTINGS[0]}=/path/to/chrome to use one installed elsewhere.`,
    ].join('\n'),
  };
}
