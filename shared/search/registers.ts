// The clerk's registers, read off the minutes: every resolution, every request for information (the
// "Outstanding Issues" list), members' declarations of interest by member, and each member's
// attendance through each municipal year. Pure functions over the
// library's meetings; the caller filters (by committee, year, status) as the screen needs. Meetings run
// newest first; within a meeting entries stay in agenda order, the order the business was taken.
import type { DeclarationAction, RequestStatus } from '../editor/schema.js';
import { declarationActionWords } from '../export/outline.js';
import type { Committee } from '../model/committee.js';
import { declarationKindLabel } from '../model/declarationKinds.js';
import type { Meeting } from '../model/meeting.js';
import { municipalYearLabel, municipalYearOf } from '../numbering.js';
import { committeeOfMeeting, minutePlace, newestFirst, type MinutePlace } from './citation.js';
import { itemWording, type ItemWording, type ResolutionLine } from './minutesText.js';

/** One resolution; `title`, `citation` and the rest say which minute it was made under. */
export interface ResolutionEntry extends MinutePlace {
  unanimous: boolean;
  /** "RESOLVED that the Scrutiny Board noted the update …"; just "RESOLVED that" when the parts carry the wording. */
  opening: string;
  /** The numbered parts and bullets after the opening, in order. */
  parts: ResolutionLine[];
}

export interface RequestEntry extends MinutePlace {
  requestId: string;
  /** What was asked for. */
  asked: string;
  askedOf: string;
  status: RequestStatus;
}

/** One declaration; the place is the Declarations of Interests item it was minuted under. */
export interface DeclarationEntry extends MinutePlace {
  /** The name as minuted ("Cllr J Smith"). */
  member: string;
  /** An id from the committee's kinds of interest (shared/model/declarationKinds.ts). */
  kind: string;
  /** The kind as the committee prints it: "prejudicial interest", "declaration of lobbying". */
  kindLabel: string;
  /** The agenda item the interest concerns, as the clerk wrote it; may be blank. */
  item: string;
  /** What the member did; '' when not recorded. */
  action: DeclarationAction;
  /** The action in words ("left the room for the item"); '' when not recorded. */
  actionWords: string;
  /** What was declared. */
  text: string;
}

/** The four registers of a library, as `registers:open` answers. */
export interface LibraryRegisters {
  resolutions: ResolutionEntry[];
  requests: RequestEntry[];
  declarations: MemberDeclarations[];
  attendance: AttendanceRecord[];
}

export interface MemberDeclarations {
  /** The member's name in a settled form: single spaces, "Councillor" for "Cllr". */
  member: string;
  /** Newest first. */
  declarations: DeclarationEntry[];
}

/** Every item of every meeting, newest meeting first, with its place and its wording. */
function* minutesOf(meetings: readonly Meeting[], committees: readonly Committee[]): Generator<[MinutePlace, ItemWording, Committee]> {
  const committeeOf = committeeOfMeeting(committees);
  for (const meeting of newestFirst(meetings)) {
    const committee = committeeOf(meeting);
    for (const item of meeting.items) yield [minutePlace(meeting, item, committee), itemWording(item), committee];
  }
}

export function resolutionsRegister(meetings: readonly Meeting[], committees: readonly Committee[]): ResolutionEntry[] {
  const register: ResolutionEntry[] = [];
  for (const [place, wording] of minutesOf(meetings, committees)) {
    for (const resolution of wording.resolutions) register.push({ ...place, ...resolution });
  }
  return register;
}

/** Requests as minuted; on signed minutes the register's latest mark (lifecycle.requestMarks) is the status, the minutes being locked. */
export function requestsRegister(meetings: readonly Meeting[], committees: readonly Committee[]): RequestEntry[] {
  const register: RequestEntry[] = [];
  const marks = new Map(meetings.flatMap((meeting) => (meeting.lifecycle?.requestMarks ?? []).map((mark) => [`${meeting.id}:${mark.requestId}`, mark.status] as const)));
  for (const [place, wording] of minutesOf(meetings, committees)) {
    for (const request of wording.requests) register.push({ ...place, ...request, status: marks.get(`${place.meetingId}:${request.requestId}`) ?? request.status });
  }
  return register;
}

/**
 * The name in a settled form, so one member's declarations come together however the clerk typed the
 * title: spaces trimmed and collapsed, and "Cllr", "Cllr." and "Councillor" all written "Councillor".
 */
export const memberName = (name: string): string =>
  name
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(cllr\.?|councillor)(?= )/i, 'Councillor');

/**
 * Orders names as a council's lists do, by surname: "Councillor A Ali" before "Councillor R Bigham"
 * before "Councillor J Innes"; the title and initials break ties ("Councillor A Khan" before "Councillor T Khan").
 */
export function bySurname(a: string, b: string): number {
  return ignoringCase.compare(surnameKey(a), surnameKey(b)) || withCase.compare(a, b);
}

// One collator each, made once: `localeCompare` with a locale makes one per call, which made sorting
// a council's members by surname take most of a second.
const ignoringCase = new Intl.Collator('en-GB', { sensitivity: 'base' });
const withCase = new Intl.Collator('en-GB');
/** "Councillor A Khan" → "Khan A": the surname first, titles left out. Remembered, since a sort asks for each name many times. */
const surnameKeys = new Map<string, string>();
function surnameKey(name: string): string {
  let key = surnameKeys.get(name);
  if (key === undefined) {
    const words = name.replace(/^(councillor|cllr\.?|mr|mrs|ms|miss|dr|professor|prof\.?|the rev(erend)?\.?)\s+/i, '').split(' ');
    key = `${words.at(-1) ?? ''} ${words.slice(0, -1).join(' ')}`;
    // Names are few (a council's members and officers), but a long run must not grow without bound.
    if (surnameKeys.size > 50_000) surnameKeys.clear();
    surnameKeys.set(name, key);
  }
  return key;
}

