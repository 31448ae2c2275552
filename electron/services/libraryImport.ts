// Adds meetings read from the archive to the library: each under its committee (created if new),
// kept as published and read-only, a meeting the library already holds skipped or replaced as the
// clerk chose. Meetings the archive leaves undated cannot be placed and are reported, not guessed.
import type { ImportRequest, ImportSummary, ImportedMeetingPayload } from '../../shared/contract.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { noAttendance } from '../../shared/model/attendance.js';
import { Contact } from '../../shared/model/committee.js';
import { UNNAMED_COUNCIL, type MeetingLibrary } from './meetingLibrary.js';

const countResolutions = (meeting: ImportedMeetingPayload): number =>
  meeting.items.reduce((total, item) => total + item.minutes.filter((block) => block.type === 'resolution').length, 0);

/** The archive's contact, without an email address the library could not store. */
function usableContact(contact: NonNullable<ImportedMeetingPayload['contact']>, notes: string[]): Meeting['contact'] {
  if (Contact.safeParse(contact).success) return contact;
  notes.push(`The contact ${contact.name}'s email address "${contact.email}" is not an address and was left out.`);
  return { ...contact, name: contact.name || 'Committee clerk', email: '' };
}

export async function importIntoLibrary(
  library: MeetingLibrary,
  request: ImportRequest,
  context: { now: Date; newId: () => string },
): Promise<{ summary: ImportSummary; stored: Meeting[] }> {
  const stored: Meeting[] = [];
  const summary: ImportSummary = { meetings: 0, items: 0, resolutions: 0, warnings: 0, skipped: 0, replaced: 0, files: [] };
  for (const file of request.files) {
    const notes = [...file.warnings];
    let imported = 0;
    for (const incoming of file.meetings) {
      if (incoming.date === null) {
        notes.push(`${incoming.items.length} item(s) without a meeting date were not imported: the ${file.form} form does not say when the meeting was.`);
        continue;
      }
      const committee = await library.committeeNamed(incoming.committee.name || 'Imported minutes', {
        council: incoming.committee.council ?? UNNAMED_COUNCIL,
        numberingStyle: incoming.numberingStyle ?? 'plain',
      });
      const existing = library.meetingOn(committee.id, incoming.date);
      if (existing !== undefined && request.onDuplicate === 'skip') {
        summary.skipped++;
        notes.push(`The meeting of ${incoming.date} is already in the library: skipped.`);
        continue;
      }
      const contact = incoming.contact === null ? committee.contact : usableContact(incoming.contact, notes);
      if (incoming.startTime === null) notes.push(`The meeting of ${incoming.date} has no start time in the archive: recorded as 00:00.`);
      const meeting: Meeting = {
        id: context.newId(),
        committeeId: committee.id,
        date: incoming.date,
        startTime: incoming.startTime ?? '00:00',
        closingTime: incoming.closingTime,
        venue: incoming.venue,
        contact,
        attendance: incoming.attendance ?? noAttendance(),
        status: 'published',
        // The archive's numbers are the record: keep them as printed.
        firstMinuteNumber: incoming.items[0]!.minuteNumber,
        items: incoming.items,
        importedFrom: { file: file.fileName, form: file.form, importedAt: context.now.toISOString() },
        revision: 0,
        updatedAt: context.now.toISOString(),
      };
      stored.push(await library.addImportedMeeting(meeting, existing?.id ?? null));
      if (existing !== undefined) summary.replaced++;
      imported++;
      summary.meetings++;
      summary.items += incoming.items.length;
      summary.resolutions += countResolutions(incoming);
    }
    summary.warnings += notes.length;
    summary.files.push({ fileName: file.fileName, imported, notes });
  }
  return { summary, stored };
}
