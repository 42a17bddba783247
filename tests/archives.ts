import { WARCRecord, WARCSerializer } from 'warcio';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

/** A small saved page with a headline, a publication time in its meta and two paragraphs. */
export const page = (title: string, date: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><meta property="article:published_time" content="${date}"></head><body><article><h1>${title}</h1>` +
  '<p>The harbour authority approved the plans for a new ferry terminal on Tuesday, ending an inquiry that had run for more than three years.</p>' +
  '<p>Fishermen who use the harbour had objected to the loss of moorings, but every boat will be offered a berth in the new basin at the same rent.</p></article></body></html>';

/** A web archive made here with warcio: pages, and every kind of record that is no article. */
export async function warc(gzip: boolean): Promise<Uint8Array> {
  const http = (status: string, type: string, body: string, url: string, date: string) =>
    WARCRecord.create({ url, date, type: 'response', httpHeaders: { 'Content-Type': type }, statusline: `HTTP/1.1 ${status}` }, [new TextEncoder().encode(body)]);
  const records = [
    WARCRecord.createWARCInfo({ filename: 'crawl.warc', warcVersion: 'WARC/1.1' }, { software: 'clippings tests' }),
    WARCRecord.create({ url: 'https://chronicle.example/harbour', date: '2024-03-06T10:00:00Z', type: 'request', httpHeaders: { Host: 'chronicle.example' }, statusline: 'GET /harbour HTTP/1.1' }, []),
    http('200 OK', 'text/html; charset=utf-8', page('Harbour authority approves the new ferry terminal', '2024-03-05T18:30:00Z'), 'https://chronicle.example/harbour', '2024-03-06T10:00:00Z'),
    http('200 OK', 'image/png', 'PNG', 'https://chronicle.example/pier.png', '2024-03-06T10:00:01Z'),
    http('200 OK', 'text/css', 'p { color: red }', 'https://chronicle.example/style.css', '2024-03-06T10:00:01Z'),
    http('301 Moved Permanently', 'text/html', '<a href="/new">moved</a>', 'https://chronicle.example/old', '2024-03-06T10:00:02Z'),
    http('404 Not Found', 'text/html', '<h1>Not found</h1>', 'https://chronicle.example/missing', '2024-03-06T10:00:03Z'),
    WARCRecord.create({ url: 'https://chronicle.example/harbour', date: '2024-03-07T10:00:00Z', type: 'revisit', refersToUrl: 'https://chronicle.example/harbour', refersToDate: '2024-03-06T10:00:00Z', warcHeaders: { 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest' } }, []),
    http('200 OK', 'text/html', page('Ferry crossings return after the winter', '2024-03-04T08:00:00Z'), 'https://chronicle.example/ferry', '2024-03-07T11:00:00Z'),
  ];
  const parts = await Promise.all(records.map((r) => WARCSerializer.serialize(r, { gzip })));
  return Buffer.concat(parts);
}


/** A web archive whose pages came over the wire compressed (gzip, Brotli, deflate), chunked (and cut short by the crawler), in an encoding no reader here undoes (zstd), or with no Content-Type. */
export async function compressedWarc(): Promise<Uint8Array> {
  const html = Buffer.from(page('Harbour authority approves the new ferry terminal', '2024-03-05T18:30:00Z'));
  const bodies: [string, Buffer, Record<string, string>][] = [
    ['gzip', gzipSync(html), { 'Content-Encoding': 'gzip' }],
    ['br', brotliCompressSync(html), { 'Content-Encoding': 'br' }],
    ['deflate', deflateSync(html), { 'Content-Encoding': 'deflate' }],
    ['chunked', Buffer.concat([Buffer.from(`${html.length.toString(16)}\r\n`), html, Buffer.from('\r\n0\r\n\r\n')]), { 'Transfer-Encoding': 'chunked' }],
    ['zstd', Buffer.from('(not really zstd)'), { 'Content-Encoding': 'zstd' }],
    // No Content-Type: an HTML page is read as one, anything else is counted as no article.
    ['untyped', html, { 'Content-Type': '' }],
    ['untyped-data', Buffer.from('{"not": "a page"}'), { 'Content-Type': '' }],
  ];
  const records = await Promise.all(
    bodies.map(([name, body, headers]) => WARCRecord.create({ url: `https://chronicle.example/${name}`, date: '2024-03-06T10:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, statusline: 'HTTP/1.1 200 OK', ...(name === 'chunked' ? { warcHeaders: { 'WARC-Truncated': 'length' } } : {}) }, [new Uint8Array(body)])),
  );
  return Buffer.concat(await Promise.all(records.map((r) => WARCSerializer.serialize(r))));
}

/** A web archive of one page in Windows-1251, as its HTTP header says (whatever the page declares). */
export async function cyrillicWarc(body: string): Promise<Uint8Array> {
  const bytes = iconv.encode(body, 'windows-1251');
  const record = await WARCRecord.create({ url: 'https://vesti.example/port', date: '2024-03-06T10:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=windows-1251' }, statusline: 'HTTP/1.1 200 OK' }, [new Uint8Array(bytes)]);
  return WARCSerializer.serialize(record);
}

/** A web archive of `n` pages, each with its own text, their headlines repeating every ten pages (so their slugs depend on the order they are given). */
export async function manyPagesWarc(n: number): Promise<Uint8Array> {
  const places = ['Bergen', 'Aarhus', 'Bremen', 'Gdansk', 'Tallinn', 'Riga', 'Malmo', 'Kiel', 'Oslo', 'Turku'];
  const records = Array.from({ length: n }, (_, i) => {
    const place = places[i % places.length]!;
    const body =
      `<!doctype html><html lang="en"><head><title>${place} harbour reopens</title><meta property="article:published_time" content="2024-03-${String((i % 28) + 1).padStart(2, '0')}T08:00:00Z"></head><body><article><h1>${place} harbour reopens</h1>` +
      `<p>The harbour of ${place} reopened on Tuesday after ${i + 2} weeks of repairs to the northern quay, the port authority said in its statement number ${i + 1}.</p>` +
      `<p>Ferries to ${places[(i + 3) % places.length]} will sail ${(i % 5) + 2} times a day from Monday, and the ${i + 40} fishing boats moored outside will return to the inner basin.</p></article></body></html>`;
    return WARCRecord.create({ url: `https://chronicle.example/${i}`, date: '2024-03-29T10:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' }, [new TextEncoder().encode(body)]);
  });
  const parts = await Promise.all(records.map((r) => WARCSerializer.serialize(r, { gzip: true })));
  return Buffer.concat(parts);
}