/** Every declaration, newest meeting first, in the order minuted. */
export function declarationEntries(meetings: readonly Meeting[], committees: readonly Committee[]): DeclarationEntry[] {
  const entries: DeclarationEntry[] = [];
  for (const [place, wording, committee] of minutesOf(meetings, committees)) {
    for (const { member, kind, item, action, text } of wording.declarations) {
      const kindLabel = declarationKindLabel(committee.declarationKinds, kind);
      entries.push({ ...place, member, kind, kindLabel, item, action, actionWords: action === '' ? '' : declarationActionWords[action], text });
    }
  }
  return entries;
}

/** Declarations (in the order given) grouped by member, members by surname; a declaration with no member named is grouped under "". */
export function groupedByMember(entries: readonly DeclarationEntry[]): MemberDeclarations[] {
  const byMember = new Map<string, MemberDeclarations>();
  for (const declaration of entries) {
    const name = memberName(declaration.member);
    // Case is not part of a name: "J SMITH" and "J Smith" are one member.
    const key = name.toLowerCase();
    const entry = byMember.get(key) ?? { member: name, declarations: [] };
    entry.declarations.push(declaration);
    byMember.set(key, entry);
  }
  return [...byMember.values()].sort((a, b) => bySurname(a.member, b.member));
}

/** Declarations grouped by member, members by surname, each member's newest first. */
export const declarationsByMember = (meetings: readonly Meeting[], committees: readonly Committee[]): MemberDeclarations[] =>
  groupedByMember(declarationEntries(meetings, committees));

/**
 * One member's attendance at one committee's meetings in one municipal year. Each meeting counts once,
 * in the first of: present (as a member, a co-opted member or a substitute), apologies (sent, or
 * another member substituting for them), absent (a member of the committee neither present nor
 * sending apologies). `substituted` and `asSubstitute` count alongside: meetings at which another
 * member substituted for them, and meetings they attended as a substitute.
 */
export interface AttendanceRecord {
  member: string;
  committeeId: string;
  committee: string;
  /** "2016/17". */
  municipalYear: string;
  /** The meetings counted: every meeting of the year for a member of the committee, else those the member was recorded at. */
  meetings: number;
  present: number;
  apologies: number;
  absent: number;
  substituted: number;
  asSubstitute: number;
  /** Whole per cents of `meetings` (0 when there are none). */
  percentPresent: number;
  percentApologies: number;
  percentAbsent: number;
}

const percent = (count: number, of: number): number => (of === 0 ? 0 : Math.round((count / of) * 100));

/**
 * The attendance register (issue 10): a record per member per committee per municipal year, from each
 * meeting's attendance and the committee's members (who are absent when not recorded; Local
 * Government Act 1972, Schedule 12, paragraph 40, has the names of those present recorded). Committees
 * in name order, then years newest first, then members by surname.
 */
export function attendanceRegister(meetings: readonly Meeting[], committees: readonly Committee[]): AttendanceRecord[] {
  const committeeOf = committeeOfMeeting(committees);
  const records = new Map<string, AttendanceRecord>();
  for (const meeting of meetings) {
    const committee = committeeOf(meeting);
    const year = municipalYearLabel(municipalYearOf(meeting.date, committee.municipalYearStartMonth));
    const { attendance } = meeting;
    const named = (names: readonly string[]) => new Set(names.map(memberName).filter((name) => name !== '').map((name) => name.toLowerCase()));
    const present = named([...attendance.members, ...attendance.coOpted].map((row) => row.name));
    const substitutes = named(attendance.substitutes.map((row) => row.name));
    const substitutedFor = named(attendance.substitutes.map((row) => row.substitutingFor));
    const apologies = named(attendance.apologies.map((row) => row.name));
    const names = new Map<string, string>();
    for (const name of [...committee.members.map((member) => member.name), ...attendance.members.map((row) => row.name), ...attendance.coOpted.map((row) => row.name), ...attendance.substitutes.flatMap((row) => [row.name, row.substitutingFor]), ...attendance.apologies.map((row) => row.name)]) {
      const settled = memberName(name);
      if (settled !== '' && !names.has(settled.toLowerCase())) names.set(settled.toLowerCase(), settled);
    }
    const members = new Set(committee.members.map((member) => memberName(member.name).toLowerCase()));
    for (const [key, name] of names) {
      const here = present.has(key) || substitutes.has(key);
      const excused = apologies.has(key) || substitutedFor.has(key);
      if (!here && !excused && !members.has(key)) continue;
      const id = `${committee.id}|${year}|${key}`;
      const record = records.get(id) ?? { member: name, committeeId: committee.id, committee: committee.name, municipalYear: year, meetings: 0, present: 0, apologies: 0, absent: 0, substituted: 0, asSubstitute: 0, percentPresent: 0, percentApologies: 0, percentAbsent: 0 };
      record.meetings++;
      if (here) record.present++;
      else if (excused) record.apologies++;
      else record.absent++;
      if (substitutedFor.has(key)) record.substituted++;
      if (substitutes.has(key)) record.asSubstitute++;
      records.set(id, record);
    }
  }
  return [...records.values()]
    .map((record) => ({ ...record, percentPresent: percent(record.present, record.meetings), percentApologies: percent(record.apologies, record.meetings), percentAbsent: percent(record.absent, record.meetings) }))
    .sort((a, b) => withCase.compare(a.committee, b.committee) || b.municipalYear.localeCompare(a.municipalYear) || bySurname(a.member, b.member));
}
