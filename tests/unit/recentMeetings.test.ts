// File → Open Recent's list: kept newest first without repeats, read as untrusted, named from the library.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../shared/model/meeting.js';
import { createHandlers } from '../../electron/services/handlers.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { CHANNELS_CHANGING_RECENT, RECENT_LIMIT, readRecent, recentEntries, recentMeetingsFile, sanitiseRecent, withRecent, writeRecent } from '../../electron/shell/recentMeetings.js';
import { aCommittee, aMeeting, contractCalls, removeTestFolder } from './builders.js';

const ids = Array.from({ length: 12 }, (_, index) => `6f1c2b1e-8a7d-4c1e-9f3a-2b5d7e9c1a${String(index).padStart(2, '0')}`);

describe('the recent meetings', () => {
  it('puts the meeting opened first, once, and keeps the newest ten', () => {
    expect(withRecent([], ids[0]!)).toEqual([ids[0]]);
    expect(withRecent([ids[0]!, ids[1]!, ids[2]!], ids[2]!)).toEqual([ids[2], ids[0], ids[1]]);
    const full = ids.slice(0, RECENT_LIMIT);
    expect(withRecent(full, ids[11]!)).toEqual([ids[11], ...ids.slice(0, RECENT_LIMIT - 1)]);
  });

  it.each([
    ['nothing', null, []],
    ['a list without its object', [ids[0]], []],
    ['ids that are not meeting ids', { meetings: ['../x', 5, null, ids[0]] }, [ids[0]]],
    ['repeats', { meetings: [ids[0], ids[1], ids[0]] }, [ids[0], ids[1]]],
    ['too many', { meetings: ids }, ids.slice(0, RECENT_LIMIT)],
  ])('keeps only what is sound from %s', (_case, raw, expected) => {
    expect(sanitiseRecent(raw)).toEqual(expected);
  });

  it('names each meeting by its committee and date in words, leaving out meetings the library does not hold', () => {
    const committee = aCommittee({ name: 'Planning Committee' });
    const meeting = aMeeting(committee, { date: '2017-07-13' });
    const library = { committees: [committee], meetings: [summarise(meeting)] };
    expect(recentEntries([ids[5]!, meeting.id], library)).toEqual([{ meetingId: meeting.id, label: 'Planning Committee — Thursday 13 July 2017' }]);
  });

  it('leaves out a meeting moved to the bin, and lists it again once restored, after calls that rebuild the menu', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'minute-book-recent-'));
    const library = await MeetingLibrary.open({ folder });
    try {
      const { call } = contractCalls(createHandlers(library, { printPdf: async () => new Uint8Array() }));
      const { id: _id, createdAt: _createdAt, ...fields } = aCommittee({ name: 'Planning Committee' });
      const committee = (await call('committees:create', fields)) as { id: string };
      const meetings = [];
      for (const date of ['2017-07-13', '2017-09-14']) meetings.push((await call('meetings:create', { committeeId: committee.id, date, startTime: '10:00', venue: 'Room 1' })) as { id: string });
      const recent = meetings.map((meeting) => meeting.id);
      expect(recentEntries(recent, library.overview())).toHaveLength(2);
      await call('meetings:delete', { meetingId: meetings[0]!.id });
      expect(CHANNELS_CHANGING_RECENT.has('meetings:delete')).toBe(true);
      expect(recentEntries(recent, library.overview()).map((entry) => entry.meetingId)).toEqual([meetings[1]!.id]);
      await call('bin:restore', { meetingId: meetings[0]!.id });
      expect(CHANNELS_CHANGING_RECENT.has('bin:restore')).toBe(true);
      expect(recentEntries(recent, library.overview())).toHaveLength(2);
    } finally {
      await library.close();
      await removeTestFolder(folder);
    }
  });

  it('round-trips through its file, and a damaged file gives none', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'minute-book-recent-'));
    try {
      const file = recentMeetingsFile(folder);
      expect(readRecent(file)).toEqual([]);
      writeRecent(file, [ids[1]!, ids[0]!]);
      expect(readRecent(file)).toEqual([ids[1], ids[0]]);
      await writeFile(file, '{"meetings": [');
      expect(readRecent(file)).toEqual([]);
    } finally {
      await removeTestFolder(folder);
    }
  });
});
