import { absoluteUrl, type SiteConfig } from '../config.js';
import { html, type Html } from './html.js';
import { FACETS } from '../index/facets.js';

/** What every page tells the shell about itself. */
export interface PageMeta {
  /** The page's own title (the site's name is added). */
  title: string;
  /** The page's path in the site, e.g. "/topics/". */
  url: string;
  description?: string;
  /** Open Graph type: "article" on article pages. */
  type?: 'website' | 'article';
  /** Extra elements for `<head>` (JSON-LD, article times). */
  head?: Html;
  /** Pages that should not be indexed by crawlers (the 404 page). */
  noindex?: boolean;
  /** A feed of the page's own (a topic's), announced beside the archive's. */
  feed?: { title: string; atom: string; json: string };
}

const NAV: [string, string][] = [
  ['/topics/', FACETS.topics.label],
  ['/people/', FACETS.people.label],
  ['/places/', FACETS.places.label],
  ['/organizations/', FACETS.organizations.label],
  ['/sources/', FACETS.sources.label],
  ['/timeline/', 'Timeline'],
  ['/about/', 'About'],
];

/** The page shell: head metadata, skip link, header with navigation, main, footer. */
export function shell(config: SiteConfig, meta: PageMeta, main: Html): string {
  const title = meta.url === '/' ? config.title : `${meta.title} · ${config.title}`;
  const description = meta.description ?? config.description;
  const canonical = absoluteUrl(config, meta.url);
  const current = (href: string) => (meta.url.startsWith(href) ? html` aria-current="page"` : '');
  return `<!doctype html>\n${html`<html lang="${config.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
${meta.noindex ? html`<meta name="robots" content="noindex">` : canonical ? html`<link rel="canonical" href="${canonical}">` : ''}
<meta property="og:site_name" content="${config.title}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="${meta.type ?? 'website'}">
${canonical ? html`<meta property="og:url" content="${canonical}">` : ''}
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
<link rel="alternate" type="application/atom+xml" title="${config.title}" href="/feed.xml">
<link rel="alternate" type="application/feed+json" title="${config.title}" href="/feed.json">
${meta.feed ? html`<link rel="alternate" type="application/atom+xml" title="${meta.feed.title}" href="${meta.feed.atom}">
<link rel="alternate" type="application/feed+json" title="${meta.feed.title}" href="${meta.feed.json}">
` : ''}${meta.head}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-name" href="/">${config.title}</a>
<nav aria-label="Archive"><ul>${NAV.map(([href, label]) => html`<li><a href="${href}"${current(href)}>${label}</a></li>`)}</ul></nav>
<form class="site-search" role="search" action="/search/" method="get"><label for="site-search">Search the archive</label> <input id="site-search" type="search" name="q"> <button type="submit">Search</button></form>
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer">
<p>${config.title}: ${config.description} <a href="/about/">How this archive is made</a> · feeds: <a href="/feed.xml">Atom</a>, <a href="/feed.json">JSON</a> · <a href="/data/">Data</a></p>
</footer>
</body>
</html>`}\n`;
}
