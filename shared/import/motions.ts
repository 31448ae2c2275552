// Motions and votes as councils minute them (DOMAIN.md, "Motions and votes"), read back from one
// line at a time: who moved and seconded it ("It was moved by Councillor A and seconded by Councillor
// B that …", "Moved by …, seconded by …, that …", "It was proposed by …", "Councillor A moved, and
// Councillor B seconded, that …", "Councillor A moved that …"), what became of it ("On being put to
// the vote the motion was CARRIED (For: 6, Against: 4, Abstain: 1).", "The amendment was put to the
// vote and was LOST", "carried unanimously", "not seconded", "withdrawn", "fell"), the counts in the
// styles councils use ("For: 6, Against: 4", "6 votes for, 4 against and 1 abstention", "by 8 votes
// to 2", "7 voted in favour and 2 against (1 abstention)", "For 6 / Against 4 / Abstentions 1", "(5:5 and
// on the Chair's casting vote)") and a recorded vote's names ("For (5): Councillors …; Against (3): …",
// "Those voting for: …"). Parish councils minute the mover and seconder without the words moved
// ("Proposed: Cllr A; Seconded: Cllr B", a line each or one line, then "All in favour", "Carried" or
// "RESOLVED"), and some councils fold the motion into the decision ("On the motion of Councillor A,
// seconded by Councillor B, it was RESOLVED that …"). shared/export/motionText.ts prints the first of each.
// Pure; every pattern is anchored or bounded, so no line makes one backtrack.
import type { CastingVote, MotionKind, MotionResult, NamedVote, VoteCounts } from '../editor/schema.js';
import { isTie } from '../model/votes.js';
import { isMemberName, namesOf } from './memberNames.js';

export interface MovedSentence {
  kind: MotionKind;
  mover: string;
  seconder: string;
  /** The words moved when they follow "that" on the same line, as the motion's paragraph ("That the report be noted."); null when they follow on lines of their own or are not minuted. */
  words: string | null;
  /** Where the words start in the line (after "that "). */
  wordsAt: number;
  /** Whether the words follow on lines of their own ("that:"); false when the minutes give only who moved and seconded ("Proposed: Cllr A"). */
  wordsFollow: boolean;
  /** "On the motion of A, seconded by B, it was RESOLVED that …": where the resolution ("it was RESOLVED …") starts in the line, else null. */
  resolvedAt: number | null;
}

const member = String.raw`(.{1,60}?)`;
/** "It was moved by A and seconded by B that", "Moved by A, seconded by B, that", "An amendment was proposed by A that", "It was moved that". */
const movedBy = new RegExp(
  String.raw`^(?:(it|an amendment|the amendment|a motion|the motion|a further amendment)\s+was\s+)?(?:moved|proposed)(?:\s+by\s+${member})?(?:\s*,?\s*(?:and\s+)?seconded\s+by\s+${member})?\s*,?\s+that\b`,
  'i',
);
/** "Councillor A moved that", "Councillor A moved, and Councillor B seconded, that", "Councillor A proposed an amendment, seconded by Councillor B, that". */
const memberMoved = new RegExp(
  String.raw`^${member}\s+(?:moved|proposed)(\s+an\s+amendment)?(?:\s*,?\s*(?:and\s+)?(?:${member}\s+seconded|seconded\s+by\s+${member}))?\s*,?\s+that\b`,
  'i',
);

/** "On the motion of Councillor A, seconded by Councillor B, it was RESOLVED that": the motion carried is the resolution that follows. */
const onTheMotionOf = new RegExp(
  String.raw`^on\s+the\s+motion\s+of\s+${member}(?:\s*,?\s*(?:and\s+)?seconded\s+by\s+${member})?\s*,\s*(?=it\s+was\s+(?:unanimously\s+)?resolved\b)`,
  'i',
);
/** "Proposed: Cllr A", "Proposed by Cllr A, seconded by Cllr B.", "Proposed: Cllr A; Seconded: Cllr B": the whole line, no words moved. */
const proposedOnly = new RegExp(
  String.raw`^(?:proposed|moved)(?:\s*:\s*|\s+by\s+)${member}(?:\s*[,;.]?\s*(?:and\s+)?seconded(?:\s*:\s*|\s+by\s+)${member})?\s*\.?$`,
  'i',
);
/** "Seconded: Cllr B" on the line after "Proposed: Cllr A". */
const secondedOnly = new RegExp(String.raw`^seconded(?:\s*:\s*|\s+by\s+)${member}\s*\.?$`, 'i');

const withoutThat = (words: string): string => words.replace(/^\s*that\s+/i, '');

