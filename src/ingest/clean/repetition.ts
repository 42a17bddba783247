import { hash53 } from '../../article/hash.js';
import { toBlocks, isTerminated, type Block } from './blocks.js';
import type { IngestSettings } from '../settings.js';

const keyOf = (text: string) => hash53(text.toLowerCase());

/** The block keys of one document, each once: what pass 1 of an ingest run sends to the index. */
export function blockKeys(text: string): number[] {
  return [...new Set(toBlocks(text, false).map((b) => keyOf(b.text)))];
}

/**
 * How many documents of the collection hold each block: a block that stands in several
 * captures is site chrome (trafilatura's and jusText's cross-document signal).
 */
export class RepetitionIndex {
  private readonly counts = new Map<number, number>();

  add(keys: Iterable<number>): void {
    for (const k of keys) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** In how many other documents besides this one the block stands. */
  others(text: string): number {
    return Math.max(0, (this.counts.get(keyOf(text)) ?? 0) - 1);
  }

  /** The blocks that stand in at least `minOthers` other documents: what pass 2 needs. */
  repeated(minOthers: number): RepeatedBlocks {
    return new RepeatedBlocks([...this.counts].filter(([, n]) => n - 1 >= minOthers).map(([k]) => k));
  }
}

/** The set of repeated blocks, small enough to hand to every worker thread. */
export class RepeatedBlocks {
  private readonly keys: Set<number>;

  constructor(keys: Iterable<number>) {
    this.keys = new Set(keys);
  }

  has(text: string): boolean {
    return this.keys.has(keyOf(text));
  }

  toArray(): number[] {
    return [...this.keys].sort((a, b) => a - b);
  }
}

/**
 * A capture that shares its opening line and much of its prose with other captures is a version
 * or re-capture of the same article (a site's footer shares prose but brings no headline); so is a
 * list or table without prose whose text nearly all stands elsewhere. Repetition says nothing about
 * such a capture. Returns the share of its text found elsewhere when it is one, else 0.
 */
export function probableVersion(blocks: Block[], repeated: (text: string) => boolean, settings: IngestSettings): number {
  const share = (list: Block[]) => {
    const total = list.reduce((n, b) => n + b.text.length, 0);
    return total ? list.filter((b) => repeated(b.text)).reduce((n, b) => n + b.text.length, 0) / total : 0;
  };
  const prose = blocks.filter((b) => b.text.length >= settings.goodChars && isTerminated(b.text));
  const textShare = share(blocks);
  const opening = blocks.length > 0 && repeated(blocks[0].text);
  return (opening && share(prose) >= settings.versionShare) || textShare >= settings.duplicateShare ? textShare : 0;
}
