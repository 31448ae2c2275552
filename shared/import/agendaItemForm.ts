// The council's single "Agenda item" page (seed 002): "Agenda item", the title, the source, the agenda
// text, "Minutes:" and the minutes, an optional "Decision:", then "Supporting documents:" with one
// paper a line. Some sites add "Meeting: 22/10/2025 - <Committee> (Item 6.)", which gives the meeting.
import { noAttendance } from '../model/attendance.js';
import { plainNumbering } from '../model/committee.js';
import { findDate } from './datesAndTimes.js';
import type { ImportedMeeting } from './importedMeeting.js';
import { assembleItem, itemLabel } from './items.js';
import type { SourceLine } from './lines.js';
import { meetingTimes, withSubstitutes } from './meetingNotes.js';
import { isCouncilName } from './pageHeader.js';
import type { Reading } from './minutesGrammar.js';
import { readItemHeading, sectionMinutes, sectionsOf, supportingDocuments } from './pageItem.js';

export const isAgendaItemHeading = (key: string): boolean => /^agenda item$/i.test(key.trim());

const meetingLine = /^meeting\s*(?::|of\b)\s*/i;
const weekdayAtEnd = /[\s,]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)?[\s,–-]*$/i;

/**
 * "Meeting: 22/10/2025 - Education and Children's Services Scrutiny Board (2) (Item 6.)", or the
 * committee before the date: "Meeting of Cabinet, Wednesday 5 November 2025 (Item 52.)"; with the
 * item's minute number where the note gives it.
 */
function meetingOf(key: string): { date: string | null; committee: string; number: number | null } {
  const found = findDate(key);
  const opening = meetingLine.exec(key)?.[0].length ?? 0;
  let named = key.slice(found?.end ?? opening).replace(/^\s*[-–]\s*/, '');
  const itemNote = named.lastIndexOf('(');
  const note = itemNote < 0 ? null : /^\(item\s+(\d{1,4})\.?\)$/i.exec(named.slice(itemNote).trim());
  if (itemNote >= 0 && /^\(item\b/i.test(named.slice(itemNote)) && named.endsWith(')')) named = named.slice(0, itemNote);
  if (named.trim() === '' && found !== null) named = key.slice(opening, found.start).replace(weekdayAtEnd, '');
  return { date: found?.iso ?? null, committee: named.trim(), number: note === null ? null : Number(note[1]) };
}

export function readAgendaItem(lines: readonly SourceLine[], reading: Reading): ImportedMeeting {
  const { ledger, newId } = reading;
  const start = lines.findIndex((line) => isAgendaItemHeading(line.key));
  const { before, sections } = sectionsOf(lines.slice(start + 1), ledger);
  if (start >= 0) ledger.place(lines[start] as SourceLine);
  const meetingAt = before.findIndex((line) => meetingLine.test(line.key));
  const meetingText = before[meetingAt];
  if (meetingText !== undefined) ledger.place(meetingText);
  const { date, committee, number } = meetingText === undefined ? { date: null, committee: '', number: null } : meetingOf(meetingText.key);
  // The site's name above "Agenda item" names the council.
  const councilLine = lines.slice(0, Math.max(start, 0)).find((line) => isCouncilName(line.key));
  if (councilLine !== undefined) ledger.place(councilLine);
  const [titleLine, ...rest] = before.filter((_line, at) => at !== meetingAt);
  if (titleLine !== undefined) ledger.place(titleLine);
  const { title, source, agendaText, documents } = readItemHeading(titleLine?.text ?? '', rest, ledger);
  const supporting = supportingDocuments(sections['supporting documents'], ledger);
  const context = { ...reading, item: itemLabel(number ?? 1, title) };
  const item = assembleItem(
    { minuteNumber: number ?? 1, ...(number === null ? {} : { printedNumber: `${number}.` }), title, source, business: 'public', agendaText, documents: [...documents, ...supporting], minutes: sectionMinutes(sections, context) },
    newId,
    ledger,
  );
  return {
    committee: { name: committee, council: councilLine?.key.trim() ?? null },
    date,
    startTime: null,
    ...meetingTimes(reading.notes),
    venue: '',
    contact: null,
    attendance: withSubstitutes(noAttendance(), reading.notes),
    numberingStyle: number === null ? null : plainNumbering,
    items: [item],
  };
}
