import type { VocabularyRule } from '../../article/rules.js';
import type { IngestData, RuleSpec } from '../../data.js';

/** A boilerplate rule compiled to a regular expression. */
export interface CompiledRule {
  id: VocabularyRule;
  zone?: 'head' | 'tail';
  test: RegExp;
}

/** The compiled residue vocabulary: compile once per run, share across documents. */
export interface Residue {
  rules: CompiledRule[];
  /** The first rule that drops a block, or undefined; `zone` says where the block stands. */
  match: (text: string, zone: 'head' | 'body' | 'tail') => VocabularyRule | undefined;
  /** The whole block is a picture credit ("Getty Images", "Name/AP", "Photo: Name"). */
  creditOnly: (text: string) => boolean;
  /** Phrases removed inside kept paragraphs, with the rule that removes each. */
  inline: { id: VocabularyRule; test: RegExp }[];
  /** The block ends with a credit: it is a caption. Returns the credit, if any. */
  captionCredit: (text: string) => { caption: string; credit: string } | undefined;
  /** The block is a label of a site's own menus or links ("Sport", "Privacy policy"). */
  furniture: (text: string) => boolean;
  /** The block is the article's own closing credit ("Reporting by …; Editing by …"). */
  articleCredit: (text: string) => boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * V8 folds case far faster without the `u` flag, so a pattern gets it only when it needs it
 * (\p{…} classes); the vocabulary's curly quotes and dashes are single UTF-16 units either way.
 */
export function flagsFor(pattern: string, caseSensitive: boolean): string {
  return (caseSensitive ? '' : 'i') + (/\\[pP]\{|\\u\{|[\ud800-\udfff]/.test(pattern) ? 'u' : '');
}

function compileRule(rule: RuleSpec): CompiledRule {
  const flags = flagsFor(rule.pattern, Boolean(rule.case));
  const source = rule.match === 'line' ? `^(?:${rule.pattern})$` : rule.match === 'prefix' ? `^(?:${rule.pattern})` : rule.pattern;
  try {
    return { id: rule.id as VocabularyRule, zone: rule.zone, test: new RegExp(source, flags) };
  } catch (error) {
    throw new Error(`_data/boilerplate.json: rule "${rule.id}" has an invalid pattern: ${(error as Error).message}`);
  }
}

/** Compiles `_data/boilerplate.json`. */
export function compileResidue(data: IngestData): Residue {
  const { agencies, words } = data.boilerplate.credits;
  const agency = agencies.map(escape).sort((a, b) => b.length - a.length).join('|');
  const word = words.map(escape).join('|');
  // A credit is names and agencies joined by a few small words: "X/Y via Getty Images for Z",
  // "Name | Moment | Getty Images". Checked token by token (a regex here backtracks badly).
  const small = new Set(['via', 'for', 'and', 'of', 'the', 'de', 'van', 'von', 'by', 'in']);
  const creditShape = (text: string) =>
    text
      .replace(/^\(|\)$/g, '')
      .split(/[\s/|,;]+/u)
      .filter(Boolean)
      .every((t) => /^[\p{Lu}\p{N}&]/u.test(t) || small.has(t) || /^(?:photos?|images?|pictures?)$/iu.test(t));
  const hasAgency = new RegExp(`(?:^|[\\s(/|])(?:${agency})(?:$|[\\s)/|,;])`, 'u');
  const creditLead = new RegExp(`^\\(?(?:${word})s?\\s?(?::|by)\\s?\\S`, 'iu');
  const parenthesised = /^\([^()]{1,80}\)$/u;
  const trailingCredit = [
    // "… (Eric Lee/Bloomberg via Getty Images)", "… (Photo: Daniel Leal/Getty)"
    new RegExp(`\\s?\\(((?:\\p{Lu}[^()]{0,80}/[^()]{0,80})|(?:[^()]*(?:${agency}|${word})[^()]*))\\)$`, 'u'),
    // "… Photograph: Central Press/Getty Images", "… Credit : Ali Haider/Shutterstock",
    // "… Photo: Matias J. Ocner/Miami Herald via Getty Images" (an initial's full stop ends no sentence)
    new RegExp(`\\s(?:${word})s?\\s?:\\s?((?:[^.!?]|(?<=(?:^|[\\s/])\\p{Lu})\\.){1,100})$`, 'u'),
    // "… 2018. REUTERS/Yuri Gripas/File Photo Purchase Licensing Rights"
    new RegExp(`\\s((?:${agencies.filter((a) => /^[A-Z]{2,}$/.test(a.toUpperCase())).map((a) => escape(a.toUpperCase())).join('|')})/\\p{Lu}.*)$`, 'u'),
    // "… ‘march on Russia’Getty": the credit glued to the caption by the scraper
    new RegExp(`(?<=[\\p{Ll}’'”)])(${agency})$`, 'u'),
  ];
  const rules = data.boilerplate.rules.map(compileRule);
  // Most blocks match no rule: a few combined expressions tell, and only blocks that match look
  // for which rule it was. Anchored rules are combined under one anchor, so the engine tries them
  // once per block rather than at every position.
  const combined = (anchored: boolean, caseSensitive: boolean) => {
    const specs = data.boilerplate.rules.filter((r) => (r.match !== 'contains') === anchored && Boolean(r.case) === caseSensitive);
    if (specs.length === 0) return undefined;
    const body = specs.map((r) => (r.match === 'line' ? `(?:${r.pattern})$` : `(?:${r.pattern})`)).join('|');
    return new RegExp(anchored ? `^(?:${body})` : body, flagsFor(body, caseSensitive));
  };
  const gates = [combined(true, false), combined(true, true), combined(false, false), combined(false, true)].filter((g): g is RegExp => g !== undefined);
  const inline = data.boilerplate.inline.map((r) => {
    try {
      return { id: r.id as VocabularyRule, test: new RegExp(r.pattern, `g${flagsFor(r.pattern, false)}`) };
    } catch (error) {
      throw new Error(`_data/boilerplate.json: inline rule "${r.id}" has an invalid pattern: ${(error as Error).message}`);
    }
  });
  const furniture = new Set(data.boilerplate.furniture.labels.map((l) => l.toLowerCase()));
  const credits = data.boilerplate.articleCredits ? new RegExp(data.boilerplate.articleCredits.pattern, flagsFor(data.boilerplate.articleCredits.pattern, false)) : undefined;
  return {
    rules,
    inline,
    articleCredit: (text) => credits !== undefined && text.length <= 300 && credits.test(text),
    furniture: (text) => text.length <= 40 && furniture.has(text.toLowerCase().replace(/\s*[:|›»>]\s*$/, '')),
    match(text, zone) {
      if (!gates.some((g) => g.test(text))) return undefined;
      return rules.find((r) => (!r.zone || r.zone === zone) && r.test.test(text))?.id;
    },
    creditOnly(text) {
      if (text.length > 120 || /[^.]\.$/.test(text)) return false; // credits do not end sentences
      if (creditLead.test(text)) return true;
      if (!creditShape(text)) return false;
      return hasAgency.test(text) || parenthesised.test(text);
    },
    captionCredit(text) {
      for (const re of trailingCredit) {
        const m = re.exec(text);
        if (m && m.index > 0) {
          return { caption: text.slice(0, m.index).trim(), credit: m[1].trim() };
        }
      }
      return undefined;
    },
  };
}
