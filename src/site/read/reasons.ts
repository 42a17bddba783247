import { defaultDataDir, loadData } from '../../data.js';
import { RULE_REASONS } from '../../article/rules.js';

/**
 * Rule id → why it removes a line, for the ledger on article pages and the About page: the
 * built-in rules from the article contract (`src/article/rules.ts`), the vocabulary rules from
 * `_data/boilerplate.json`.
 */
export function loadReasons(dir = defaultDataDir): Map<string, string> {
  const reasons = new Map<string, string>(Object.entries(RULE_REASONS));
  const { boilerplate } = loadData(dir);
  for (const rule of [...boilerplate.rules, ...boilerplate.inline]) if (!reasons.has(rule.id)) reasons.set(rule.id, rule.why);
  return reasons;
}
