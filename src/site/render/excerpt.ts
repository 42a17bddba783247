import { decodeHTML } from 'entities';

/** The first sentence of an article's rendered text, as plain text: descriptions and feed summaries. */
export function firstSentence(content: string): string {
  const text = content.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const decoded = decodeHTML(text);
  const end = decoded.search(/[.!?…](?:\s|$)/);
  return end > 0 && end < 300 ? decoded.slice(0, end + 1) : decoded.slice(0, 200);
}
