import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser.js';

function folderWith(...programs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'clippings-browser-'));
  for (const name of programs) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

const nowhere = { PATH: '/nonexistent', PLAYWRIGHT_BROWSERS_PATH: '/nonexistent', HOME: '/nonexistent' };

describe('finding a browser for the browser tests', () => {
  it('takes the browser a setting names', () => {
    const dir = folderWith('my-chrome');
    expect(findBrowser({ ...nowhere, CLIPPINGS_BROWSER: join(dir, 'my-chrome') })).toEqual({ path: join(dir, 'my-chrome'), from: 'CLIPPINGS_BROWSER' });
  });

  it('says so when the setting names nothing it can run, rather than taking another browser', () => {
    const dir = folderWith('chromium');
    const found = findBrowser({ PATH: dir, CLIPPINGS_BROWSER: join(dir, 'missing') });
    expect(found.path).toBeUndefined();
    expect(found.help).toContain(`CLIPPINGS_BROWSER is set to ${join(dir, 'missing')}`);
  });

  it('finds chromium, chromium-browser or google-chrome on the PATH', () => {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      const dir = folderWith(name);
      expect(findBrowser({ ...nowhere, PATH: `/nonexistent:${dir}` }).path).toBe(join(dir, name));
    }
  });

  it("finds a browser Playwright downloaded into its cache", () => {
    const cache = mkdtempSync(join(tmpdir(), 'clippings-browser-'));
    mkdirSync(join(cache, 'chromium-1200', 'chrome-linux'), { recursive: true });
    writeFileSync(join(cache, 'chromium-1200', 'chrome-linux', 'chrome'), '');
    chmodSync(join(cache, 'chromium-1200', 'chrome-linux', 'chrome'), 0o755);
    expect(findBrowser({ ...nowhere, PLAYWRIGHT_BROWSERS_PATH: cache }, [])).toEqual({ path: join(cache, 'chromium-1200', 'chrome-linux', 'chrome'), from: 'install place' });
  });

  it('without a browser, names where it looked and how to get one', () => {
    const found = findBrowser(nowhere, ['/nonexistent/chromium']);
    expect(found.path).toBeUndefined();
    if (found.path) return;
    expect(found.help).toContain('sudo apt-get install chromium');
    expect(found.help).toContain('CLIPPINGS_BROWSER=');
    expect(found.looked).toContain('/nonexistent/chromium');
  });
});
