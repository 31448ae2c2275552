// Minute Book's own lossless JSON archive (shared/export/jsonArchive.ts): every field and every
// meeting's minutes are validated and each content hash checked by readJsonArchive, and the meetings
// come back exactly as they were archived, ids included.
import { readJsonArchive } from '../export/jsonArchive.js';
import { parseBoundedJson } from '../model/boundedJson.js';
import { ValidationError } from '../model/validation.js';
import { MAX_IMPORT_BYTES } from './detectForm.js';
import { ImportError, type ImportedMeeting } from './importedMeeting.js';

export function readArchive(fileName: string, content: string): ImportedMeeting[] {
  let raw: unknown;
  try {
    raw = parseBoundedJson(content, fileName, { maxBytes: MAX_IMPORT_BYTES });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ImportError(fileName, `it looks like JSON but cannot be read (${error.problems.join('; ')}).`);
  }
  let archive;
  try {
    archive = readJsonArchive(raw, fileName);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ImportError(fileName, `it is JSON but not a Minute Book archive that can be read: ${error.problems.join('; ')}.`);
  }
  const { committee } = archive;
  if (archive.meetings.length === 0) throw new ImportError(fileName, `it is a Minute Book archive of ${committee.name}, but it holds no meetings.`);
  return archive.meetings.map(({ meeting }) => ({
    committee: { name: committee.name, council: committee.council },
    date: meeting.date,
    startTime: meeting.startTime,
    closingTime: meeting.closingTime,
    ...(meeting.adjournments === undefined ? {} : { adjournments: meeting.adjournments }),
    venue: meeting.venue,
    contact: meeting.contact,
    attendance: meeting.attendance,
    numberingStyle: committee.numberingStyle,
    items: meeting.items,
    archived: { id: meeting.id, status: meeting.status, firstMinuteNumber: meeting.firstMinuteNumber, lifecycle: meeting.lifecycle },
  }));
}
