import { describe, expect, it } from 'vitest';
import { escape, html, jsonScript, raw } from '../src/site/render/html.js';

describe('html', () => {
  it('escapes every interpolated value', () => {
    const title = `<script>alert("x")</script> & 'y'`;
    expect(String(html`<h1 title="${title}">${title}</h1>`)).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</h1>',
    );
  });

  it('leaves nested html and raw markup as they are, and escapes each item of a list', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(String(html`<ul>${items}</ul>${raw('<p>ok</p>')}`)).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul><p>ok</p>');
  });

  it('writes nothing for undefined, null and false, and numbers as text', () => {
    expect(String(html`[${undefined}${null}${false}${0}${12}]`)).toBe('[012]');
  });

  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escape(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('keeps JSON for a script element from closing the element', () => {
    const json = String(jsonScript({ headline: '</script><script>x()</script>' }));
    expect(json).not.toContain('<');
    expect(JSON.parse(json).headline).toBe('</script><script>x()</script>');
  });
});
