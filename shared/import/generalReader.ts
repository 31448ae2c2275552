// The general reader: minutes in a layout none of the form modules knows (another council's printed
// minutes, a parish council's, a Word or PDF document of any house style). Instead of one form's
// fixed layout it weighs several signals at once (DOMAIN.md, "Beyond these five documents"):
//   - the meeting heading ("Minutes of the meeting of …", "MINUTES" under the committee's name,
//     "DRAFT MINUTES OF …", "Minute of Meeting of …", a parish council's heading), with the title
//     lines above it naming the council and the committee; a cover letter or "This page is
//     intentionally left blank" before it is not read as the meeting;
//   - the date and start time in the heading or the lines under it, never a cover letter's, the next
//     meeting's or the minutes being approved;
//   - the attendance under it (Present / Members / Apologies / Substitutes / Officers / Also present,
//     as labels with a colon or alone on their line, and "Apologies … were received from …");
//   - item headings: minute numbers that rise through the document ("71.", "7)", "Minute 12",
//     "79/16", "EX23"), or, where items are not numbered, the document's own headings, bold lines or
//     upper-case lines;
//   - each item's minutes read by the shared grammar (minutesGrammar.ts), with a "Decision" label
//     alone on its line read as the item's decision, and a decision that starts inside a paragraph
//     ("… was seconded. RESOLVED that …") read from where it starts;
//   - a table that reached the file as text ("| 14. | Election of Vice-Chair |"), read row by row,
//     and a table of declarations (member, item, nature of interest) read as the declarations;
//   - the apologies the "Apologies" item records, where the attendance lists none.
import { plainNumbering, type NumberingStyle } from '../model/committee.js';
import { ENGLISH_YEAR_START, yearOfPrinted } from '../numbering.js';
import type { Attendance } from '../model/attendance.js';
import type { Business, Item } from '../model/meeting.js';
import { apologiesFromItems, apologiesNamed, attendanceHeadingOf, readAttendance, titledName } from './attendanceLists.js';
import { findDate, findTime } from './datesAndTimes.js';
import type { ImportedMeeting } from './importedMeeting.js';
import { assembleItem, itemLabel } from './items.js';
import { sliceLine, withoutEmphasis, type SourceLine } from './lines.js';
import { closingTimeOf, meetingTimes, startingTimeOf, withSubstitutes } from './meetingNotes.js';
import { isMemberName } from './memberNames.js';
import { isNoDeclarations, partLabelOf, readItemMinutes, type Reading } from './minutesGrammar.js';
import { documentOf } from './pageItem.js';

// ---------------------------------------------------------------------------------------------
// The meeting heading and the title lines around it.

/** "Minutes of the (special) meeting of", "DRAFT MINUTES OF", "Minute of Meeting of": what opens a meeting heading. */
const minutesOf = /^(?:(?:draft|unconfirmed|confirmed|approved|signed)\s+)?minutes?\s+of\s+(?:the\s+|a\s+|an\s+)?(?:(?:special|extraordinary|annual|ordinary|virtual|hybrid|remote|reconvened|additional|adjourned)\s+)*(?:meeting\b\s*(?:of\s+(?:the\s+)?)?)?/i;
/** "MINUTES" (or "Draft Minutes") alone on its line, under or over the committee's name. */
const minutesAlone = /^(?:(?:draft|unconfirmed|confirmed)\s+)?minutes\.?$/i;
/** "Planning Committee – Minutes". */
const minutesAfterName = /^(.{3,120}?)\s*[-–—:]\s*(?:draft\s+)?minutes\.?$/i;

