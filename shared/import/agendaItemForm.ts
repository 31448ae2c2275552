// The council's single "Agenda item" page (seed 002): "Agenda item", the title, the source, the agenda
// text, "Minutes:" and the minutes, an optional "Decision:", then "Supporting documents:" with one
// paper a line. Some sites add "Meeting: 22/10/2025 - <Committee> (Item 6.)", which gives the meeting.
import { noAttendance } from '../model/attendance.js';
import { findDate } from './datesAndTimes.js';
import type { ImportedMeeting } from './importedMeeting.js';
import { assembleItem, itemLabel } from './items.js';
import type { SourceLine } from './lines.js';
import { meetingTimes, withSubstitutes } from './meetingNotes.js';
import type { Reading } from './minutesGrammar.js';
import { readItemHeading, sectionMinutes, sectionsOf, supportingDocuments } from './pageItem.js';

export const isAgendaItemHeading = (key: string): boolean => /^agenda item$/i.test(key.trim());

const meetingLine = /^meeting\s*:\s*/i;

/** "Meeting: 22/10/2025 - Education and Children's Services Scrutiny Board (2) (Item 6.)" */
function meetingOf(key: string): { date: string | null; committee: string } {
  const found = findDate(key);
  let named = key.slice(found?.end ?? meetingLine.exec(key)?.[0].length ?? 0).replace(/^\s*[-–]\s*/, '');
  const itemNote = named.lastIndexOf('(');
  if (itemNote >= 0 && /^\(item\b/i.test(named.slice(itemNote)) && named.endsWith(')')) named = named.slice(0, itemNote);
  return { date: found?.iso ?? null, committee: named.trim() };
}

export function readAgendaItem(lines: readonly SourceLine[], reading: Reading): ImportedMeeting {
  const { ledger, newId } = reading;
  const start = lines.findIndex((line) => isAgendaItemHeading(line.key));
  const { before, sections } = sectionsOf(lines.slice(start + 1), ledger);
  if (start >= 0) ledger.place(lines[start] as SourceLine);
  const meetingAt = before.findIndex((line) => meetingLine.test(line.key));
  const meetingText = before[meetingAt];
  if (meetingText !== undefined) ledger.place(meetingText);
  const { date, committee } = meetingText === undefined ? { date: null, committee: '' } : meetingOf(meetingText.key);
  const [titleLine, ...rest] = before.filter((_line, at) => at !== meetingAt);
  if (titleLine !== undefined) ledger.place(titleLine);
  const { title, source, agendaText, documents } = readItemHeading(titleLine?.text ?? '', rest, ledger);
  const supporting = supportingDocuments(sections['supporting documents'], ledger);
  const context = { ...reading, item: itemLabel(1, title) };
  const item = assembleItem(
    { minuteNumber: 1, title, source, business: 'public', agendaText, documents: [...documents, ...supporting], minutes: sectionMinutes(sections, context) },
    newId,
    ledger,
  );
  return {
    committee: { name: committee, council: null },
    date,
    startTime: null,
    ...meetingTimes(reading.notes),
    venue: '',
    contact: null,
    attendance: withSubstitutes(noAttendance(), reading.notes),
    numberingStyle: null,
    items: [item],
  };
}
