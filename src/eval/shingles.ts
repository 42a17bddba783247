/**
 * The article-extraction benchmarks' metric: token 4-gram shingles (multisets), per-document
 * precision and recall, averaged over documents, F1 from the two averages.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface DocScore {
  id: string;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores one extracted text against the gold text. */
export function scoreDocument(id: string, predicted: string, gold: string): DocScore {
  const p = shingles(predicted);
  const g = shingles(gold);
  let tp = 0;
  let predictedTotal = 0;
  let goldTotal = 0;
  for (const [k, n] of p) {
    predictedTotal += n;
    tp += Math.min(n, g.get(k) ?? 0);
  }
  for (const n of g.values()) goldTotal += n;
  const precision = predictedTotal ? tp / predictedTotal : 0;
  const recall = goldTotal ? tp / goldTotal : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { id, precision, recall, f1 };
}

/** Averages precision and recall over documents; F1 of the averages. */
export function summarise(scores: DocScore[]): { precision: number; recall: number; f1: number } {
  const precision = scores.reduce((s, d) => s + d.precision, 0) / scores.length;
  const recall = scores.reduce((s, d) => s + d.recall, 0) / scores.length;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
