// The grammar of a minutes body, shared by every archive form: narrative paragraphs, bullet lists
// (nested by indentation or by a change of bullet character), RESOLVED blocks with their parts,
// requests for information, declarations of interests, the approval of the previous minutes with
// any amendment, and "Minute 59/16" citations in running text. It reads SourceLines, so it does not
// care whether they came from a web page, a Markdown file or HTML. Every block it returns is in
// ProseMirror's canonical JSON, as the editor saves it.
import { noDeclarations } from '../editor/blocks.js';
import { minutesSchema, type ApprovalOutcome, type MotionAttrs, type MotionKind, type PartStyle, type ResolutionLead } from '../editor/schema.js';
import { withArticle } from '../export/outline.js';
import { declarationKindLabel, type DeclarationKind } from '../model/declarationKinds.js';
import type { MinutesNodeJSON } from '../model/meeting.js';
import { countsOf, voteResult } from '../model/votes.js';
import { attendanceEventOf, substituteOf } from './comingsAndGoings.js';
import { findDate } from './datesAndTimes.js';
import { declarationOf } from './declarations.js';
import type { Ledger } from './ledger.js';
import { sliceLine, withoutEmphasis, type SourceLine } from './lines.js';
import { adjournmentOf, closingTimeOf, type MeetingNotes } from './meetingNotes.js';
import { carriedWithoutCounts, countsLineOf, movedSentenceOf, namedVoteOf, resolvedVoteOf, secondedLineOf, voteOutcomeOf, type VoteOutcome } from './motions.js';
import { citedMinuteSource } from '../numbering.js';

/** What every form's reader shares while it reads one file. */
export interface Reading {
  newId: () => string;
  ledger: Ledger;
  /** The committee's kinds of interest: declarations are read against these before the kinds Minute Book knows. */
  kinds: readonly DeclarationKind[];
  /** The closing time, adjournments and substitutes found in items' minutes, for the meeting. */
  notes: MeetingNotes;
}

export interface MinutesContext extends Reading {
  /** How warnings name the item: "item 7 (Support to Young Carers)". */
  item: string;
  /**
   * Lines about the meeting ("The meeting ended at 3.15 pm.", an adjournment) stay as the words they are
   * rather than becoming the meeting's times: a paste into a draft sets none of its details, and must lose no line.
   */
  meetingNotesAsWords?: boolean;
}

const canonical = (json: MinutesNodeJSON): MinutesNodeJSON => minutesSchema.nodeFromJSON(json).toJSON() as MinutesNodeJSON;

// ---------------------------------------------------------------------------------------------
// Inline content: text with its marks, and minute citations as minute_reference nodes.

/** "Minute 59/16", "Minute EX14" as a citation; "Minutes" or a lower-case "minute" stays text, since the node always prints "Minute". */
const minuteCitation = new RegExp(`Minute (${citedMinuteSource})`, 'g');
const firstCitation = new RegExp(minuteCitation.source);

function citationsIn(text: string, marks: MinutesNodeJSON['marks']): MinutesNodeJSON[] {
  if (!text.includes('Minute ')) return [marks === undefined ? { type: 'text', text } : { type: 'text', text, marks }];
  const nodes: MinutesNodeJSON[] = [];
  let from = 0;
  const withMarks = (piece: string): MinutesNodeJSON => (marks === undefined ? { type: 'text', text: piece } : { type: 'text', text: piece, marks });
  for (const match of text.matchAll(minuteCitation)) {
    if (match.index > from) nodes.push(withMarks(text.slice(from, match.index)));
    nodes.push({ type: 'minute_reference', attrs: { minute: match[1] } });
    from = match.index + match[0].length;
  }
  if (from < text.length) nodes.push(withMarks(text.slice(from)));
  return nodes;
}

/** The line's text as inline nodes. Marks are swept once in order, so a line with many of them stays linear. */
function inlineOf(line: SourceLine): MinutesNodeJSON[] {
  if (line.text === '') return [];
  if (line.marks.length === 0) return citationsIn(line.text, undefined);
  const events = line.marks
    .flatMap((mark) => [
      { at: mark.from, opens: true, mark },
      { at: mark.to, opens: false, mark },
    ])
    .sort((a, b) => a.at - b.at || Number(a.opens) - Number(b.opens));
  const nodes: MinutesNodeJSON[] = [];
  let strong = 0;
  let em = 0;
  const links: string[] = [];
  let position = 0;
  const emit = (to: number) => {
    if (to <= position) return;
    const piece = line.text.slice(position, to);
    const marks: NonNullable<MinutesNodeJSON['marks']> = [];
    if (strong > 0) marks.push({ type: 'strong' });
    if (em > 0) marks.push({ type: 'em' });
    const href = links.at(-1);
    if (href !== undefined) nodes.push({ type: 'text', text: piece, marks: [...marks, { type: 'link', attrs: { href } }] });
    else for (const node of citationsIn(piece, marks.length > 0 ? marks : undefined)) nodes.push(node);
    position = to;
  };
  for (const event of events) {
    emit(event.at);
    const step = event.opens ? 1 : -1;
    if (event.mark.type === 'strong') strong += step;
    else if (event.mark.type === 'em') em += step;
    else if (event.opens) links.push(event.mark.href);
    else links.pop();
  }
  emit(line.text.length);
  return nodes;
}

const paragraphOf = (line: SourceLine): MinutesNodeJSON => ({ type: 'paragraph', content: inlineOf(line) });

// ---------------------------------------------------------------------------------------------
// Recognisers. Each works on `key` (non-breaking spaces as spaces) and is anchored or starts with a
// literal, so that no input makes them backtrack.

