// Housekeeping on the node side (issue 13, part 8), through the contract's dispatch as the window calls
// it: a meeting deleted to the bin and restored (with its history, and in and out of search and the
// registers), duplicated as a new draft, a committee archived and brought back, an import undone. Signed,
// agreed and circulated minutes are the record and are never deleted.
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/services/handlers.js';
import { LibrarySearch } from '../../electron/services/librarySearch.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import type { BinnedMeeting, Channel, ImportRequest, ImportSummary, LibraryOverview } from '../../shared/contract.js';
import * as blocks from '../../shared/editor/blocks.js';
import { plainNumbering, type Committee } from '../../shared/model/committee.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { committee003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';
import { contractCalls, removeTestFolder } from './builders.js';

let folder: string;
let library: MeetingLibrary;
let search: LibrarySearch;
let call: (channel: Channel, input: unknown) => Promise<unknown>;
let failure: (channel: Channel, input: unknown) => Promise<{ code: string; message: string }>;
let clock: number;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-housekeeping-'));
  clock = Date.parse('2017-12-01T10:00:00Z');
  library = await MeetingLibrary.open({ folder, now: () => new Date((clock += 60_000)) });
  search = new LibrarySearch(library);
  const handlers = createHandlers(library, { printPdf: async () => new Uint8Array() }, search);
  ({ call, failure } = contractCalls(handlers));
});
afterEach(async () => {
  await search.close();
  await library.close();
  await removeTestFolder(folder);
});

const { id: _id, createdAt: _createdAt, ...boardFields } = committee003;

/** A committee and a drafted meeting on each date, every item minuted "The Board considered <title>." plus `words` in the third. */
async function draftedMeetings(words: string, ...dates: string[]): Promise<{ committee: Committee; meetings: Meeting[] }> {
  const committee = (await call('committees:create', boardFields)) as Committee;
  const meetings: Meeting[] = [];
  for (const date of dates) {
    const created = (await call('meetings:create', { committeeId: committee.id, date, startTime: '14:00', venue: 'Council House' })) as Meeting;
    const minuted: Meeting = {
      ...created,
      attendance: { ...created.attendance, members: [{ name: 'Councillor J Innes', chair: true }], apologies: [{ name: 'Councillor F Abbott', note: '' }] },
      items: created.items.map((item, index) => ({ ...item, minutes: [blocks.paragraph(`The Board considered ${item.title}.${index === 2 ? ` ${words}` : ''}`)] })),
    };
    await call('meetings:save', { meeting: minuted });
    meetings.push((await call('meetings:load', { meetingId: created.id })) as Meeting);
  }
  return { committee, meetings };
}

const found = async (query: string) => [...new Set(((await call('search:query', { query, filters: {} })) as { hits: { meetingId: string }[] }).hits.map((hit) => hit.meetingId))];
const attendanceMeetings = async () => ((await call('registers:open', {})) as { attendance: { meetings: number }[] }).attendance.reduce((sum, record) => sum + record.meetings, 0);
const listed = async () => ((await call('library:open', {})) as LibraryOverview).meetings.map((summary) => summary.id);