/** What ends the pages before the minutes: a summons or cover letter, a blank page. */
const beforeMinutes = /^(?:this\s+page\s+(?:is\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank|public\s+document\s+pack|dear\s+(?:councillor|member|sir|madam)|you\s+are\s+(?:hereby\s+)?(?:summoned|requested|invited))/i;

const committeeWords = /\b(?:committee|sub-committee|subcommittee|board|panel|cabinet|forum|executive|commission|assembly|partnership|group)\b/i;
const councilWords = /\b(?:council|borough|county|district|city|authority|corporation)\b/i;
/** A council whose meetings are its own, with no committee between: its minutes are the council's. */
const localCouncil = /\b(?:parish|town|community|village)\s+council\b/i;

/** The date's and time's lines: never a date that is another meeting's or a letter's. */
const otherDate = /\b(?:next\s+meeting|despatch|dispatch|published|publication|issued|circulated|to\s+be\s+held|previous\s+meeting|last\s+meeting|meeting\s+held\s+on\s+.{0,40}\b(?:agreed|approved|confirmed|signed))\b/i;

/** A title line: short, not a sentence, naming no date. */
/** "Contact: J Bloggs, Committee Services", "Venue: …", "Tel: …": a labelled detail, never a council's or committee's name (unless the label is one). */
const labelledDetail = (key: string): boolean => {
  const label = /^([\p{L} ]{2,25}):\s/u.exec(withoutMarks(key))?.[1];
  return label !== undefined && !committeeWords.test(label) && !councilWords.test(label);
};
const isTitleLine = (line: SourceLine): boolean =>
  line.key.length <= 120 && !/[.;,]$/.test(line.key) && line.bullet === null && findDate(line.key) === null && !beforeMinutes.test(line.key) && !labelledDetail(line.key);

/** "Ashcombe Borough Council  Guildhall  Market Square": the council's name leading its address block, without the address. */
function councilNameOf(text: string): string {
  const first = text.split(/\s{2,}|,\s+|\s+[|•·]\s+/)[0] ?? text;
  return first !== text && /\b(?:council|authority|corporation)$/i.test(first) ? first.trim() : text;
}

interface MeetingHeading {
  at: number;
  /** The committee the heading names ("Education Committee"), '' when it names none ("MINUTES of the meeting held on …"). */
  named: string;
  /** The rest of the heading after the name: "held in … on … at …". */
  held: string;
}

/** The meeting heading at the line, or null. */
function meetingHeadingOf(line: SourceLine, at: number): MeetingHeading | null {
  // A heading is a line or two of words; a longer line is prose, and bounding it keeps the patterns below linear.
  if (line.key.length > 600) return null;
  const key = withoutMarks(line.key);
  if (minutesAlone.test(key)) return { at, named: '', held: '' };
  const after = minutesAfterName.exec(key);
  if (after !== null && key.length <= 140) return { at, named: after[1] ?? '', held: '' };
  const opening = minutesOf.exec(key);
  if (opening === null) return null;
  const rest = key.slice(opening[0].length);
  // "MINUTES OF THE PREVIOUS MEETING", an item's heading: the minutes it approves are another meeting's.
  if (/^(?:the\s+)?(?:previous|last|preceding|prior)\b/i.test(rest)) return null;
  const date = findDate(rest);
  const cut = rest.search(/(?:^|\s|,)(?:held|which\s+(?:was\s+)?(?:held|took\s+place)|taking\s+place|on\s+(?:\p{L}+day\b|\d))/iu);
  const end = Math.min(cut < 0 ? rest.length : cut, date === null ? rest.length : date.start);
  const named = rest
    .slice(0, end)
    .replace(/[\s,–—-]+$/, '')
    .replace(/\s+meeting$/i, '')
    .trim();
  return { at, named, held: rest.slice(end).trim() };
}

const isMarkOrSpace = (character: string | undefined): boolean => character === '#' || character === '*' || character === '_' || (character !== undefined && /\s/.test(character));

/**
 * The line's words without Markdown's "#" and "**" around them. Scanned from each end by hand: a
 * regex anchored at the end (`[*_\s]+$`) retries from every mark of a long run and is quadratic.
 */
function withoutMarks(key: string): string {
  let start = 0;
  let end = key.length;
  while (start < end && isMarkOrSpace(key[start])) start++;
  while (end > start && isMarkOrSpace(key[end - 1]) && key[end - 1] !== '#') end--;
  return start === 0 && end === key.length ? key : key.slice(start, end);
}

/** Where the pages before the minutes end: after the last summons, cover letter or blank page among the opening lines; 0 when there are none. */
function afterFrontMatter(lines: readonly SourceLine[]): number {
  let after = 0;
  const limit = Math.min(lines.length, 600);
  for (let at = 0; at < limit; at++) if (beforeMinutes.test(withoutMarks((lines[at] as SourceLine).key))) after = at + 1;
  return after;
}

/** Where the minutes start: the meeting heading, looked for after any cover letter or blank page. */
function findMeetingHeading(lines: readonly SourceLine[]): MeetingHeading | null {
  const limit = Math.min(lines.length, 600);
  for (let at = 0; at < limit; at++) {
    const heading = meetingHeadingOf(lines[at] as SourceLine, at);
    if (heading !== null) return heading;
  }
  return null;
}

/** The council and committee from the title lines just above the heading (or the first lines, when there is none). */
function titlesOf(lines: readonly SourceLine[], heading: MeetingHeading | null, firstItem: number): { council: string | null; committee: string; used: SourceLine[] } {
  const titles: SourceLine[] = [];
  if (heading !== null) {
    for (let at = heading.at - 1; at >= 0 && titles.length < 4; at--) {
      const line = lines[at] as SourceLine;
      // A contact or venue line between the names and the heading is passed over, not taken for either.
      if (labelledDetail(line.key)) continue;
      if (!isTitleLine(line)) break;
      titles.unshift(line);
    }
    // "MINUTES" over the committee's name.
    const below = lines[heading.at + 1];
    if (heading.named === '' && below !== undefined && heading.at + 1 < firstItem && isTitleLine(below) && committeeWords.test(below.key) && attendanceHeadingOf(below.key) === null) titles.push(below);
  } else {
    for (let at = 0; at < Math.min(firstItem, 8); at++) {
      const line = lines[at] as SourceLine;
      if (isTitleLine(line) && (committeeWords.test(line.key) || councilWords.test(line.key))) titles.push(line);
    }
  }
  const committeeLine = titles.find((line) => committeeWords.test(line.key));
  const councilLine = titles.find((line) => line !== committeeLine && (councilWords.test(line.key) || localCouncil.test(line.key)));
  const council = councilLine === undefined ? null : councilNameOf(withoutMarks(councilLine.text));
  let committee = heading?.named ?? '';
  if (committee === '' && committeeLine !== undefined) committee = withoutMarks(committeeLine.text);
  // "Minutes of the Planning Committee of Elmstead Parish Council": the committee, of the council.
  const ofCouncil = /^(.{3,120}?)\s+of\s+(?:the\s+)?(.{3,120}?\b(?:council|authority|corporation))$/i.exec(committee);
  if (ofCouncil !== null && committeeWords.test(ofCouncil[1] ?? '')) committee = (ofCouncil[1] ?? '').trim();
  // "Minutes of the meeting of the Council" of a district or county: its full council, "Council".
  if (/^(?:the\s+)?(?:full\s+)?council$/i.test(committee) && (council === null || !localCouncil.test(council))) committee = 'Council';
  // "Minutes of the Parish Council Meeting" under "Ferncombe Parish Council": the council's own meeting.
  else if (council !== null && (committee === '' ? localCouncil.test(council) : council.toLowerCase().endsWith(committee.toLowerCase()) && /council$/i.test(committee))) committee = council;
  return { council, committee, used: [committeeLine, councilLine].filter((line): line is SourceLine => line !== undefined) };
}

// ---------------------------------------------------------------------------------------------
// The attendance.

/** A group's label alone on its line, as a heading or in bold: "Present", "Apologies for absence", "Officers in attendance". */
const labelAlone = /^(present|members\s+present|councillors\s+present|also\s+present|in\s+attendance|officers(?:\s+present|\s+in\s+attendance)?|apologies(?:\s+for\s+absence)?|substitutes?)\s*[:.]?$/i;

/** The line as the attendance lists read it: a label alone gets its colon, an apologies sentence becomes a list. */
function asAttendanceLine(line: SourceLine): SourceLine | null {
  const key = withoutMarks(line.key);
  const alone = labelAlone.exec(key);
  if (alone !== null) return { ...line, text: `${alone[1]}:`, key: `${alone[1]}:`, marks: [] };
  if (attendanceHeadingOf(key) !== null) return { ...line, text: key, key, marks: [] };
  const apologies = apologiesNamed(key);
  if (apologies !== null) return { ...line, text: `Apologies: ${apologies.join(', ')}`, key: `Apologies: ${apologies.join(', ')}`, marks: [] };
  return null;
}

/** The attendance from the lines between the heading and the first item; lines that are not lists stay where they are. */
function attendanceIn(lines: readonly SourceLine[], reading: Reading): Attendance {
  const read = markedAttendance(lines, reading).map((line) => asAttendanceLine(line) ?? line);
  const first = read.findIndex((line) => !lines.includes(line) || attendanceHeadingOf(line.key) !== null);
  return readAttendance(first < 0 ? [] : read.slice(first), reading.ledger);
}

/** The mark of a P–A list: present, apologies, absent. */
const attendanceMark = /^(?:(p|present)|(ap|apol|apols|apologies)|(a|absent))$/i;

/**
 * A P–A list ("Councillor A Smith  P", "Cllr B Jones | Ap", or a table whose cells come a line each:
 * the name, then its mark) as "Present:" and "Apologies:" lines; a member marked absent is placed
 * and listed nowhere, as the model lists only who was there and who sent apologies.
 */
function markedAttendance(lines: readonly SourceLine[], reading: Reading): SourceLine[] {
  const read: SourceLine[] = [];
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at] as SourceLine;
    // "P = Present   A = Apologies", the list's key: no member's name.
    if (line.key.length <= 160 && /\bP\s*[=–—-]\s*present\b/i.test(line.key) && /\bAp?\s*[=–—-]\s*(?:absent|apologies)\b/i.test(line.key)) {
      reading.ledger.place(line);
      continue;
    }
    const sameLine = line.key.length > 120 ? null : /^(.{3,60}?)\s*(?:\|\s*|\s)(\S{1,9})\s*\|?$/.exec(withoutMarks(line.key));
    const next = lines[at + 1];
    const nextMark = next === undefined ? null : attendanceMark.exec(withoutMarks(next.key));
    const sameMark = sameLine === null ? null : attendanceMark.exec(sameLine[2] ?? '');
    // Titled names only ("Councillor A Smith", "Cllr B Jones"), so that "Committee Room A" is not a member marked absent.
    const isMember = (words: string) => titledName.test(words) && isMemberName(words);
    const name = nextMark !== null && isMember(withoutMarks(line.key)) ? withoutMarks(line.key) : sameMark !== null && isMember(sameLine?.[1] ?? '') ? (sameLine?.[1] ?? '') : null;
    const mark = name === null ? null : (nextMark ?? sameMark);
    if (name === null || mark === null) {
      read.push(line);
      continue;
    }
    if (mark === nextMark && next !== undefined) {
      reading.ledger.place(next);
      at++;
    }
    if (mark[3] !== undefined) reading.ledger.place(line);
    else read.push({ ...line, text: `${mark[1] === undefined ? 'Apologies' : 'Present'}: ${name}`, key: `${mark[1] === undefined ? 'Apologies' : 'Present'}: ${name}`, marks: [] });
  }
  return read;
}

