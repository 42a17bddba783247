import { describe, expect, it } from 'vitest';
import { RULE_REASONS, type Rule } from '../src/article/rules.js';
import { loadReasons } from '../src/site/read/reasons.js';
import { loadData } from '../src/data.js';

describe('removal rules', () => {
  it('give every built-in rule a reason, "header" among them', () => {
    for (const [rule, why] of Object.entries(RULE_REASONS)) expect(why.length, rule).toBeGreaterThan(20);
    expect(RULE_REASONS.header).toMatch(/above the headline/i);
  });

  it('give the site a reason for every built-in and every vocabulary rule', () => {
    const reasons = loadReasons();
    const { boilerplate } = loadData();
    for (const id of [...Object.keys(RULE_REASONS), ...boilerplate.rules.map((r) => r.id), ...boilerplate.inline.map((r) => r.id)]) expect(reasons.get(id), id).toBeTruthy();
  });

  it('refuse, at compile time, a rule id that is neither built in nor from the vocabulary', () => {
    // @ts-expect-error "titel" is no rule: the typecheck (npm run typecheck) fails if this line compiles.
    const typo: Rule = 'titel';
    expect(typo).toBe('titel');
  });
});
