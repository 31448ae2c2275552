// The contract's 'lifecycle:check': the checks of a saved meeting, its citations resolved by the
// library's search (LibrarySearch.resolve), against the library's own committee and meeting index.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTestFolder } from './builders.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/services/handlers.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import type { Check } from '../../shared/lifecycle/checks.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { minuteRef, p } from '../fixtures/minutesJson.js';
import { committee001 } from '../fixtures/seed001.js';

let folder: string;
let library: MeetingLibrary;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-lifecycle-check-'));
  library = await MeetingLibrary.open({ folder });
});
afterEach(async () => {
  await library.close();
  await removeTestFolder(folder);
});

/** Every item of a new meeting given minutes, the third citing `cited`. */
const minuted = (meeting: Meeting, cited: string[]): Meeting => ({
  ...meeting,
  attendance: { ...meeting.attendance, apologies: [{ name: 'Councillor R Lakha', note: '' }] },
  items: meeting.items.map((item, index) => ({
    ...item,
    minutes: [index === 2 ? p('Further to ', ...cited.flatMap((citation) => [minuteRef(citation), ' ']), 'the Board noted the update.') : p('Noted.')],
  })),
});

describe("'lifecycle:check'", () => {
  it('checks the saved meeting, resolving its references in the library, meeting-wide checks first', async () => {
    const { id: _id, createdAt: _createdAt, ...fields } = committee001;
    const committee = await library.createCommittee({ ...fields, members: [{ name: 'Councillor K Sandhu', role: 'chair', voting: true }] });
    const june = await library.createMeeting({ committeeId: committee.id, date: '2017-06-29', startTime: '10:00', venue: '' });
    await library.saveMeeting(minuted(june, []));
    const july = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    const saved = await library.saveMeeting(minuted(july, ['3/17', '59/16']));
    const handlers = createHandlers(library, { printPdf: () => Promise.reject(new Error('not printed')) });

    const answer = await dispatch(handlers, 'lifecycle:check', { meetingId: july.id, step: 'circulate' });
    expect(answer.ok).toBe(true);
    const { checks } = (answer as { ok: true; value: { checks: Check[] } }).value;
    const cites = (await library.loadMeeting(july.id)).items[2]!;
    expect(saved.summary.firstMinuteNumber).toBe(june.items.length + 1);
    // Minute 3/17 is the June meeting's third item; 59/16 is in no meeting of the library.
    expect(checks).toEqual([{ severity: 'warning', code: 'reference-unresolved', itemId: cites.id, place: `Minute ${cites.minuteNumber}`, message: `Minute ${cites.minuteNumber}: Minute 59/16 is not in this library` }]);
  });

  it('refuses an unknown step or meeting', async () => {
    const handlers = createHandlers(library, { printPdf: () => Promise.reject(new Error('not printed')) });
    expect(await dispatch(handlers, 'lifecycle:check', { meetingId: '7a1d9c44-2b6e-4c8f-a3d0-5f4e2c1b0001', step: 'publish' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(handlers, 'lifecycle:check', { meetingId: '7a1d9c44-2b6e-4c8f-a3d0-5f4e2c1b0001', step: 'sign' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