// ---------------------------------------------------------------------------------------------
// Item headings.

interface ItemHeading {
  at: number;
  /** The minute number, without prefix or year; null on a document that does not number its items. */
  number: number | null;
  /** The number exactly as printed ("PLN84/23", "26/14", "79."), without the words and brackets around it; null where not numbered. */
  printed: string | null;
  /** The committee's prefix ("EX" of "EX23") and the year ("16" of "79/16"): every item of a meeting shares them. */
  prefix: string;
  year: string | null;
  /** Whether the year comes first ("26/14": the 14th minute of 2026). */
  yearFirst: boolean;
  /** The sub-item under the item `number` ("1" of "40.1", "a" of "5a" or "11(a)"); null for an item. */
  sub: string | null;
  title: string;
  /** Lines the heading takes: 2 when the number stands alone on its line and the title follows. */
  length: number;
  /** Where the item's minutes start on the heading's own line ("PLA147/14 Declarations – Cllr J Ray declared …"); absent when they start below. */
  runsOnAt?: number;
  /** Whether the document marks it as a heading (Markdown or HTML heading, bold, capitals) rather than by its number alone. */
  marked: boolean;
}

/**
 * "71. DECLARATIONS", "7) Finance", "Minute 12: Budget", "Item 4 – Planning", "79/16 Minutes", "26/14 Grants"
 * (the year first), "EX23 Budget", "PLN84/23", "12." alone. Sub-items ("5.1", "11a") are not items here.
 * Groups: 1 the prefix, 2 and 3 the numbers either side of "/", 4 what closes the number.
 */
const numberedLine = /^(?:(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?)?([A-Z]{1,5})?(\d{1,4})(?:\/(\d{2,4}))?(?![\d/.]\d|[a-z])([.):]|\s*[-–—])?(?:\s+|$)/i;
/**
 * A sub-item heading: "40.1 Revenue Budget", "5a 25/00311/FUL – Barn", "11(a) Grants", "DC14.2 …".
 * Groups: 1 the prefix, 2 the item's number, 3 a decimal sub-item, 4 a letter, 5 a bracketed letter.
 */
const subNumberedLine = /^([A-Z]{1,5})?(\d{1,4})(?:\.(\d{1,2})|([a-z])|\(([a-z])\))[.):]?\s+(?=\S)/;
/** The sub-item that comes after `sub` under the same item: "1" after none, "3" after "2", "b" after "a". */
const nextSub = (sub: string | null, decimal: boolean): string =>
  sub === null ? (decimal ? '1' : 'a') : decimal ? String(Number(sub) + 1) : String.fromCharCode(sub.charCodeAt(0) + 1);

/** Words that open a decision or a label, never an item's title. */
const notATitle = /^(?:decisions?|resolved|resolution|agreed|noted|recommendations?|reasons?(?:\s+for\s+(?:the\s+)?decision)?|alternative\s+options(?:\s+considered)?|minutes?:|action|actions)\s*[:.-]*$/i;

const isUpperCase = (text: string): boolean => /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
const boldFrom = (line: SourceLine, from: number): boolean => line.marks.some((mark) => mark.type === 'strong' && mark.from <= from && mark.to >= line.text.length);

/** Whether a heading's number (`opening`, "46\t") is set off by a tab or a run of spaces, as the heading `before` sets off its own. */
function inColumn(opening: string, before: string): boolean {
  const gap = (text: string) => /[\t ]+$/.exec(text)?.[0] ?? '';
  const mine = gap(opening);
  return (mine.includes('\t') || mine.length >= 2) && gap(numberedLine.exec(before)?.[0] ?? '') === mine;
}

/** A title as councils print one: short, not a sentence or a clause. */
function titleShaped(title: string): boolean {
  if (title === '' || title.length > 150 || /^\p{Ll}/u.test(title) || /[;:,]$/.test(title) || /^that\s/i.test(title)) return false;
  return !title.endsWith('.') || (title.length <= 80 && !/\.\s/.test(title.slice(0, -1)));
}

/** The text without a table cell's closing "|" left at its end by a table flattened to text ("Member Training Programme |"). */
const withoutCellEnd = (text: string): string => (text.endsWith('|') ? text.replace(/\s*\|\s*$/, '') : text);

/**
 * Where a heading's line runs on into the item's minutes after a dash, as printed minutes set them in
 * one paragraph: "Declarations of interest – Cllr J Ray declared …", "Decisions notified – noted,
 * including …", "Date of next meeting – Tuesday 13 May 2025.". The words after the dash are minutes,
 * not the title's second half ("Former Goods Yard, Wharf Lane", "The Anchor", "11 March 2025"), when
 * they start in lower case, open a decision, a declaration or a member's doing, or end as a sentence
 * does; the title before them must be one. Null when the line is all title.
 */
