import type { UserConfig } from '@11ty/eleventy';
import { clippingsSite } from './src/site/plugin.js';
import { loadSiteConfig } from './src/site/config.js';

// Wiring only: the site is one plugin (src/site/plugin.ts); settings live in _data/site.json.
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(clippingsSite);
  // content/articles is ingest output, ignored by git in this repository but the site's input.
  eleventyConfig.setUseGitIgnore(false);
  return {
    dir: { input: 'content', output: '_site' },
    pathPrefix: loadSiteConfig().pathPrefix,
    // Article bodies are text, not templates: `{{` in a quote must not run as Liquid.
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
