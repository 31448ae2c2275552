// Which item of one meeting stands beside which item of another, for the side-by-side view and for
// comparing two meetings: the same item (its id), the same minute (two records of one meeting), the
// same standard item under another wording, or a similar title. Matches never cross, so both columns
// read in agenda order; an item with no partner faces a gap.
import { defaultStandardAgenda } from '../standardAgenda.js';
import type { Item } from '../model/meeting.js';

export type AlignmentBasis = 'id' | 'minute' | 'standard' | 'title';
export interface AlignedRow {
  left: number | null;
  right: number | null;
  basis: AlignmentBasis | null;
}

/** Titles this similar (Dice coefficient over their words) are taken for the same business. */
export const TITLE_SIMILARITY_THRESHOLD = 0.5;

// What each basis is worth against the others when the best non-crossing set of matches is chosen: an
// id outweighs any two weaker matches it would cross, a minute number any two standard headings, and
// so on.
const weights: Record<AlignmentBasis, number> = { id: 16, minute: 7, standard: 3, title: 1 };

// Words that say nothing about which business an item is.
const stopWords = new Set(
  'a an and are as at be by for from in into is it its of on or re that the their this to with update report briefing note'.split(' '),
);
const months = 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
const dateWords = new Set(`${months} monday tuesday wednesday thursday friday saturday sunday`.split(' '));

/** A word reduced to its stem, so "Declaration" meets "Declarations" and "Programming" "Programme". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  for (const suffix of ['ing', 'es', 'ed', 's', 'e']) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix) && !word.endsWith('ss')) return word.slice(0, -suffix.length);
  }
  return word;
}

/** The words of a title that name its business: lower case, stemmed, without stop words, dates or numbers ("Children’s" and "A.O.B." are one word each). */
export function titleWords(title: string): string[] {
  return (title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’.]/g, '').match(/[a-z0-9]+/g) ?? [])
    .filter((word) => !stopWords.has(word) && !dateWords.has(word) && !/\d/.test(word) && !/^(st|nd|rd|th)$/.test(word))
    .map(stem);
}

/** Dice's coefficient of two sets of words: 1 for the same words, 0 for none shared or either empty. */
export function wordSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

// The headings of the standard items as councils word them; each row is one standard item. The first
// rows come from the standard agenda new committees get, the variants from published agendas.
const standardVariants: Record<string, string[]> = {
  declarations: ['Declarations of Interest', 'Declaration of Interests', 'Disclosures of Interest', 'Declarations of Pecuniary Interests', 'Declarations of Members Interests'],
  'previous-minutes': ['Minutes of the previous meeting', 'Minutes of the last meeting', 'Minutes of Previous Meeting', 'Approval of the Minutes', 'Confirmation of Minutes', 'To agree the minutes', 'Minutes and Matters Arising'],
  'any-other-business': ['AOB', 'A.O.B.', 'Other Business', 'Any Other Items of Business', 'Urgent Business', 'Any Other Urgent Business', 'Urgent Items'],
};
const otherStandardItems: string[][] = [
  ['Apologies', 'Apologies for Absence', 'Apologies and Substitutions', 'Apologies for Absence and Substitutions'],
  ['Exclusion of the Press and Public', 'Exclusion of Press and Public', 'Exclusion of the Public'],
  ['Date of Next Meeting', 'Dates of Future Meetings', 'Next Meeting'],
  ['Chairs Announcements', "Chair's Announcements", 'Announcements'],
];
const headingKey = (title: string): string => titleWords(title).join(' ');
const standardHeadings = new Map<string, string>();
for (const template of defaultStandardAgenda) {
  for (const title of [template.title, ...(standardVariants[template.kind] ?? [])]) standardHeadings.set(headingKey(title), template.title);
}
for (const [name, ...variants] of otherStandardItems) for (const title of [name!, ...variants]) standardHeadings.set(headingKey(title), name!);

// Words that may follow a standard heading without changing which item it is ("Minutes of the meeting
// held on 6th April, 2017"); dates and numbers are already gone.
const meetingWords = new Set(['meeting', 'held', 'previous', 'last', 'committee', 'board', 'panel'].map(stem));

/**
 * The standard item a title names ("Declaration of interests" → "Declarations of Interests", "Minutes
 * of the previous meeting held on 20 October 2022" → "Minutes"), or null: a standard heading in any of
 * its wordings, followed by nothing but words about the meeting.
 */