describe('deleting a meeting to the bin, and restoring it', () => {
  it('moves the draft and its history to bin/, out of the list, search and registers; restoring brings all of it back', async () => {
    const { meetings } = await draftedMeetings('Kinship placements were reviewed.', '2017-07-13');
    const meeting = meetings[0]!;
    await search.searchable();
    expect(await found('kinship')).toEqual([meeting.id]);
    const attendedBefore = await attendanceMeetings();
    expect(attendedBefore).toBeGreaterThan(0);
    const versionsBefore = ((await call('history:list', { meetingId: meeting.id })) as { versions: unknown[] }).versions;

    const after = (await call('meetings:delete', { meetingId: meeting.id })) as LibraryOverview;
    expect(after.meetings).toEqual([]);
    expect((await readdir(join(folder, 'meetings'))).filter((name) => name.startsWith(meeting.id))).toEqual([]);
    expect((await readdir(join(folder, 'bin'))).sort()).toEqual([`${meeting.id}.history.jsonl`, `${meeting.id}.json`]);
    expect(await found('kinship')).toEqual([]);
    expect(await attendanceMeetings()).toBe(0);
    expect(await failure('meetings:load', { meetingId: meeting.id })).toMatchObject({ code: 'not-found' });
    const bin = (await call('bin:list', {})) as BinnedMeeting[];
    expect(bin).toEqual([{ meetingId: meeting.id, committeeId: meeting.committeeId, committeeName: committee003.name, date: '2017-07-13', status: 'draft', deletedAt: expect.any(String), reason: 'deleted' }]);

    // Still gone after a restart: the bin is not read as part of the library.
    await search.close();
    await library.close();
    library = await MeetingLibrary.open({ folder, now: () => new Date((clock += 60_000)) });
    search = new LibrarySearch(library);
    ({ call, failure } = contractCalls(createHandlers(library, { printPdf: async () => new Uint8Array() }, search)));
    expect(await listed()).toEqual([]);
    expect(library.overview().problems).toEqual([]);

    const restored = (await call('bin:restore', { meetingId: meeting.id })) as Meeting;
    expect(restored).toEqual(meeting);
    expect(await listed()).toEqual([meeting.id]);
    expect(await call('meetings:load', { meetingId: meeting.id })).toEqual(meeting);
    expect(((await call('history:list', { meetingId: meeting.id })) as { versions: unknown[] }).versions).toEqual(versionsBefore);
    await search.searchable();
    expect(await found('kinship')).toEqual([meeting.id]);
    expect(await attendanceMeetings()).toBe(attendedBefore);
    expect(await readdir(join(folder, 'bin'))).toEqual([]);
    expect(await call('bin:list', {})).toEqual([]);
  });

  it('never deletes circulated, agreed or signed minutes, nor a meeting at which earlier minutes were agreed', async () => {
    await call('preferences:set', { clerkName: 'Michelle Rose' });
    const { meetings } = await draftedMeetings('', '2017-07-13', '2017-09-14');
    const [july, september] = meetings as [Meeting, Meeting];
    const circulated = (await call('lifecycle:circulate', { meetingId: july.id, baseRevision: july.revision, confirmedWarnings: [] })) as Meeting;
    expect(await failure('meetings:delete', { meetingId: july.id })).toEqual({ code: 'conflict', message: expect.stringContaining('are circulated: they are the record and cannot be deleted. Put them back to draft first') });
    const { agreed } = (await call('lifecycle:agree', { meetingId: july.id, approvingMeetingId: september.id, minute: '6/17', amendments: [] })) as { agreed: Meeting };
    expect(await failure('meetings:delete', { meetingId: july.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining('are agreed') });
    expect(await failure('meetings:delete', { meetingId: september.id })).toEqual({ code: 'conflict', message: expect.stringContaining('were agreed at this meeting') });
    await call('lifecycle:sign', { meetingId: july.id, baseRevision: agreed.revision, chair: 'Councillor J Innes', signedOn: '2017-09-14', confirmedWarnings: [] });
    expect(await failure('meetings:delete', { meetingId: july.id })).toEqual({ code: 'read-only', message: expect.stringContaining('The minutes of 13 July 2017 are signed and locked: they cannot be deleted') });
    expect((await listed()).sort()).toEqual([july.id, september.id].sort());
    expect(await stat(join(folder, 'bin')).catch(() => null)).toBeNull();
    expect(circulated.status).toBe('circulated');
  });

  it('refuses a meeting id it does not hold, and one not in the bin, in the clerk’s words', async () => {
    const unknown = '0e8a3c1b-6b1f-4a59-9d9e-0c2f4d6a7b80';
    expect(await failure('meetings:delete', { meetingId: unknown })).toMatchObject({ code: 'not-found' });
    expect(await failure('bin:restore', { meetingId: unknown })).toEqual({ code: 'not-found', message: 'That meeting is no longer in the bin.' });
    expect(await failure('meetings:delete', { meetingId: 'not-an-id' })).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('not a meeting id') });
  });
});

describe('a library another window holds', () => {
  it('refuses every housekeeping change, read-only, and changes nothing', async () => {
    const { committee, meetings } = await draftedMeetings('', '2017-07-13');
    const meeting = meetings[0]!;
    const other = await MeetingLibrary.open({ folder });
    try {
      expect(other.overview().readOnly).not.toBeNull();
      await expect(other.deleteMeeting(meeting.id)).rejects.toMatchObject({ code: 'read-only' });
      await expect(other.duplicateMeeting(meeting.id, '2017-09-14')).rejects.toMatchObject({ code: 'read-only' });
      await expect(other.archiveCommittee(committee.id, true)).rejects.toMatchObject({ code: 'read-only' });
      await expect(other.restoreFromBin(meeting.id)).rejects.toMatchObject({ code: 'read-only' });
      await expect(other.undoImport([meeting.id])).resolves.toMatchObject({ binned: 0 });
    } finally {
      await other.close();
    }
    expect(await listed()).toEqual([meeting.id]);
    expect(await stat(join(folder, 'bin')).catch(() => null)).toBeNull();
  });
});

