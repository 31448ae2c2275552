// The crash-recovery journal on disk: written atomically, offered back only while it still applies,
// set aside (never blocking start-up) when damaged or out of date, and bounded in size.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECOVERY_LIMITS, type RecoveryJournal as Journal } from '../../shared/contract.js';
import { formatProseDate } from '../../shared/dates.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { createHandlers, dispatch } from '../../electron/services/handlers.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { RecoveryJournal } from '../../electron/services/recoveryJournal.js';
import { aCommittee, aMeeting, removeTestFolder } from './builders.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-recovery-'));
});
afterEach(async () => {
  await removeTestFolder(folder);
});

const meeting: Meeting = { ...aMeeting(aCommittee()), revision: 4 };
const { items: _items, ...details } = meeting;
const insert = (pos: number, text: string) => ({ stepType: 'replace', from: pos, to: pos, slice: { content: [{ type: 'text', text }] } });
const sessionId = randomUUID();

function aJournal(overrides: Partial<Journal> = {}): Journal {
  return {
    meetingId: meeting.id,
    baseRevision: 4,
    sessionId,
    sequence: 1,
    details: null,
    steps: [insert(10, 'T'), insert(11, 'h'), insert(12, 'e')],
    baseDocSize: 100,
    docSize: 103,
    saving: null,
    ...overrides,
  };
}

const journalPath = (meetingId = meeting.id) => join(folder, 'recovery', `${meetingId}.json`);
const theMeeting = async () => meeting;

