// What a meeting's lifecycle record says about its agreement and signing, read tolerantly. The record
// (`meeting.lifecycle`: `agreed.meetingDate`, `signed.chair`, `signed.signedOn`) is written by the
// lifecycle on the node side (issue 9); a meeting saved before it existed has none, and a field that
// is missing or not a string reads as not recorded rather than failing a check or an export.
import { numberingStyleFrom, type Committee } from '../model/committee.js';
import type { RecordedCommittee } from '../model/lifecycle.js';
import type { Meeting, MinutesNodeJSON } from '../model/meeting.js';

export interface RecordedLifecycle {
  /** ISO date of the meeting that agreed these minutes as a true record, or null. */
  agreedAtMeetingOf: string | null;
  /** The Chair who signed the minutes ("Councillor J Innes"), or null when unsigned. */
  signedBy: string | null;
  /** When they signed: an ISO date or date-time as recorded, or null. */
  signedOn: string | null;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

const recordedText = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export function recordedLifecycle(meeting: Meeting): RecordedLifecycle {
  const lifecycle = field(meeting, 'lifecycle');
  const signed = field(lifecycle, 'signed');
  return {
    agreedAtMeetingOf: recordedText(field(field(lifecycle, 'agreed'), 'meetingDate')),
    signedBy: recordedText(field(signed, 'chair')),
    signedOn: recordedText(field(signed, 'signedOn')),
  };
}

/** Draft and circulated minutes are not yet the record: every published form says so. */
export const notYetAgreed = (meeting: Pick<Meeting, 'status'>): boolean => meeting.status === 'draft' || meeting.status === 'circulated';

/** What circulating records of the committee (Lifecycle.recordedAs): its heading and how its minute numbers are written. */
export const recordedCommittee = (committee: Committee): RecordedCommittee => ({
  council: committee.council,
  name: committee.name,
  numberingStyle: committee.numberingStyle,
  municipalYearStartMonth: committee.municipalYearStartMonth,
});

/**
 * The committee as these minutes print and number themselves: for circulated, agreed and signed
 * minutes, `committee` with the council, name and numbering recorded when they were circulated, so
 * editing the committee afterwards never changes the record (issue 9: "nothing agreed is ever
 * silently changed"); for drafts, and minutes circulated before this was kept, the committee as it is.
 */
export function committeeAsRecorded<C extends Committee>(committee: C, meeting: Pick<Meeting, 'lifecycle'>): C {
  const recorded = meeting.lifecycle?.recordedAs;
  return recorded === undefined ? committee : { ...committee, ...recorded, numberingStyle: numberingStyleFrom(recorded.numberingStyle) };
}

/**
 * What an approval-of-minutes block (`minutes_approval`) says once the agreement it records is kept
 * with the earlier minutes: its date and outcome, its statement and its amendments, as JSON to
 * compare. Matters arising are left out: they are minuted under the approval after it is agreed.
 */
export const approvalAsAgreed = (block: MinutesNodeJSON): string =>
  JSON.stringify({ attrs: block.attrs ?? {}, content: (block.content ?? []).filter((child) => child.type !== 'matters_arising') });
