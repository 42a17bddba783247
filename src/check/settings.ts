import { z } from 'zod';
import { defaultDataDir, readJson } from '../data.js';

/** `_data/check.json`: the thresholds of `npm run check`, documented there and here. */
export const CheckSettings = z.object({
  about: z.string().optional(),
  /** Estimated shingle resemblance (0–1) from which two articles are near-duplicates. */
  nearDuplicate: z.number().min(0).max(1),
  /** A topic of the taxonomy with fewer articles than this is listed. */
  smallTopic: z.number().int().positive(),
  /** Rules are judged only in an archive of at least this many articles. */
  rulesFrom: z.number().int().positive(),
  /** A rule that removes lines from at least this share of articles fires everywhere: suspect. */
  ruleEverywhere: z.number().min(0).max(1),
});
export type CheckSettings = z.infer<typeof CheckSettings>;

export function loadCheckSettings(dir = defaultDataDir): CheckSettings {
  return readJson(dir, 'check.json', CheckSettings);
}
