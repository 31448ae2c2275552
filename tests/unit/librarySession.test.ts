// The sample library in a folder of its own (issue 13, part 1): opened beside the clerk's library,
// never into it; left for the clerk's own, kept for another try or deleted whole.
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryOverview } from '../../shared/contract.js';
import { LibrarySession, SAMPLE_LIBRARY_DIR } from '../../electron/services/librarySession.js';
import * as blocks from '../../shared/editor/blocks.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { aCommittee, contractCalls, removeTestFolder } from './builders.js';

const seeds = join(import.meta.dirname, '..', '..', 'seeds');
const { id: _id, createdAt: _createdAt, ...boardFields } = aCommittee();

let folder: string;
let session: LibrarySession;
beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-session-'));
  session = await LibrarySession.open(folder, { printPdf: async () => new Uint8Array(), sampleFolder: seeds });
});
afterEach(async () => {
  await session.close();
  await removeTestFolder(folder);
});

const exists = (path: string) => fs.stat(path).then(() => true, () => false);

describe('the sample library', () => {
  it('opens in a folder of its own, leaving the clerk’s library as it was, and goes back to it', async () => {
    const { call } = contractCalls(session.handlers);
    const committee = (await call('committees:create', boardFields)) as { id: string };
    const own = (await call('meetings:create', { committeeId: committee.id, date: '2026-11-05', startTime: '14:00', venue: 'Council House' })) as Meeting;

    const opened = (await call('library:open-sample', {})) as { summary: { meetings: number } | null; draftId: string; library: LibraryOverview };
    expect(opened.library.sample).toBe(true);
    expect(opened.library.folder).toBe(join(folder, SAMPLE_LIBRARY_DIR));
    // The five published pages and the drafted next meeting, and nothing of the clerk's.
    expect(opened.library.meetings).toHaveLength(6);
    expect(opened.library.meetings.map((meeting) => meeting.id)).not.toContain(own.id);
    expect(((await call('meetings:load', { meetingId: opened.draftId })) as Meeting).status).toBe('draft');
    // Every call now goes to the sample: the clerk's meeting is not in it.
    await expect(call('meetings:load', { meetingId: own.id })).rejects.toThrow();
    expect((await fs.readdir(join(folder, 'meetings'))).filter((name) => name.endsWith('.json'))).toEqual([`${own.id}.json`]);

    const back = (await call('library:leave-sample', { deleteSample: false })) as LibraryOverview;
    expect(back.sample).toBe(false);
    expect(back.folder).toBe(folder);
    expect(back.meetings.map((meeting) => meeting.id)).toEqual([own.id]);
    expect(((await call('meetings:load', { meetingId: own.id })) as Meeting).date).toBe('2026-11-05');
  });

  it('is kept as the clerk left it for another try, and deleting it removes its folder whole', async () => {
    const { call, failure } = contractCalls(session.handlers);
    const first = (await call('library:open-sample', {})) as { draftId: string };
    const draft = (await call('meetings:load', { meetingId: first.draftId })) as Meeting;
    const edited = structuredClone(draft);
    edited.items[0]!.minutes = [blocks.paragraph('Tried by the clerk.')];
    await call('meetings:save', { meeting: edited });
    expect(await failure('library:open-sample', {})).toMatchObject({ code: 'conflict', message: 'The sample library is already open.' });

    await call('library:leave-sample', { deleteSample: false });
    expect(await failure('library:leave-sample', { deleteSample: true })).toMatchObject({ code: 'conflict' });
    const again = (await call('library:open-sample', {})) as { summary: unknown; draftId: string; library: LibraryOverview };
    expect(again.summary).toBeNull();
    expect(again.draftId).toBe(first.draftId);
    expect(again.library.meetings).toHaveLength(6);
    expect(JSON.stringify(((await call('meetings:load', { meetingId: first.draftId })) as Meeting).items[0]!.minutes)).toContain('Tried by the clerk.');

    const own = (await call('library:leave-sample', { deleteSample: true })) as LibraryOverview;
    expect(own).toMatchObject({ sample: false, meetings: [], committees: [] });
    expect(await exists(join(folder, SAMPLE_LIBRARY_DIR))).toBe(false);
    expect(await exists(folder)).toBe(true);
    // Opened once more, it is made afresh.
    expect(((await call('library:open-sample', {})) as { summary: { meetings: number } | null }).summary).not.toBeNull();
  });

  it('opens again in the sample when Minute Book stopped with it open, and in the clerk’s library once left', async () => {
    const opened = (await contractCalls(session.handlers).call('library:open-sample', {})) as { draftId: string };
    await session.close();
    session = await LibrarySession.open(folder, { printPdf: async () => new Uint8Array(), sampleFolder: seeds });
    const { call } = contractCalls(session.handlers);
    expect(((await call('library:open', {})) as LibraryOverview).sample).toBe(true);
    expect(((await call('meetings:load', { meetingId: opened.draftId })) as Meeting).status).toBe('draft');

    await call('library:leave-sample', { deleteSample: false });
    await session.close();
    session = await LibrarySession.open(folder, { printPdf: async () => new Uint8Array(), sampleFolder: seeds });
    expect(session.library.overview()).toMatchObject({ sample: false, folder });
  });

  it('numbers the pages that print no minute numbers on through the municipal year, so the draft’s numbers are no other minute’s (qa13e E9)', async () => {
    const { call } = contractCalls(session.handlers);
    const opened = (await call('library:open-sample', {})) as { draftId: string; library: LibraryOverview };
    const year2024 = opened.library.meetings.filter((meeting) => meeting.date >= '2024-05-01' && meeting.date < '2025-05-01').sort((a, b) => a.date.localeCompare(b.date));
    // 16 January 2025 (a table-flattened copy, 6 items), 13 March 2025 (one item's page), the drafted 10 April 2025.
    expect(year2024.map((meeting) => [meeting.date, meeting.firstMinuteNumber, meeting.lastMinuteNumber])).toEqual([
      ['2025-01-16', 1, 6],
      ['2025-03-13', 7, 7],
      ['2025-04-10', 8, 8 + (year2024[2]!.itemCount - 1)],
    ]);
    const march = (await call('meetings:load', { meetingId: year2024[1]!.id })) as Meeting;
    expect(march.importedFrom?.report?.guesses).toContain(
      'The meeting of 13 March 2025 prints no minute numbers: its items are numbered 7, on from the committee’s earlier meetings of 2024/25 in the library.',
    );
    // Pages that print their numbers keep them: 13 July 2017 has items 5–10 (seed 004).
    expect(opened.library.meetings.find((meeting) => meeting.date === '2017-07-13')).toMatchObject({ firstMinuteNumber: 5, lastMinuteNumber: 10 });
  });

  it('says why where this copy has no sample minutes, and stays in the clerk’s library', async () => {
    await session.close();
    session = await LibrarySession.open(folder, { printPdf: async () => new Uint8Array(), sampleFolder: null });
    const { call, failure } = contractCalls(session.handlers);
    expect(await failure('library:open-sample', {})).toMatchObject({ code: 'not-found', message: expect.stringContaining('has no sample minutes') });
    expect(((await call('library:open', {})) as LibraryOverview).sample).toBe(false);
  });
});
