// The clerk's registers, read off the minutes: every resolution, every request for information (the
// "Outstanding Issues" list) and members' declarations of interest by member. Pure functions over the
// library's meetings; the caller filters (by committee, year, status) as the screen needs. Meetings run
// newest first; within a meeting entries stay in agenda order, the order the business was taken.
import type { RequestStatus } from '../editor/schema.js';
import type { Committee } from '../model/committee.js';
import type { Meeting } from '../model/meeting.js';
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
  /** The agenda item the interest concerns, as the clerk wrote it; may be blank. */
  item: string;
  /** What was declared. */
  text: string;
}

export interface MemberDeclarations {
  /** The member's name in a settled form: single spaces, "Councillor" for "Cllr". */
  member: string;
  /** Newest first. */
  declarations: DeclarationEntry[];
}

/** Every item of every meeting, newest meeting first, with its place and its wording. */
function* minutesOf(meetings: readonly Meeting[], committees: readonly Committee[]): Generator<[MinutePlace, ItemWording]> {
  const committeeOf = committeeOfMeeting(committees);
  for (const meeting of newestFirst(meetings)) {
    const committee = committeeOf(meeting);
    for (const item of meeting.items) yield [minutePlace(meeting, item, committee), itemWording(item)];
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

/** Declarations grouped by member, members in alphabetical order; a declaration with no member named is grouped under "". */
export function declarationsByMember(meetings: readonly Meeting[], committees: readonly Committee[]): MemberDeclarations[] {
  const byMember = new Map<string, MemberDeclarations>();
  for (const [place, wording] of minutesOf(meetings, committees)) {
    for (const { member, kind, item, text } of wording.declarations) {
      const name = memberName(member);
      // Case is not part of a name: "J SMITH" and "J Smith" are one member.
      const key = name.toLowerCase();
      const entry = byMember.get(key) ?? { member: name, declarations: [] };
      entry.declarations.push({ ...place, member, kind, item, text });
      byMember.set(key, entry);
    }
  }
  return [...byMember.values()].sort((a, b) => a.member.localeCompare(b.member, 'en-GB'));
}
