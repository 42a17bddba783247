import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown } from '../src/ingest/write/markdown.js';

const md = new MarkdownIt();
/** What a reader sees: the rendered HTML's text, entities decoded. */
const shown = (markdown: string) =>
  md
    .render(markdown)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();

describe('escapeMarkdown', () => {
  it.each([
    'B**ch, we haven’t been on vacation',
    'will be f*****g thrown in now',
    'Should the UK pull back now?[POLL]',
    '#1 seed wins again',
    '1. The first point',
    '2) The second point',
    'the <b>bold</b> claim and <script>alert(1)</script>',
    '> not a quote',
    '- not a list',
    '+ not a list either',
    '---',
    '=====',
    'snake_case_name and __dunder__ and `code`',
    'a [link](http://example.com) in text',
    'AT&T and &amp; and &#169; stay as written',
    'a ~~strike~~ and a | pipe',
    'back\\slash',
    '![image](x.png)',
    '<!-- comment -->',
  ])('renders %j literally, as one plain paragraph', (text) => {
    const html = md.render(escapeMarkdown(text));
    expect(html).toMatch(/^<p>[^<]*<\/p>\n$/); // no markup of any kind inside
    expect(shown(escapeMarkdown(text))).toBe(text);
  });

  it('leaves plain prose untouched', () => {
    const text = 'Ukraine’s forces advanced near Bakhmut, officials said on Thursday.';
    expect(escapeMarkdown(text)).toBe(text);
  });
});
