import { toBlocks } from '../clean/blocks.js';
import { decode } from './decode.js';
import { fixityOf, type Capture, type Reader } from './capture.js';

/** A plain-text capture: one file, one capture; blocks by blank lines and hard wraps, by raw line. */
export const readText: Reader = async (file, bytes, limits) => {
  const decoded = decode(bytes, limits.maxControlShare);
  if (!decoded.ok) return { captures: [], skipped: [{ id: file, reason: decoded.reason }] };
  return { captures: [textCapture(file, bytes, decoded.text, decoded.warnings)], skipped: [] };
};

/** A capture of text already decoded (a text file, or the text field of a JSON line). */
export function textCapture(file: string, bytes: Uint8Array, text: string, warnings: string[] = [], record?: string): Capture {
  return { id: record ? `${file}#${record}` : file, file, ...(record ? { record } : {}), format: 'text', fixity: fixityOf(bytes), blocks: toBlocks(text, false), text, given: {}, warnings };
}