const namesMembers = (mover: string, seconder: string): boolean => (mover === '' || isMemberName(mover)) && (seconder === '' || isMemberName(seconder));

/** A motion minuted by who moved and seconded it alone, without its words: "Proposed: Cllr A; Seconded: Cllr B", "On the motion of A, seconded by B, it was RESOLVED …". */
function movedWithoutWords(key: string): MovedSentence | null {
  const folded = onTheMotionOf.exec(key);
  const found = folded ?? proposedOnly.exec(key);
  if (found === null) return null;
  const mover = (found[1] ?? '').trim();
  const seconder = (found[2] ?? '').trim();
  if (mover === '' || !namesMembers(mover, seconder)) return null;
  return { kind: 'motion', mover, seconder, words: null, wordsAt: key.length, wordsFollow: false, resolvedAt: folded === null ? null : found[0].length };
}

/** "Seconded: Cllr B" alone on a line: the seconder of the motion proposed on the line before; null when the line is not that. */
export function secondedLineOf(key: string): string | null {
  const seconded = secondedOnly.exec(key);
  const seconder = (seconded?.[1] ?? '').trim();
  return seconder !== '' && isMemberName(seconder) ? seconder : null;
}

/** The opening of a motion or amendment, or null. Mover and seconder must read as members' names. */
export function movedSentenceOf(key: string): MovedSentence | null {
  let kind: MotionKind;
  let mover: string;
  let seconder: string;
  let end: number;
  const withoutWords = movedWithoutWords(key);
  if (withoutWords !== null) return withoutWords;
  const by = movedBy.exec(key);
  if (by !== null) {
    kind = /amendment/i.test(by[1] ?? '') ? 'amendment' : 'motion';
    mover = by[2] ?? '';
    seconder = by[3] ?? '';
    end = by[0].length;
  } else {
    const moved = memberMoved.exec(key);
    if (moved === null) return null;
    kind = moved[2] === undefined ? 'motion' : 'amendment';
    mover = moved[1] ?? '';
    seconder = moved[3] ?? moved[4] ?? '';
    end = moved[0].length;
  }
  mover = mover.trim();
  seconder = seconder.trim();
  if (!namesMembers(mover, seconder)) return null;
  const rest = key.slice(end);
  const colon = /^\s*:?\s*$/.test(rest);
  const wordsAt = end + (rest.length - rest.trimStart().length);
  return { kind, mover, seconder, words: colon ? null : `That ${withoutThat(rest.trim())}`, wordsAt, wordsFollow: colon, resolvedAt: null };
}

// ---------------------------------------------------------------------------------------------
// Counts.

/**
 * Each style of counts; `winnerFirst` where the minutes give the winning side first whichever it was
 * ("CARRIED by 8 votes to 3", "LOST by 8 votes to 3": 3 for, 8 against), so the result orders them.
 */