interface PartLabel {
  style: PartStyle;
  /** Length of the label and the space after it. */
  length: number;
  /** Whether it is the first of a sequence: "1", "a" or "i". */
  first: boolean;
}

const partLabelPattern = /^(?:\((\d{1,2})\)|(\d{1,2})([.)])|\(([a-z]|[ivx]{2,4})\)|([a-z]|[ivx]{2,4})[.)])\s+/i;

/** "1)", "(1)", "1.", "a.", "a)", "(a)", "(ii)" at the start of a resolution's part. */
export function partLabelOf(key: string): PartLabel | null {
  const match = partLabelPattern.exec(key);
  if (match === null) return null;
  const [label, bracketed, number, closer, bracketedLetter, letter] = match;
  const style: PartStyle = bracketed !== undefined ? '(1)' : number !== undefined ? (closer === ')' ? '1)' : '1.') : bracketedLetter !== undefined ? '(a)' : 'a.';
  const ordinal = (bracketed ?? number ?? bracketedLetter ?? letter ?? '').toLowerCase();
  return { style, length: label.length, first: ordinal === '1' || ordinal === 'a' || ordinal === 'i' };
}

/** Numbers outrank letters in a resolution's parts (1. above (a) above (i)), as councils nest them. */
const numberedStyle = (style: PartStyle): boolean => style === '1)' || style === '(1)' || style === '1.';

/**
 * Whether a part label after a resolution's parts starts a list of its own rather than going on: a
 * first label ("1.", "(a)") of the same style, or numbers starting again after lettered parts (letters
 * sit under numbers, never numbers under letters).
 */
const startsAnotherList = (label: PartLabel, style: PartStyle): boolean => label.first && (label.style === style || (numberedStyle(label.style) && !numberedStyle(style)));

const resolvedLead = /^(it was\s+)?(unanimously\s+)?resolved\b(?:[\s,]*\(?(unanimously)\)?,?)?/i;
const thatAfterLead = /^\s*(?:[:,\-–—]\s*)?that\b\s*/i;
/** The vote after "RESOLVED": in brackets ("(5:5 and on the Chair's casting vote)") or "by a majority", "nem con". */
const voteAfterLead = new RegExp(String.raw`^\s*(?:\(([^()]{1,120})\)|(${carriedWithoutCounts})(?=[\s,:]|$))`, 'i');

/**
 * Decision words other than "RESOLVED" (DOMAIN.md, "Decisions"), each printed back by
 * shared/editor/blocks.ts `resolutionLead`; the preamble is the rest of the line as written.
 * "AGREED" and "NOTED" in capitals, or followed by a colon or dash, so that "Agreed to …" in a
 * sentence stays a sentence.
 */
