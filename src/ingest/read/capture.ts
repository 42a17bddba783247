import type { Block } from '../clean/blocks.js';
import type { Stamp } from './stamp.js';
import { sha256 } from '../../article/hash.js';

/** A value the source states about itself, and where it was read ("JSON-LD datePublished", "WARC-Date"). */
export interface Stated<T> {
  value: T;
  from: string;
}

/**
 * What a source states about a capture. It wins over what the text stages infer: a page's
 * JSON-LD `datePublished` is the publication date (`published_basis: stated`), its headline the
 * title, a WARC record's date the capture date.
 */
export interface Given {
  title?: Stated<string>;
  /** YYYY-MM-DD, as the source writes it. */
  published?: Stated<string>;
  modified?: Stated<string>;
  authors?: Stated<string[]>;
  site?: Stated<string>;
  publisher?: Stated<string>;
  url?: Stated<string>;
  language?: Stated<string>;
  /** YYYY-MM-DD: when the capture was made (a web archive's record date). */
  captured?: Stated<string>;
}

/**
 * One capture, whatever the format it came in: the pipeline's entrance, so nothing after the
 * readers knows whether a capture was a text file, a saved page, a line of JSON or a record of a
 * web archive.
 */
export interface Capture {
  /** Unique in the collection: the file's path, or `path#record` for one of several in a file. */
  id: string;
  /** The raw file, relative to the collection's root. */
  file: string;
  /** Which record of the file, for files of several captures ("line 12", a WARC-Record-ID). */
  record?: string;
  format: 'text' | 'html' | 'jsonl' | 'warc';
  /**
   * The fixity of the capture's own bytes (the file, the JSON line, the record's payload), taken
   * once as it is read: the bytes themselves are not kept (a saved page's are 360 kB).
   */
  fixity: Fixity;
  /** The blocks of visible text, each with the raw line (and, from HTML, the element) it came from; their words are counted by the pipeline (`fillWords`). */
  blocks: Block[];
  /** The visible text, for the signatures that name a source. */
  text: string;
  given: Given;
  /** What reading it repaired or noticed (stray bytes, control characters). */
  warnings: string[];
}

/** SHA-256 and size of a capture's bytes. */
export interface Fixity {
  sha256: string;
  size: number;
}

export function fixityOf(bytes: Uint8Array): Fixity {
  return { sha256: sha256(bytes), size: bytes.byteLength };
}

/** A file or a record that becomes no article, and why. */
export interface Skip {
  id: string;
  reason: string;
}

/** A file's captures, what in it is none, and its stamp when it was opened (for the next run's check). */
export type ReadResult = { captures: Capture[]; skipped: Skip[]; stamp?: Stamp };

/**
 * Where a reader puts the captures it makes: collected, or each handed on as soon as it is read
 * (`each`), so that an archive of thousands of pages is never held whole (the pages of one web
 * archive held 0.5 MB each until its last was read: 1.75 GB for 3,200).
 */
export interface CaptureSink {
  add(capture: Capture): void;
  /** Captures added so far. */
  readonly count: number;
  /** What was collected (nothing when each capture was handed on). */
  readonly captures: Capture[];
}

export function captureSink(each?: (capture: Capture) => void): CaptureSink {
  const captures: Capture[] = [];
  let count = 0;
  return {
    add(capture) {
      count++;
      if (each) each(capture);
      else captures.push(capture);
    },
    get count() {
      return count;
    },
    captures,
  };
}

/** A reader: a file's bytes → its captures, and a reasoned skip for whatever in it is none. */
export type Reader = (file: string, bytes: Uint8Array, limits: ReadLimits) => Promise<ReadResult>;

/** The limits and vocabulary of reading. */
export interface ReadLimits {
  /** A capture with more than this share of control characters is binary. */
  maxControlShare: number;
  /** The largest capture (a record, a line, a file) read as an article. */
  maxBytes: number;
  /** Saved pages: class and id words that mark the page's own chrome (`_data/boilerplate.json`). */
  chromeClasses?: ReadonlySet<string>;
  /** Saved pages: class and id words that mark a quotation set apart from the running text (a pull quote). */
  apartClasses?: ReadonlySet<string>;
  /** Saved pages: class and id words that mark the site's own name or logo: an `<h1>` in such an element is no headline. */
  brandClasses?: ReadonlySet<string>;
  /** Words that end a role, not a name, in a stated author ("Staff Writer"). */
  bylineRoles?: ReadonlySet<string>;
}
