import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The baseline our build is measured against: bare Eleventy over the same Markdown with one
 * layout (no archive pages, no cross-links), and a search page with Pagefind's default UI, as the
 * Pagefind documentation sets it up. Written into `dir`; returns the config to pass to Eleventy.
 */
export function writeBaseline(dir: string, articles: string): string {
  const includes = join(dir, '_includes');
  mkdirSync(includes, { recursive: true });
  writeFileSync(
    join(includes, 'base.njk'),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
{{ content | safe }}
</main></body></html>
`,
  );
  const search = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Search</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search' }));</script>
</body></html>
`;
  const config = join(dir, 'eleventy.config.mjs');
  writeFileSync(
    config,
    `export default function (eleventyConfig) {
  eleventyConfig.addGlobalData('layout', 'base.njk');
  eleventyConfig.addTemplate('search.njk', ${JSON.stringify(search)}, { permalink: '/search/index.html', layout: false });
  return {
    dir: { input: ${JSON.stringify(articles)}, includes: ${JSON.stringify(relative(articles, includes))} },
    markdownTemplateEngine: false,
    templateFormats: ['md', 'njk'],
  };
}
`,
  );
  return config;
}