describe('duplicating a meeting', () => {
  it('makes a new draft on another date with the minutes as they stand, numbered where it falls, and refuses a date already taken', async () => {
    const { meetings } = await draftedMeetings('Kinship placements were reviewed.', '2017-07-13');
    const original = meetings[0]!;
    const copy = (await call('meetings:duplicate', { meetingId: original.id, date: '2017-09-14' })) as Meeting;
    expect(copy).toMatchObject({ committeeId: original.committeeId, date: '2017-09-14', status: 'draft', revision: 0, firstMinuteNumber: null });
    expect(copy.id).not.toBe(original.id);
    expect(copy.items.map((item) => item.minutes)).toEqual(original.items.map((item) => item.minutes));
    expect(copy.items.map((item) => item.minuteNumber)).toEqual(original.items.map((item) => item.minuteNumber! + original.items.length));
    expect(copy.lifecycle).toBeUndefined();
    const history = (await call('history:list', { meetingId: copy.id })) as { versions: { kind: string; summary: string }[] };
    expect(history.versions).toMatchObject([{ kind: 'created', summary: 'Duplicated from the meeting of 13 July 2017' }]);
    expect(await call('meetings:load', { meetingId: original.id })).toEqual(original);
    expect(await failure('meetings:duplicate', { meetingId: original.id, date: '2017-07-13' })).toEqual({
      code: 'conflict',
      message: `${committee003.name} already has a meeting on 13 July 2017: choose another date for the copy.`,
    });
  });
});

describe('archiving a committee', () => {
  it('marks it archived in library.json, keeps its meetings, and brings it back', async () => {
    const { committee, meetings } = await draftedMeetings('', '2017-07-13');
    const archived = (await call('committees:archive', { committeeId: committee.id, archived: true })) as Committee;
    expect(archived).toEqual({ ...committee, archived: true });
    await library.close();
    await search.close();
    library = await MeetingLibrary.open({ folder });
    search = new LibrarySearch(library);
    expect(library.overview().committees).toEqual([{ ...committee, archived: true }]);
    expect(library.overview().meetings.map((summary) => summary.id)).toEqual([meetings[0]!.id]);
    expect(await library.archiveCommittee(committee.id, false)).toEqual(committee);
    expect(library.overview().committees).toEqual([committee]);
  });
});

describe('undoing an import', () => {
  const request = (committee: string, ...dates: string[]): ImportRequest => ({
    files: [
      {
        fileName: 'archive.html',
        form: 'page-html',
        warnings: [],
        unplaced: [],
        guesses: [],
        meetings: dates.map((date) => ({ committee: { name: committee, council: 'Coventry City Council' }, date, startTime: meeting004.startTime, closingTime: null, adjournments: [], venue: 'From the archive', contact: null, attendance: meeting004.attendance, numberingStyle: plainNumbering, items: meeting004.items })),
      },
    ],
    onDuplicate: 'skip',
    replaceDrafts: [],
  });

  it('moves the meetings the import added to the bin (out of search), and leaves the rest of the library as it was', async () => {
    const { meetings } = await draftedMeetings('', '2017-07-13');
    const { summary } = (await call('library:import', request(committee003.name, '2018-01-11', '2018-03-08'))) as { summary: ImportSummary };
    expect(summary.addedMeetings).toHaveLength(2);
    await search.searchable();
    expect((await found('young carers')).sort()).toEqual([...summary.addedMeetings].sort());

    const undone = (await call('library:undo-import', { meetingIds: summary.addedMeetings })) as { binned: number; notes: string[]; library: LibraryOverview };
    expect(undone).toMatchObject({ binned: 2, notes: [] });
    expect(undone.library.meetings.map((meeting) => meeting.id)).toEqual([meetings[0]!.id]);
    expect(await found('young carers')).toEqual([]);
    expect(((await call('bin:list', {})) as BinnedMeeting[]).map((entry) => entry.reason)).toEqual(['import-undone', 'import-undone']);
    // Undoing again finds nothing left to undo.
    expect(await call('library:undo-import', { meetingIds: summary.addedMeetings })).toMatchObject({ binned: 0, notes: [] });
  });

  it('keeps a meeting the clerk has not left as imported, saying why', async () => {
    const { meetings } = await draftedMeetings('', '2017-07-13');
    const draft = meetings[0]!;
    expect(await call('library:undo-import', { meetingIds: [draft.id] })).toMatchObject({ binned: 0, notes: ['The meeting of 13 July 2017 was not imported: it is kept.'] });
    expect(await listed()).toEqual([draft.id]);
  });
});
