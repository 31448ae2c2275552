// How long a name or a line may be when a clerk (or a program) enters it. A committee's name is copied
// into every meeting file, so an unbounded one (a 1 MB paste) multiplies; the limits are far above any
// real council's (the longest in the seeds is 52 characters). They apply to what comes in through the
// contract, not to files already on disk, which stay readable whatever they hold.
import type { z } from 'zod';
import type { CommitteeFields } from './committee.js';
import type { Meeting } from './meeting.js';

/** Names of people, committees and councils, phone numbers and email addresses. */
export const NAME_MAX = 200;
/** A venue, an item's title or source. */
export const LINE_MAX = 500;

type Issues = z.core.$RefinementCtx;

function bound(context: Issues, value: string, max: number, path: (string | number)[], what: string): void {
  if (value.length > max) context.addIssue({ code: 'custom', path, message: `${what} is ${value.length.toLocaleString('en-GB')} characters long; Minute Book keeps at most ${max}` });
}

/** Refines a committee's fields: its names, contact and venue within NAME_MAX and LINE_MAX. */
export function committeeWithinBounds(fields: CommitteeFields, context: Issues): void {
  bound(context, fields.name, NAME_MAX, ['name'], 'the committee name');
  bound(context, fields.council, NAME_MAX, ['council'], 'the council name');
  bound(context, fields.defaultVenue, LINE_MAX, ['defaultVenue'], 'the venue');
  bound(context, fields.contact.name, NAME_MAX, ['contact', 'name'], 'the contact name');
  bound(context, fields.contact.phone, NAME_MAX, ['contact', 'phone'], 'the phone number');
  bound(context, fields.contact.email, NAME_MAX, ['contact', 'email'], 'the email address');
  fields.members.forEach((member, index) => bound(context, member.name, NAME_MAX, ['members', index, 'name'], `member ${index + 1}'s name`));
  fields.standardAgenda.forEach((item, index) => bound(context, item.title, LINE_MAX, ['standardAgenda', index, 'title'], `standard item ${index + 1}'s title`));
}

/** Refines a meeting as a window saves it: venue, attendance names and item titles within bounds. */
export function meetingWithinBounds(meeting: Meeting, context: Issues): void {
  bound(context, meeting.venue, LINE_MAX, ['venue'], 'the venue');
  for (const [group, people] of Object.entries(meeting.attendance)) {
    (people as { name: string }[]).forEach((person, index) => bound(context, person.name, NAME_MAX, ['attendance', group, index, 'name'], `a name in the attendance`));
  }
  meeting.items.forEach((item, index) => {
    bound(context, item.title, LINE_MAX, ['items', index, 'title'], `item ${index + 1}'s title`);
    bound(context, item.source, LINE_MAX, ['items', index, 'source'], `item ${index + 1}'s source`);
  });
}
