// Which lifecycle step may be taken from which status (DOMAIN.md, "Life of a set of minutes"; issue 9):
// draft → circulated → agreed at a later meeting → signed by the Chair; circulated minutes may go
// back to draft; nothing goes back once agreed. Pure: electron/services/meetingLibrary.ts enforces it.
import type { LifecycleStepName } from '../model/lifecycle.js';
import type { Meeting, MeetingStatus, MeetingSummary } from '../model/meeting.js';
import { formatProseDate } from '../dates.js';

/** The status each step starts from, and the one it leaves the meeting in. */
export const transitions: Readonly<Record<Exclude<LifecycleStepName, 'published'>, { from: MeetingStatus; to: MeetingStatus }>> = {
  circulated: { from: 'draft', to: 'circulated' },
  'returned-to-draft': { from: 'circulated', to: 'draft' },
  agreed: { from: 'circulated', to: 'agreed' },
  signed: { from: 'agreed', to: 'signed' },
};

const stepWords: Record<keyof typeof transitions, string> = {
  circulated: 'circulated',
  'returned-to-draft': 'put back to draft',
  agreed: 'agreed',
  signed: 'signed',
};

/**
 * A signed meeting is locked: nothing changes it but the register's marks (kept apart from the signed
 * record). An imported 'published' meeting is read-only but not locked: it was never signed here, so
 * a better copy of the published record may still replace it.
 */
export const isLocked = (meeting: Pick<Meeting, 'status' | 'lifecycle'> | Pick<MeetingSummary, 'status' | 'signed'>): boolean =>
  meeting.status === 'signed' || ('signed' in meeting ? meeting.signed : (meeting.lifecycle?.signed ?? null) !== null);

/** "The minutes of 13 July 2017 are signed and locked: <what>." for every refusal of a change to a locked meeting. */
export const lockedMessage = (meeting: Pick<Meeting, 'date'>, what: string): string =>
  `The minutes of ${formatProseDate(meeting.date)} are signed and locked: ${what}. Signed minutes cannot be changed; a correction is minuted at a later meeting.`;

/** Why the step cannot be taken from the meeting's status, in the clerk's words; null when it can. */
export function transitionRefusal(meeting: Pick<Meeting, 'status' | 'date' | 'lifecycle'>, step: keyof typeof transitions): string | null {
  if (isLocked(meeting)) return lockedMessage(meeting, `they cannot be ${stepWords[step]}`);
  const { from } = transitions[step];
  if (meeting.status === from) return null;
  return `The minutes of ${formatProseDate(meeting.date)} are ${meeting.status}: only ${from} minutes can be ${stepWords[step]}.`;
}

/** Circulated and agreed minutes are frozen: what members were sent, or what a later meeting agreed, is the record, and no import replaces it. */
export const isFrozen = (meeting: Pick<Meeting, 'status'> | Pick<MeetingSummary, 'status'>): boolean => meeting.status === 'circulated' || meeting.status === 'agreed';
