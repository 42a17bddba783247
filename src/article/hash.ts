import { createHash } from 'node:crypto';

/** SHA-256 in hex: the fixity hash of captures and articles. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * 53-bit FNV-1a of a string: two 32-bit lanes. Enough to tell blocks (or names) apart across
 * 100,000 documents without keeping their text in memory; not a fixity hash.
 */
export function hash53(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h2 >>> 0) * 2 ** 21 + ((h1 >>> 0) & 0x1fffff);
}
