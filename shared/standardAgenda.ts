// New committees get the standard agenda most English councils use; new meetings start from their
// committee's template, so the clerk types the substance rather than the boilerplate.
import { minutesApproval, noDeclarations, paragraph } from './editor/blocks.js';
import { noAttendance, type Attendance } from './model/attendance.js';
import { nilDeclarationsStatement } from './model/declarationKinds.js';
import type { Committee, StandardAgendaItem } from './model/committee.js';
import type { Item, Meeting, MinutesNodeJSON } from './model/meeting.js';

export const defaultStandardAgenda: StandardAgendaItem[] = [
  { title: 'Declarations of Interests', kind: 'declarations', source: '', agendaText: '' },
  {
    title: 'Minutes',
    kind: 'previous-minutes',
    source: '',
    agendaText: 'a) To agree the minutes of the previous meeting\nb) Matters Arising',
  },
  { title: 'Outstanding Issues', kind: 'general', source: 'Briefing Note of the Scrutiny Co-ordinator', agendaText: '' },
  { title: 'Work Programme', kind: 'general', source: 'Briefing Note of the Scrutiny Co-ordinator', agendaText: '' },
  {
    title: 'Any Other Business',
    kind: 'any-other-business',
    source: '',
    agendaText:
      'Any other items of business which the Chair decides to take as matters of urgency because of the special circumstances involved.',
  },
];

/** What a new meeting minutes under Any Other Business until there is some (the council's form). */
export const NO_OTHER_BUSINESS = 'There were no other items of business.';

function startingMinutes(template: StandardAgendaItem, previousMeetingDate: string | null, kinds: Committee['declarationKinds']): MinutesNodeJSON[] {
  switch (template.kind) {
    case 'declarations':
      return [noDeclarations(nilDeclarationsStatement(kinds))];
    case 'previous-minutes':
      return [minutesApproval(previousMeetingDate ?? '')];
    case 'any-other-business':
      return [paragraph(NO_OTHER_BUSINESS)];
    case 'general':
      return [paragraph()];
  }
}

/** The committee's membership as the starting attendance: the clerk then marks apologies and visitors. */
export function attendanceFromMembership(committee: Committee): Attendance {
  const attendance = noAttendance();
  for (const member of committee.members) {
    if (member.role === 'co-opted') attendance.coOpted.push({ name: member.name, voting: member.voting });
    else attendance.members.push({ name: member.name, chair: member.role === 'chair' });
  }
  return attendance;
}

export interface NewMeetingDetails {
  id: string;
  date: string;
  startTime: string;
  venue: string;
  /** Date of the committee's previous meeting, whose minutes this one agrees. */
  previousMeetingDate: string | null;
  now: string;
  newId: () => string;
}

export function meetingFromStandardAgenda(committee: Committee, details: NewMeetingDetails): Meeting {
  const items: Item[] = committee.standardAgenda.map((template, index) => ({
    id: details.newId(),
    minuteNumber: index + 1,
    title: template.title,
    source: template.source,
    business: 'public',
    agendaText: template.agendaText,
    documents: [],
    minutes: startingMinutes(template, details.previousMeetingDate, committee.declarationKinds),
  }));
  if (items.length === 0) {
    items.push({
      id: details.newId(),
      minuteNumber: 1,
      title: 'Untitled item',
      source: '',
      business: 'public',
      agendaText: '',
      documents: [],
      minutes: [paragraph()],
    });
  }
  return {
    id: details.id,
    committeeId: committee.id,
    date: details.date,
    startTime: details.startTime,
    closingTime: null,
    venue: details.venue,
    contact: committee.contact,
    attendance: attendanceFromMembership(committee),
    status: 'draft',
    firstMinuteNumber: null,
    items,
    revision: 0,
    updatedAt: details.now,
  };
}