describe('RecoveryJournal', () => {
  it('writes a journal atomically, reads it back and clears it when it is empty', async () => {
    const journal = new RecoveryJournal(folder, () => new Date('2026-11-30T10:00:00.000Z'));
    expect(await journal.write(aJournal())).toEqual({ kept: 'written' });
    const stored = await journal.read(meeting.id);
    expect(stored).toEqual({ schemaVersion: 1, writtenAt: '2026-11-30T10:00:00.000Z', journal: aJournal() });
    expect(await readdir(join(folder, 'recovery'))).toEqual([`${meeting.id}.json`]); // no temp files left

    expect(await journal.write(aJournal({ sequence: 2, steps: [], docSize: 100 }))).toEqual({ kept: 'cleared' });
    expect(await journal.read(meeting.id)).toBeNull();
    expect((await journal.list(theMeeting)).recovered).toEqual([]);
  });

  it('ignores a write older than one the same window already made, whatever order they finish in', async () => {
    const journal = new RecoveryJournal(folder);
    const newer = aJournal({ sequence: 5, steps: [insert(10, 'The')], docSize: 103 });
    const older = aJournal({ sequence: 4, steps: [insert(10, 'Th')], docSize: 102 });
    const answers = await Promise.all([journal.write(newer), journal.write(older)]);
    expect(answers).toEqual([{ kept: 'written' }, { kept: 'ignored' }]);
    expect((await journal.read(meeting.id))?.journal).toEqual(newer);
    // Another window (a restore after a restart) starts its own count.
    expect(await journal.write(aJournal({ sessionId: randomUUID(), sequence: 1 }))).toEqual({ kept: 'written' });
  });

  it('offers a journal based on the meeting as saved, with the header only when it differs', async () => {
    const journal = new RecoveryJournal(folder, () => new Date('2026-11-30T10:00:00.000Z'));
    await journal.write(aJournal({ details: { ...details, venue: 'Diamond Room 1' } }));
    const { recovered, notes } = await journal.list(theMeeting);
    expect(notes).toEqual([]);
    expect(recovered).toEqual([
      {
        meetingId: meeting.id,
        baseRevision: 4,
        details: { ...details, venue: 'Diamond Room 1' },
        steps: aJournal().steps,
        baseDocSize: 100,
        docSize: 103,
        writtenAt: '2026-11-30T10:00:00.000Z',
      },
    ]);

    // The header as saved (revision and time aside) is no change to recover.
    await journal.write(aJournal({ sequence: 2, steps: [], details: { ...details, revision: 3, updatedAt: '2020-01-01T00:00:00.000Z' } }));
    expect(await journal.list(theMeeting)).toEqual({ recovered: [], notes: [] });
    expect(await journal.read(meeting.id)).toBeNull();
  });

  it('keeps only the steps after a save that landed, and drops a journal that save covered', async () => {
    const journal = new RecoveryJournal(folder);
    await journal.write(aJournal({ baseRevision: 3, saving: { stepCount: 2, docSize: 102 } }));
    const { recovered } = await journal.list(theMeeting);
    expect(recovered).toMatchObject([{ baseRevision: 4, steps: [insert(12, 'e')], baseDocSize: 102, docSize: 103 }]);

    await journal.write(aJournal({ sequence: 2, baseRevision: 3, saving: { stepCount: 3, docSize: 103 } }));
    expect(await journal.list(theMeeting)).toEqual({ recovered: [], notes: [] });
    expect(await journal.read(meeting.id)).toBeNull();
  });

  it('sets aside a journal made to an older revision, with a note', async () => {
    const journal = new RecoveryJournal(folder, () => new Date('2026-11-30T10:00:00.000Z'));
    await journal.write(aJournal({ baseRevision: 2 }));
    const { recovered, notes } = await journal.list(theMeeting);
    expect(recovered).toEqual([]);
    expect(notes).toEqual([
      `Unsaved changes to the meeting of ${formatProseDate(meeting.date)} were made to revision 2, but it has since been saved as revision 4; ` +
        `they were moved to set-aside/recovery-${meeting.id}-2026-11-30T10-00-00-000Z.json.`,
    ]);
    expect(await readdir(join(folder, 'set-aside'))).toEqual([`recovery-${meeting.id}-2026-11-30T10-00-00-000Z.json`]);
    expect(await journal.read(meeting.id)).toBeNull();
    // And one for a meeting the library no longer holds.
    await journal.write(aJournal({ sequence: 2 }));
    expect((await journal.list(async () => null)).notes[0]).toMatch(/the library has no meeting it can edit with that id; they were moved to set-aside/);
  });

  it('sets aside a damaged journal and still offers the others', async () => {
    const journal = new RecoveryJournal(folder);
    const other = randomUUID();
    await mkdir(join(folder, 'recovery'), { recursive: true });
    await writeFile(journalPath(other), '{"schemaVersion": 1, "journ');
    await writeFile(journalPath(randomUUID()), JSON.stringify({ schemaVersion: 1, writtenAt: '2026-11-30T10:00:00.000Z', journal: { meetingId: 'x' } }));
    await writeFile(join(folder, 'recovery', `${meeting.id}.json.1a2b.tmp`), 'half a write');
    await journal.write(aJournal());

    const { recovered, notes } = await journal.list(async (id) => (id === meeting.id ? meeting : null));
    expect(recovered.map((changes) => changes.meetingId)).toEqual([meeting.id]);
    expect(notes).toHaveLength(2);
    expect(notes.find((note) => note.includes(other))).toMatch(/could not be read \(recovery\/.*\.json: not valid JSON .*\); it was moved to set-aside\//);
    expect(notes.find((note) => !note.includes(other))).toMatch(/journal\.meetingId: not a meeting id/);
    expect((await readdir(join(folder, 'set-aside'))).length).toBe(2);
  });

  it('sets aside another window\'s unsaved changes rather than replacing them, even after a restart', async () => {
    await new RecoveryJournal(folder).write(aJournal());
    // The node side restarts; a new window opens the meeting and makes changes of its own.
    const restarted = new RecoveryJournal(folder);
    const otherWindow = randomUUID();
    expect(await restarted.write(aJournal({ sessionId: otherWindow, steps: [insert(10, 'X')], docSize: 101 }))).toEqual({ kept: 'written' });
    expect((await restarted.read(meeting.id))?.journal.sessionId).toBe(otherWindow);
    const [kept] = await readdir(join(folder, 'set-aside'));
    expect(JSON.parse(await readFile(join(folder, 'set-aside', kept!), 'utf8')).journal).toEqual(aJournal());
    // Its own later writes replace its own journal as before.
    await restarted.write(aJournal({ sessionId: otherWindow, sequence: 2, steps: [insert(10, 'XY')], docSize: 102 }));
    expect(await readdir(join(folder, 'set-aside'))).toHaveLength(1);
  });

  it('discards by setting the journal aside', async () => {
    const journal = new RecoveryJournal(folder);
    await journal.write(aJournal());
    expect(await journal.discard(meeting.id)).toEqual({ discarded: true });
    expect(await journal.read(meeting.id)).toBeNull();
    expect(await readdir(join(folder, 'set-aside'))).toHaveLength(1);
    expect(await journal.discard(meeting.id)).toEqual({ discarded: false });
  });
});

describe('the recovery channels', () => {
  it('refuse journals over the limits, or with a bad meeting id, with messages that say why', async () => {
    const library = await MeetingLibrary.open({ folder });
    const handlers = createHandlers(library, { printPdf: async () => new Uint8Array() });
    const tooMany = await dispatch(handlers, 'recovery:write', aJournal({ steps: Array.from({ length: RECOVERY_LIMITS.steps + 1 }, () => insert(1, 'a')) }));
    expect(tooMany).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(`at most ${RECOVERY_LIMITS.steps} steps`) } });
    const big = 'x'.repeat(600 * 1024);
    const tooLarge = await dispatch(handlers, 'recovery:write', aJournal({ steps: [1, 2, 3, 4].map(() => insert(1, big)) }));
    expect(tooLarge).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('more than 2 MB') } });
    const badId = await dispatch(handlers, 'recovery:write', aJournal({ meetingId: '../library' }));
    expect(badId).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('meetingId: not a meeting id') } });
    const saving = await dispatch(handlers, 'recovery:write', aJournal({ saving: { stepCount: 9, docSize: 1 } }));
    expect(saving).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('saving.stepCount') } });
    await expect(readdir(join(folder, 'recovery'))).rejects.toThrow();
  });

  it('list the journal of a meeting in the library, at its revision', async () => {
    const library = await MeetingLibrary.open({ folder });
    const handlers = createHandlers(library, { printPdf: async () => new Uint8Array() });
    const committee = await library.createCommittee(aCommittee());
    const created = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: '' });
    const written = await dispatch(handlers, 'recovery:write', aJournal({ meetingId: created.id, baseRevision: created.revision }));
    expect(written).toEqual({ ok: true, value: { kept: 'written' } });
    expect(JSON.parse(await readFile(journalPath(created.id), 'utf8')).journal.meetingId).toBe(created.id);
    const listed = await dispatch(handlers, 'recovery:list', {});
    expect(listed).toMatchObject({ ok: true, value: { recovered: [{ meetingId: created.id, baseRevision: created.revision }], notes: [] } });
  });
});