function runOnMinutes(text: string): { titleEnd: number; minutesAt: number } | null {
  if (text.length > 600) return null;
  const dash = /\s+[–—-]\s+/.exec(text);
  if (dash === null) return null;
  const title = text.slice(0, dash.index).trim();
  const rest = text.slice(dash.index + dash[0].length);
  const readsAsMinutes = /^\p{Ll}/u.test(rest) || decisionOpening.test(rest) || /^(?:cllrs?\.?|councillors?)\s+\S+(?:\s+\S+){0,3}?\s+(?:declared|reported|said|asked|proposed|seconded|gave|sent|left|joined|made)\b/i.test(rest) || /^(?:apologies|none|no\s+declarations|there\s+(?:were|was))\b/i.test(rest) || /\s\S+[.!?]$/.test(rest);
  if (!readsAsMinutes || !titleShaped(title) || notATitle.test(title)) return null;
  return { titleEnd: dash.index, minutesAt: dash.index + dash[0].length };
}

class HeadingFinder {
  /** Whether "26/14" reads as year then number (community councils' style) rather than number then year. */
  private yearFirst = false;

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly from: number,
  ) {}

  /** The numbered heading at the line, if the line is where the next item starts after `last`. */
  numberedAt(at: number, last: ItemHeading | null): ItemHeading | null {
    const line = this.lines[at] as SourceLine;
    if (line.bullet !== null || line.quote) return null;
    const subItem = last === null ? null : this.subItemAt(at, last);
    if (subItem !== null) return subItem;
    const section = this.sectionAt(at, last);
    if (section !== null) return section;
    const match = numberedLine.exec(line.key);
    if (match === null) return null;
    // "14 October 2025 at 6.00 pm", a heading's date wrapped onto its own line, is not item 14.
    if (findDate(line.key.slice(0, 60))?.start === 0) return null;
    const [first, second] = [match[2] as string, match[3]];
    // "26/14" year first: the year has two digits, the number rises; "79/16" number first: the year has two digits.
    if (second !== undefined && (this.yearFirst ? first.length !== 2 : second.length !== 2)) return null;
    const number = Number(second !== undefined && this.yearFirst ? second : first);
    const year = second === undefined ? null : this.yearFirst ? first : second;
    const prefix = (match[1] ?? '').toUpperCase();
    if (number === 0 || (prefix !== '' && match[1] !== prefix)) return null;
    const printed = `${match[1] ?? ''}${first}${second === undefined ? '' : `/${second}`}${match[4] === '.' ? '.' : ''}`;
    if (last !== null && (last.number === null || number <= last.number || prefix !== last.prefix || year !== last.year)) return null;
    // "1. |": a cell's separator left by a table flattened to text is not the title's.
    let title = withoutCellEnd(sliceLine(withoutEmphasis(line), match[0].length).text);
    const runsOn = runOnMinutes(title);
    if (runsOn !== null) title = title.slice(0, runsOn.titleEnd);
    const wrapped = this.wrappedTitle(at, title);
    title = wrapped.title;
    let length = wrapped.length;
    let marked = line.heading > 0 || boldFrom(line, match[0].length) || (title !== '' && isUpperCase(title));
    if (title === '') {
      // The number alone on its line, the title on the next.
      const next = this.lines[at + 1];
      if (next === undefined || next.bullet !== null || numberedLine.test(next.key) || !titleShaped(withoutMarks(next.key))) return null;
      title = withoutCellEnd(withoutEmphasis(next).text);
      length = 2;
      marked = true;
    }
    title = withoutMarks(title);
    if (!titleShaped(title) && !(marked && title.length <= 200)) return null;
    if (notATitle.test(title)) return null;
    if (!marked) {
      // A number left out (an item withdrawn, or taken in private) where the headings stand in a column
      // ("46<tab>Apologies"): a short title, set off as the last heading's was, not a sentence.
      const skips = last !== null && number !== (last.number as number) + 1;
      if (skips && (number > (last.number as number) + 5 || title.endsWith('.') || title.length > 80 || !inColumn(match[0], this.lines[last.at]?.key ?? '') || /^\p{Ll}/u.test(this.lines[at + length]?.key ?? ''))) return null;
      // "1. …" then "2. …" inside a resolution: parts, not items.
      const previousPart = partLabelOf(this.lines[at - 1]?.key ?? '');
      if (previousPart !== null && Number(/\d+/.exec(this.lines[at - 1]?.key ?? '')?.[0]) === number - 1) return null;
    } else if (last !== null && number > (last.number as number) + 20) {
      return null;
    }
    return { at, number, printed, prefix, year, yearFirst: this.yearFirst, sub: null, title, length, marked, ...(runsOn === null ? {} : { runsOnAt: match[0].length + runsOn.minutesAt }) };
  }

  /**
   * A sub-item heading under the item just read ("40.1" under 40, "5b" after "5a"): the item's own
   * number and prefix, the next sub-item in turn, and a title, not a sentence, so that the numbered
   * paragraphs of an item's narrative ("41.1 The consultation would run …") stay in its minutes.
   */
  private subItemAt(at: number, last: ItemHeading): ItemHeading | null {
    const line = this.lines[at] as SourceLine;
    if (line.key.startsWith('(')) return this.letteredAt(at, last);
    // Most lines do not start with a number: the cheap test first.
    const first = line.key.charCodeAt(last.prefix.length);
    const match = line.key.length > 300 || !(first >= 48 && first <= 57) ? null : subNumberedLine.exec(line.key);
    if (match === null || last.number === null || Number(match[2]) !== last.number || (match[1] ?? '') !== last.prefix) return null;
    const decimal = match[3] !== undefined;
    const sub = match[3] ?? match[4] ?? match[5] ?? '';
    // Sub-items of one kind only, in turn: "40.1" then "40.2", "5a" then "5b".
    if (last.sub !== null && /^\d+$/.test(last.sub) !== decimal) return null;
    if (sub !== nextSub(last.sub, decimal)) return null;
    const title = withoutMarks(sliceLine(withoutEmphasis(line), match[0].length).text);
    const marked = line.heading > 0 || boldFrom(line, match[0].length) || isUpperCase(title);
    if (!titleShaped(title) || (title.endsWith('.') && !marked) || notATitle.test(title)) return null;
    // A paragraph's first line, wrapped on a printed page: the next line carries on its sentence in lower case.
    if (!marked && /^\p{Ll}/u.test(this.lines[at + 1]?.key ?? '')) return null;
    const printed = `${match[1] ?? ''}${match[2]}${decimal ? `.${sub}` : match[5] !== undefined ? `(${sub})` : sub}`;
    return { at, number: last.number, printed, prefix: last.prefix, year: last.year, yearFirst: this.yearFirst, sub, title, length: 1, marked };
  }

  /**
   * A lettered sub-item alone: "(a) Speed limit on Ford Road" then "(b) Bus shelter" under item 16,
   * printed "(a)". The letters in turn, each a title (not a sentence, not ending in a full stop unless
   * marked), and not the parts of a decision or a list a sentence introduces: the line before does not
   * end with a colon, nor open a decision that its parts go on ("RESOLVED that the Panel").
   */
  private letteredAt(at: number, last: ItemHeading): ItemHeading | null {
    const line = this.lines[at] as SourceLine;
    const match = line.key.length > 300 ? null : /^\(([a-z])\)\s+(?=\S)/.exec(line.key);
    if (match === null || last.number === null || (last.sub !== null && !/^[a-z]$/.test(last.sub))) return null;
    const sub = match[1] as string;
    if (sub !== nextSub(last.sub, false)) return null;
    const before = this.lines[at - 1]?.key.trim() ?? '';
    if (before.endsWith(':') || (/^(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed)\b/i.test(before) && !/[.!?]$/.test(before)) || (last.sub === null && partLabelOf(before) !== null)) return null;
    const title = withoutMarks(sliceLine(withoutEmphasis(line), match[0].length).text);
    const marked = line.heading > 0 || boldFrom(line, match[0].length) || isUpperCase(title);
    if (!titleShaped(title) || (title.endsWith('.') && !marked) || notATitle.test(title)) return null;
    if (!marked && /^\p{Ll}/u.test(this.lines[at + 1]?.key ?? '')) return null;
    return { at, number: last.number, printed: `(${sub})`, prefix: last.prefix, year: last.year, yearFirst: this.yearFirst, sub, title, length: 1, marked };
  }

  /**
   * The first sub-item of an item whose own heading the minutes do not print: "3.1 The Red Lion –
   * Variation" where the meeting's business is item 3 of its agenda and only its parts are minuted, or
   * "5.1 APOLOGIES" opening minutes numbered 5.1, 5.2, … throughout. Only "N.1", with N above the last
   * item's number (and the same prefix), and a title, not a sentence; the next ("3.2") is then a
   * sub-item in turn (subItemAt).
   */
  private sectionAt(at: number, last: ItemHeading | null): ItemHeading | null {
    const line = this.lines[at] as SourceLine;
    const first = line.key.charCodeAt(0);
    const match = line.key.length > 300 || !((first >= 48 && first <= 57) || (first >= 65 && first <= 90)) ? null : subNumberedLine.exec(line.key);
    if (match === null || match[3] !== '1') return null;
    const number = Number(match[2]);
    const prefix = match[1] ?? '';
    if (number === 0 || (last !== null && (last.number === null || number <= last.number || number > last.number + 20 || prefix !== last.prefix))) return null;
    const title = withoutMarks(sliceLine(withoutEmphasis(line), match[0].length).text);
    const marked = line.heading > 0 || boldFrom(line, match[0].length) || isUpperCase(title);
    if (!titleShaped(title) || (title.endsWith('.') && !marked) || notATitle.test(title)) return null;
    if (!marked && /^\p{Ll}/u.test(this.lines[at + 1]?.key ?? '')) return null;
    return { at, number, printed: `${prefix}${number}.1`, prefix, year: null, yearFirst: this.yearFirst, sub: '1', title, length: 1, marked };
  }

  /**
   * A title in capitals that runs on over the next lines, as a printed page or a narrow table cell wraps
   * a long one ("APPLICATIONS FOR OCCASIONAL LICENCES" / "AND EXTENDED HOURS DURING THE SPRING" /
   * "EVENTS SEASON"): the title with its continuations, and the lines the heading takes (at most 3). A
   * continuation is in capitals too, not numbered, not a label or a date, and the whole still a title;
   * a title shorter than 25 characters filled no line, so capitals after it are a heading of their own.
   */
  private wrappedTitle(at: number, title: string): { title: string; length: number } {
    let whole = title;
    let length = 1;
    while (length < 3 && whole !== '' && isUpperCase(whole) && (length > 1 || whole.length >= 25)) {
      const next = this.lines[at + length];
      if (next === undefined || next.bullet !== null) break;
      const words = withoutMarks(withoutEmphasis(next).text);
      if (!isUpperCase(words) || numberedLine.test(words) || notATitle.test(words) || labelAlone.test(words) || businessHeading.test(words) || findDate(words) !== null) break;
      if (!titleShaped(`${whole} ${words}`)) break;
      whole = `${whole} ${words}`;
      length++;
    }
    return { title: whole, length };
  }

  /**
   * Items by their minute numbers, rising through the document: read with the number first ("79/16")
   * and with the year first ("26/14"), the reading that finds more items being the document's.
   */
  numbered(): ItemHeading[] {
    this.yearFirst = false;
    const numberFirst = this.numberedInOrder();
    this.yearFirst = true;
    const yearFirst = numberFirst.some((heading) => heading.year !== null) ? this.numberedInOrder() : [];
    this.yearFirst = false;
    return yearFirst.length > numberFirst.length ? yearFirst : numberFirst;
  }

  private numberedInOrder(): ItemHeading[] {
    const found: ItemHeading[] = [];
    for (let at = this.from; at < this.lines.length; at++) {
      const heading = this.numberedAt(at, found.at(-1) ?? null);
      if (heading === null) continue;
      found.push(heading);
      at += heading.length - 1;
    }
    return found;
  }

  /** Items by the document's own headings, bold lines or capitals, where it does not number them. */
  unnumbered(isAttendance: (line: SourceLine) => boolean, isTitle: (at: number) => boolean): ItemHeading[] {
    const kinds: ((line: SourceLine) => boolean)[] = [
      (line) => line.heading > 0,
      (line) => boldFrom(line, 0),
      (line) => isUpperCase(line.key),
    ];
    for (const kind of kinds) {
      const found: { at: number; line: SourceLine }[] = [];
      for (let at = this.from; at < this.lines.length; at++) {
        const line = this.lines[at] as SourceLine;
        const title = withoutMarks(line.key);
        // A table's title cell ("Apologies for Absence |") heads an item even where it reads as an attendance label.
        if (line.bullet !== null || line.quote || !kind(line) || title.length > 150 || /[.;,:]$/.test(title) || notATitle.test(title) || (isAttendance(line) && line.heading !== TITLE_CELL_LEVEL) || isTitle(at)) continue;
        if (closingTimeOf(title) !== null || meetingHeadingOf(line, at) !== null) continue;
        found.push({ at, line });
      }
      // Headings of one level only: the most used, so sub-headings inside an item stay in its minutes.
      const levels = new Map<number, number>();
      for (const { line } of found) levels.set(line.heading, (levels.get(line.heading) ?? 0) + 1);
      const level = [...levels.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
      const chosen = found.filter(({ line }) => line.heading === level);
      if (chosen.length >= 2) return chosen.map(({ at, line }) => ({ at, number: null, printed: null, prefix: '', year: null, yearFirst: false, sub: null, title: withoutCellEnd(withoutMarks(withoutEmphasis(line).text)), length: 1, marked: true }));
    }
    return [];
  }
}

