// What the clerk types in the search box, turned into an SQLite FTS5 query. Every word and phrase goes
// into FTS5 as a quoted string, so nothing typed (quotes, asterisks, "title:", NEAR, AND/OR/NOT,
// brackets) is read as FTS5 syntax: the words are only ever looked up as words. Pure: the database
// that runs the query lives on the node side (electron/services/searchDatabase.ts).
import type { SearchField } from './minutesIndex.js';

/** A bare word, or a phrase the clerk put in double quotes ("school places"). */
export interface QueryTerm {
  /** Lower-case words, accents kept (the tokenizer removes them). */
  words: string[];
  phrase: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The last bare word is still being typed (no space after it): it also matches as a prefix. */
  typingLastWord: boolean;
}

/**
 * A word as the index's tokenizer sees one: letters and numbers (with their combining marks), split on
 * everything else. A piece of punctuation on its own ("+", "–") is no word, so it cannot empty a search.
 */
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const wordsOf = (text: string): string[] => (text.match(wordPattern) ?? []).filter((word) => /[\p{L}\p{N}]/u.test(word)).map((word) => word.toLowerCase());

/** Straight and curly double quotes both open and close a phrase. */
const phrasePattern = /["“”„]([^"“”„]*)["“”„]?/gu;

/** Reads the clerk's query: quoted phrases, then bare words; an unclosed quote runs to the end. */
export function parseQuery(query: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  let at = 0;
  let lastIsWord = false;
  for (const match of query.matchAll(phrasePattern)) {
    for (const word of wordsOf(query.slice(at, match.index))) terms.push({ words: [word], phrase: false });
    const words = wordsOf(match[1] ?? '');
    // A quoted single word is just that word, but not a prefix: the clerk closed it.
    if (words.length > 0) terms.push({ words, phrase: true });
    at = match.index + match[0].length;
    lastIsWord = false;
  }
  const rest = wordsOf(query.slice(at));
  for (const word of rest) terms.push({ words: [word], phrase: false });
  if (rest.length > 0) lastIsWord = true;
  const last = terms.at(-1);
  const typingLastWord = lastIsWord && last !== undefined && !/[\s\p{P}]$/u.test(query) && (last.words[0]?.length ?? 0) >= 2;
  return { terms, typingLastWord };
}

/** An FTS5 string: the text in double quotes, a double quote inside doubled. */
const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/**
 * The FTS5 MATCH expression for a parsed query, or null when it has no words. `combine` 'AND' wants
 * every term, 'OR' any. A word being typed matches itself or any of `completions`, the index's words
 * it begins ("ofs" finds "Ofsted"). They are looked up rather than left to FTS5's `"ofs"*`, because
 * the porter tokenizer stems a prefix too: "ofs"* becomes "of"* and finds every "of". `fields` limits
 * the search to those columns ("only resolutions").
 */
export function matchExpression(parsed: ParsedQuery, combine: 'AND' | 'OR', fields?: readonly SearchField[], completions: readonly string[] = []): string | null {
  if (parsed.terms.length === 0) return null;
  const last = parsed.terms.length - 1;
  const parts = parsed.terms.map((term, index) => {
    const text = quoted(term.words.join(' '));
    return parsed.typingLastWord && index === last && completions.length > 0 ? `(${[text, ...completions.map(quoted)].join(' OR ')})` : text;
  });
  const expression = parts.join(` ${combine} `);
  return fields === undefined ? expression : `{${fields.join(' ')}} : (${expression})`;
}

/**
 * How many letters must change (insert, delete, replace, or swap two neighbours) to turn `a` into `b`,
 * or `limit + 1` as soon as it is certainly more than `limit` (so long vocabularies are cheap to scan).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({ length: b.length + 1 }, (_, index) => index);
  let previous = before;
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** How many typos a word forgives: none under 5 letters (too many short words are one letter apart), one up to 9, then two. */
export const typosForgiven = (word: string): number => (word.length >= 10 ? 2 : word.length >= 5 ? 1 : 0);

/** A word of the index's vocabulary, and in how many records it occurs. */
export interface VocabularyWord {
  term: string;
  records: number;
}

/**
 * The vocabulary word closest to `word` within its forgiven typos, the commonest of equally close ones;
 * null when none is close enough. `vocabulary` should hold the words of about the right length.
 */
export function closestWord(word: string, vocabulary: Iterable<VocabularyWord>): string | null {
  const limit = typosForgiven(word);
  if (limit === 0) return null;
  let best: { term: string; distance: number; records: number } | null = null;
  for (const candidate of vocabulary) {
    const distance = editDistance(word, candidate.term, limit);
    if (distance > limit) continue;
    if (best === null || distance < best.distance || (distance === best.distance && candidate.records > best.records)) best = { ...candidate, distance };
  }
  return best?.term ?? null;
}

/**
 * The query with each word the index does not hold replaced by its suggestion, or null when no word
 * was replaced. `known` says whether the index holds a word; `suggest` gives the closest word or null.
 */
export function correctedQuery(parsed: ParsedQuery, known: (word: string) => boolean, suggest: (word: string) => string | null): ParsedQuery | null {
  let changed = false;
  const terms = parsed.terms.map((term) => ({
    ...term,
    words: term.words.map((word) => {
      if (known(word)) return word;
      const suggestion = suggest(word);
      if (suggestion === null || suggestion === word) return word;
      changed = true;
      return suggestion;
    }),
  }));
  return changed ? { ...parsed, terms } : null;
}