const countPatterns: { pattern: RegExp; sides: [number, number, number | null]; winnerFirst: boolean }[] = [
  // "For: 6, Against: 4, Abstain: 1", "For 9, Against 0, Abstentions 2", "For 6 / Against 4 / Abstentions 1"
  {
    pattern: /\bfor\s*:?\s*(\d{1,3})\s*[,;/]?\s*against\s*:?\s*(\d{1,3})(?:\s*[,;/]?\s*(?:and\s+)?(?:abstain(?:ed|ing)?|abstentions?)\s*:?\s*(\d{1,3}))?/i,
    sides: [1, 2, 3],
    winnerFirst: false,
  },
  // "6 votes for, 4 against and 1 abstention", "6 in favour and 4 against", "7 voted in favour and 2 against (1 abstention)", "5 voted for and 5 against, with 1 abstaining"
  {
    pattern:
      /\b(\d{1,3})\s+(?:votes?\s+|(?:members\s+)?voted\s+)?(?:for|in\s+favour)(?:\s+of\s+the\s+(?:motion|amendment))?\s*,?\s*(?:and\s+|with\s+)?(\d{1,3})\s+(?:votes?\s+|voted\s+)?against(?:\s*[,(]?\s*(?:and\s+|with\s+)?(\d{1,3}|no)\s+(?:abstentions?|abstained|abstaining))?/i,
    sides: [1, 2, 3],
    winnerFirst: false,
  },
  // "by 8 votes to 2", "by 7 votes to 4, with 1 abstention", "LOST by 3 votes to 8"
  { pattern: /\bby\s+(\d{1,3})\s+votes?\s+to\s+(\d{1,3})(?:\s*,?\s*(?:and\s+|with\s+)(\d{1,3}|no)\s+abstentions?)?/i, sides: [1, 2, 3], winnerFirst: true },
  // "(5:5 and on the Chair's casting vote)", "(6:4)"
  { pattern: /\((\d{1,3})\s*[:–-]\s*(\d{1,3})(?=[\s,)])/, sides: [1, 2, null], winnerFirst: false },
];

const count = (value: string | undefined): number => (value === undefined || /^no$/i.test(value) ? 0 : Number(value));

/** The first counts in the text and where they are printed. */
function countsAt(text: string, result: 'carried' | 'lost' | null): { counts: VoteCounts; from: number; to: number } | null {
  for (const { pattern, sides, winnerFirst } of countPatterns) {
    const match = pattern.exec(text);
    if (match === null) continue;
    let [yes, no] = [count(match[sides[0]]), count(match[sides[1]])];
    // The winning side's number is printed first: a motion lost had fewer votes for than against.
    if (winnerFirst && result !== null && (result === 'carried') !== yes >= no) [yes, no] = [no, yes];
    const counts = { for: yes, against: no, abstain: sides[2] === null ? 0 : count(match[sides[2]]) };
    return { counts, from: match.index, to: match.index + match[0].length };
  }
  return null;
}

/**
 * The first counts in the text in any of the councils' styles, or null. `result` orders "by X votes to
 * Y", which gives the winning side first; without it X is taken as the votes for.
 */
export const countsIn = (text: string, result: 'carried' | 'lost' | null = null): VoteCounts | null => countsAt(text, result)?.counts ?? null;

/** What may stand before counts on a line of their own: a bracket, "Vote:", "Voting:", "Result:". */
const countsLabel = /^[\s(]*(?:(?:votes?|voting|result)\s*[:–-]\s*)?$/i;

/**
 * A line that is nothing but counts ("For 6 / Against 4 / Abstentions 1", "(For: 6, Against: 4)",
 * "Vote: 4 for, 3 against."), as parish minutes put them between the proposer and the result; null
 * for any other line.
 */
export function countsLineOf(key: string): VoteCounts | null {
  if (key.length > 120) return null;
  const found = countsAt(key, null);
  if (found === null || !countsLabel.test(key.slice(0, found.from)) || !/^[\s.)]*$/.test(key.slice(found.to))) return null;
  return found.counts;
}

// ---------------------------------------------------------------------------------------------
// What became of it.

export interface VoteOutcome {
  /** What the sentence says was put: 'motion', 'amendment', or null when it does not say ("CARRIED."). */
  noun: MotionKind | null;
  result: Exclude<MotionResult, ''>;
  unanimous: boolean;
  counts: VoteCounts | null;
  castingVote: CastingVote;
}

/** Openings of a sentence reporting a vote, so that "… asked whether the motion, carried in March, …" is not one. */
const outcomeOpening =
  /^\(?(?:(?:on|upon)\s+(?:being\s+put|a\s+(?:recorded\s+|named\s+)?vote|the\s+(?:motion|amendment)\s+being\s+put)|(?:the|this|that|which)\s+(?:substantive\s+|original\s+|amended\s+|revised\s+|further\s+)?(?:motion|amendment|proposal)\b|there\s+being\s+no\s+seconder|with\s+the\s+(?:consent|agreement)\s+of\s+the\s+(?:meeting|committee|seconder)|having\s+been\s+put\s+to\s+the\s+vote|(?:carried|lost|defeated|not\s+seconded|withdrawn|fell)\b|all\s+(?:members\s+)?(?:were\s+)?in\s+favour\b)/i;
const nounWord = /\b(amendment|motion|proposal)\b/i;

/** The result word follows "was", "and" … ("the motion was declared CARRIED", "put and carried") or opens the line ("CARRIED."). */
const resultAfter = (words: string): RegExp =>
  new RegExp(String.raw`(?:^\(?|\b(?:was|were|being|been|and|is)\s+(?:(?:then|duly|therefore|declared|accordingly|unanimously|subsequently|not)\s+)*)(?:${words})\b`, 'i');

/** "All in favour": carried, every member voting for it. */
const allInFavour = /^\(?all\s+(?:members\s+)?(?:were\s+)?in\s+favour\b/i;

/**
 * Every member present voted for it. "Nem con" (nemine contradicente) is not this: it records only that
 * nobody voted against, and some may have abstained, so a motion carried nem con is carried, not unanimous.
 */
const votedAsOne = /\bunanimous(?:ly)?\b|\bwithout\s+dissent\b/i;

const resultWords: [RegExp, Exclude<MotionResult, ''>][] = [
  [/\bnot\s+seconded\b|\bno\s+seconder\b|\bfailed\s+to\s+(?:find|attract)\s+a\s+seconder\b/i, 'not-seconded'],
  [resultAfter('withdrawn'), 'withdrawn'],
  [resultAfter('carried|agreed|approved|passed'), 'carried'],
  [resultAfter('lost|defeated|rejected'), 'lost'],
  [/(?:^\(?|\b(?:motion|amendment|proposal|it)\s+(?:therefore\s+|accordingly\s+|then\s+)?)fell\b/i, 'fell'],
  [allInFavour, 'carried'],
];

/**
 * A sentence reporting what became of a motion or amendment, or null. A tie with the Chair's casting
 * vote gives `castingVote` the way the result went (LGA 1972 Sch. 12 para. 39).
 */
export function voteOutcomeOf(key: string): VoteOutcome | null {
  if (key.length > 400 || !outcomeOpening.test(key)) return null;
  const found = resultWords.find(([pattern]) => pattern.test(key));
  if (found === undefined) return null;
  let result = found[1];
  // "not carried" is a loss though it holds "carried".
  if (result === 'carried' && /\bnot\s+carried\b/i.test(key)) result = 'lost';
  const noun = nounWord.exec(key)?.[1]?.toLowerCase();
  const counts = result === 'carried' || result === 'lost' ? countsIn(key, result) : null;
  const unanimous = (result === 'carried' || result === 'lost') && (votedAsOne.test(key) || allInFavour.test(key));
  const casting = counts !== null && isTie(counts) && /\bcasting\s+vote\b/i.test(key);
  return {
    noun: noun === undefined ? null : noun === 'amendment' ? 'amendment' : 'motion',
    result,
    unanimous,
    counts,
    castingVote: casting ? (result === 'carried' ? 'for' : 'against') : '',
  };
}

/** Words after "RESOLVED" that say how it was carried without counting ("by a majority", "nem con"). */
export const carriedWithoutCounts = String.raw`by\s+a\s+(?:large\s+|clear\s+)?majority|nem\.?\s*con\.?`;
const onlyCarriedWithoutCounts = new RegExp(String.raw`^\s*(?:${carriedWithoutCounts})\s*$`, 'i');

/**
 * The vote after "RESOLVED", in brackets or not ("RESOLVED (5:5 and on the Chair's casting vote) that …",
 * "RESOLVED (For: 6, Against: 4, Abstain: 1) that …", "RESOLVED by a majority that …", "RESOLVED nem
 * con that …"): a decision, so the motion was carried.
 */
export function resolvedVoteOf(bracketed: string): VoteOutcome | null {
  const counts = countsIn(`(${bracketed})`, 'carried');
  if (counts === null && onlyCarriedWithoutCounts.test(bracketed)) {
    return { noun: null, result: 'carried', unanimous: false, counts: null, castingVote: '' };
  }
  if (counts === null) return null;
  const casting = isTie(counts) && /\bcasting\s+vote\b/i.test(bracketed);
  return { noun: null, result: 'carried', unanimous: false, counts, castingVote: casting ? 'for' : '' };
}

// ---------------------------------------------------------------------------------------------
// Recorded votes.

type Side = keyof NamedVote;

const sideLabel =
  /^(?:those\s+(?:voting\s+)?(for|in\s+favour|against|abstaining)|(?:voting\s+)?(for|in\s+favour|against)(?:\s+the\s+(?:motion|amendment))?|(abstentions?|abstain(?:ed|ing)?))(?:\s*\((\d{1,3})\))?\s*:\s*/i;

const sideOf = (word: string): Side => (/^for|^in/i.test(word) ? 'for' : /^against/i.test(word) ? 'against' : 'abstain');

export interface NamedVoteLine {
  named: Partial<NamedVote>;
  /** "For (5)": a count printed beside the names that does not match them. */
  mismatch: string | null;
}

/**
 * One line of a recorded vote: "For (5): Councillors A, B …; Against (3): …; Abstention (1): …" or a
 * side a line ("Those voting for: Councillors A and B."). Null unless every piece is a side with names.
 */
export function namedVoteOf(key: string): NamedVoteLine | null {
  if (key.length > 2000) return null;
  const named: Partial<NamedVote> = {};
  let mismatch: string | null = null;
  for (const piece of key.split(/\s*;\s*/).filter((part) => part.trim() !== '')) {
    const label = sideLabel.exec(piece.trim());
    if (label === null) return null;
    const side = sideOf(label[1] ?? label[2] ?? label[3] ?? '');
    const names = namesOf(piece.trim().slice(label[0].length));
    if (names === null || named[side] !== undefined) return null;
    if (label[4] !== undefined && Number(label[4]) !== names.length) mismatch = `${piece.trim().slice(0, label[0].length).trim()} names ${names.length}`;
    named[side] = names;
  }
  return Object.keys(named).length === 0 ? null : { named, mismatch };
}
