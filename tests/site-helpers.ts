import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../src/browser.js';
import { runIngest } from '../src/ingest/run/run.js';
import { defaultDataDir } from '../src/data.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { indexSite } from '../src/search/index.js';
import { writeManifest } from '../src/fixity/manifest.js';
import { fixtures, projectRoot, seedsDir } from './helpers.js';

export interface BuiltSite {
  content: string;
  site: string;
  /** A page's HTML by its site path ("/topics/"), read from the build. */
  page(path: string): string;
  /** Every file the build wrote, as site paths. */
  files(): string[];
}

/** Where the test site says it is published (the shipped site.json names no address). */
export const TEST_SITE_URL = 'https://archive.example.org';

/**
 * Builds the site the way `npm run build` does, into a temp folder: the seed captures ingested,
 * the hand-written articles of tests/fixtures/site beside them, then the Eleventy CLI.
 */
export async function buildSite(output?: string): Promise<BuiltSite> {
  const root = mkdtempSync(join(tmpdir(), 'clippings-site-'));
  const content = join(root, 'content');
  const site = output ?? join(root, '_site');
  mkdirSync(join(content, 'raw'), { recursive: true });
  cpSync(seedsDir, join(content, 'raw'), { recursive: true });
  await runIngest({ from: join(content, 'raw'), out: join(content, 'articles'), dataDir: defaultDataDir, settings: defaultSettings, jobs: 1 });
  cpSync(join(fixtures, 'site', 'raw'), join(content, 'raw'), { recursive: true });
  cpSync(join(fixtures, 'site', 'articles'), join(content, 'articles'), { recursive: true });
  await eleventy(content, site, { CLIPPINGS_SITE_URL: TEST_SITE_URL });
  await indexSite(site, 'en');
  await writeManifest(site, join(content, 'articles'), join(content, 'raw'));
  return siteAt(content, site);
}

/** Runs the Eleventy CLI with the project's config over a content folder (its `articles/` and `raw/`); returns what it printed. */
export async function eleventy(content: string, output: string, siteEnv: Record<string, string> = {}): Promise<string> {
  const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
  const bin = join(projectRoot, 'node_modules', '.bin', 'eleventy');
  const env = { ...process.env, CLIPPINGS_ARTICLES: join(content, 'articles'), CLIPPINGS_RAW: join(content, 'raw'), ...siteEnv };
  const { stdout, stderr } = await promisify(execFile)(tsx, [bin, '--config=eleventy.config.ts', `--output=${output}`, '--quiet'], { cwd: projectRoot, env });
  return stdout + stderr;
}

function siteAt(content: string, site: string): BuiltSite {
  return {
    content,
    site,
    page: (path) => readFileSync(join(site, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : ''), 'utf8'),
    files: () => walk(site).map((file) => `/${relative(site, file)}`),
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

/** The site paths of every `href` and `src` in a page (fragments and absolute URLs left out). */
export function internalLinks(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"#]*)(?:#[^"]*)?"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((url) => url.startsWith('/'));
}

/** Serves a built site on a free loopback port, the way a static host would (404.html for misses). */
export async function serveSite(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    let status = 200;
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(dir, '404.html');
      status = 404;
    }
    const ext = file.slice(file.lastIndexOf('.'));
    response.writeHead(status, { 'content-type': types[ext] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** The machine's Chromium or Chrome (src/browser.ts): without one, browser tests are skipped and the run says how to get one. */
export const browserFound = findBrowser();
export const itInBrowser = browserFound.path ? it : it.skip;
export const describeInBrowser = browserFound.path ? describe : describe.skip;

/** Launches the browser found (only called where one was). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: browserFound.path, args: BROWSER_ARGS });
}

/** The site path of the article built from the capture whose file name starts with `prefix`. */
export function articleOf(site: BuiltSite, prefix: string): string {
  const file = site.files().find((f) => f.startsWith('/articles/') && readFileSync(join(site.site, f), 'utf8').includes(`/raw/${prefix}`));
  if (!file) throw new Error(`no article page for a capture named ${prefix}…`);
  return file.replace(/index\.html$/, '');
}

/** A page opened in Chromium, with what it did on the way. */
export interface Visit {
  page: Page;
  status?: number;
  /** Requests that left the site. */
  outside: string[];
  /** Console errors, uncaught exceptions and failed responses. */
  errors: string[];
  /** Bytes of every response body (and headers) the page received so far. */
  bytes: () => Promise<number>;
}

/** The test site, built, served and open in a browser. */
export interface BrowserSession {
  site: BuiltSite;
  browser: Browser;
  origin: string;
  visit(path: string, options?: { colorScheme?: 'light' | 'dark' }): Promise<Visit>;
  close(): Promise<void>;
}

/** Builds the test site, serves it and launches Debian's Chromium on it. */
export async function openSite(): Promise<BrowserSession> {
  const site = await buildSite();
  const server = await serveSite(site.site);
  const browser = await launchBrowser();
  const visit = async (path: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Visit> => {
    const page = await browser.newPage({ colorScheme: options.colorScheme ?? 'light' });
    const outside: string[] = [];
    const errors: string[] = [];
    const sizes: Promise<number>[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfinished', (r) => {
      const size = r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize);
      // A test that closes its page before asking for bytes() leaves this pending: its rejection
      // ("page closed") is handled here so it is not an unhandled error; bytes() still sees it.
      size.catch(() => undefined);
      sizes.push(size);
    });
    const response = await page.goto(server.origin + path, { waitUntil: 'load' });
    return { page, status: response?.status(), outside, errors, bytes: async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0) };
  };
  return {
    site,
    browser,
    origin: server.origin,
    visit,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
