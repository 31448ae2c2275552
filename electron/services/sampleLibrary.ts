// "Open the sample library" on first start: the council's published minutes the app was built from
// (seeds/, shipped as the sample-minutes resource, build/electron-builder.yml) imported as any clerk's
// archive would be, and the next meeting drafted after the newest, to try every view on real minutes.
import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportRequest, ImportSummary } from '../../shared/contract.js';
import { importRequestFile, readForCommittee, type GivenDetails } from '../../shared/import/index.js';
import { readImportFile } from './importFile.js';
import { importIntoLibrary } from './libraryImport.js';
import { LibraryError } from './libraryErrors.js';
import type { MeetingLibrary } from './meetingLibrary.js';

const board = "Education and Children's Services Scrutiny Board (2)";

/**
 * What two sample pages do not print, given as a clerk would at import (recorded as given in each
 * meeting's import report): the single-item page 002 and the minutes page 000 state neither date nor
 * committee; the dates are those the council's site lists them under.
 */
const givenForSample: Readonly<Record<string, GivenDetails>> = {
  '000_f89e8ca412644775.txt': { date: '2025-01-16', committee: board },
  '002_649d194bed661f2d.txt': { date: '2025-03-13', committee: board },
};

/** The day four weeks after an ISO date: the next meeting of a committee that meets monthly. */
const fourWeeksAfter = (isoDate: string): string => new Date(Date.parse(`${isoDate}T12:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);

/**
 * Imports every sample page in `folder` into the empty sample library (librarySession.ts) and drafts
 * the next meeting of the committee with the newest minutes. Refused (conflict) when the library
 * already holds a committee or a meeting; (not-found) when the app has no samples.
 */
export async function openSampleLibrary(library: MeetingLibrary, folder: string | null): Promise<{ summary: ImportSummary; draftId: string }> {
  const overview = library.overview();
  if (overview.committees.length > 0 || overview.meetings.length > 0) {
    throw new LibraryError('conflict', `The sample library’s folder (${library.folder}) already holds minutes: the sample is imported only into an empty one.`);
  }
  const names = folder === null ? [] : (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.txt')).sort();
  if (folder === null || names.length === 0) throw new LibraryError('not-found', 'This copy of Minute Book has no sample minutes: import your own published minutes instead.');
  const files: ImportRequest['files'] = [];
  for (const name of names) {
    const given = givenForSample[name] ?? {};
    const first = await readImportFile(name, await readFile(join(folder, name)), randomUUID);
    const outcome = await readForCommittee(first, given, library.overview().committees, async (options) => readImportFile(name, await readFile(join(folder, name)), randomUUID, options));
    files.push(importRequestFile(outcome, given));
  }
  const { summary } = await importIntoLibrary(library, { files, onDuplicate: 'skip', replaceDrafts: [] }, { now: new Date(), newId: randomUUID });
  const newestFirst = [...library.overview().meetings].sort((a, b) => b.date.localeCompare(a.date));
  const newest = newestFirst[0];
  if (newest === undefined) throw new LibraryError('storage', 'The sample minutes could not be stored: see the library folder’s set-aside folder.');
  // The time and place of the committee's newest meeting that records them (a single item's page records neither).
  let held = { startTime: '10:00', venue: '' };
  for (const summary of newestFirst.filter((candidate) => candidate.committeeId === newest.committeeId)) {
    const stored = await library.meetingAsStored(summary.id);
    if (stored.startTime !== null) {
      held = { startTime: stored.startTime, venue: stored.venue };
      break;
    }
  }
  const draft = await library.createMeeting({ committeeId: newest.committeeId, date: fourWeeksAfter(newest.date), ...held });
  return { summary, draftId: draft.id };
}
