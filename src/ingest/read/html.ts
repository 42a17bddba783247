import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { Parser } from 'htmlparser2';
import { normaliseLine, type Block } from '../clean/blocks.js';
import { decodeMarkup, stripControls } from './decode.js';
import { givenFromMarkup, MAX_H1S, type PageMarkup } from './meta.js';
import { fixityOf, type Capture, type Given, type ReadLimits, type ReadResult, type Skip } from './capture.js';
import type { ReaderInput } from './index.js';

/** Never-rendered content, skipped with everything inside. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'math', 'select', 'button', 'head']);
/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'textarea',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** Landmarks of a page's own chrome, by element or role. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);
const CHROME_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alertdialog)$/;
const CHROME_WORD = 1;
const APART_WORD = 2;
/** Elements that set their text apart from the running text (a pull quote, a figure, a box). */
const APART_TAGS = new Set(['blockquote', 'figure', 'aside']);

interface Open {
  tag: string;
  /** The element's number in document order. */
  n: number;
  /** Skips everything inside (a never-rendered or hidden element). */
  skip: boolean;
  chrome?: string;
  article: boolean;
  /** Its class or id has a word that marks the page's chrome. */
  chromeClass: boolean;
  /** It or an element around it sets its text apart from the running text. */
  apart: boolean;
  /** The nearest block element at or above it, for the path of the text it holds. */
  block?: OpenBlock;
}

/** A block element as a block's path names it; the path is made only for blocks with text. */
interface OpenBlock {
  tag: string;
  id?: string;
  class?: string;
  parent?: OpenBlock;
}

/** `div>article>p.lede`: the block element and up to three block elements above it. */
function pathOf(b: OpenBlock): string {
  const label = `${b.tag}${b.id ? `#${b.id}` : b.class ? `.${b.class.trim().split(/\s+/)[0]}` : ''}`;
  const parents: string[] = [];
  for (let p = b.parent; p && parents.length < 3; p = p.parent) parents.unshift(p.tag);
  return parents.length ? `${parents.join('>')}>${label}` : label;
}

/**
 * A saved page (`.html`, `.htm`, `.xhtml`, gzipped too) → one capture: the visible text of its
 * body, block by block as its elements make them, each block with the raw line it starts on and
 * its element, the share of it inside links, its heading level, and whether it stands in the
 * page's own chrome (navigation, sidebars, footers, a page header outside the article); and what
 * the page states about itself in its markup (`given`). Scripts, styles, hidden elements and
 * anything a browser does not render are never read as text.
 */
export async function readHtml(input: ReaderInput, limits: ReadLimits): Promise<ReadResult> {
  let bytes: Buffer = input.bytes();
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: limits.maxBytes });
    } catch (error) {
      return { captures: [], skipped: [{ id: input.file, reason: `cannot read the gzipped page: ${(error as Error).message}` }] };
    }
  }
  const made = htmlCapture(input.file, bytes, limits);
  return 'reason' in made ? { captures: [], skipped: [made] } : { captures: [made], skipped: [] };
}

/** The charset a page declares in its first bytes (`<meta charset>` or `http-equiv`). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

/**
 * One page's bytes → a capture (or the reason it is none). `extra` is what a container states
 * about the page (a web archive's URL and date, a JSON line's fields): it wins over the markup.
 */
export function htmlCapture(file: string, bytes: Uint8Array, limits: ReadLimits, extra: { record?: string; given?: Given; charset?: string } = {}): Capture | Skip {
  const id = extra.record ? `${file}#${extra.record}` : file;
  // The charset the server sent (a web archive's HTTP header) wins over the page's own, as in a
  // browser; a byte order mark wins over both (decodeMarkup reads it).
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = bom ? undefined : (extra.charset?.toLowerCase() ?? declaredCharset(bytes));
  let html: string[];
  const warnings: string[] = [];
  // Browsers read Latin-1 and ASCII labels as Windows-1252 (the WHATWG encoding standard).
  const label = charset && /^(iso-8859-1|iso8859-1|latin1|l1|us-ascii|ascii)$/.test(charset) ? 'windows-1252' : charset;
  if (label && !/^utf-?8$/.test(label) && iconv.encodingExists(label)) html = [iconv.decode(Buffer.from(bytes), label).replace(/\r\n?/g, '\n')];
  else {
    const decoded = decodeMarkup(bytes);
    if (!decoded.ok) return { id, reason: decoded.reason };
    html = decoded.pieces;
    warnings.push(...decoded.warnings);
  }
  const { blocks, markup } = parsePage(html, limits.chromeClasses, limits.apartClasses, limits.brandClasses);
  const given: Given = { ...givenFromMarkup(markup, limits.bylineRoles), ...Object.fromEntries(Object.entries(extra.given ?? {}).filter(([, v]) => v !== undefined)) };
  if (blocks.length === 0) return { id, reason: 'a page with no visible text' };
  return {
    id,
    file,
    ...(extra.record ? { record: extra.record } : {}),
    format: 'html',
    fixity: fixityOf(bytes),
    blocks,
    text: blocks.map((b) => b.text).join('\n\n'),
    given,
    warnings,
  };
}

