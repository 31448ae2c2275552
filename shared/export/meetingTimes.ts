// The meeting's times as the formal minutes print them after the last item: each adjournment, then
// "(Meeting closed at 4:30pm)" (seed 003), in the closing line's own style of time.
import { formatClosingTime } from '../dates.js';
import { adjournmentsOf, type Adjournment, type Meeting } from '../model/meeting.js';

/** "(Meeting adjourned at 3:10pm for a comfort break and reconvened at 3:25pm)"; "(Meeting adjourned at 3:10pm)" when it did not resume. */
export const adjournmentLine = (adjournment: Adjournment): string => {
  const note = adjournment.note.trim() === '' ? '' : ` ${adjournment.note.trim()}`;
  const resumed = adjournment.to === null ? '' : ` and reconvened at ${formatClosingTime(adjournment.to)}`;
  return `(Meeting adjourned at ${formatClosingTime(adjournment.from)}${note}${resumed})`;
};

/** "(Meeting closed at 4:30pm)", or null while the closing time is not recorded. */
export const closingLine = (meeting: Pick<Meeting, 'closingTime'>): string | null =>
  meeting.closingTime === null ? null : `(Meeting closed at ${formatClosingTime(meeting.closingTime)})`;

/** The lines after the last item: the adjournments in order, then the closing time. */
export const meetingTimeLines = (meeting: Pick<Meeting, 'closingTime' | 'adjournments'>): string[] => {
  const closed = closingLine(meeting);
  return [...adjournmentsOf(meeting).map(adjournmentLine), ...(closed === null ? [] : [closed])];
};
