import { describe, expect, it } from 'vitest';
import { compileTopics, uncoveredNames } from '../src/ingest/describe/topics.js';
import { compileSources } from '../src/ingest/describe/source.js';
import { words } from '../src/ingest/clean/blocks.js';
import { loadData } from '../src/data.js';

const data = loadData();
const topics = compileTopics(data.topics, 2, 4);
const lower = (s: string) => words(s).map((w) => w.toLowerCase());
const topicsOf = (title: string, body: string) => topics(lower(title), lower(body));

describe('topics', () => {
  it('assigns topics whose terms the article uses often enough, best first', () => {
    expect(topicsOf('Ukraine retakes villages near Bakhmut', 'Ukrainian troops advanced. Soldiers of the brigade said the counteroffensive went on.')[0]).toBe('Russia–Ukraine war');
  });

  it('counts a hit in the title twice', () => {
    expect(topicsOf('Wildfire spreads', 'Nothing else here.')).toEqual(['Climate and environment']);
  });

  it('matches a prefix term and whole words only', () => {
    expect(topicsOf('', 'Immigrants and immigration rules.')).toEqual(['Immigration']);
    expect(topicsOf('', 'Crimea and Crimean bridges.')).not.toContain('Crime and policing');
  });

  it("reads a word with a possessive or trailing full stops as the word itself, and only those", () => {
    const war = 'Russia–Ukraine war';
    expect(topicsOf('The counteroffensive’s toll', '')).toEqual([war]);
    expect(topicsOf("The counteroffensive's toll...", '')).toEqual([war]);
    expect(topicsOf('After the counteroffensive..', '')).toEqual([war]);
    expect(topicsOf('Two counteroffensives', '')).toEqual([]);
    expect(topicsOf('The counteroffensive’ toll', '')).toEqual([]);
  });

  it('assigns nothing to text the taxonomy does not cover', () => {
    expect(topicsOf('A quiet day', 'Nothing happened at all.')).toEqual([]);
  });

  it('suggests names no topic term covers', () => {
    expect(uncoveredNames(['Kyiv', 'Elon Musk', 'Donald Trump'], data.topics)).toEqual(['Elon Musk']);
  });
});

describe('sources', () => {
  const source = compileSources(data.sources);

  it('names site and publisher from a signature anywhere in the capture, and the line it stands on', () => {
    expect(source('…\nFollow our social media accounts here on facebook.com/ExpressUSNews and @expressusnews')).toEqual({
      facts: { site: 'Express', publisher: 'Reach plc' },
      from: { line: 2, text: 'Follow our social media accounts here on facebook.com/ExpressUSNews and @expressusnews' },
    });
  });

  it('names an aggregator from its own disclaimer', () => {
    expect(source('Denial of responsibility! Elite News is an automatic aggregator of Global media.').facts).toEqual({ site: 'Elite News' });
  });

  it('claims nothing without a signature', () => {
    expect(source('Russian soldiers flee for their lives from Kherson')).toEqual({ facts: {} });
  });
});

describe('secondary topics', () => {
  it('need a share of the main topic’s hits: one stray word does not make a topic', () => {
    const relative = compileTopics(data.topics, 2, 4, 0.3);
    const sport = 'The team won the game. The coach praised the players after the match, and the season goes on. The league said the points stand. Shooting was poor in the first half. The shooting improved.';
    expect(relative([], lower(sport))).toEqual(['Sport']);
    expect(topics([], lower(sport))).toContain('Crime and policing');
  });
});
