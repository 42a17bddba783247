/**
 * The removal rules built into the cleaner, and why each removes a line: the ledger beside every
 * article names the rule of each removed line, and the article page and the About page show this
 * reason with it. The vocabulary rules of `_data/boilerplate.json` carry their own (`why`).
 * A built-in rule without a reason here does not compile.
 */
export type BuiltinRule =
  | 'title'
  | 'header'
  | 'dateline'
  | 'caption'
  | 'credit'
  | 'label'
  | 'related-link'
  | 'repeated'
  | 'duplicate'
  | 'boilerplate'
  | 'headline-link'
  | 'fragment'
  | 'furniture'
  | 'after-article'
  | 'page-chrome'
  | 'link-list'
  | 'outside-article';

export const RULE_REASONS: Record<BuiltinRule, string> = {
  title: 'The headline: shown as the page title, not repeated in the text.',
  header: "Above the headline: the page's own header, menus and banners, before the article begins.",
  dateline: 'A date or time line: read as the publication date (or the capture date) and shown with the article, not in its text.',
  caption: 'A photo caption, usually glued to its credit; kept in the figures list.',
  credit: 'A photo or agency credit on its own line (Getty, Reuters, AP, PA…).',
  label: 'A short label ending in a colon that introduced removed residue.',
  'related-link': 'A link to another article (a promo card or a headline repeated as a link).',
  repeated: 'A line that appears in other captures of the collection: site furniture, not this article.',
  duplicate: 'A paragraph repeated word for word elsewhere in the same capture.',
  boilerplate: 'Not prose: too short, few common words or no sentence ending, among other non-prose lines.',
  'headline-link': 'A headline-like line among non-prose lines: a list of links to other articles.',
  fragment: 'A short fragment between removed lines: part of the surrounding page furniture.',
  furniture: "The capture has no prose, and what is left is mostly the site's own menus and links: page furniture, not an article.",
  'after-article': "After the article's last paragraph: what a page puts after an article (related links, comments, newsletters, footers).",
  'page-chrome': "In the page's own navigation, header, footer or sidebar, as its markup says (a saved page's nav, aside, footer, banner).",
  'link-list': 'Mostly the text of links (a saved page): a menu, a list of other articles, tags.',
  'outside-article': "Outside the element that holds the article's text (a saved page): a sidebar, an author box, teasers of other articles.",
};

/** A rule of the vocabulary (`_data/boilerplate.json`): its id is data, made a rule only by the vocabulary's compiler. */
export type VocabularyRule = string & { readonly vocabularyRule: true };

/** The rule that removed a line. */
export type Rule = BuiltinRule | VocabularyRule;
