// Adds meetings read from the archive to the library: each under its committee (created only when one
// of its meetings is stored), kept as published and read-only — except Minute Book's own archive,
// whose meetings keep their status, so a draft stays a draft. A meeting the library already holds is
// skipped or replaced as the clerk chose; a draft being written in Minute Book is replaced only when
// the clerk confirmed that draft by name, and whatever is replaced is kept and can be restored.
// A meeting must come with its date and committee: the dialog and the command line ask the clerk for
// those a file does not state; one that arrives without them is reported, never guessed. Each stored
// meeting keeps its file's report and what was taken as given (importedFrom.report).
import type { ImportRequest, ImportSummary, ImportedMeetingPayload } from '../../shared/contract.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { noAttendance } from '../../shared/model/attendance.js';
import { Contact, plainNumbering, type Committee } from '../../shared/model/committee.js';
import { municipalYearLabel, municipalYearOf } from '../../shared/numbering.js';
import { CURRENT_SCHEMA_VERSION, checkMeetingFile } from '../../shared/model/files.js';
import { ValidationError } from '../../shared/model/validation.js';
import { LibraryError } from './libraryErrors.js';
import { isFrozen, isLocked } from '../../shared/lifecycle/transitions.js';
import { signatureMatches } from '../../shared/lifecycle/signature.js';
import { formatProseDate } from '../../shared/dates.js';
import { isEditable, UNNAMED_COUNCIL, type MeetingLibrary } from './meetingLibrary.js';

const countResolutions = (meeting: ImportedMeetingPayload): number =>
  meeting.items.reduce((total, item) => total + item.minutes.filter((block) => block.type === 'resolution').length, 0);

/** The archive's contact, without an email address the library could not store. */
function usableContact(contact: NonNullable<ImportedMeetingPayload['contact']>, guesses: string[]): Meeting['contact'] {
  if (Contact.safeParse(contact).success) return contact;
  guesses.push(`The contact ${contact.name}'s email address "${contact.email}" is not an address and was left out.`);
  return { ...contact, name: contact.name || 'Committee clerk', email: '' };
}

/**
 * The meeting with its items numbered on from the committee's earlier meetings of the municipal year in
 * the library (shared/numbering.ts), as a draft would be, when its file printed no minute number for any
 * item (a table-flattened copy, a single item's page: the reader could only count them 1, 2 …); else as
 * read. Says so in `guesses` when it changed them. Not for Minute Book's own archive, which says how it numbered.
 */
function numberedOn(meeting: Meeting, committee: Committee, library: MeetingLibrary, guesses: string[]): Meeting {
  if (meeting.items.some((item) => item.printedNumber !== undefined)) return meeting;
  const first = library.continuingMinuteNumber(meeting, committee);
  if (first === meeting.items[0]!.minuteNumber) return meeting;
  const items = meeting.items.map((item, index) => ({ ...item, minuteNumber: first + index }));
  const year = municipalYearLabel(municipalYearOf(meeting.date, committee.municipalYearStartMonth));
  const numbers = items.length === 1 ? `numbered ${first}` : `numbered ${first}–${first + items.length - 1}`;
  guesses.push(`The meeting of ${formatProseDate(meeting.date)} prints no minute numbers: its items are ${numbers}, on from the committee’s earlier meetings of ${year} in the library.`);
  return { ...meeting, firstMinuteNumber: first, items };
}

/**
 * Stores the request's meetings; answers what was done (per file, with a note for every meeting left
 * out and why) and the meetings as stored. Throws only a read-only library's refusal: a meeting that
 * cannot be stored is reported and the rest go on.
 */
export function importIntoLibrary(
  library: MeetingLibrary,
  request: ImportRequest,
  context: { now: Date; newId: () => string },
): Promise<{ summary: ImportSummary; stored: Meeting[] }> {
  return library.inBatch(() => importFiles(library, request, context));
}