export function standardItemOf(title: string): string | null {
  const words = titleWords(title);
  for (let length = words.length; length > 0; length--) {
    if (length < words.length && !meetingWords.has(words[length]!)) continue;
    const standard = standardHeadings.get(words.slice(0, length).join(' '));
    if (standard !== undefined && words.slice(length).every((word) => meetingWords.has(word))) return standard;
  }
  return null;
}

interface Profile {
  id: string;
  minuteNumber: number;
  standard: string | null;
  words: Set<string>;
}
const profile = (item: Item): Profile => ({ id: item.id, minuteNumber: item.minuteNumber, standard: standardItemOf(item.title), words: new Set(titleWords(item.title)) });

/** The strongest reason two items are the same business, with its weight, or null when none holds. */
function matchOf(left: Profile, right: Profile, sameMeeting: boolean): { basis: AlignmentBasis; score: number } | null {
  // The similarity is added to every basis so that, between equal bases, the closer title wins.
  const similarity = wordSimilarity(left.words, right.words);
  if (left.id === right.id) return { basis: 'id', score: weights.id + similarity };
  if (sameMeeting && left.minuteNumber === right.minuteNumber) return { basis: 'minute', score: weights.minute + similarity };
  if (left.standard !== null && left.standard === right.standard) return { basis: 'standard', score: weights.standard + similarity };
  if (similarity >= TITLE_SIMILARITY_THRESHOLD) return { basis: 'title', score: weights.title + similarity };
  return null;
}

/**
 * Order-preserving alignment of two meetings' items for the side-by-side view: rows in reading order;
 * a row with one side null is a gap (an item of one meeting only; the left one first where both sides
 * have one). Indexes are positions in the arrays given (from 0).
 *
 * Items match by, strongest first: the same id (versions of one meeting); the same minute number when
 * `sameMeeting` (an import of the minutes beside the draft they came from); the same standard item
 * under either wording ("Minutes" ↔ "Minutes of the previous meeting", "Any Other Business" ↔ "AOB");
 * then titles sharing at least half their words (Dice over stemmed words, ignoring stop words, dates and
 * numbers). A weighted longest common subsequence (O(left × right)) picks the non-crossing matches with
 * the best total, so a strong match is never given up for a weaker one it would cross.
 */
export function alignItems(left: readonly Item[], right: readonly Item[], options: { sameMeeting?: boolean } = {}): AlignedRow[] {
  const sameMeeting = options.sameMeeting ?? false;
  const lefts = left.map(profile);
  const rights = right.map(profile);
  const matches = lefts.map((one) => rights.map((other) => matchOf(one, other, sameMeeting)));
  return alignByScore(lefts.length, rights.length, (i, j) => matches[i]![j]?.score ?? 0).map(([i, j]) => ({
    left: i,
    right: j,
    basis: i !== null && j !== null ? matches[i]![j]!.basis : null,
  }));
}

/**
 * The non-crossing pairs of two sequences with the best total score (a weighted longest common
 * subsequence, O(left × right)), as rows in reading order: [left, right] for a pair, [left, null] or
 * [null, right] for an unpaired one (the left first where both sides have one). `score(i, j)` of 0 or
 * less means the two may not pair.
 */
export function alignByScore(leftCount: number, rightCount: number, score: (left: number, right: number) => number): [number | null, number | null][] {
  const columns = rightCount + 1;
  // best[i][j]: the best total over left[i..] and right[j..]; filled from the end so rows read forwards.
  const best = new Float64Array((leftCount + 1) * columns);
  const scores = new Float64Array(leftCount * rightCount);
  for (let i = leftCount - 1; i >= 0; i--) {
    for (let j = rightCount - 1; j >= 0; j--) {
      const pair = score(i, j);
      scores[i * rightCount + j] = pair;
      const skip = Math.max(best[(i + 1) * columns + j]!, best[i * columns + j + 1]!);
      best[i * columns + j] = pair > 0 ? Math.max(skip, pair + best[(i + 1) * columns + j + 1]!) : skip;
    }
  }
  const rows: [number | null, number | null][] = [];
  let i = 0;
  let j = 0;
  while (i < leftCount && j < rightCount) {
    const pair = scores[i * rightCount + j]!;
    if (pair > 0 && best[i * columns + j] === pair + best[(i + 1) * columns + j + 1]!) rows.push([i++, j++]);
    else if (best[i * columns + j] === best[(i + 1) * columns + j]) rows.push([i++, null]);
    else rows.push([null, j++]);
  }
  for (; i < leftCount; i++) rows.push([i, null]);
  for (; j < rightCount; j++) rows.push([null, j]);
  return rows;
}
