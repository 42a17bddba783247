import { z } from 'zod';

/** A real calendar day as YYYY-MM-DD: "2023-02-30" and "2023-13-45" are refused, not rolled over. */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isCalendarDay, { message: 'not a day of the calendar (check the month and the day)' });

/** The frontmatter of an article, in the order it is written. Curators may edit any of it. */
export const Frontmatter = z
  .object({
    title: z.string().min(1),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens'),
    published: isoDate.optional(),
    published_precision: z.enum(['day', 'month', 'year']).optional(),
    published_basis: z.enum(['stated', 'inferred', 'curator']).optional(),
    /** The last update the source states (a page's dateModified), apart from the publication date. */
    modified: isoDate.optional(),
    captured: isoDate.optional(),
    site: z.string().optional(),
    publisher: z.string().optional(),
    /** Who wrote it, as the source states (a page's JSON-LD author, a byline). */
    authors: z.array(z.string()).optional(),
    topics: z.array(z.string()),
    people: z.array(z.string()),
    places: z.array(z.string()),
    organizations: z.array(z.string()),
    words: z.number().int().nonnegative(),
    figures: z.array(z.object({ caption: z.string().optional(), credit: z.string() })).optional(),
    source: z
      .object({
        file: z.string(),
        /** Which capture of the file, for a file of several (a JSON line, a web archive's record). */
        record: z.string().optional(),
        /** The capture's own bytes: the file, or the record. */
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        bytes: z.number().int().nonnegative(),
        /** The address the page was captured from. */
        url: z.string().optional(),
      })
      .strict(),
  })
  .strict()
  .refine((f) => (f.published === undefined) === (f.published_precision === undefined) && (f.published === undefined) === (f.published_basis === undefined), {
    message: 'published, published_precision and published_basis go together',
  });
export type Frontmatter = z.infer<typeof Frontmatter>;

/** Where a value was read: a raw line, or what the source states it in ("JSON-LD headline"). */
const ReadFrom = z.object({ line: z.number().int().positive().optional(), where: z.string().optional(), text: z.string() });

/**
 * The ledger, written beside the article as `<slug>.11tydata.json`: every line removed from the
 * capture with the rule that removed it, and the raw line each value of the frontmatter was read
 * from (title, publication and capture dates, site), so any value can be checked in its capture.
 */
export const Ledger = z.object({
  removed: z.array(z.object({ line: z.number().int().positive(), rule: z.string(), text: z.string(), where: z.string().optional() })),
  read: z
    .object({ title: ReadFrom.optional(), published: ReadFrom.optional(), captured: ReadFrom.optional(), site: ReadFrom.optional() })
    .strict()
    .optional(),
  /**
   * Digests of the values ingest wrote, by group (src/article/fields.ts): how a later merge tells
   * the curator's values from ingest's when the capture of an edited article changes.
   */
  written: z.record(z.string(), z.string()).optional(),
});
export type Ledger = z.infer<typeof Ledger>;
