import { describe, expect, it } from 'vitest';
import { extractEntities } from '../src/ingest/describe/entities.js';
import { project } from './helpers.js';

const extract = (text: string, title = '') => extractEntities(text, project().gazetteer, title);

describe('extractEntities', () => {
  it('resolves aliases of any case to one canonical name', () => {
    const e = extract('The clip, shared on the military intelligence directorate (GUR)’s Telegram channel, was confirmed by the GUR.');
    expect(e.organizations).toEqual(['Main Intelligence Directorate (GUR)']);
  });

  it('matches acronyms only with their own case', () => {
    expect(extract('The gur of the river was loud.').organizations).toEqual([]);
  });

  it('folds spelling variants into the canonical name', () => {
    expect(extract('President Zelenskyy met Zelenskiy supporters in Kiev.').people).toEqual(['Volodymyr Zelensky']);
    expect(extract('He flew to Kiev.').places).toEqual(['Kyiv']);
  });

  it('finds people by a title or role beside the name', () => {
    const e = extract('In fighting, Deputy Defense Minister Hanna Malyar said gains were made. Also, Presidential adviser Mykhailo Podolyak alleged mines were laid.');
    expect(e.people).toEqual(expect.arrayContaining(['Hanna Malyar', 'Mykhailo Podolyak']));
  });

  it('finds people in an apposition with a role', () => {
    expect(extract('Sergio Mattarella, the Italian president, spoke on Monday.').people).toContain('Sergio Mattarella');
  });

  it('finds places by a place word around them', () => {
    const e = extract('Forces advanced on the towns of Klishchiivka and Andriivka, and took Tokmak, a critical logistics hub. In southern Ukraine’s Zaporizhzhia province, fighting went on near the Inhulets River.');
    expect(e.places).toEqual(expect.arrayContaining(['Klishchiivka', 'Andriivka', 'Tokmak', 'Zaporizhzhia', 'Inhulets River', 'Ukraine']));
  });

  it('finds organisations by an organisation word', () => {
    expect(extract('The National Republican Senatorial Committee said nothing.').organizations).toEqual(['National Republican Senatorial Committee']);
  });

  it('names military units by their ordinal, with one casing per unit word', () => {
    const e = extract('Servicemen of the 127th regiment of the 1st army corps rioted. Soldiers of the 2nd Army Corps complained.');
    expect(e.organizations).toEqual(expect.arrayContaining(['127th regiment', '1st Army Corps', '2nd Army Corps']));
  });

  it('merges a surname into the full name the article gives', () => {
    expect(extract('Deputy Defense Minister Hanna Malyar said so. Later Malyar said more.').people).toEqual(['Hanna Malyar']);
  });

  it('returns no junk spans: possessives, trailing punctuation, quotes, fragments', () => {
    const e = extract('Russia’s army, in “Moscow,” said MT-LB vehicles left. Global media reported it. The territory Russia occupied grew.');
    const all = [...e.people, ...e.places, ...e.organizations];
    for (const name of all) expect(name).not.toMatch(/['’]s$|[.,;:!?"“”]$|^["“]|-$|^territory |^Global media$/);
    expect(e.places).toEqual(expect.arrayContaining(['Russia', 'Moscow']));
  });

  it('does not read a sentence’s first word or a lone adjective as an entity', () => {
    const e = extract('Still, the Ukrainian city held. Breaking news came later.');
    expect([...e.people, ...e.places, ...e.organizations]).toEqual([]);
  });

  it('searches a headline for known names only, since its capitals say nothing', () => {
    const e = extract('Text without names.', 'Texas Senator Throws Hat in the Ring as Putin Watches');
    expect(e.people).toEqual(['Vladimir Putin']);
  });
});

describe('extractEntities, runs and titles', () => {
  it('ends a name at a sentence’s full stop', () => {
    const e = extract('The suit was filed by the Department of Insurance. Any appeal will follow.');
    expect(e.organizations).toEqual(['Department of Insurance']);
  });

  it('splits an organisation from the person its title names', () => {
    const e = extract('Heritage Foundation Director Lora Ries said the visits would backfire.');
    expect(e.people).toEqual(['Lora Ries']);
    expect(e.organizations).toEqual(['Heritage Foundation']);
  });

  it('reads a multi-word title before a name', () => {
    expect(extract('Secretary of State Brad Raffensperger said the count was final.').people).toEqual(['Brad Raffensperger']);
  });

  it('writes a place from a dateline in capitals as a name', () => {
    expect(extract('ISLAMABAD, March 4 (Reuters) - Pakistan’s election commission said on Monday.').places).toEqual(expect.arrayContaining(['Islamabad', 'Pakistan']));
  });
});