/**
 * The committee's numbering style as its item headings print it: the prefix, where the year stands and
 * which year it is (the calendar year where it is that and not the municipal year's, taking the English
 * May start, as the committee's own start month is not known here), the full stop; null when unnumbered.
 */
function numberingOfHeadings(headings: readonly ItemHeading[], date: string | null): NumberingStyle | null {
  const first = headings[0];
  if (first === undefined || first.number === null) return null;
  const yearOf = first.year === null || date === null ? 'municipal' : yearOfPrinted(Number(first.year), date, ENGLISH_YEAR_START);
  return {
    ...plainNumbering,
    prefix: first.prefix,
    yearAt: first.year === null ? 'none' : first.yearFirst ? 'before' : 'after',
    yearOf,
    yearDigits: first.year?.length === 4 ? 4 : 2,
    terminator: first.printed?.endsWith('.') === true ? '.' : '',
    // "40.1" or "5a": how the committee prints its sub-items, where the meeting has any.
    subItems: headings.some((heading) => heading.sub !== null && !/^\d+$/.test(heading.sub)) ? 'letter' : 'decimal',
  };
}

// ---------------------------------------------------------------------------------------------
// The meeting's date, time and venue.

const timeLabel = /^(?:time|start(?:ing)?\s+time|commenc(?:ed|ing)|starts?|meeting\s+time)\s*[:.-]?\s*/i;
const venueLabel = /^(?:venue|place|location|where|held\s+at)\s*[:.-]\s*/i;
const heldIn = /\bheld\s+(?:in|at)\s+(?:the\s+)?(.{3,150}?)(?=,?\s+on\s+|,\s*\p{L}+day\b|\s+at\s+\d)/iu;
const inAfterTime = /\b(?:\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\.?|\d{1,2}[.:]\d{2})\s+(?:in|at)\s+(?:the\s+)?(.{3,150}?)\.?$/i;

