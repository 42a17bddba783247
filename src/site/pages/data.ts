import type { Archive } from '../index/archive.js';
import type { SiteConfig } from '../config.js';
import { html } from '../render/html.js';
import { shell } from '../render/layout.js';
import { COLUMNS } from '../render/exports.js';

/** /data/: the archive's data for others, and how to check the copy in hand. */
export function renderDataPage(config: SiteConfig, archive: Archive): string {
  const main = html`<h1>Data</h1>
<p>The metadata of all ${archive.articles.length} articles, one row each, for use elsewhere:</p>
<ul>
<li><a href="/data/articles.csv">articles.csv</a>: CSV with a header row (a cell that begins with =, +, -, @ has an apostrophe added so spreadsheets show it as text)</li>
<li><a href="/data/articles.json">articles.json</a>: the same as JSON, every value as the article has it</li>
<li><a href="/data/datapackage.json">datapackage.json</a>: a <a href="https://specs.frictionlessdata.io/data-package/">Frictionless Data Package</a> describing both</li>
</ul>
<p>Columns: ${COLUMNS.map((c, i) => html`${i > 0 ? ', ' : ''}<code>${c.name}</code>`)}.</p>
<h2>Feeds</h2>
<p>The newest articles as <a href="/feed.xml">Atom</a> and <a href="/feed.json">JSON Feed</a>; each topic's page names its own.</p>
<h2>Fixity</h2>
<p><a href="/manifest-sha256.txt">manifest-sha256.txt</a> lists the SHA-256 of every file of this site, of every raw capture and of every article's Markdown, one <code>hash  path</code> line each (as BagIt writes them). <code>npm run verify -- --site DIR</code> checks a copy against it and names every missing, changed or extra file.</p>`;
  return shell(config, { title: 'Data', url: '/data/', description: `The metadata of ${config.title} as CSV, JSON and a Data Package; feeds; fixity.` }, main);
}