async function importFiles(
  library: MeetingLibrary,
  request: ImportRequest,
  context: { now: Date; newId: () => string },
): Promise<{ summary: ImportSummary; stored: Meeting[] }> {
  const stored: Meeting[] = [];
  const summary: ImportSummary = { meetings: 0, items: 0, resolutions: 0, warnings: 0, skipped: 0, kept: 0, replaced: 0, replacedMeetings: [], addedMeetings: [], files: [] };
  const confirmedDrafts = new Set(request.replaceDrafts);
  const reports = request.files.map((file) => ({ file, notes: [...file.warnings], imported: 0, notImported: 0 }));
  // Oldest first, whatever order the files came in: a meeting whose file prints no minute numbers is
  // numbered on from the committee's earlier meetings of its year, which must be in the library first.
  const inDateOrder = reports
    .flatMap((report) => report.file.meetings.map((incoming) => ({ report, incoming })))
    .sort((a, b) => (a.incoming.date ?? '').localeCompare(b.incoming.date ?? ''));
  for (const { report, incoming } of inDateOrder) {
    const { file, notes } = report;
    const missing = [incoming.date === null ? 'date' : null, incoming.committee.name.trim() === '' ? 'committee' : null].filter((what) => what !== null);
    if (incoming.date === null || missing.length > 0) {
      report.notImported++;
      notes.push(`${incoming.items.length} item(s) were not imported: the file does not state the meeting's ${missing.join(' or ')}; give ${missing.length === 1 ? 'it' : 'them'} when importing.`);
      continue;
    }
    const committeeName = incoming.committee.name.trim();
    const known = library.committeeCalled(committeeName);
    const existing = known === undefined ? undefined : library.meetingOn(known.id, incoming.date);
    if (existing !== undefined && request.onDuplicate === 'skip') {
      summary.skipped++;
      notes.push(`The meeting of ${formatProseDate(incoming.date)} is already in the library: skipped.`);
      continue;
    }
    if (existing !== undefined && isLocked(existing)) {
      summary.skipped++;
      summary.kept++;
      notes.push(`The meeting of ${formatProseDate(incoming.date)} is signed and locked in the library: it was not replaced.`);
      continue;
    }
    if (existing !== undefined && isFrozen(existing)) {
      summary.skipped++;
      summary.kept++;
      notes.push(`The meeting of ${formatProseDate(incoming.date)} is ${existing.status} in the library: it was not replaced (circulated and agreed minutes are frozen).`);
      continue;
    }
    const replacingDraft = existing !== undefined && isEditable(existing);
    if (replacingDraft && !confirmedDrafts.has(existing.id)) {
      summary.skipped++;
      notes.push(`The meeting of ${formatProseDate(incoming.date)} is a draft being written in Minute Book: it was not replaced, because that was not confirmed.`);
      continue;
    }
    const archivedId = incoming.archived?.id;
    const guesses = [...file.guesses];
    const meeting: Meeting = {
      id: archivedId !== undefined && library.overview().meetings.every((summary) => summary.id !== archivedId) ? archivedId : context.newId(),
      // Checked before the committee is created, so a refused meeting leaves no empty committee behind.
      committeeId: known?.id ?? context.newId(),
      date: incoming.date,
      startTime: incoming.startTime,
      closingTime: incoming.closingTime,
      ...(incoming.adjournments === undefined ? {} : { adjournments: incoming.adjournments }),
      venue: incoming.venue,
      contact: incoming.contact === null ? (known?.contact ?? { name: 'Committee clerk', phone: '', email: '' }) : usableContact(incoming.contact, guesses),
      attendance: incoming.attendance ?? noAttendance(),
      status: incoming.archived?.status ?? 'published',
      // The archive's numbers are the record: keep them as printed (Minute Book's own archive says how it numbered).
      firstMinuteNumber: incoming.archived === undefined ? incoming.items[0]!.minuteNumber : incoming.archived.firstMinuteNumber,
      items: incoming.items,
      importedFrom: { file: file.fileName, form: file.form, importedAt: context.now.toISOString(), report: { unplaced: file.unplaced, warnings: file.warnings, guesses } },
      // Its signature covers the record, not where a library keeps it: signed minutes arrive verifiable.
      ...(incoming.archived?.lifecycle === undefined ? {} : { lifecycle: incoming.archived.lifecycle }),
      revision: 0,
      updatedAt: context.now.toISOString(),
    };
    // A signed record that does not match its signature is not a signed record: it is not taken in as one (nor silently as anything else).
    if (!signatureMatches(meeting)) {
      report.notImported++;
      notes.push(
        `The minutes of ${formatProseDate(incoming.date)} were not imported: they are marked signed, but they do not match their signature, so the archive was changed after they were signed (\`cli verify\` on the archive names each such meeting).`,
      );
      continue;
    }
    try {
      checkMeetingFile({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting }, `the meeting of ${formatProseDate(incoming.date)}`);
      const committee = await library.committeeNamed(committeeName, {
        council: incoming.committee.council ?? UNNAMED_COUNCIL,
        numberingStyle: incoming.numberingStyle ?? plainNumbering,
      });
      // Checked whole just above; only its committee's id and, where the file printed none, its minute numbers change.
      const inCommittee = { ...meeting, committeeId: committee.id };
      const outcome = await library.addImportedMeeting(incoming.archived === undefined ? numberedOn(inCommittee, committee, library, guesses) : inCommittee, existing?.id ?? null, replacingDraft, true);
      stored.push(outcome.stored);
      if (outcome.replacedCopy === null) summary.addedMeetings.push(outcome.stored.id);
      else {
        summary.replaced++;
        summary.replacedMeetings.push({ meetingId: outcome.stored.id, date: incoming.date, wasDraft: replacingDraft, copy: outcome.replacedCopy });
        notes.push(`The meeting of ${formatProseDate(incoming.date)} replaced the one in the library, which is kept and can be restored.`);
      }
    } catch (error) {
      if (error instanceof LibraryError && error.code === 'read-only') throw error;
      if (!(error instanceof ValidationError) && !(error instanceof LibraryError)) throw error;
      report.notImported++;
      notes.push(`The meeting of ${formatProseDate(incoming.date)} was not imported: ${error.message}`);
      continue;
    }
    notes.push(...guesses);
    report.imported++;
    summary.meetings++;
    summary.items += incoming.items.length;
    summary.resolutions += countResolutions(incoming);
  }
  for (const { file, notes, imported, notImported } of reports) {
    summary.warnings += notes.length;
    summary.files.push({ fileName: file.fileName, imported, notImported, notes });
  }
  return { summary, stored };
}