interface Details {
  date: string | null;
  startTime: string | null;
  venue: string;
}

function detailsOf(header: readonly SourceLine[], heading: MeetingHeading | null, reading: Reading): Details {
  const details: Details = { date: null, startTime: null, venue: '' };
  const candidates: { line: SourceLine | null; text: string }[] = [];
  if (heading !== null && heading.held !== '') candidates.push({ line: null, text: heading.held });
  for (const line of header) if (!otherDate.test(line.key)) candidates.push({ line, text: line.key });
  const dated = candidates.find((each) => findDate(each.text) !== null);
  if (dated !== undefined) {
    details.date = findDate(dated.text)?.iso ?? null;
    if (dated.line !== null) reading.ledger.place(dated.line);
    details.startTime = findTime(dated.text)?.time ?? null;
  }
  if (details.startTime === null) {
    const timed = header.find((line) => (timeLabel.test(line.key) || line.key.length <= 20 || startingTimeOf(line.key) !== null) && findTime(line.key) !== null && !otherDate.test(line.key));
    if (timed !== undefined) {
      details.startTime = findTime(timed.key)?.time ?? null;
      reading.ledger.place(timed);
    }
  }
  const labelled = header.find((line) => venueLabel.test(line.key));
  if (labelled !== undefined) {
    details.venue = labelled.key.replace(venueLabel, '').trim();
    reading.ledger.place(labelled);
  } else {
    const held = (dated?.text ?? '').slice(0, 600);
    const place = heldIn.exec(held)?.[1] ?? inAfterTime.exec(held)?.[1];
    if (place !== undefined && findTime(place) === null) details.venue = place.trim();
  }
  return details;
}

// ---------------------------------------------------------------------------------------------
// Tables kept as text: "| 14. | Election of Vice-Chair |".

const tableRow = /^\|(.*)\|$/;
/** A row copied without its opening "|": "Item | Minutes |", "Garden Waste Charges PDF 140 KB |". */
const openTableRow = /^([^|].*)\|$/;
const separatorCell = /^:?-+:?$/;
/** A table's header row of layout words only: "| No. | Item |", "| Minute | Subject |", "Item | Minutes |". */
const layoutCell = /^(?:no\.?|number|item|items|minute|minutes|minute\s+no\.?|subject|title|details|business|decisions?)$/i;
/** The heading level given to a table's title cell (a row holding only its first cell, in a table of items): a heading by the table's layout. */
const TITLE_CELL_LEVEL = 6;

/** The columns of a table of declarations ("| Member | Item | Nature of interest |"), or null when the header is not one. */
function declarationColumns(cells: readonly string[]): { member: number; item: number; nature: number; width: number } | null {
  const member = cells.findIndex((cell) => /^(?:members?|councillors?|names?)\b/i.test(cell));
  const item = cells.findIndex((cell) => /^(?:agenda\s+)?(?:items?|minutes?)\b/i.test(cell));
  const nature = cells.findIndex((cell) => /\binterests?\b|^nature\b/i.test(cell));
  return member < 0 || item < 0 || nature < 0 ? null : { member, item, nature, width: cells.length };
}

/**
 * Rows of a table that reached the file as text, one a line between "|"s, read as the lines they
 * stand for: a row's cells run together ("14. Election of Vice-Chair", so a number in the first
 * column heads an item), separator and layout rows placed, and each row under a table of
 * declarations' header as the sentence it records ("Councillor T Birch declared an other
 * registrable interest in item 3, …"). Other lines pass as they are.
 */
function withTableRowsRead(lines: readonly SourceLine[], reading: Reading): SourceLine[] {
  const cellsOf = (line: SourceLine, open: boolean): string[] | null => {
    if (line.key.length > 4000 || !line.key.trimEnd().endsWith('|')) return null;
    const row = (open ? openTableRow : tableRow).exec(line.key.trim());
    return row === null ? null : (row[1] ?? '').split('|').map((cell) => cell.trim());
  };
  const isLayout = (cells: readonly string[]) => cells.some((cell) => cell !== '') && cells.every((cell) => cell === '' || separatorCell.test(cell) || layoutCell.test(cell));
  // Rows copied without their opening "|" are read as rows under a header row copied so ("Item | Minutes |"),
  // or where several lines are a first cell alone ("Member Training Programme |"), the header lost.
  const headed = lines.some((line) => !line.key.startsWith('|') && isLayout(cellsOf(line, true) ?? []));
  const firstCells = headed ? 0 : lines.filter((line) => !line.key.startsWith('|') && (cellsOf(line, true) ?? []).filter((cell) => cell !== '').length === 1).length;
  const open = headed || firstCells >= 2;
  if (!open && !lines.some((line) => line.key.startsWith('|'))) return [...lines];
  const read: SourceLine[] = [];
  let declarations: ReturnType<typeof declarationColumns> = null;
  /** Under a header row whose first column holds the items ("Item", "Subject"), or with no header: a row with only that cell is an item's title. */
  let titlesFirst = !headed && firstCells >= 2;
  for (const line of lines) {
    const cells = cellsOf(line, open && !line.key.startsWith('|'));
    if (cells === null) {
      declarations = null;
      read.push(line);
      continue;
    }
    const header = declarationColumns(cells);
    if (isLayout(cells) || header !== null) {
      declarations = header ?? declarations;
      if (header === null && cells.some((cell) => !separatorCell.test(cell) && cell !== '')) titlesFirst = /^(?:item|items|subject|title|business)$/i.test(cells[0] ?? '');
      reading.ledger.place(line);
      continue;
    }
    const filled = cells.filter((cell) => cell !== '');
    let text = filled.join(' ');
    // A row of another width is another table's: the declarations have ended.
    if (declarations !== null && cells.length !== declarations.width) declarations = null;
    if (declarations !== null) text = declaredSentence(cells, declarations);
    const titleCell = declarations === null && titlesFirst && filled.length === 1 && cells[0] === filled[0] && titleShaped(withoutMarks(text));
    read.push({ ...line, text, key: text, marks: [], heading: titleCell ? TITLE_CELL_LEVEL : line.heading });
  }
  return read;
}

