// Where a minute sits in the library and how it is cited ("81/16"). The search index, the registers and
// the reference resolver all point at minutes through this one shape, so a result, a register line and a
// resolved citation name the same minute the same way.
import type { Committee } from '../model/committee.js';
import type { Item, Meeting } from '../model/meeting.js';
import { minuteCitationOf, minuteYearsOf, normaliseCitation } from '../numbering.js';
import { heldAtKey } from '../dates.js';

/** One agenda item's minute, as the registers, the references and the search results point at it. */
export interface MinutePlace {
  meetingId: string;
  itemId: string;
  committeeId: string;
  /** The meeting's date, ISO ("2017-04-27"). */
  date: string;
  minuteNumber: number;
  /** "81/16" (the number and the two-digit year the municipal year began), or as the committee prints it ("EX23", "26/14"), canonical (normaliseCitation). */
  citation: string;
  /** The item's title. */
  title: string;
}

/** "meetingId:itemId": the one key for an item across the index, the registers and the references. */
export const itemKey = (meetingId: string, itemId: string): string => `${meetingId}:${itemId}`;

export function minutePlace(meeting: Meeting, item: Item, committee: Committee): MinutePlace {
  return {
    meetingId: meeting.id,
    itemId: item.id,
    committeeId: meeting.committeeId,
    date: meeting.date,
    minuteNumber: item.minuteNumber,
    citation: placeCitation(meeting, item, committee),
    title: item.title,
  };
}

/**
 * Looks up each meeting's committee. The municipal year, and so every citation, depends on the committee's
 * start month: a meeting without its committee is a broken library, and guessing May would misnumber it.
 */
export function committeeOfMeeting(committees: readonly Committee[]): (meeting: Meeting) => Committee {
  const byId = new Map(committees.map((committee) => [committee.id, committee]));
  return (meeting) => {
    const committee = byId.get(meeting.committeeId);
    if (committee === undefined) throw new Error(`The committee of the meeting of ${meeting.date} (${meeting.committeeId}) is not in the library.`);
    return committee;
  };
}

/** Meetings newest first: the order registers are read in. Two meetings on one day go by start time. */
export const newestFirst = (meetings: readonly Meeting[]): Meeting[] =>
  [...meetings].sort((a, b) => heldAtKey(b).localeCompare(heldAtKey(a)));

export { normaliseCitation };

/** How other minutes cite the item, canonical: "59/16", "EX23", "26/14" (shared/numbering.ts minuteCitationOf). */
export function placeCitation(meeting: Pick<Meeting, 'date'>, item: Item, committee: Pick<Committee, 'municipalYearStartMonth' | 'numberingStyle'>): string {
  const citation = minuteCitationOf(item, minuteYearsOf(meeting.date, committee.municipalYearStartMonth), committee.numberingStyle);
  return normaliseCitation(citation) ?? citation;
}
