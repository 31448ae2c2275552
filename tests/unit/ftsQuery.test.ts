// Turning what the clerk types into an FTS5 query, and the edit distance behind spelling suggestions.
// Pure functions: the database that runs the queries is tested in search.test.ts.
import { describe, expect, it } from 'vitest';
import { closestWord, correctedQuery, editDistance, matchExpression, parseQuery } from '../../shared/search/ftsQuery.js';

describe('reading a query', () => {
  it('takes bare words and quoted phrases, the last bare word as being typed', () => {
    expect(parseQuery('Young "school places" Carers')).toEqual({
      terms: [
        { words: ['young'], phrase: false },
        { words: ['school', 'places'], phrase: true },
        { words: ['carers'], phrase: false },
      ],
      typingLastWord: true,
    });
    expect(parseQuery('carers ').typingLastWord).toBe(false);
    expect(parseQuery('"school places"').typingLastWord).toBe(false);
    // One letter is not yet worth completing.
    expect(parseQuery('young c').typingLastWord).toBe(false);
  });

  it('runs an unclosed quote to the end, and drops what is no word', () => {
    expect(parseQuery('"school places').terms).toEqual([{ words: ['school', 'places'], phrase: true }]);
    expect(parseQuery('+ – * "" ()').terms).toEqual([]);
    expect(parseQuery('title:carers').terms.map((term) => term.words)).toEqual([['title'], ['carers']]);
  });
});

describe('the FTS5 expression', () => {
  it('quotes every word, so nothing typed is read as FTS5 syntax', () => {
    expect(matchExpression(parseQuery('NEAR(young OR carers) '), 'AND')).toBe('"near" AND "young" AND "or" AND "carers"');
    expect(matchExpression(parseQuery('"school places" Ofsted '), 'OR')).toBe('"school places" OR "ofsted"');
    expect(matchExpression(parseQuery('***'), 'AND')).toBeNull();
  });

  it('lets the word being typed match its completions, and limits the search to fields', () => {
    expect(matchExpression(parseQuery('young car'), 'AND', ['resolutions'], ['carers', 'care'])).toBe('{resolutions} : ("young" AND ("car" OR "carers" OR "care"))');
    expect(matchExpression(parseQuery('young car'), 'AND')).toBe('"young" AND "car"');
  });
});

describe('spelling suggestions', () => {
  it('count insertions, deletions, replacements and swapped neighbours, stopping past the limit', () => {
    expect(editDistance('ofstead', 'ofsted', 2)).toBe(1);
    expect(editDistance('safegaurding', 'safeguarding', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('carers', 'carers', 0)).toBe(0);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('take the closest word, the commonest of equally close ones, none for short words', () => {
    const vocabulary = [
      { term: 'ofsted', records: 40 },
      { term: 'offset', records: 2 },
      { term: 'listed', records: 90 },
    ];
    expect(closestWord('ofstead', vocabulary)).toBe('ofsted');
    expect(closestWord('lsited', [...vocabulary, { term: 'listen', records: 1 }])).toBe('listed');
    expect(closestWord('ofs', vocabulary)).toBeNull();
    expect(closestWord('zzzzzzz', vocabulary)).toBeNull();
  });

  it('replace only the words the index does not hold', () => {
    const parsed = parseQuery('young carres');
    const corrected = correctedQuery(parsed, (word) => word === 'young', (word) => (word === 'carres' ? 'carers' : null));
    expect(corrected?.terms.map((term) => term.words)).toEqual([['young'], ['carers']]);
    expect(correctedQuery(parsed, () => true, () => 'anything')).toBeNull();
  });
});