/** A row of a table of declarations as the sentence it records: "Councillor T Birch declared an other registrable interest in item 3, …". */
function declaredSentence(cells: readonly string[], columns: NonNullable<ReturnType<typeof declarationColumns>>): string {
  const nature = cells[columns.nature] ?? '';
  const split = /\s+[-–—:]\s+|,\s+/.exec(nature);
  const kind = split === null ? nature : nature.slice(0, split.index);
  const article = /^(?:an?|the)\s/i.test(kind) ? '' : /^[aeiou]/i.test(kind) ? 'an ' : 'a ';
  return `${cells[columns.member] ?? ''} declared ${article}${kind} in item ${cells[columns.item] ?? ''}${split === null ? '' : `, ${nature.slice(split.index + split[0].length)}`}.`;
}

/** A table cell naming an item: "DC104", "4", "5.1", "Item 6", "26/14". */
const itemCell = /^(?:(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?)?[A-Z]{0,6}\d{1,4}(?:[./]\d{1,4}|[a-z]|\([a-z]\))?\.?$/i;

/**
 * A table of declarations whose cells reached the file a line each, as a PDF's or a copied page's table
 * often does ("Member" / "Minute" / "Nature of interest", then "Councillor F Doyle" / "DC104" /
 * "Non-registrable interest – …"): each row read as the sentence it records, the header placed. Rows
 * are taken while the member's cell names a member and the item's cell an item, so the table ends
 * where they stop.
 */
function withDeclarationCellsRead(lines: readonly SourceLine[], reading: Reading): SourceLine[] {
  const read: SourceLine[] = [];
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at] as SourceLine;
    const columns = /^(?:members?|councillors?|names?)$/i.test(withoutMarks(line.key)) ? cellHeaderAt(lines, at) : null;
    if (columns === null) {
      read.push(line);
      continue;
    }
    for (let cell = 0; cell < columns.width; cell++) reading.ledger.place(lines[at + cell] as SourceLine);
    at += columns.width;
    while (at + columns.width <= lines.length) {
      const cells = lines.slice(at, at + columns.width).map((each) => withoutMarks(each.key));
      if (!isMemberName(cells[columns.member] ?? '') || !itemCell.test(cells[columns.item] ?? '')) break;
      const row = lines[at] as SourceLine;
      for (let cell = 1; cell < columns.width; cell++) reading.ledger.place(lines[at + cell] as SourceLine);
      const text = declaredSentence(cells, columns);
      read.push({ ...row, text, key: text, marks: [] });
      at += columns.width;
    }
    at--;
  }
  return read;
}