/** One expression for a set of words, each a whole word of a class or id ("video" in "video-player", not in "videos"). */
function wordTest(words: ReadonlySet<string>): RegExp | undefined {
  return words.size > 0 ? new RegExp(`(?:^|[^a-z0-9])(?:${[...words].map((w) => w.replace(/[^a-z0-9]/g, '')).join('|')})(?:$|[^a-z0-9])`, 'i') : undefined;
}

/** The page's blocks of visible text and what its markup states; the page whole or in pieces. */
export function parsePage(html: string | readonly string[], chromeWords: ReadonlySet<string> = new Set(), apartWords: ReadonlySet<string> = new Set(), brandWords: ReadonlySet<string> = new Set()): { blocks: Block[]; markup: PageMarkup } {
  const pieces = typeof html === 'string' ? [html] : html;
  // Line numbers of the raw file, for the ledger: where each line starts.
  const lineStarts = [0];
  let offset = 0;
  for (const piece of pieces) {
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lineStarts.push(offset + i + 1);
    offset += piece.length;
  }
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const markup: PageMarkup = { meta: new Map(), jsonLd: [], h1s: [] };
  const chromeTest = wordTest(chromeWords);
  const brandTest = wordTest(brandWords);
  const brands = (attrs: { class?: string; id?: string }) => (attrs.class !== undefined || attrs.id !== undefined) && (brandTest?.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`) ?? false);
  const apartTest = wordTest(apartWords);
  const blocks: Block[] = [];
  const stack: Open[] = [];
  let text = '';
  let linkText = 0;
  let firstLine = 0;
  let inLink = 0;
  let heading: number | undefined;
  /** The block element opened last: its path is the `where` of the text that follows. */
  let current: OpenBlock | undefined;
  let currentPath: string | undefined;
  /** What a class-and-id string marks (CHROME_WORD, APART_WORD): the same strings recur all over a page. */
  const classWords = new Map<string, number>();
  let ldScript = false;
  let inTitle = false;
  let h1 = '';
  let inH1 = 0;
  /** Where the `<h1>` being read stands. */
  let h1Place = { chrome: false, pageHeader: false, inArticle: false };
  let elements = 0;

  /** Ends the open block of text; `closing` is the element whose end ends it, already off the stack. */
  const flush = (closing?: Open) => {
    // Every block element's start and end flushes; most have no text of their own.
    if (text === '') {
      linkText = 0;
      firstLine = 0;
      return;
    }
    const t = stripControls(normaliseLine(text).normalize('NFC')).text;
    if (t) {
      let chrome: string | undefined;
      for (let k = stack.length - 1; k >= 0 && !chrome; k--) chrome = stack[k]!.chrome;
      const block: Block = { text: t, first: firstLine, last: firstLine, lines: [{ line: firstLine, text: t }], words: [], lower: [], where: current ? (currentPath ??= pathOf(current)) : '', ancestors: stack.map((o) => o.n) };
      let articles: number[] | undefined;
      for (const o of stack) if (o.article) (articles ??= []).push(o.n);
      if (articles) block.articles = articles;
      const marked = stack.findLast((o) => o.chromeClass);
      if (marked) block.chromeElement = marked.n;
      if (linkText > 0) block.linkDensity = Math.min(1, linkText / t.length);
      if (heading !== undefined) block.heading = heading;
      if (chrome) block.chrome = chrome;
      if (closing?.apart || stack.at(-1)?.apart) block.setApart = true;
      blocks.push(block);
    }
    text = '';
    linkText = 0;
    firstLine = 0;
  };
  const insideArticle = () => stack.some((o) => o.article);

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'html' && attrs.lang) markup.lang = attrs.lang;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (key && attrs.content && !markup.meta.has(key)) markup.meta.set(key, attrs.content);
        }
        if (name === 'link' && /\bcanonical\b/i.test(attrs.rel ?? '') && attrs.href && !markup.canonical) markup.canonical = attrs.href;
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) {
          ldScript = true;
          markup.jsonLd.push('');
        }
        if (name === 'title' && markup.title === undefined) inTitle = true;
        if (name === 'time' && attrs.datetime && !markup.time && (/datePublished|pubdate/i.test(`${attrs.itemprop ?? ''} ${Object.keys(attrs).join(' ')}`) || insideArticle())) markup.time = attrs.datetime;
        if (VOID.has(name) && name !== 'br' && name !== 'hr') return;
        const parent = stack.at(-1);
        // Inside a never-rendered element nothing is read: only the nesting is kept.
        if (parent?.skip) {
          if (name === 'br' || name === 'hr') {
            flush();
            return;
          }
          if (name === 'a') inLink++;
          stack.push({ tag: name, n: elements++, skip: true, chrome: parent.chrome, article: false, chromeClass: false, apart: parent.apart, block: parent.block });
          return;
        }
        // Tested only where the attribute is there: this runs for every element of the page.
        const hidden = 'hidden' in attrs || (attrs.style !== undefined && HIDDEN_STYLE.test(attrs.style)) || attrs['aria-hidden'] === 'true';
        const skip = (parent?.skip ?? false) || SKIP.has(name) || hidden;
        const role = attrs.role === undefined ? '' : attrs.role.toLowerCase();
        const article = name === 'article' || name === 'main' || role === 'main' || (attrs.itemprop !== undefined && /articleBody/i.test(attrs.itemprop));
        let chrome = CHROME_TAGS.has(name) ? name : role && CHROME_ROLES.test(role) ? role : undefined;
        // A page's header is chrome; an article's header holds its headline and byline.
        if (name === 'header' && !insideArticle()) chrome = 'header';
        if (name === 'br' || name === 'hr') {
          flush();
          return;
        }
        if (BLOCK.has(name) && !skip) {
          flush();
          current = { tag: name, id: attrs.id, class: attrs.class, parent: parent?.block };
          currentPath = undefined;
          if (/^h[1-6]$/.test(name)) heading = Number(name[1]);
        }
        if (name === 'h1' && !skip && inH1++ === 0) {
          h1 = '';
          // Chrome: a nav, aside or footer around it, a class that marks chrome, or the site's brand
          // on it or on a block around it ("site-logo", "masthead"). A page header is said apart:
          // some pages put their headline in a header outside any article element.
          let brand = brands(attrs);
          for (let b = parent?.block; b && !brand; b = b.parent) brand = brands(b);
          h1Place = { chrome: brand || stack.some((o) => (o.chrome !== undefined && o.chrome !== 'header') || o.chromeClass), pageHeader: stack.some((o) => o.chrome === 'header'), inArticle: insideArticle() };
        } else if (inH1 > 0 && !h1Place.chrome && brands(attrs)) h1Place.chrome = true;
        if (name === 'a') inLink++;
        let chromeClass = false;
        let apart = (parent?.apart ?? false) || APART_TAGS.has(name);
        if (attrs.class !== undefined || attrs.id !== undefined) {
          const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
          let words = classWords.get(names);
          if (words === undefined) {
            words = (chromeTest?.test(names) ? CHROME_WORD : 0) | (apartTest?.test(names) ? APART_WORD : 0);
            classWords.set(names, words);
          }
          chromeClass = (words & CHROME_WORD) !== 0;
          apart ||= (words & APART_WORD) !== 0;
        }
        const block = BLOCK.has(name) && !skip ? current : parent?.block;
        stack.push({ tag: name, n: elements++, skip, chrome, article, chromeClass, apart, block });
      },
      ontext(data) {
        if (ldScript) {
          // A script read in several pieces is one JSON text.
          markup.jsonLd[markup.jsonLd.length - 1] += data;
          return;
        }
        if (inTitle) {
          markup.title = (markup.title ?? '') + data;
          return;
        }
        if (stack.at(-1)?.skip) return;
        if (inH1 > 0) h1 += data;
        if (!/\S/.test(data)) {
          if (text) text += ' ';
          return;
        }
        if (!text) firstLine = lineAt(parser.startIndex);
        text += data;
        if (inLink > 0) linkText += data.replace(/\s+/g, ' ').length;
      },
      onclosetag(name) {
        if (name === 'script') ldScript = false;
        if (name === 'title') inTitle = false;
        if (VOID.has(name)) return;
        // Close up to the matching open element (htmlparser2 reports implied closes too).
        let at = stack.length - 1;
        while (at >= 0 && stack[at]!.tag !== name) at--;
        if (at === -1) return;
        while (stack.length > at) {
          const open = stack.pop()!;
          if (open.tag === 'a') inLink = Math.max(0, inLink - 1);
          if (open.tag === 'h1' && !open.skip) {
            inH1--;
            if (inH1 === 0 && h1.trim() && markup.h1s.length < MAX_H1S) markup.h1s.push({ text: h1.replace(/\s+/g, ' ').trim(), ...h1Place });
          }
          if (BLOCK.has(open.tag) && !open.skip) {
            flush(open);
            heading = undefined;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  for (const piece of pieces) parser.write(piece);
  parser.end();
  flush();
  return { blocks, markup };
}
