// The header of the council's "Agenda and minutes" page (seeds 000, 001, 004):
//   Education and Children's Services Scrutiny Board (2) - Thursday, 27th April, 2017 2.00 pm
//   Venue: Committee Room 3 - Council House. View directions
//   Contact: Michelle Rose  Tel: 024 7683 3111 Email:  michelle.rose@coventry.gov.uk
import { noAttendance } from '../model/attendance.js';
import { apologiesFromItems } from './attendanceLists.js';
import type { Item } from '../model/meeting.js';
import { findDate, findTime } from './datesAndTimes.js';
import type { ImportedMeeting } from './importedMeeting.js';
import type { Ledger } from './ledger.js';
import type { SourceLine } from './lines.js';
import { meetingTimes, withSubstitutes, type MeetingNotes } from './meetingNotes.js';

export interface MeetingTitle {
  committee: string;
  date: string;
  startTime: string | null;
}

const onlyWeekday = /^[\s,]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)?[\s,]*$/i;

/** "<Committee> - <Weekday>, <13th July>, <2017> <10.00 am>", or null when the line is not that. */
function meetingTitleOf(text: string): MeetingTitle | null {
  const date = findDate(text);
  if (date === null) return null;
  const dash = Math.max(text.lastIndexOf(' - ', date.start), text.lastIndexOf(' – ', date.start));
  // Between the dash and the date there is room for a weekday and a comma, no more.
  const between = text.slice(dash + 3, date.start);
  if (dash <= 0 || between.length > 16 || !onlyWeekday.test(between)) return null;
  return { committee: text.slice(0, dash).trim(), date: date.iso, startTime: findTime(text.slice(date.end))?.time ?? null };
}

/** "Committee Room 3 - Council House" from "Venue: Committee Room 3 - Council House. View directions". */
function venueOf(text: string): string {
  let venue = text.replace(/^venue\s*:/i, '').trim();
  if (venue.toLowerCase().endsWith('view directions')) venue = venue.slice(0, -'view directions'.length).trim();
  // The page adds one full stop before "View directions"; a venue's own full stop ("St.") survives.
  return venue.endsWith('.') ? venue.slice(0, -1).trim() : venue;
}

const phoneLabel = /\b(?:tel(?:ephone)?|phone)\b\s*(?:no\.?\s*)?[:.]?/i;
const emailLabel = /\be-?mail\b\s*:?/i;

/** "Contact: <name>  Tel: <phone>  Email: <email>", each part optional but the name. */
function contactOf(text: string): NonNullable<ImportedMeeting['contact']> {
  const body = text.replace(/^contact\s*:/i, '');
  const phone = phoneLabel.exec(body);
  const email = emailLabel.exec(body);
  const labels = [phone, email].filter((label) => label !== null).sort((a, b) => a.index - b.index);
  const valueAfter = (label: RegExpExecArray | null): string => {
    if (label === null) return '';
    const next = labels.find((other) => other.index > label.index);
    return body.slice(label.index + label[0].length, next?.index ?? body.length).trim();
  };
  const name = body.slice(0, labels[0]?.index ?? body.length).trim();
  // Without an "Email:" label, an address may still stand at the end of the line.
  const lastWord = name.slice(name.lastIndexOf(' ') + 1);
  const bareEmail = email === null && lastWord.includes('@') ? lastWord : '';
  return { name: bareEmail === '' ? name : name.slice(0, -bareEmail.length).trim(), phone: valueAfter(phone), email: valueAfter(email) || bareEmail };
}

/** What the page header says about the meeting. */
export interface PageHeader {
  title: MeetingTitle | null;
  /** The council the page names on a line of its own ("Kestrel Vale District Council"), or null. */
  council: string | null;
  venue: string;
  contact: ImportedMeeting['contact'];
}

const layoutLines = new Set(['agenda and minutes', 'items', 'no. item', 'no.', 'item', 'no. | item |', 'no. | item', '---|---|']);

/** Reads the lines before the first item; lines it does not recognise stay unplaced. */
export function readPageHeader(lines: readonly SourceLine[], ledger: Ledger): PageHeader {
  const header: PageHeader = { title: null, council: null, venue: '', contact: null };
  for (const line of lines) {
    const lower = line.key.toLowerCase().replace(/\s+/g, ' ');
    const title = header.title === null ? meetingTitleOf(line.text) : null;
    if (layoutLines.has(lower)) ledger.place(line);
    else if (lower.startsWith('venue:')) header.venue = venueOf(line.text);
    else if (lower.startsWith('contact:')) header.contact = contactOf(line.text);
    else if (title !== null) header.title = title;
    else continue;
    ledger.place(line);
  }
  if (header.title === null) header.title = titleOnTwoLines(lines, ledger);
  const council = lines.find((line) => isCouncilName(line.key) && line.key !== header.title?.committee);
  if (council !== undefined) {
    header.council = council.key.trim();
    ledger.place(council);
  }
  return header;
}

/** "Kestrel Vale District Council", "Borough of Ashby": a council's name alone on its line. */
export const isCouncilName = (key: string): boolean => key.length <= 80 && councilName.test(key.trim());
const councilName = /^(?:[\p{Lu}][\p{L}'’-]*\s+){1,5}(?:[Cc]ouncil|COUNCIL|[Aa]uthority|AUTHORITY)$|^(?:[Cc]ity|[Bb]orough|[Cc]ounty|[Dd]istrict)\s+of\s+\p{Lu}/u;

/**
 * The committee on its own line with the date and time alone on the next ("Standards Committee",
 * "Tuesday, 14th October, 2025 2.00 pm", or run together as a table's cells come, "6.00pm6 October
 * 2025"), as a page copied without its title line's dash gives them; null when no such pair.
 */
function titleOnTwoLines(lines: readonly SourceLine[], ledger: Ledger): MeetingTitle | null {
  for (let at = 1; at < lines.length; at++) {
    const line = lines[at] as SourceLine;
    const date = line.key.length <= 60 ? findDate(line.key) : null;
    if (date === null) continue;
    // Nothing on the line but the date, a weekday and the time.
    const rest = `${line.key.slice(0, date.start)} ${line.key.slice(date.end)}`.replace(/\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?/gi, '');
    if (!onlyWeekday.test(rest.replace(/\bat\b/gi, ''))) continue;
    const named = lines[at - 1] as SourceLine;
    if (named.key.length > 120 || findDate(named.key) !== null || layoutLines.has(named.key.toLowerCase()) || /[.:;]$/.test(named.key) || isCouncilName(named.key)) return null;
    ledger.place(named);
    ledger.place(line);
    return { committee: named.key.trim(), date: date.iso, startTime: findTime(line.key)?.time ?? null };
  }
  return null;
}

/** A page's meeting: what its header says, with the items read from below it and the times and substitutes their minutes named. Pages list no attendance. */
export function pageMeeting(header: PageHeader, items: Item[], numberingStyle: ImportedMeeting['numberingStyle'], notes: MeetingNotes): ImportedMeeting {
  const attendance = noAttendance();
  apologiesFromItems(items, attendance);
  return {
    committee: { name: header.title?.committee ?? '', council: header.council },
    date: header.title?.date ?? null,
    startTime: header.title?.startTime ?? null,
    ...meetingTimes(notes),
    venue: header.venue,
    contact: header.contact,
    attendance: withSubstitutes(attendance, notes),
    numberingStyle,
    items,
  };
}
