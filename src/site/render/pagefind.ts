/**
 * The value of a `data-pagefind-filter="key:value"` attribute. Pagefind 1.5 decodes character
 * references once more after the HTML parser has, splits such attributes at commas, and its default
 * UI then draws filter values as HTML: a name like `<img onerror=…>` would run. So each character
 * that matters is written as a reference that survives both decodings as `&#60;` (the page's own
 * escaping adds the outer layer), which the UI finally renders as the plain character. The browser
 * tests pin this: names with markup, quotes and commas show as written among the filters.
 */
export function filterAttribute(key: string, value: string): string {
  return `${key}:${value.replace(/[&<>"',]/g, (c) => `&amp;#${c.charCodeAt(0)};`)}`;
}
