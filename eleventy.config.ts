import type { UserConfig } from '@11ty/eleventy';
import { clippingsSite } from './src/site/run/plugin.js';
import { loadSiteConfig } from './src/site/config.js';

// Wiring only: the site is one plugin (src/site/plugin.ts); settings live in _data/site.json.
// Every page is a virtual template defined in src/site/pages: Eleventy reads no template from
// disk, and the articles (content/articles) are read by the plugin, never rendered as templates.
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(clippingsSite);
  return {
    dir: { input: 'src/site/pages', output: '_site' },
    templateFormats: ['11ty.js'],
    pathPrefix: loadSiteConfig().pathPrefix,
  };
}