/** The columns of a declarations table's header whose cells are a line each from `at` (three or four short lines), or null. */
function cellHeaderAt(lines: readonly SourceLine[], at: number): ReturnType<typeof declarationColumns> {
  for (const width of [3, 4]) {
    const cells = lines.slice(at, at + width).map((each) => withoutMarks(each.key));
    if (cells.length < width || cells.some((cell) => cell.length > 40 || /[.;,]$/.test(cell))) return null;
    const columns = declarationColumns(cells);
    if (columns !== null) return columns;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The reader.

/** Where a decision starts inside a paragraph: "… was seconded. RESOLVED that …", "The balance stood at £4,212. It was agreed that …", "4 Orchard Close, extension – RESOLVED that …". */
const decisionInLine = /(?<=\S)(?:[.!?]|\s[–—-])\s+(?=(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed)\b)/giu;
/** What may open the decision: "RESOLVED"/"AGREED" in capitals, or "It was resolved/agreed that". */
const decisionOpening = /^(?:it\s+was\s+)?(?:unanimously\s+)?(?:RESOLVED|AGREED)\b|^it\s+was\s+(?:unanimously\s+)?(?:resolved|agreed)\s+that\b/iu;
const inCapitals = /^(?:[Ii]t\s+was\s+)?(?:unanimously\s+)?(?:RESOLVED|AGREED)\b/u;

/** The line, split where a decision starts after other sentences, so that the grammar reads the decision as one. */
function atDecisions(line: SourceLine): SourceLine[] {
  if (line.key.length > 4000 || !/resolved|agreed/i.test(line.key)) return [line];
  const pieces: SourceLine[] = [];
  let from = 0;
  for (const match of line.key.matchAll(decisionInLine)) {
    const at = match.index + match[0].length;
    // Lower-case words count only as "It was agreed that"; "Resolved" in a sentence's own words does not.
    const rest = line.key.slice(at, at + 60);
    if (!decisionOpening.test(rest) || !(inCapitals.test(rest) || /^it\s+was\s/i.test(rest))) continue;
    // "3. It was agreed …": a part's label, not a sentence before the decision.
    if (/^\s*\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]$/i.test(line.key.slice(from, match.index + 1))) continue;
    // The piece keeps its full stop or dash.
    pieces.push(sliceLine(line, from, match.index + match[0].trimEnd().length));
    from = at;
  }
  if (from === 0) return [line];
  pieces.push(sliceLine(line, from));
  return pieces;
}

/**
 * "No declarations were made on this item. The Committee noted …": the statement that none were
 * declared, and the item's minutes after it as a line of their own, so they are not read as part of it.
 */
function afterNoDeclarations(line: SourceLine): SourceLine[] {
  if (line.key.length > 4000 || !isNoDeclarations(line.key)) return [line];
  const end = /[.!?]\s+(?=\p{Lu})/u.exec(line.key);
  if (end === null) return [line];
  return [sliceLine(line, 0, end.index + 1), sliceLine(line, end.index + end[0].length)];
}

/** "Decision" alone on its line (or "Decision:"), its text below: the item's decision. */
const decisionLabel = /^decisions?\s*[:.-]*$/i;
const businessHeading = /^(?:part\s+\w+\s*[-–:]?\s*)?(public|private)\s+business\b/i;

/**
 * Reads minutes in any layout (see the module's header). The lines are those of the whole file.
 * @returns the meeting, with `items` empty when no item headings could be found (the caller refuses the file)
 */
export function readGeneralMinutes(fileLines: readonly SourceLine[], reading: Reading): ImportedMeeting {
  const lines = withDeclarationCellsRead(withTableRowsRead(fileLines, reading), reading);
  const heading = findMeetingHeading(lines);
  if (heading !== null) reading.ledger.place(lines[heading.at] as SourceLine);
  // Without a heading the minutes start after any summons or blank page: a summons' agenda numbers items too.
  const start = heading === null ? afterFrontMatter(lines) : heading.at + 1;
  const finder = new HeadingFinder(lines, start);
  const numbered = finder.numbered();
  const isAttendanceLabel = (line: SourceLine) => labelAlone.test(withoutMarks(line.key)) || attendanceHeadingOf(withoutMarks(line.key)) !== null;
  const headings = numbered.length >= 2 ? numbered : (() => {
    // Without a meeting heading, the council's and committee's names at the top are not items.
    const named = (at: number) => isTitleLine(lines[at] as SourceLine) && (committeeWords.test(lines[at]?.key ?? '') || councilWords.test(lines[at]?.key ?? ''));
    // The meeting's own lines are not items: a date or a time on its own, "Public Business".
    const isDetail = (line: SourceLine) => {
      const key = withoutMarks(line.key);
      return (key.length <= 60 && (findDate(key) !== null || findTime(key) !== null)) || /^(?:date|time|venue|place|location)\b/i.test(key) || businessHeading.test(key);
    };
    const isTitle = (at: number) => (heading === null ? at < start + 8 && named(at) : at === heading.at + 1 && named(at)) || isDetail(lines[at] as SourceLine);
    const unnumbered = finder.unnumbered(isAttendanceLabel, isTitle);
    return unnumbered.length >= 2 || numbered.length === 0 ? unnumbered : numbered;
  })();
  // In an unnumbered document the attendance's labels may be headings like the items': those before the first real item are the attendance's.
  const firstItem = headings[0]?.at ?? lines.length;
  const titles = titlesOf(lines, heading, firstItem);
  for (const line of titles.used) reading.ledger.place(line);
  // "Public Business" before the first item ends the header and opens the business.
  const isBusiness = (line: SourceLine) => line.key.length < 60 && businessHeading.test(withoutMarks(line.key));
  const firstBusiness = lines.findIndex((line, at) => at >= start && at < firstItem && isBusiness(line));
  const header = lines.slice(start, firstBusiness < 0 ? firstItem : firstBusiness).filter((line) => !titles.used.includes(line));
  const details = detailsOf(header, heading, reading);
  const attendance = attendanceIn(header, reading);

  const items: Item[] = [];
  let business: Business = 'public';
  if (firstBusiness >= 0) {
    const line = lines[firstBusiness] as SourceLine;
    reading.ledger.place(line);
    business = /private/i.test(line.key) ? 'private' : 'public';
  }
  headings.forEach((itemHeading, index) => {
    const end = headings[index + 1]?.at ?? lines.length;
    for (let at = itemHeading.at; at < itemHeading.at + itemHeading.length; at++) reading.ledger.place(lines[at] as SourceLine);
    const itemBusiness = business;
    const body: SourceLine[] = [];
    if (itemHeading.runsOnAt !== undefined) body.push(...atDecisions(sliceLine(lines[itemHeading.at] as SourceLine, itemHeading.runsOnAt)).flatMap(afterNoDeclarations));
    let closed = false;
    for (let at = itemHeading.at + itemHeading.length; at < end && !closed; at++) {
      const line = lines[at] as SourceLine;
      const closing = closingTimeOf(line.key);
      const starting = details.startTime === null ? startingTimeOf(line.key) : null;
      if (starting !== null) {
        // "The meeting commenced at 4.00 pm" under the first item: the meeting's time, where the heading gave none.
        reading.ledger.place(line);
        details.startTime = starting;
      } else if (isBusiness(line) && index + 1 < headings.length) {
        reading.ledger.place(line);
        business = /private/i.test(line.key) ? 'private' : 'public';
      } else if (closing !== null) {
        // What follows the closing time (the Chair's signature) belongs to no item.
        reading.ledger.place(line);
        reading.notes.closingTime = closing;
        closed = true;
      } else {
        body.push(...atDecisions(line).flatMap(afterNoDeclarations));
      }
    }
    const minuteNumber = itemHeading.number ?? index + 1;
    // "Damp and Mould Action Plan PDF 310 KB": a copied page's link to the item's paper, not its title.
    const { title, document } = documentOf(itemHeading.title);
    const documents = document === null ? [] : [document];
    const label = itemLabel(minuteNumber, title);
    const decisionAt = body.findIndex((line) => line.bullet === null && decisionLabel.test(withoutMarks(line.key)));
    const minutesLines = decisionAt < 0 ? body : body.slice(0, decisionAt);
    const decisionLines = decisionAt < 0 ? [] : body.slice(decisionAt + 1);
    if (decisionAt >= 0) reading.ledger.place(body[decisionAt] as SourceLine);
    const minutes = readItemMinutes(minutesLines, decisionLines, { ...reading, item: label });
    const printedNumber = itemHeading.printed === null ? {} : { printedNumber: itemHeading.printed };
    items.push(assembleItem({ minuteNumber, ...printedNumber, title, source: '', business: itemBusiness, agendaText: '', documents, minutes }, reading.newId, reading.ledger));
  });
  apologiesFromItems(items, attendance);
  return {
    committee: { name: titles.committee, council: titles.council },
    date: details.date,
    startTime: details.startTime,
    ...meetingTimes(reading.notes),
    venue: details.venue,
    contact: null,
    attendance: withSubstitutes(attendance, reading.notes),
    numberingStyle: numberingOfHeadings(headings, details.date),
    items,
  };
}

/**
 * Whether lines no known form matched still read as minutes: a meeting heading, or item headings
 * with at least two of the things minutes have (attendance lists, decisions, declarations).
 */
export function looksLikeMinutes(lines: readonly SourceLine[]): boolean {
  const opening = lines.slice(0, 2000);
  if (findMeetingHeading(opening) !== null) return true;
  let signals = 0;
  if (opening.some((line) => asAttendanceLine(line) !== null)) signals++;
  if (opening.some((line) => /^(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed)\b|^decisions?\s*[:.-]*$/i.test(withoutMarks(line.key)))) signals++;
  if (opening.some((line) => /\bdeclar\w*\s+(?:of\s+)?(?:an?\s+)?(?:\w+\s+){0,4}interests?\b/i.test(line.key))) signals++;
  return signals >= 2;
}
