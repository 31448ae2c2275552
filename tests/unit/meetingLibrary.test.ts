import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import { defaultStandardAgenda } from '../../shared/standardAgenda.js';
import { LibraryError } from '../../electron/services/libraryErrors.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { aCommittee, removeTestFolder } from './builders.js';

// The library assigns the id and creation time; the rest is the board of the seeds.
const { id: _id, createdAt: _createdAt, ...boardFields } = aCommittee({
  members: [{ name: 'Councillor J Innes', role: 'chair', voting: true }],
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-library-'));
});
afterEach(async () => {
  await removeTestFolder(folder);
});

const meetingFile = (id: string) => join(folder, 'meetings', `${id}.json`);

describe('the library on disk', () => {
  it('round-trips a committee and a drafted meeting through a restart', async () => {
    const library = await MeetingLibrary.open({ folder });
    const committee = await library.createCommittee(boardFields);
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
    expect(meeting.items.map((item) => item.title)).toEqual(defaultStandardAgenda.map((item) => item.title));
    expect(meeting.items.map((item) => item.minuteNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(meeting.attendance.members).toEqual([{ name: 'Councillor J Innes', chair: true }]);

    const edited = structuredClone(meeting);
    edited.items[2]!.minutes = [
      blocks.paragraph('The Board noted the report of the Scrutiny Co-ordinator.'),
      { ...blocks.resolution(), content: [{ type: 'resolution_preamble', content: [{ type: 'text', text: 'the report be noted' }] }] },
    ];
    edited.closingTime = '12:15';
    const receipt = await library.saveMeeting(edited);
    expect(receipt.revision).toBe(1);

    await library.close();
    const reopened = await MeetingLibrary.open({ folder });
    expect(reopened.overview().committees).toEqual([committee]);
    expect(reopened.overview().meetings).toHaveLength(1);
    expect(reopened.overview().problems).toEqual([]);
    const loaded = await reopened.loadMeeting(meeting.id);
    expect(loaded).toEqual({ ...edited, revision: 1, updatedAt: receipt.updatedAt });

    const onDisk = JSON.parse(await readFile(meetingFile(meeting.id), 'utf8'));
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.meeting.items[2].minutes[0].content[0].text).toBe('The Board noted the report of the Scrutiny Co-ordinator.');
    // Atomic writes leave no temporary files behind.
    expect((await readdir(join(folder, 'meetings'))).filter((name) => !name.endsWith('.json') && !name.endsWith('.history.jsonl'))).toEqual([]);
  });

  it('answers each file’s time as it looked at it on opening, until it writes the meeting', async () => {
    const first = await MeetingLibrary.open({ folder });
    const committee = await first.createCommittee(boardFields);
    const meetings = await Promise.all(['2017-07-13', '2017-09-14'].map((date) => first.createMeeting({ committeeId: committee.id, date, startTime: '10:00', venue: 'Committee Room 3' })));
    await first.close();
    const library = await MeetingLibrary.open({ folder });
    for (const meeting of meetings) {
      const onDisk = (await stat(meetingFile(meeting.id))).mtimeMs;
      // Whole milliseconds, rounded up: never earlier than the file's own time.
      expect(library.modifiedAtOpening(meeting.id)! - onDisk).toBeGreaterThanOrEqual(0);
      expect(library.modifiedAtOpening(meeting.id)! - onDisk).toBeLessThanOrEqual(1);
    }
    const [written, untouched] = meetings as [(typeof meetings)[0], (typeof meetings)[0]];
    await library.saveMeeting({ ...written, venue: 'Committee Room 1' });
    expect(library.modifiedAtOpening(written.id)).toBeUndefined();
    expect(await library.meetingModifiedAt(written.id)).toBe((await stat(meetingFile(written.id))).mtimeMs);
    expect(library.modifiedAtOpening(untouched.id)).toBeDefined();
    await library.close();
  });

  it('continues minute numbers from the earlier meeting of the municipal year', async () => {
    const library = await MeetingLibrary.open({ folder });
    const committee = await library.createCommittee(boardFields);
    const june = await library.createMeeting({ committeeId: committee.id, date: '2017-06-29', startTime: '14:00', venue: '' });
    const july = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    expect(june.items.map((item) => item.minuteNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(july.items.map((item) => item.minuteNumber)).toEqual([6, 7, 8, 9, 10]);
    // The new meeting agrees the minutes of the one before it.
    expect(july.items[1]!.minutes[0]!.attrs).toEqual({ meetingDate: '2017-06-29', outcome: 'agreed' });

    // Removing an item from June renumbers July on its next save.
    await library.saveMeeting({ ...june, items: june.items.slice(0, 4) });
    const saved = await library.saveMeeting(july);
    expect(saved.summary.firstMinuteNumber).toBe(5);
    expect((await library.loadMeeting(july.id)).items.map((item) => item.minuteNumber)).toEqual([5, 6, 7, 8, 9]);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), 'not valid JSON'],
    ['empty', () => '', 'not valid JSON (the file is empty)'],
    ['invalid', (text: string) => text.replace('"date": "2017-07-13"', '"date": "13th July"'), 'meeting.date: expected a date such as 2017-07-13'],
  ])('moves a %s meeting file aside, reports it, and opens the other meetings', async (_kind, damage, reason) => {
    const library = await MeetingLibrary.open({ folder });
    const committee = await library.createCommittee(boardFields);
    const good = await library.createMeeting({ committeeId: committee.id, date: '2017-06-29', startTime: '14:00', venue: '' });
    const bad = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    const original = await readFile(meetingFile(bad.id), 'utf8');
    await writeFile(meetingFile(bad.id), damage(original));

    await library.close();
    const reopened = await MeetingLibrary.open({ folder });
    const { meetings, problems } = reopened.overview();
    expect(meetings.map((meeting) => meeting.id)).toEqual([good.id]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(`meetings/${bad.id}.json`);
    expect(problems[0]!.message).toContain(`meetings/${bad.id}.json could not be read and was moved to set-aside/`);
    expect(problems[0]!.message).toContain(reason);
    // The damaged file is kept, byte for byte, not overwritten.
    expect(await readFile(join(folder, problems[0]!.movedTo!), 'utf8')).toBe(damage(original));
    expect((await reopened.loadMeeting(good.id)).id).toBe(good.id);
  });

  it('sets aside a meeting file damaged while the library is open, when it is next loaded', async () => {
    const library = await MeetingLibrary.open({ folder });
    const committee = await library.createCommittee(boardFields);
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    await writeFile(meetingFile(meeting.id), '{"schemaVersion": 1, "meeting": {');
    await expect(library.loadMeeting(meeting.id)).rejects.toThrow(/could not be read and was moved to set-aside\//);
    expect(library.overview().meetings).toEqual([]);
  });

  it('recovers committees from the last good copy when library.json is damaged', async () => {
    const library = await MeetingLibrary.open({ folder });
    const committee = await library.createCommittee(boardFields);
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    await library.close();
    await (await MeetingLibrary.open({ folder })).close(); // a clean start keeps a copy of library.json
    await writeFile(join(folder, 'library.json'), '{ "schemaVersion": 1, "committees": [ ');

    const reopened = await MeetingLibrary.open({ folder });
    expect(reopened.overview().committees.map((c) => c.id)).toEqual([committee.id]);
    expect(reopened.overview().meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(reopened.overview().problems[0]!.message).toContain('library.json could not be read and was moved to set-aside/');
  });

  it('refuses a save from a stale revision instead of overwriting newer work', async () => {
    const library = await MeetingLibrary.open({ folder });
    const committee = await library.createCommittee(boardFields);
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    await library.saveMeeting({ ...meeting, venue: 'Committee Room 2' });
    const stale = library.saveMeeting({ ...meeting, venue: 'Committee Room 3' });
    await expect(stale).rejects.toBeInstanceOf(LibraryError);
    await expect(stale).rejects.toThrow(/saved elsewhere/);
    expect((await library.loadMeeting(meeting.id)).venue).toBe('Committee Room 2');
  });

  it('refuses the second of two saves racing from the same revision', async () => {
    const library = await MeetingLibrary.open({ folder });
    const committee = await library.createCommittee(boardFields);
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    const results = await Promise.allSettled([
      library.saveMeeting({ ...meeting, venue: 'Committee Room 1' }),
      library.saveMeeting({ ...meeting, venue: 'Committee Room 2' }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    await library.close();
    expect((await MeetingLibrary.open({ folder }).then((reopened) => reopened.loadMeeting(meeting.id))).venue).toBe('Committee Room 1');
  });

  it('leaves the index alone when a save changes only the minutes, and still reopens the latest text', async () => {
    const library = await MeetingLibrary.open({ folder });
    const committee = await library.createCommittee(boardFields);
    const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    const indexBefore = await stat(join(folder, 'library.json'));
    const typed = structuredClone(meeting);
    typed.items[2]!.minutes = [blocks.paragraph('The Board noted the outstanding issues.')];
    await library.saveMeeting(typed);
    expect((await stat(join(folder, 'library.json'))).mtimeMs).toBe(indexBefore.mtimeMs);

    await library.close();
    const reopened = await MeetingLibrary.open({ folder });
    expect(reopened.overview().problems).toEqual([]);
    expect((await reopened.loadMeeting(meeting.id)).items[2]!.minutes).toEqual([blocks.paragraph('The Board noted the outstanding issues.')]);
  });
});
