import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};
/** What a static host compresses: text. Pagefind's own index files are gzip already. */
const COMPRESSED = new Set(['.html', '.css', '.xml', '.txt', '.js', '.json', '.svg']);

/** One response the server sent: the path and the body bytes on the wire. */
export interface Sent {
  path: string;
  bytes: number;
}

export interface Served {
  origin: string;
  /** Every response since the server started (or since the last `reset`). */
  sent: Sent[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * Serves a built site on a loopback port as a static host would: `index.html` for folders,
 * `404.html` for misses, text gzip-compressed when the browser accepts it. It records the bytes
 * of each body it sends, so a benchmark can say what a page cost over the wire.
 */
export async function serveFolder(dir: string): Promise<Served> {
  const sent: Sent[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    let status = 200;
    const inside = relative(dir, file);
    if (inside.startsWith('..') || isAbsolute(inside) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(dir, '404.html');
      status = 404;
    }
    const ext = file.slice(file.lastIndexOf('.'));
    let body: Buffer = existsSync(file) ? readFileSync(file) : Buffer.from('Not found');
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    if (COMPRESSED.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    sent.push({ path, bytes: body.length });
    response.writeHead(status, headers);
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    reset: () => void sent.splice(0),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
