/**
 * A file name (or any text from a capture folder) made safe to print on a terminal: control
 * characters, which could move the cursor, recolour or retitle the terminal, and the bidirectional
 * controls that make a name read as another, are shown as escapes (`\x1b`, `\u202e`).
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
