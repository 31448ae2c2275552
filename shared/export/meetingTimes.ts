// The meeting's times as the minutes print them after the last item: each adjournment, then
// "(Meeting closed at 4:30pm)" (seed 003). Each form keeps its own style of time: the formal minutes
// "4:30pm" (seed 003), the Agenda and minutes page "4.30 pm" as its header prints the start (seeds 001, 004).
import { formatClosingTime } from '../dates.js';
import { adjournmentsOf, type Adjournment, type Meeting } from '../model/meeting.js';

/** "(Meeting adjourned at 3:10pm for a comfort break and reconvened at 3:25pm)"; "(Meeting adjourned at 3:10pm)" when it did not resume. */
export const adjournmentLine = (adjournment: Adjournment, time: TimeStyle = formatClosingTime): string => {
  const note = adjournment.note.trim() === '' ? '' : ` ${adjournment.note.trim()}`;
  const resumed = adjournment.to === null ? '' : ` and reconvened at ${time(adjournment.to)}`;
  return `(Meeting adjourned at ${time(adjournment.from)}${note}${resumed})`;
};

/** How a form writes a time of day from "HH:mm" (shared/dates.ts). */
export type TimeStyle = (time: string) => string;

/** "(Meeting closed at 4:30pm)", or null while the closing time is not recorded. */
export const closingLine = (meeting: Pick<Meeting, 'closingTime'>, time: TimeStyle = formatClosingTime): string | null =>
  meeting.closingTime === null ? null : `(Meeting closed at ${time(meeting.closingTime)})`;

/** The lines after the last item: the adjournments in order, then the closing time. */
export const meetingTimeLines = (meeting: Pick<Meeting, 'closingTime' | 'adjournments'>, time: TimeStyle = formatClosingTime): string[] => {
  const closed = closingLine(meeting, time);
  return [...adjournmentsOf(meeting).map((adjournment) => adjournmentLine(adjournment, time)), ...(closed === null ? [] : [closed])];
};
