// What an item's minutes say about the meeting as a whole rather than the item: the starting time
// ("The meeting commenced at 4.00 pm", where the heading gives none), the closing time
// ("(Meeting closed at 4.30 pm)", "The meeting closed at 4:30pm", seed 003), adjournments ("(Meeting
// adjourned at 3.10 pm and reconvened at 3.25 pm)", as shared/export/meetingTimes.ts prints them)
// and substitutes named in the minutes. Every form prints the times after its last item, where a
// reader would otherwise take them for that item's minutes; they are gathered here for the meeting.
import type { Attendance } from '../model/attendance.js';
import type { Adjournment } from '../model/meeting.js';
import { findTime } from './datesAndTimes.js';

export interface MeetingNotes {
  closingTime: string | null;
  adjournments: Adjournment[];
  /** Substitutes the minutes name ("Councillor X substituting for Councillor Y"), for the attendance. */
  substitutes: Attendance['substitutes'];
}

export const noMeetingNotes = (): MeetingNotes => ({ closingTime: null, adjournments: [], substitutes: [] });

const meetingClosed =
  /^\(?\s*(?:there\s+being\s+no\s+(?:further|other)\s+business\s*,?\s*)?(?:close\s+of\s+(?:the\s+)?meeting\s*:|(?:the\s+)?meeting\s+(?:closed|ended|finished|terminated|rose|concluded)(?:\s+at\b|\s*:)|the\s+(?:chair(?:man|woman|person)?|mayor|provost|convener|convenor)\s+(?:closed|declared\s+the\s+meeting\s+closed)(?:\s+the\s+meeting)?\s+at\b)/i;

/** "(Meeting closed at 4:30pm)", "The meeting ended at 9.05 pm.", "The Chair closed the meeting at 11.45 am.", "There being no further business, the meeting closed at …", "Close of meeting: 9.15pm": the closing time, or null. Only such a line, nothing after the time. */
export function closingTimeOf(key: string): string | null {
  if (key.length > 120 || !meetingClosed.test(key)) return null;
  const found = findTime(key);
  return found === null ? null : found.time;
}

const meetingStarted = /^\(?\s*(?:the\s+)?meeting\s+(?:commenced|began|started|opened|convened|was\s+opened)\s+at\b/i;

/** "The meeting commenced at 4.00 pm.", "(The meeting began at 6.30 pm)": the starting time, or null. Only such a line, nothing after the time. */
export function startingTimeOf(key: string): string | null {
  if (key.length > 120 || !meetingStarted.test(key)) return null;
  return findTime(key)?.time ?? null;
}

const adjournedAt = /^(\()?\s*(?:the\s+)?meeting\s+(?:was\s+)?adjourned\s+at\s+/i;
const reconvened = /\s*(?:,\s*)?and\s+(?:was\s+)?(?:reconvened|resumed|reassembled)\s+at\s+/i;

/**
 * "(Meeting adjourned at 3.10 pm for a comfort break and reconvened at 3.25 pm)", "(Meeting adjourned
 * at 3:10pm)", "The meeting was adjourned at 2.50 pm and resumed at 3.05 pm.": an adjournment of the
 * meeting, or null. Without brackets and without the resumption the sentence is the item's event
 * ("The meeting adjourned at 3.10 pm for a comfort break."), read by comingsAndGoings.ts.
 */
export function adjournmentOf(key: string): Adjournment | null {
  if (key.length > 200) return null;
  const opening = adjournedAt.exec(key);
  if (opening === null) return null;
  const bracketed = opening[1] !== undefined;
  const body = key.slice(opening[0].length).replace(/\)?\.?\s*$/, '');
  const from = findTime(body);
  if (from === null || from.start !== 0) return null;
  const resumed = reconvened.exec(body);
  if (resumed === null && !bracketed) return null;
  const fromEnd = body.slice(0, resumed?.index ?? body.length);
  const note = fromEnd.replace(/^\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.?\s?m\b\.?)?/i, '').trim();
  const to = resumed === null ? null : findTime(body.slice(resumed.index + resumed[0].length));
  if (resumed !== null && to === null) return null;
  return { from: from.time, to: to?.time ?? null, note };
}

/** The closing time and, when there were any, the adjournments, as an imported meeting holds them (absent adjournments are none, as in the model). */
export const meetingTimes = (notes: MeetingNotes): { closingTime: string | null; adjournments?: Adjournment[] } =>
  notes.adjournments.length === 0 ? { closingTime: notes.closingTime } : { closingTime: notes.closingTime, adjournments: [...notes.adjournments] };

/** The attendance with the substitutes the minutes named added, each once. */
export function withSubstitutes(attendance: Attendance, notes: MeetingNotes): Attendance {
  const known = new Set(attendance.substitutes.map((substitute) => substitute.name));
  const added = notes.substitutes.filter((substitute) => !known.has(substitute.name) && known.add(substitute.name));
  return added.length === 0 ? attendance : { ...attendance, substitutes: [...attendance.substitutes, ...added] };
}
