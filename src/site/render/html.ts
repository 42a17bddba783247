/**
 * HTML built from tagged templates in which every interpolated value is escaped unless it is
 * already `Html`. Pages are written with `html` only, so a title or a name holding `<script>` or a
 * quote always renders as text: escaping is the default, never something to remember.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters no HTML or XML document may hold (C0 controls but tab and line breaks, noncharacters,
 * lone surrogates). Ingest strips them where text enters; a curator's edit may bring them back.
 */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text → HTML (or XML) text, safe in element content and in quoted attribute values. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(INVALID, '\ufffd');
}

/** Marks trusted markup (rendered Markdown, a built SVG) so `html` does not escape it again. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escape(String(value));
}

/** The tag: `html\`<a href="${url}">${title}</a>\`` escapes `url` and `title`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** A JSON document safe inside `<script type="application/ld+json">`: no `<` can close the element. */
export function jsonScript(value: unknown): Html {
  // JSON escapes C0 controls itself; C1 controls and noncharacters are escaped here, since an
  // HTML document may not hold them even inside a script element.
  return new Html(JSON.stringify(value).replace(/[<\u007f-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
