import { chromium } from 'playwright-core';
import { BROWSER_ARGS, findBrowser } from '../browser.js';
import { serveFolder, type Sent } from './serve.js';

/** Debian's Chromium, as CI installs it; `CHROMIUM_PATH` names another. */

/** The kinds of file a first search loads, as the benchmark reports them. */
export const QUERY_PARTS = ['page', 'ui', 'wasm', 'entry+meta', 'filters', 'index', 'fragments'] as const;
export type QueryPart = (typeof QUERY_PARTS)[number];

export interface QueryCost {
  /** Bytes on the wire (gzip as the server sends it), in total and by kind. */
  total: number;
  parts: Record<QueryPart, number>;
  results: number;
}

function partOf(path: string): QueryPart {
  if (!path.includes('/pagefind/')) return 'page';
  if (path.includes('/filter/')) return 'filters';
  if (path.includes('/index/')) return 'index';
  if (path.includes('/fragment/')) return 'fragments';
  if (path.endsWith('.pf_meta') || path.endsWith('pagefind-entry.json')) return 'entry+meta';
  if (path.includes('wasm')) return 'wasm';
  return 'ui';
}

/**
 * What a reader's first search costs: the search page opened in Chromium, `query` typed into
 * Pagefind's box, and every byte the server sent until the results are shown and the network is
 * quiet. Undefined when Chromium is not installed (the benchmark then says so).
 */
/** The search box and a result, in our search page and in Pagefind's default UI. */
export const SEARCH_UI = {
  ours: { input: '#search-input', result: '.search-result' },
  pagefind: { input: '.pagefind-ui__search-input', result: '.pagefind-ui__result' },
};

export async function firstQuery(site: string, query: string, ui: (typeof SEARCH_UI)[keyof typeof SEARCH_UI] = SEARCH_UI.ours): Promise<QueryCost | undefined> {
  const found = findBrowser();
  if (!found.path) return undefined;
  const server = await serveFolder(site);
  const browser = await chromium.launch({ executablePath: found.path, args: BROWSER_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/`, { waitUntil: 'load' });
    const input = page.locator(ui.input);
    await input.waitFor();
    await input.fill(query);
    await page.locator(ui.result).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const results = await page.locator(ui.result).count();
    const parts = Object.fromEntries(QUERY_PARTS.map((p) => [p, 0])) as Record<QueryPart, number>;
    for (const s of server.sent as Sent[]) parts[partOf(s.path)] += s.bytes;
    return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts, results };
  } finally {
    await browser.close();
    await server.close();
  }
}