const otherLeads: { pattern: RegExp; lead: ResolutionLead; keepsWords?: true }[] = [
  { pattern: /^resolved\s*[–—-]\s*that\s+(?:the\s+)?council\s+be\s+recommended\s+to\b/i, lead: 'recommended-to-council' },
  { pattern: /^the\s+committee\s+resolved\s*:-?/i, lead: 'committee-resolved' },
  // "The Sub-Committee resolved:-", "The Board agreed that …", "The Committee agreed:-": a decision in the body's own words, kept as printed.
  { pattern: /^the\s+(?:[\p{L}'’-]+\s+){0,3}?(?:committee|sub-committee|board|panel|cabinet|council|executive|forum|commission)\s+(?:resolved|agreed|decided)\s*(?::-?|[–—]|-(?=\s)|that\b)/iu, lead: 'decision', keepsWords: true },
  // "It was agreed that …", "Resolved on the motion of Councillor A, seconded by Councillor B, that …": kept as printed.
  { pattern: /^it\s+was\s+(?:unanimously\s+)?agreed\s+that\b/i, lead: 'decision', keepsWords: true },
  { pattern: /^(?:it\s+was\s+)?resolved\s+on\s+the\s+motion\s+of\s[^.;]{1,200}?\bthat\b/i, lead: 'decision', keepsWords: true },
  { pattern: /^decision\s*:/i, lead: 'decision' },
  { pattern: /^resolved\s+to\s+note\b/i, lead: 'resolved-to-note' },
  { pattern: /^(?:AGREED|[Aa]greed(?=\s*[:–—-]|\s+that\b))(?![\p{L}])/u, lead: 'agreed' },
  { pattern: /^(?:NOTED|[Nn]oted(?=\s*[:–—-]))(?![\p{L}])/u, lead: 'noted' },
];

interface ResolutionOpening {
  lead: ResolutionLead;
  unanimous: boolean;
  /** Offset in the line where the preamble starts. */
  preambleAt: number;
  /** "RESOLVED (5:5 and on the Chair's casting vote) that …": the vote that carried the motion before it. */
  vote: VoteOutcome | null;
  /** Where the bracketed vote starts: the preamble, with lead "RESOLVED", when no motion awaits the vote. */
  voteAt: number;
}

/** "RESOLVED that …", "RESOLVED:", "RESOLVED unanimously that:", "Resolved to note …", "It was RESOLVED that …", "AGREED", "Decision:", …. */
function resolutionOpeningOf(key: string): ResolutionOpening | null {
  const other = otherLeads.find(({ pattern }) => pattern.test(key));
  if (other !== undefined) {
    const length = other.keepsWords === true ? 0 : (other.pattern.exec(key)?.[0].length ?? 0);
    return { lead: other.lead, unanimous: false, preambleAt: length, vote: null, voteAt: length };
  }
  const lead = resolvedLead.exec(key);
  if (lead === null) return null;
  let at = lead[0].length;
  const bracket = voteAfterLead.exec(key.slice(at));
  const vote = bracket === null ? null : resolvedVoteOf(bracket[1] ?? bracket[2] ?? '');
  const voteAt = at + (bracket === null ? 0 : bracket[0].length - bracket[0].trimStart().length);
  if (vote !== null && bracket !== null) at += bracket[0].length;
  const rest = key.slice(at);
  // "Resolved" must open the decision ("that", "to", a colon), not a sentence about resolved issues.
  if (!/^(?:$|\s*[:,–—-]|\s+(?:that|to)\b)/i.test(rest)) return null;
  const unanimous = lead[2] !== undefined || lead[3] !== undefined;
  // "UNANIMOUSLY RESOLVED that …" prints its "that" after its own lead; "RESOLVED that" (and "It was unanimously RESOLVED that") holds it.
  if (lead[1] === undefined && lead[2] !== undefined) return { lead: 'unanimously-resolved', unanimous, preambleAt: at + (rest.length - rest.trimStart().length), vote, voteAt };
  const that = thatAfterLead.exec(rest);
  if (that !== null) return { lead: 'resolved-that', unanimous, preambleAt: at + that[0].length, vote, voteAt };
  // Without "that", the words after "RESOLVED" are printed as they stand ("RESOLVED:", "RESOLVED to approve …").
  return { lead: unanimous ? 'resolved-that' : 'resolved', unanimous, preambleAt: at + (rest.length - rest.trimStart().length), vote, voteAt };
}

const startsWithThat = (key: string): boolean => /^that\s/i.test(key);

const noInterests = /^(?:there\s+(?:were|was|are)\s+no|no\s+(?:declarations|interests|disclosable|other|pecuniary))\b/i;

/** "There were no declarations of interest.", "No declarations were made on this item." */
export const isNoDeclarations = (key: string): boolean => noInterests.test(key) && /interest|declar/i.test(key);

const approvalVerbs = /\b(?:agreed|approved|confirmed|signed|accepted|adopted)\b/i;

/** The decision's opening before an approval's words: "RESOLVED:", "It was resolved that", "The Committee resolved that". */
const approvalOpening = /^(?:(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed)(?:\s+unanimously)?\s*[:,–—-]*\s*|the\s+(?:[\p{L}-]+\s+){0,3}?(?:committee|sub-committee|board|panel|council|cabinet|executive|forum)\s+(?:resolved|agreed|decided)\s*[:,–—-]*\s*)?(?:that\s+)?/iu;

/**
 * "The minutes of the meeting held on … were agreed/approved …", also as "RESOLVED that the minutes of
 * … be approved", "It was resolved that the minutes of the last meeting be approved", "The Committee
 * resolved that the minutes … be approved" and "Resolved: that the minutes be confirmed".
 */
function isMinutesApproval(key: string): boolean {
  const sentence = key.replace(approvalOpening, '').toLowerCase();
  if ((sentence.startsWith('the minutes of') || sentence.startsWith('minutes of')) && sentence.includes('meeting') && approvalVerbs.test(sentence)) return true;
  if (/^(?:the\s+)?minutes\s+(?:be|were|are|was)\s+(?:(?:duly|formally|now)\s+)?(?:approved|confirmed|signed|agreed|accepted|adopted)\b/.test(sentence)) return true;
  // "The Committee agreed the minute of the meeting of 31 October as a correct record" (Scottish councils minute one "minute").
  return key.length < 300 && /^the\s+(?:[\p{L}-]+\s+){0,3}?(?:committee|sub-committee|board|panel|council|cabinet)\s+(?:agreed|approved|confirmed)\s+the\s+minutes?\b[^.]{0,150}\bas\s+an?\s+(?:correct|true|accurate)\s+record\b/iu.test(key);
}

const withAmendments = (key: string): boolean => {
  const lower = key.toLowerCase();
  return (lower.includes('subject to') && lower.includes('amend')) || lower.includes('as amended') || lower.includes('following amendment');
};

const isRequestsIntro = (key: string): boolean => {
  const lower = key.toLowerCase();
  return lower.endsWith(':') && lower.includes('request') && (lower.includes('information') || lower.includes('circulat'));
};

const opensQuote = (key: string): boolean => /^["“]/.test(key);
const closesQuote = (key: string): boolean => /["”][.)]?$/.test(key);

const mattersArisingHeading = /^matters arising\b\s*:?/i;
const isMattersArising = (key: string): boolean => mattersArisingHeading.test(key);
/** Length of "Matters arising:" at the start of the line. */
const mattersArisingLabel = (key: string): number => mattersArisingHeading.exec(key)?.[0].length ?? 0;

const closingQuotes: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'" };

/**
 * The text of the quotation opening at `from` with `open`; an apostrophe inside ("Children's") does not
 * close it. A minute's heading is short, so only a short stretch is searched.
 */
function quotedFrom(text: string, from: number, open: string): string | null {
  const close = closingQuotes[open] ?? open;
  const stretch = text.slice(from, from + 300);
  let end = stretch.indexOf(close);
  while (end >= 0 && /\p{L}/u.test(stretch[end + 1] ?? '')) end = stretch.indexOf(close, end + 1);
  return end > 0 ? stretch.slice(0, end) : null;
}

/** "Minute 60/24" citations and the “heading” quoted after "headed", in the approval's statement. */
function amendedMinutes(statement: string): { minutes: string[]; headings: string[] } {
  const amendmentAt = statement.toLowerCase().indexOf('amendment');
  const tail = amendmentAt < 0 ? statement : statement.slice(amendmentAt);
  const minutes = [...tail.matchAll(minuteCitation)].map((match) => match[1] ?? '');
  const headings: string[] = [];
  for (const match of tail.matchAll(/\b(?:headed|entitled|titled)\b[\s,:]*([“"‘'])/gi)) {
    const heading = quotedFrom(tail, match.index + match[0].length, match[1] ?? '"');
    if (heading !== null) headings.push(heading);
  }
  return { minutes, headings };
}

// ---------------------------------------------------------------------------------------------
// Bullet lists.

interface ListEntry {
  line: SourceLine;
  children: ListEntry[];
}
interface ListLevel {
  indent: number;
  marker: string;
  entries: ListEntry[];
}

/** Councils rarely nest bullets beyond three levels; bounding the depth keeps reading linear on any input. */
const deepestBullet = 8;

/**
 * How deep a bullet character conventionally sits: Word's defaults are "•" then "o" then "▪", and typed
 * minutes put "-" under "•". Where indentation is lost (pasted text, a PDF), a character of a deeper
 * rank than the level's nests under it; one of the same or a shallower rank ("•" after "-") does not.
 */
const bulletRank = (marker: string): number => ('▪▫■□∙'.includes(marker) ? 2 : '-–o◦○⁃‣'.includes(marker) ? 1 : 0);

/** Where a bullet goes in the open levels: the level it continues, or a new level under one. */
function levelFor(stack: readonly ListLevel[], indent: number, marker: string): { at: number; nest: boolean } {
  for (let k = stack.length - 1; k >= 0; k--) {
    const level = stack[k] as ListLevel;
    if (indent > level.indent) return { at: k, nest: stack.length < deepestBullet };
    if (indent === level.indent) {
      if (marker === level.marker) return { at: k, nest: false };
      // A change of bullet character at the same indent returns to an outer level's character, or nests under a shallower one.
      if (stack.slice(0, k).some((outer) => outer.indent === indent && outer.marker === marker)) continue;
      return { at: k, nest: bulletRank(marker) > bulletRank(level.marker) && stack.length < deepestBullet };
    }
  }
  return { at: 0, nest: false };
}

function listJson(entries: readonly ListEntry[], plain: boolean): MinutesNodeJSON {
  return {
    type: 'bullet_list',
    content: entries.map((entry) => ({
      type: 'list_item',
      content: [paragraphOf(plain ? withoutEmphasis(entry.line) : entry.line), ...(entry.children.length > 0 ? [listJson(entry.children, plain)] : [])],
    })),
  };
}

const flattenEntries = (entries: readonly ListEntry[]): SourceLine[] => entries.flatMap((entry) => [entry.line, ...flattenEntries(entry.children)]);

// ---------------------------------------------------------------------------------------------
// Blocks.

interface PartDraft {
  line: SourceLine;
  list: ListEntry[];
}

/** A motion block while its item is read: its result and recorded vote may come lines after it. */
interface MotionDraft extends MinutesNodeJSON {
  attrs: MotionAttrs & Record<string, unknown>;
}

const sides = ['for', 'against', 'abstain'] as const;

/** Reads blocks from a run of lines; `at` moves forward only, so each line is looked at a bounded number of times. */
class BlockReader {
  private at = 0;
  /** The item's motions so far, in order. */
  private readonly motions: MotionDraft[] = [];
  /** Those not yet decided, in order: a result or an amendment refers back to them. */
  private readonly undecided: MotionDraft[] = [];
  /** Amendments moved before the motion they amend, waiting for it. */
  private unlinked: MotionDraft[] = [];
  /** The motion whose result was read last: a recorded vote's names that follow are its. */
  private decided: MotionDraft | null = null;
  /** Motions minuted without their words ("Proposed: Cllr A; Seconded: Cllr B"): the resolution that follows is what was carried. */
  private readonly withoutWords = new Set<MotionDraft>();
  /** Where the last result line was read. */
  private resultLine = -1;

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly context: MinutesContext,
  ) {}

  private get line(): SourceLine | undefined {
    return this.lines[this.at];
  }

  get done(): boolean {
    return this.at >= this.lines.length;
  }

  readBlocks(): MinutesNodeJSON[] {
    const blocks: MinutesNodeJSON[] = [];
    while (!this.done) {
      const block = this.readBlock();
      if (block !== null) blocks.push(...[block].flat());
    }
    for (const motion of this.motions) this.settleVote(motion);
    return blocks.map(canonical);
  }

  /** The next block, or null when the line said something about the meeting (its times) or about a motion already read (its result). */
  private readBlock(): MinutesNodeJSON | MinutesNodeJSON[] | null {
    const line = this.line as SourceLine;
    const key = line.key;
    if (line.bullet === null) {
      const note = this.readMeetingNote(line);
      if (note !== undefined) return note;
      const motion = this.readMotionLine(line);
      if (motion !== undefined) return motion;
    }
    const opening = line.bullet === null ? resolutionOpeningOf(key) : null;
    if (line.bullet === null && isMinutesApproval(key)) return this.readApproval();
    if (opening !== null) return this.readResolution(line, opening);
    const declaration = line.bullet === null ? declarationOf(key, this.context.kinds) : null;
    if (line.bullet === null && (isNoDeclarations(key) || declaration?.kind != null)) return this.readDeclarations();
    if (declaration !== null && declaration.kind === null) {
      this.context.ledger.warn(
        `Line ${line.line}, ${this.context.item}: a “${declaration.kindWords}” interest is not a kind the committee lists or Minute Book knows; the declaration is kept as a paragraph.`,
      );
    }
    const event = line.bullet === null && declaration === null ? attendanceEventOf(key) : null;
    if (event !== null) {
      this.at++;
      return { type: 'attendance_event', attrs: { ...event }, content: inlineOf(line) };
    }
    const substitute = line.bullet === null ? substituteOf(key) : null;
    if (substitute !== null) this.context.notes.substitutes.push(substitute);
    if (line.bullet === null && isRequestsIntro(key) && this.lines[this.at + 1]?.bullet != null) return this.readRequests();
    if (line.bullet !== null) return listJson(this.readList(), false);
    this.at++;
    return paragraphOf(line);
  }

  /** "(Meeting closed at 4.30 pm)", "(Meeting adjourned at … and reconvened at …)": the meeting's, not the item's; null when placed there. */
  private readMeetingNote(line: SourceLine): null | undefined {
    if (this.context.meetingNotesAsWords === true) return undefined;
    const closing = closingTimeOf(line.key);
    const adjournment = closing === null ? adjournmentOf(line.key) : null;
    if (closing === null && adjournment === null) return undefined;
    if (closing !== null) this.context.notes.closingTime = closing;
    if (adjournment !== null) this.context.notes.adjournments.push(adjournment);
    this.at++;
    return null;
  }

  /**
   * A motion's opening (a new block), its result or its recorded vote (null: the motion read earlier
   * takes them); undefined when the line is none of these, or names the result of no motion read.
   */
  private readMotionLine(line: SourceLine): MinutesNodeJSON | MinutesNodeJSON[] | null | undefined {
    const moved = movedSentenceOf(line.key);
    if (moved !== null && moved.resolvedAt !== null) return this.readMotionResolved(line, moved.resolvedAt, this.readMotion(line, moved));
    if (moved !== null) return this.readMotion(line, moved);
    const seconder = secondedLineOf(line.key);
    const proposed = seconder === null ? undefined : this.undecided.at(-1);
    if (seconder !== null && proposed !== undefined && this.withoutWords.has(proposed) && proposed.attrs.seconder === '') {
      proposed.attrs.seconder = seconder;
      this.at++;
      return null;
    }
    // Counts on a line of their own belong to the motion being voted on (its result follows, or is
    // theirs), else to the one whose result was just read ("Carried." then "For 7 / Against 1").
    const counts = countsLineOf(line.key);
    const counted = counts === null ? undefined : (this.awaiting(null) ?? this.justDecided());
    if (counts !== null && counted !== undefined && counted.attrs.counts === null && counted.attrs.named === null) {
      counted.attrs.counts = counts;
      this.at++;
      return null;
    }
    const outcome = voteOutcomeOf(line.key);
    const awaiting = outcome === null ? undefined : this.awaiting(outcome.noun);
    if (outcome !== null && awaiting !== undefined) {
      this.decide(awaiting, outcome);
      this.resultLine = this.at++;
      return null;
    }
    const target = this.decided;
    const named = target === null ? null : namedVoteOf(line.key);
    if (target === null || named === null) return undefined;
    const recorded = target.attrs.named ?? { for: [], against: [], abstain: [] };
    // A side named twice is another vote's: the line stays text.
    if (sides.some((side) => named.named[side] !== undefined && recorded[side].length > 0)) return undefined;
    target.attrs.named = { ...recorded, ...named.named };
    if (named.mismatch !== null) this.context.ledger.warn(`Line ${line.line}, ${this.context.item}: the recorded vote’s “${named.mismatch}”; check the names.`);
    this.at++;
    return null;
  }

  /**
   * The latest motion (or amendment, as the sentence says) not yet decided, among the last few: a vote
   * follows the debate it ends closely, and looking no further keeps reading linear.
   */
  private awaiting(noun: MotionKind | null): MotionDraft | undefined {
    return this.undecided.slice(-8).findLast((motion) => noun === null || motion.attrs.kind === noun);
  }

  /** The motion carried or lost on the line before, whose counts may follow the result ("Carried." then "For 7 / Against 1"). */
  private justDecided(): MotionDraft | undefined {
    const result = this.decided?.attrs.result;
    return this.resultLine === this.at - 1 && (result === 'carried' || result === 'lost') ? (this.decided ?? undefined) : undefined;
  }

  private decide(motion: MotionDraft, outcome: VoteOutcome): void {
    this.undecided.splice(this.undecided.lastIndexOf(motion), 1);
    motion.attrs.result = outcome.result;
    motion.attrs.unanimous = outcome.unanimous;
    motion.attrs.counts = outcome.counts ?? motion.attrs.counts;
    motion.attrs.castingVote = outcome.castingVote;
    this.decided = motion;
  }

  /**
   * Counts printed with no result word decide it by the majority (a tie without the casting vote stays
   * undecided). A recorded vote holds the counts: printed counts that agree with its names are not kept twice
   * (shared/model/votes.ts `motionCounts`); counts that disagree are kept, and the clerk told.
   */
  private settleVote(motion: MotionDraft): void {
    const { named, counts } = motion.attrs;
    const byCounts = counts === null ? 'tie' : voteResult(counts, '');
    if (motion.attrs.result === '' && named === null && byCounts !== 'tie') motion.attrs.result = byCounts;
    if (named === null || counts === null) return;
    const byName = countsOf(named);
    if (sides.every((side) => byName[side] === counts[side])) motion.attrs.counts = null;
    else this.context.ledger.warn(`${this.context.item}: a recorded vote names ${byName.for} for, ${byName.against} against and ${byName.abstain} abstaining, but the counts printed are ${counts.for}, ${counts.against} and ${counts.abstain}; both are kept.`);
  }

  /**
   * "It was moved by A and seconded by B that …" and the words moved: the rest of the line, or after
   * "that:" the lines up to the vote's result (or, with no result, the lines opening "That" or "(a)").
   * An amendment amends the motion before it that is still undecided, else the next motion moved.
   */
  private readMotion(line: SourceLine, moved: NonNullable<ReturnType<typeof movedSentenceOf>>): MotionDraft {
    this.at++;
    const words = moved.words === null ? (moved.wordsFollow ? this.wordsMoved() : []).map(paragraphOf) : [{ type: 'paragraph', content: [{ type: 'text', text: 'That ' }, ...inlineOf(sliceLine(line, moved.wordsAt))] }];
    const attrs: MotionDraft['attrs'] = {
      id: this.context.newId(),
      kind: moved.kind,
      amends: moved.kind === 'amendment' ? (this.awaiting('motion')?.attrs.id ?? '') : '',
      mover: moved.mover,
      seconder: moved.seconder,
      result: '',
      unanimous: false,
      counts: null,
      named: null,
      castingVote: '',
    };
    const motion: MotionDraft = { type: 'motion', attrs, content: words.length === 0 ? [{ type: 'paragraph' }] : words };
    if (moved.kind === 'motion') {
      for (const amendment of this.unlinked) amendment.attrs.amends = attrs.id;
      this.unlinked = [];
    } else if (attrs.amends === '') {
      this.unlinked.push(motion);
    }
    this.motions.push(motion);
    this.undecided.push(motion);
    if (!moved.wordsFollow && moved.words === null) this.withoutWords.add(motion);
    return motion;
  }

  /** "On the motion of A, seconded by B, it was RESOLVED that …": the motion, carried, and the resolution it carried. */
  private readMotionResolved(line: SourceLine, resolvedAt: number, motion: MotionDraft): MinutesNodeJSON[] {
    const resolved = sliceLine(withoutEmphasis(line), resolvedAt);
    const opening = resolutionOpeningOf(resolved.key);
    if (opening === null) return [motion];
    this.decide(motion, opening.vote ?? { noun: 'motion', result: 'carried', unanimous: opening.unanimous, counts: null, castingVote: '' });
    return [motion, this.readResolutionBody(sliceLine(resolved, opening.preambleAt), opening.unanimous, opening.lead)];
  }

  /** The paragraphs moved after "that:". Looks a bounded way ahead for the result, so reading stays linear. */
  private wordsMoved(): SourceLine[] {
    const ends = (line: SourceLine) => voteOutcomeOf(line.key) !== null || namedVoteOf(line.key) !== null;
    const limit = Math.min(this.lines.length, this.at + 20);
    let end = this.at;
    for (let next = this.at; next < limit; next++) {
      const line = this.lines[next] as SourceLine;
      if (line.bullet !== null || this.opensBlock(line)) break;
      if (ends(line)) {
        end = next;
        break;
      }
    }
    if (end === this.at) {
      while (end < this.lines.length) {
        const line = this.lines[end] as SourceLine;
        if (line.bullet !== null || this.opensBlock(line) || ends(line) || !(startsWithThat(line.key) || partLabelOf(line.key) !== null)) break;
        end++;
      }
    }
    const words = this.lines.slice(this.at, end);
    this.at = end;
    return [...words];
  }

  /** Whether the line opens a block of its own, so that it cannot be words moved. */
  private opensBlock(line: SourceLine): boolean {
    const key = line.key;
    return (
      movedSentenceOf(key) !== null ||
      resolutionOpeningOf(key) !== null ||
      isMinutesApproval(key) ||
      declarationOf(key, this.context.kinds) !== null ||
      attendanceEventOf(key) !== null ||
      closingTimeOf(key) !== null ||
      adjournmentOf(key) !== null
    );
  }

  /** Consecutive bullet lines as a tree; in a resolution, a bullet with a part label ("- 2. …") is the next part instead. */
  private readList(inResolution = false): ListEntry[] {
    const top: ListEntry[] = [];
    const stack: ListLevel[] = [];
    for (let line = this.line; line?.bullet != null && !(inResolution && partLabelOf(line.key) !== null); line = this.line) {
      const entry: ListEntry = { line, children: [] };
      const marker = line.bullet;
      if (stack.length === 0) {
        stack.push({ indent: line.indent, marker, entries: top });
        top.push(entry);
      } else {
        const { at, nest } = levelFor(stack, line.indent, marker);
        stack.length = at + 1;
        const level = stack[at] as ListLevel;
        const parent = level.entries.at(-1);
        if (nest && parent !== undefined) {
          stack.push({ indent: line.indent, marker, entries: parent.children });
          parent.children.push(entry);
        } else {
          level.entries.push(entry);
        }
      }
      this.at++;
    }
    return top;
  }

  private readRequests(): MinutesNodeJSON {
    const intro = this.line as SourceLine;
    this.at++;
    const asked = flattenEntries(this.readList());
    return {
      type: 'information_requests',
      content: [
        { type: 'requests_intro', content: inlineOf(intro) },
        ...asked.map((line) => ({ type: 'request', attrs: { id: this.context.newId(), askedOf: '', status: 'open' }, content: inlineOf(line) })),
      ],
    };
  }

  private readDeclarations(): MinutesNodeJSON {
    const first = this.line as SourceLine;
    if (isNoDeclarations(first.key)) {
      this.at++;
      return noDeclarations(first.text);
    }
    const declarations: MinutesNodeJSON[] = [];
    for (let line = this.line; line !== undefined && line.bullet === null; line = this.line) {
      const sentence = declarationOf(line.key, this.context.kinds);
      if (sentence?.kind == null) break;
      if (sentence.approximate) {
        const words = sentence.kindWords === '' ? 'unqualified' : sentence.kindWords;
        this.context.ledger.warn(
          `Line ${line.line}, ${this.context.item}: a “${words}” interest is recorded as ${withArticle(declarationKindLabel(this.context.kinds, sentence.kind))}; check the kind of interest.`,
        );
      }
      const declared = sliceLine(line, sentence.textAt, sentence.textEnd);
      const text = declared.key === '.' ? [] : inlineOf(declared);
      // The action's clause ended the sentence; what was declared gets its full stop back.
      const stop = sentence.action !== '' && text.length > 0 && !/[.!?]$/.test(declared.key) ? [{ type: 'text', text: '.' }] : [];
      // "Councillors A and B declared …": a declaration for each.
      // … and on several items ("in items 40 and 41"), a declaration for each item.
      sentence.members.forEach((member, index) => {
        for (const item of sentence.itemsOf[index] ?? [sentence.item]) declarations.push({ type: 'declaration', attrs: { member, item, kind: sentence.kind, action: sentence.action }, content: [...text, ...stop] });
      });
      this.at++;
    }
    return { type: 'declarations', content: declarations };
  }

  /** The approval statement, lines introducing an amendment, the quoted amendments, and matters arising. */
  private readApproval(): MinutesNodeJSON {
    const sentence = this.line as SourceLine;
    const statement = [sentence];
    this.at++;
    const outcome: ApprovalOutcome = withAmendments(sentence.key) ? 'agreed-with-amendments' : 'agreed';
    const quotes: SourceLine[][] = [];
    let mattersArising: MinutesNodeJSON[] = [];
    for (let line = this.line; line !== undefined; line = this.line) {
      if (outcome === 'agreed-with-amendments' && (line.quote || opensQuote(line.key))) {
        quotes.push(this.readQuote());
      } else if (outcome === 'agreed-with-amendments' && quotes.length === 0 && line.bullet === null && line.key.endsWith(':') && !isMattersArising(line.key)) {
        // "The following change to be inserted, …:" introduces the quoted text.
        statement.push(line);
        this.at++;
      } else if (line.bullet === null && isMattersArising(line.key) && (line.key.length > mattersArisingLabel(line.key) || this.at + 1 < this.lines.length)) {
        mattersArising = this.readMattersArising();
        break;
      } else {
        break;
      }
    }
    const { minutes, headings } = amendedMinutes(statement.map((line) => line.key).join(' '));
    return {
      type: 'minutes_approval',
      attrs: { meetingDate: findDate(sentence.key)?.iso ?? '', outcome },
      content: [
        { type: 'approval_statement', content: statement.flatMap((line, index) => [...(index > 0 ? [{ type: 'hard_break' }] : []), ...inlineOf(line)]) },
        ...quotes.map((quote, index) => ({
          type: 'amendment',
          // The statement names the amended minute; failing that, the quoted text may ("Minute 95/23, second paragraph: …").
          attrs: { minute: minutes[index] ?? firstCitation.exec(quote.map((line) => line.key).join(' '))?.[1] ?? '', heading: headings[index] ?? '' },
          content: quote.map(paragraphOf),
        })),
        ...(mattersArising.length > 0 ? [{ type: 'matters_arising', content: mattersArising }] : []),
      ],
    };
  }

  /** A block quote (Markdown, HTML) or lines from an opening quotation mark to the closing one. */
  private readQuote(): SourceLine[] {
    const first = this.line as SourceLine;
    const quote: SourceLine[] = [];
    for (let line = this.line, closed = false; line !== undefined && (first.quote ? line.quote : !closed); line = this.line) {
      quote.push(line);
      closed = closesQuote(line.key);
      this.at++;
    }
    return quote;
  }

  /** "Matters arising:" and the paragraphs and bullets after it, to the end of the item's minutes. */
  private readMattersArising(): MinutesNodeJSON[] {
    const heading = this.line as SourceLine;
    this.at++;
    const label = mattersArisingLabel(heading.key);
    const content: MinutesNodeJSON[] = heading.key.length > label ? [paragraphOf(sliceLine(heading, label))] : [];
    for (let line = this.line; line !== undefined; line = this.line) {
      if (line.bullet !== null) {
        content.push(listJson(this.readList(), false));
      } else {
        content.push(paragraphOf(line));
        this.at++;
      }
    }
    return content;
  }

  /** A resolution; a vote in brackets after "RESOLVED" is the vote of the motion it decides, when one awaits it, else stays in the words. */
  private readResolution(line: SourceLine, opening: ResolutionOpening): MinutesNodeJSON {
    this.at++;
    const motion = opening.vote === null ? undefined : this.awaiting(null);
    if (opening.vote !== null && motion !== undefined) this.decide(motion, opening.vote);
    // A motion minuted without its words ("Proposed: Cllr A; Seconded: Cllr B") was carried as this resolution.
    const proposed = opening.vote === null ? this.awaiting(null) : undefined;
    if (proposed !== undefined && this.withoutWords.has(proposed)) this.decide(proposed, { noun: 'motion', result: 'carried', unanimous: opening.unanimous, counts: null, castingVote: '' });
    const kept = opening.vote !== null && motion === undefined;
    const lead = kept ? 'resolved' : opening.lead;
    return this.readResolutionBody(sliceLine(withoutEmphasis(line), kept ? opening.voteAt : opening.preambleAt), opening.unanimous, lead);
  }

  /**
   * The parts and bullets after a resolution's opening. Bullets right after a part belong to it. When
   * "RESOLVED" says nothing more ("RESOLVED:") and one "That …" paragraph follows, that paragraph is
   * the preamble; several "That …" paragraphs are the parts. A "Decision:" with nothing after it, or a
   * "Resolved:-" / "AGREED:" alone on its line, takes the next sentence as its preamble.
   */
  private readResolutionBody(preamble: SourceLine | null, unanimous: boolean, lead: ResolutionLead): MinutesNodeJSON {
    let style: PartStyle | null = null;
    let opening = preamble;
    let printed = lead;
    const body: (PartDraft | ListEntry[])[] = [];
    const silent = () => opening === null || opening.key === '' || opening.key === ':';
    for (let line = this.line; line !== undefined; line = this.line) {
      const label = partLabelOf(line.key);
      if (label !== null && style !== null && startsAnotherList(label, style)) break;
      if (label !== null) {
        style ??= label.style;
        this.at++;
        body.push({ line: sliceLine(withoutEmphasis(line), label.length), list: this.readList(true) });
      } else if (line.bullet !== null) {
        body.push(this.readList(true));
      } else if (body.length === 0 && (printed === 'resolved' || printed === 'resolved-that') && silent() && startsWithThat(line.key)) {
        const that: SourceLine[] = [];
        for (let next = this.line; next !== undefined && next.bullet === null && startsWithThat(next.key); next = this.line) {
          that.push(withoutEmphasis(next));
          this.at++;
        }
        if (that.length === 1) {
          opening = sliceLine(that[0] as SourceLine, 'that '.length);
          printed = 'resolved-that';
        } else {
          for (const part of that) body.push({ line: part, list: [] });
        }
      } else if ((printed === 'decision' ? opening === null || opening.key === '' : (printed === 'resolved' || printed === 'agreed') && /^[\s:;–—-]*$/.test(opening?.key ?? '')) && body.length === 0 && line.bullet === null && !this.opensBlock(line)) {
        // "Decision:" or "Resolved:-" alone on its line: the sentence below is what was decided.
        opening = withoutEmphasis(line);
        this.at++;
      } else {
        break;
      }
    }
    return {
      type: 'resolution',
      attrs: { unanimous, partStyle: style ?? '1)', lead: printed },
      content: [
        { type: 'resolution_preamble', content: opening === null ? [] : inlineOf(opening) },
        ...body.map((entry) =>
          Array.isArray(entry)
            ? listJson(entry, true)
            : { type: 'resolution_part', content: [paragraphOf(entry.line), ...(entry.list.length > 0 ? [listJson(entry.list, true)] : [])] },
        ),
      ],
    };
  }

  /** What a "Decision:" section of a page says: blocks of their own when it opens with decision words, else a decision whose first sentence is the preamble. */
  readDecision(): MinutesNodeJSON[] {
    const first = this.line;
    if (first === undefined || (first.bullet === null && (resolutionOpeningOf(first.key) !== null || isMinutesApproval(first.key)))) return this.readBlocks();
    return [canonical(this.readResolutionBody(null, false, 'decision')), ...this.readBlocks()];
  }
}

/**
 * Lists flattened into one line by the archive ("…circulated to them: · Further information … · Data …")
 * are split back into an introduction and bullet lines.
 */
function unflattenBullets(line: SourceLine): SourceLine[] {
  const first = line.bullet === null ? line.key.search(/: [·•] /) : -1;
  if (first < 0) return [line];
  const separator = ` ${line.key[first + 2]} `;
  const pieces = [sliceLine(line, 0, first + 1)];
  // `from` is where a bullet's text starts, just after its bullet character.
  for (let from = first + 3; from < line.key.length; ) {
    const next = line.key.indexOf(separator, from);
    const to = next < 0 ? line.key.length : next;
    pieces.push({ ...sliceLine(line, from, to), bullet: separator.trim(), indent: 0 });
    from = to + separator.length;
  }
  return pieces;
}

const readerFor = (lines: readonly SourceLine[], context: MinutesContext): BlockReader => {
  context.ledger.placeAll(lines);
  return new BlockReader(lines.flatMap(unflattenBullets), context);
};

/** The blocks of an item's minutes. Every line given is placed: each ends up in some block. */
export const readMinutes = (lines: readonly SourceLine[], context: MinutesContext): MinutesNodeJSON[] => readerFor(lines, context).readBlocks();

const textOfNode = (node: MinutesNodeJSON): string => (node.text ?? '') + (node.content ?? []).map(textOfNode).join(' ');

/**
 * What makes two resolutions the same decision: their parts and bullets, or, when they have none, their
 * preamble; compared as words, so that "That the licence be granted." is "the licence be granted".
 */
const decisionKey = (resolution: MinutesNodeJSON): string => {
  const content = resolution.content ?? [];
  return (content.length > 1 ? content.slice(1) : content)
    .map(textOfNode)
    .join(' ')
    .toLowerCase()
    .replace(/^\W*that\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
};

/**
 * The item's "Minutes:" and "Decision:" blocks together. A decision the minutes already record (the
 * website often prints the same resolution under both, the second time without "RESOLVED", or after
 * the minutes' "RESOLVED" a "Decision:" line repeating it) is not repeated.
 */
export function readItemMinutes(minutes: readonly SourceLine[], decision: readonly SourceLine[], context: MinutesContext): MinutesNodeJSON[] {
  const recorded = new Set<string>();
  const blocks = readMinutes(minutes, context).filter((block) => {
    if (block.type !== 'resolution') return true;
    const key = decisionKey(block);
    const copy = block.attrs?.['lead'] === 'decision' && recorded.has(key);
    recorded.add(key);
    return !copy;
  });
  if (decision.length === 0) return blocks;
  const decided = readerFor(decision, context).readDecision();
  return [...blocks, ...decided.filter((block) => block.type !== 'resolution' || !recorded.has(decisionKey(block)))];
}
