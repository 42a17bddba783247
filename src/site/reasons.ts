import { z } from 'zod';
import { defaultDataDir, loadData, readJson } from '../data.js';

const LedgerReasons = z.object({ about: z.string().optional(), rules: z.record(z.string(), z.string()) });

/**
 * Rule id → why it removes a line, for the ledger on article pages: the built-in rules from
 * `_data/ledger.json`, the vocabulary rules from `_data/boilerplate.json`.
 */
export function loadReasons(dir = defaultDataDir): Map<string, string> {
  const reasons = new Map(Object.entries(readJson(dir, 'ledger.json', LedgerReasons).rules));
  const { boilerplate } = loadData(dir);
  for (const rule of [...boilerplate.rules, ...boilerplate.inline]) if (!reasons.has(rule.id)) reasons.set(rule.id, rule.why);
  return reasons;
}
