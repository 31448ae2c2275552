// The sentences councils print for comings and goings during a meeting (DOMAIN.md, "Attendance":
// members arriving late or leaving at an item, leaving the room for an item because of an interest,
// the Vice-Chair taking the chair, adjournments). Live capture writes them into new
// `attendance_event` blocks and the importers use them when a block's own sentence is empty; the
// exports print the block's text, which the clerk may have reworded.
import { formatClockTime } from '../dates.js';
import type { AttendanceEventAttrs } from '../editor/schema.js';

/**
 * The council's sentence for an event, e.g.
 * `{ member: 'Councillor Bigham', event: 'left-for-item', time: '', reason: 'declared a prejudicial interest' }` →
 * "Councillor Bigham, having declared a prejudicial interest, left the meeting during consideration of this item."
 * A reason follows "having" (it is written as a past clause); for an adjournment it follows the time
 * ("for a comfort break"). The member is not named for an adjournment or a resumption.
 */
export function attendanceEventText(attrs: AttendanceEventAttrs): string {
  const member = attrs.member.trim() === '' ? 'A member' : attrs.member.trim();
  const at = attrs.time === '' ? '' : ` at ${formatClockTime(attrs.time)}`;
  const reason = attrs.reason.trim();
  const having = reason === '' ? '' : `, having ${reason},`;
  switch (attrs.event) {
    case 'arrived':
      return `${member}${having} arrived at the meeting${at === '' ? ' during consideration of this item' : at}.`;
    case 'left':
      return `${member}${having} left the meeting${at}.`;
    case 'left-for-item':
      return `${member}${having} left the meeting during consideration of this item${at === '' ? '' : ` (${formatClockTime(attrs.time)})`}.`;
    case 'returned':
      return `${member}${having} returned to the meeting${at}.`;
    case 'took-chair':
      return `${member}${having} took the Chair for this item${at}.`;
    case 'left-chair':
      return `${member}${having} vacated the Chair${at}.`;
    case 'adjourned':
      return `The meeting adjourned${at}${reason === '' ? '' : ` ${reason}`}.`;
    case 'resumed':
      return `The meeting reconvened${at}.`;
  }
}
