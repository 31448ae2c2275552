// Nothing typed is lost and nothing agreed is silently changed: reads racing saves, failed writes
// (disk full, files locked by other programs, read-only disks), a second process on the library,
// damaged or missing library files, files changed outside Minute Book, and imports over drafts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult, ImportRequest, ImportedMeetingPayload, LibraryOverview } from '../../shared/contract.js';
import * as blocks from '../../shared/editor/blocks.js';
import { plainNumbering } from '../../shared/model/committee.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { importIntoLibrary } from '../../electron/services/libraryImport.js';
import { formatMinuteNumber, minuteYearsOf } from '../../shared/numbering.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { aCommittee, contractCalls, removeTestFolder } from './builders.js';
import { createHandlers } from '../../electron/services/handlers.js';

const { id: _id, createdAt: _createdAt, ...boardFields } = aCommittee();

let folder: string;
let opened: MeetingLibrary[] = [];
beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-durable-'));
  opened = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const library of opened) await library.close();
  await removeTestFolder(folder);
});

async function open(): Promise<MeetingLibrary> {
  const library = await MeetingLibrary.open({ folder });
  opened.push(library);
  return library;
}

async function aLibraryWithADraft() {
  const library = await open();
  const committee = await library.createCommittee(boardFields);
  const meeting = await library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
  return { library, committee, meeting };
}

const withText = (meeting: Meeting, text: string): Meeting => {
  const edited = structuredClone(meeting);
  edited.items[2]!.minutes = [blocks.paragraph(text)];
  return edited;
};

const onDisk = async (meetingId: string): Promise<Meeting> =>
  (JSON.parse(await fs.readFile(join(folder, 'meetings', `${meetingId}.json`), 'utf8')) as { meeting: Meeting }).meeting;

const leftovers = async () => (await fs.readdir(join(folder, 'meetings'))).filter((name) => name.endsWith('.tmp'));

const failWith = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('reads racing saves', () => {
  it('never lets a save from an older revision through after a load that raced the save before it', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    let current = meeting;
    for (let attempt = 0; attempt < 40; attempt++) {
      const [first, , stale] = await Promise.allSettled([
        library.saveMeeting(withText(current, `first ${attempt}`)),
        library.loadMeeting(meeting.id),
        library.saveMeeting(withText(current, `stale ${attempt}`)),
      ]);
      expect(first.status).toBe('fulfilled');
      expect(stale.status).toBe('rejected');
      current = await library.loadMeeting(meeting.id);
      expect(JSON.stringify(current.items[2]!.minutes)).toContain(`first ${attempt}`);
    }
    expect((await onDisk(meeting.id)).revision).toBe(40);
  });

  it('keeps a request marked answered during a save, or says the save was refused: never both reported and lost', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    const withRequest = structuredClone(meeting);
    withRequest.items[2]!.minutes = [blocks.informationRequests('request-1')];
    let current = await library.loadMeeting(meeting.id);
    await library.saveMeeting({ ...withRequest, revision: current.revision });
    for (let attempt = 0; attempt < 30; attempt++) {
      current = await library.loadMeeting(meeting.id);
      const status = attempt % 2 === 0 ? 'answered' : 'open';
      const edited = structuredClone(current);
      edited.venue = `Room ${attempt}`;
      const [saved, marked] = await Promise.allSettled([library.saveMeeting(edited), library.setRequestStatus(meeting.id, 'request-1', status)]);
      expect(marked.status).toBe('fulfilled');
      const stored = await onDisk(meeting.id);
      expect(JSON.stringify(stored.items[2]!.minutes)).toContain(`"status":"${status}"`);
      if (saved.status === 'fulfilled') expect(stored.venue).toBe(`Room ${attempt}`);
    }
  });
});

describe('a write that fails', () => {
  it.each([
    ['the disk is full', 'ENOSPC', /The disk is full: free some space\. Your words are kept/],
    ['the disk is read-only', 'EROFS', /read-only disk/],
  ])('when %s changes nothing, leaves no temporary file, and the retry succeeds', async (_case, code, message) => {
    const { library, meeting } = await aLibraryWithADraft();
    const write = vi.spyOn(fs, 'open').mockRejectedValue(failWith(code));
    await expect(library.saveMeeting(withText(meeting, 'typed while the disk was full'))).rejects.toThrow(message);
    await expect(library.saveMeeting(withText(meeting, 'typed while the disk was full'))).rejects.toThrow(message);
    expect((await onDisk(meeting.id)).revision).toBe(0);
    expect(await leftovers()).toEqual([]);
    write.mockRestore();
    // The same revision is still the right one: nothing was counted for the failed attempts.
    const receipt = await library.saveMeeting(withText(meeting, 'typed while the disk was full'));
    expect(receipt.revision).toBe(1);
    expect(JSON.stringify((await onDisk(meeting.id)).items[2]!.minutes)).toContain('typed while the disk was full');
  });

  it('retries a rename refused for a moment by another program, and reports one that stays locked', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    const realRename = fs.rename.bind(fs);
    let refusals = 2;
    const rename = vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (refusals-- > 0) throw failWith('EPERM');
      return realRename(from, to);
    });
    expect((await library.saveMeeting(withText(meeting, 'antivirus let go'))).revision).toBe(1);

    rename.mockRejectedValue(failWith('EPERM'));
    const current = await library.loadMeeting(meeting.id);
    await expect(library.saveMeeting(withText(current, 'still locked'))).rejects.toThrow(/locked or protected by another program .* will be saved when it is free/);
    expect(await leftovers()).toEqual([]);
    rename.mockRestore();
    expect((await library.saveMeeting(withText(current, 'still locked'))).revision).toBe(2);
  });
});

describe('two processes on one library', () => {
  const children: ChildProcessWithoutNullStreams[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  /** Starts a node side in another process; answers its overview and a function that calls it. */
  async function anotherProcess() {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/libraryProcess.ts'), folder], { stdio: 'pipe' });
    children.push(child);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => JSON.parse(((await lines.next()).value as string | undefined) ?? 'null') as unknown;
    const overview = (await next()) as LibraryOverview;
    const call = async (channel: string, input: unknown) => {
      child.stdin.write(`${JSON.stringify({ channel, input })}\n`);
      return (await next()) as CallResult<unknown>;
    };
    return { child, overview, call };
  }

  it('opens the library read-only in the second process, which says so and refuses every change', async () => {
    const { library, committee, meeting } = await aLibraryWithADraft();
    const other = await anotherProcess();
    expect(other.overview.readOnly).toMatch(/open in another Minute Book window \(process \d+ on this computer/);
    expect(other.overview.meetings.map((summary) => summary.id)).toEqual([meeting.id]);

    // Ping-pong: each side saves from the same revision; only the owner's saves land.
    let current = meeting;
    for (let round = 0; round < 20; round++) {
      const refused = await other.call('meetings:save', { meeting: withText(current, `other ${round}`) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } });
      await library.saveMeeting(withText(current, `owner ${round}`));
      current = await library.loadMeeting(meeting.id);
    }
    expect(JSON.stringify((await onDisk(meeting.id)).items[2]!.minutes)).toContain('owner 19');
    expect(await other.call('committees:create', boardFields)).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect((await other.call('meetings:load', { meetingId: meeting.id })).ok).toBe(true);
    expect(library.overview().committees.map((c) => c.id)).toEqual([committee.id]);
  });

  it('takes over at once a lock without its holder’s note that has long gone unrefreshed', async () => {
    await fs.mkdir(join(folder, 'library.lock')); // what proper-lockfile leaves when killed right after locking
    const longAgo = new Date(Date.now() - 60_000);
    await fs.utimes(join(folder, 'library.lock'), longAgo, longAgo);
    const library = await open();
    expect(library.overview().readOnly).toBeNull();
  });

  it('takes over within a few seconds the lock of a process killed before it could write who holds it', async () => {
    const other = await anotherProcess();
    other.child.kill('SIGKILL');
    await new Promise((resolve) => other.child.once('exit', resolve));
    await fs.rm(join(folder, 'library.lock.owner.json'));
    const started = Date.now();
    const library = await open();
    expect(library.overview().readOnly).toBeNull();
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 20_000);

  it('never takes the lock from a live process whose note of holding it is missing', async () => {
    const other = await anotherProcess();
    await fs.rm(join(folder, 'library.lock.owner.json'));
    const library = await open();
    expect(library.overview().readOnly).toMatch(/open in another Minute Book window/);
    // Past the holder's next refresh: it still holds the library and writes; this process still may not.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await other.call('committees:create', boardFields)).toMatchObject({ ok: true });
    await expect(library.createCommittee(boardFields)).rejects.toMatchObject({ code: 'read-only' });
  }, 20_000);

  it('takes over at once the lock of a process that was killed', async () => {
    const other = await anotherProcess();
    expect(other.overview.readOnly).toBeNull();
    other.child.kill('SIGKILL');
    await new Promise((resolve) => other.child.once('exit', resolve));
    const library = await open();
    expect(library.overview().readOnly).toBeNull();
    await expect(library.createCommittee(boardFields)).resolves.toMatchObject({ name: boardFields.name });
  });
});

describe('the library rebuilds itself from its files', () => {
  it('brings back committees and meetings when library.json is deleted, says so, and keeps the backup', async () => {
    const { library, committee, meeting } = await aLibraryWithADraft();
    await library.close();
    await (await MeetingLibrary.open({ folder })).close(); // a clean start keeps library.backup.json
    const backup = await fs.readFile(join(folder, 'library.backup.json'), 'utf8');
    await fs.rm(join(folder, 'library.json'));

    const reopened = await open();
    expect(reopened.overview().committees.map((c) => c.id)).toEqual([committee.id]);
    expect(reopened.overview().meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(reopened.overview().problems.map((p) => p.message)).toContain('library.json was missing: the library was rebuilt from library.backup.json and the meeting files.');
    expect(await fs.readFile(join(folder, 'library.backup.json'), 'utf8')).toBe(backup);
    await expect(reopened.saveMeeting(withText(meeting, 'still mine'))).resolves.toMatchObject({ revision: 1 });
  });

  it('recovers committees from the meeting files when library.json and its backup are both damaged', async () => {
    const { library, committee, meeting } = await aLibraryWithADraft();
    await library.updateCommittee({ ...committee, name: 'Renamed Board' });
    await library.saveMeeting(withText(meeting, 'written after the rename'));
    await library.close();
    await fs.writeFile(join(folder, 'library.json'), '{ "schemaVersion": 1, "committees": [');
    await fs.writeFile(join(folder, 'library.backup.json'), 'not json');

    const reopened = await open();
    expect(reopened.overview().committees).toEqual([{ ...committee, name: 'Renamed Board' }]);
    expect(reopened.overview().meetings.map((m) => m.id)).toEqual([meeting.id]);
    const messages = reopened.overview().problems.map((p) => p.message).join('\n');
    expect(messages).toContain('library.backup.json could not be read either');
    expect(messages).toContain('The committee Renamed Board was missing from the library and was recovered from its meetings.');
    const current = await reopened.loadMeeting(meeting.id);
    await expect(reopened.saveMeeting(withText(current, 'saved again'))).resolves.toMatchObject({ revision: 2 });
  });

  it('gives a meeting written before files carried their committee a committee the clerk can rename', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    await library.close();
    const file = JSON.parse(await fs.readFile(join(folder, 'meetings', `${meeting.id}.json`), 'utf8')) as Record<string, unknown>;
    delete file['committee'];
    await fs.writeFile(join(folder, 'meetings', `${meeting.id}.json`), JSON.stringify(file));
    // The committee is in neither the meeting file nor any library file.
    await fs.rm(join(folder, 'library.json'));
    await fs.rm(join(folder, 'library.backup.json'));

    const reopened = await open();
    const [recovered] = reopened.overview().committees;
    expect(recovered).toMatchObject({ id: meeting.committeeId, name: expect.stringMatching(/^Recovered committee /) });
    await expect(reopened.saveMeeting(withText(meeting, 'not orphaned'))).resolves.toMatchObject({ revision: 1 });
  });

  it('keeps the old backup when the disk fills while the library opens', async () => {
    const { library } = await aLibraryWithADraft();
    await library.close();
    await (await MeetingLibrary.open({ folder })).close();
    const backup = await fs.readFile(join(folder, 'library.backup.json'), 'utf8');
    const again = await MeetingLibrary.open({ folder });
    const [committee] = again.overview().committees;
    await again.createMeeting({ committeeId: committee!.id, date: '2017-09-14', startTime: '10:00', venue: '' }); // library.json now differs from its backup
    await again.close();

    vi.spyOn(fs, 'open').mockRejectedValue(failWith('ENOSPC'));
    const reopened = await open();
    expect(reopened.overview().meetings).toHaveLength(2);
    expect(reopened.overview().problems.map((p) => p.message).join('\n')).toMatch(/library\.backup\.json could not be refreshed \(the previous copy is kept\): The disk is full/);
    expect(await fs.readFile(join(folder, 'library.backup.json'), 'utf8')).toBe(backup);
  });

  it('opens a read-only library folder holding a damaged meeting, read-only, touching nothing', async () => {
    const { library, committee, meeting } = await aLibraryWithADraft();
    const second = await library.createMeeting({ committeeId: committee.id, date: '2017-09-14', startTime: '10:00', venue: '' });
    await library.close();
    await fs.writeFile(join(folder, 'meetings', `${second.id}.json`), '{"schemaVersion": 1, "meeting": {');
    vi.spyOn(fs, 'mkdir').mockRejectedValue(failWith('EROFS'));

    const reopened = await open();
    expect(reopened.overview().readOnly).toMatch(/The library folder cannot be written \(EROFS\), so it is open read-only/);
    expect(reopened.overview().meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(reopened.overview().problems[0]!.message).toMatch(/could not be read and was left in place/);
    expect(await fs.readFile(join(folder, 'meetings', `${second.id}.json`), 'utf8')).toBe('{"schemaVersion": 1, "meeting": {');
    await expect(reopened.saveMeeting(withText(meeting, 'refused'))).rejects.toMatchObject({ code: 'read-only' });
  });

  it('refuses to save over a meeting file replaced from outside while it was open', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    await library.saveMeeting(withText(meeting, 'revision one'));
    const path = join(folder, 'meetings', `${meeting.id}.json`);
    const replaced = JSON.parse(await fs.readFile(path, 'utf8')) as { meeting: Meeting };
    replaced.meeting.venue = 'Changed by a sync client';
    replaced.meeting.revision = 0;
    await fs.writeFile(path, JSON.stringify(replaced));
    await expect(library.saveMeeting({ ...withText(meeting, 'revision two'), revision: 1 })).rejects.toThrow(/saved elsewhere \(revision 0, this window has 1\)/);
    expect((await onDisk(meeting.id)).venue).toBe('Changed by a sync client');
    expect(library.overview().problems.map((p) => p.message).join('\n')).toContain('was changed outside Minute Book');
  });

  /** A draft saved once, then its venue changed in the file by another program, its revision left as it was. */
  async function aDraftEditedByHand() {
    const { library, meeting } = await aLibraryWithADraft();
    const { revision } = await library.saveMeeting(withText(meeting, 'revision one'));
    const path = join(folder, 'meetings', `${meeting.id}.json`);
    const edited = JSON.parse(await fs.readFile(path, 'utf8')) as { meeting: Meeting };
    edited.meeting.venue = 'Corrected by hand';
    await fs.writeFile(path, JSON.stringify(edited, null, 2));
    return { library, meeting, revision };
  }

  it('refuses to save over a meeting file edited outside with its revision left as it was, until the meeting is loaded again', async () => {
    const { library, meeting, revision } = await aDraftEditedByHand();
    await expect(library.saveMeeting({ ...withText(meeting, 'revision two'), revision })).rejects.toMatchObject({ code: 'conflict' });
    expect((await onDisk(meeting.id)).venue).toBe('Corrected by hand');
    // Reopened, the window builds on the file as it now is.
    const reloaded = await library.loadMeeting(meeting.id);
    await library.saveMeeting(withText(reloaded, 'revision two'));
    expect((await onDisk(meeting.id)).venue).toBe('Corrected by hand');
  });

  it('sees a file rewritten at the same size within the clock tick of its save, when its size and times cannot show it', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    await library.saveMeeting(withText(meeting, 'revision one'));
    const path = join(folder, 'meetings', `${meeting.id}.json`);
    const asSaved = await fs.stat(path);
    const text = await fs.readFile(path, 'utf8');
    const edited = text.replace('"venue": "Committee Room 3"', '"venue": "Committee Room 4"');
    expect(edited).not.toBe(text);
    await fs.writeFile(path, edited);
    // The kernel's coarse clock gives a write within one tick the times of the one before: the stat is as saved.
    const realStat = fs.stat;
    vi.spyOn(fs, 'stat').mockImplementation(async (at, options) => (String(at) === path ? asSaved : realStat(at, options)) as never);
    expect((await library.meetingAsStored(meeting.id)).venue).toBe('Committee Room 4');
    expect(library.overview().problems.map((p) => p.message).join('\n')).toContain('was changed outside Minute Book');
  });

  it('keeps refusing that save while the file is only read for the checks, an export or the search index: a window has not loaded it', async () => {
    const { library, meeting, revision } = await aDraftEditedByHand();
    const { call } = contractCalls(createHandlers(library, { printPdf: async () => new Uint8Array() }));
    await call('lifecycle:check', { meetingId: meeting.id, step: 'circulate' });
    expect((await library.meetingAsStored(meeting.id)).venue).toBe('Corrected by hand');
    await expect(library.saveMeeting({ ...withText(meeting, 'revision two'), revision })).rejects.toMatchObject({ code: 'conflict' });
    expect((await onDisk(meeting.id)).venue).toBe('Corrected by hand');
  });

  it('sets aside a file whose meeting is not the one it is named for', async () => {
    const { library, committee, meeting } = await aLibraryWithADraft();
    const other = await library.createMeeting({ committeeId: committee.id, date: '2017-09-14', startTime: '10:00', venue: '' });
    await library.close();
    await fs.copyFile(join(folder, 'meetings', `${meeting.id}.json`), join(folder, 'meetings', `${other.id}.json`));

    const reopened = await open();
    expect(reopened.overview().meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(reopened.overview().problems[0]!.message).toContain(`the file is named for meeting ${other.id} but holds meeting ${meeting.id}`);
  });
});

describe('imports over what the library holds', () => {
  const payload = (meeting: Meeting, name: string, overrides: Partial<ImportedMeetingPayload> = {}): ImportedMeetingPayload => ({
    committee: { name, council: 'Coventry City Council' },
    date: meeting.date,
    startTime: meeting.startTime,
    closingTime: null,
    venue: 'From the archive',
    contact: null,
    attendance: meeting.attendance,
    numberingStyle: plainNumbering,
    items: meeting.items,
    ...overrides,
  });
  const request = (meetings: ImportedMeetingPayload[], extra: Partial<ImportRequest> = {}): ImportRequest => ({
    files: [{ fileName: 'archive.html', form: 'page-html', meetings, warnings: [], unplaced: [], guesses: [] }],
    onDuplicate: 'replace',
    replaceDrafts: [],
    ...extra,
  });
  const context = { now: new Date('2026-12-02T12:00:00Z'), newId: () => crypto.randomUUID() };

  it('keeps the numbers as printed, gives a new committee the style they were printed in, and its next meeting continues in it', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    const planning = { prefix: 'PLN', yearAt: 'after', yearOf: 'municipal', yearDigits: 2, separator: '/', terminator: '', subItems: 'decimal' } as const;
    const printed = meeting.items.map((item, index) => ({ ...item, minuteNumber: 84 + index, printedNumber: `PLN${84 + index}/17` }));
    const { stored } = await importIntoLibrary(library, request([payload({ ...meeting, date: '2017-11-16' }, 'Planning Committee', { numberingStyle: planning, items: printed })]), context);
    expect(stored[0]!.items.map((item) => item.printedNumber)).toEqual(printed.map((item) => item.printedNumber));
    const committee = library.overview().committees.find((each) => each.name === 'Planning Committee')!;
    expect(committee.numberingStyle).toEqual(planning);
    const next = await library.createMeeting({ committeeId: committee.id, date: '2017-12-14', startTime: '18:00', venue: '' });
    const first = 84 + printed.length;
    expect(next.items.map((item) => [item.minuteNumber, formatMinuteNumber(item.minuteNumber, minuteYearsOf(next.date, committee.municipalYearStartMonth), committee.numberingStyle)])[0]).toEqual([first, `PLN${first}/17`]);
  });

  it('never replaces a draft unless that draft was confirmed, keeps what it replaced, and restores it', async () => {
    const { library, committee, meeting } = await aLibraryWithADraft();
    await library.saveMeeting(withText(meeting, 'My own words.'));

    const unconfirmed = await importIntoLibrary(library, request([payload(meeting, committee.name)]), context);
    expect(unconfirmed.summary).toMatchObject({ meetings: 0, skipped: 1, replaced: 0 });
    expect(unconfirmed.summary.files[0]!.notes.join(' ')).toContain('is a draft being written in Minute Book: it was not replaced');
    expect((await onDisk(meeting.id)).venue).toBe('Committee Room 3');

    const confirmed = await importIntoLibrary(library, request([payload(meeting, committee.name)], { replaceDrafts: [meeting.id] }), context);
    expect(confirmed.summary).toMatchObject({ meetings: 1, replaced: 1 });
    const [replaced] = confirmed.summary.replacedMeetings;
    expect(replaced).toMatchObject({ meetingId: meeting.id, wasDraft: true });
    expect(await onDisk(meeting.id)).toMatchObject({ venue: 'From the archive', status: 'published', revision: 2 });

    expect(await library.replacedCopies(meeting.id)).toEqual([expect.objectContaining({ copy: replaced!.copy, revision: 1, status: 'draft', imported: false })]);
    const restored = await library.restoreReplaced(meeting.id, replaced!.copy);
    expect(restored).toMatchObject({ venue: 'Committee Room 3', status: 'draft', revision: 3 });
    expect(JSON.stringify((await onDisk(meeting.id)).items[2]!.minutes)).toContain('My own words.');
    // The import it undid is kept in turn.
    expect((await library.replacedCopies(meeting.id)).map((copy) => copy.status)).toContain('published');
    await expect(library.saveMeeting(withText(restored, 'Editable again.'))).resolves.toMatchObject({ revision: 4 });
  });

  it('brings a draft back from Minute Book’s own archive as an editable draft with its id', async () => {
    const { library, committee, meeting } = await aLibraryWithADraft();
    await library.close();
    await fs.rm(join(folder, 'meetings', `${meeting.id}.json`));
    const fresh = await open();
    const archived = payload(meeting, committee.name, { archived: { id: meeting.id, status: 'draft', firstMinuteNumber: meeting.firstMinuteNumber } });
    const { stored } = await importIntoLibrary(fresh, { ...request([archived]), files: [{ fileName: 'board.json', form: 'json', meetings: [archived], warnings: [], unplaced: [], guesses: [] }] }, context);
    expect(stored[0]).toMatchObject({ id: meeting.id, status: 'draft' });
    await expect(fresh.saveMeeting(withText(stored[0]!, 'Still a draft.'))).resolves.toMatchObject({ revision: 1 });
  });

  it('creates no committee for a meeting it refuses', async () => {
    const library = await open();
    const broken = payload(
      { ...(await aLibraryWithADraftIn(library)), items: [] } as unknown as Meeting,
      'A committee that should not appear',
      { items: [{ id: 'x', minuteNumber: 1, title: 'Item', source: '', business: 'public', agendaText: '', documents: [], minutes: [{ type: 'no-such-block' }] }] },
    );
    const before = library.overview().committees.length;
    const { summary } = await importIntoLibrary(library, request([broken]), context);
    expect(summary.meetings).toBe(0);
    expect(summary.files[0]!.notes.join(' ')).toMatch(/was not imported: /);
    expect(library.overview().committees).toHaveLength(before);
  });
});

async function aLibraryWithADraftIn(library: MeetingLibrary): Promise<Meeting> {
  const committee = await library.createCommittee(boardFields);
  return library.createMeeting({ committeeId: committee.id, date: '2018-01-11', startTime: '10:00', venue: '' });
}

describe('words refused as a conflict', () => {
  it('are kept beside the meeting, newer words replacing the copy, and can be brought back and taken back', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    const elsewhere = await library.saveMeeting({ ...withText(meeting, 'Saved in the other window.'), venue: 'Committee Room 4' });
    const refused = withText(meeting, 'Typed in this window.');
    await expect(library.saveMeeting(refused)).rejects.toMatchObject({ code: 'conflict' });

    const { copy } = await library.keepUnsaved(refused, null);
    expect(copy).toMatch(new RegExp(`^${meeting.id}\\..+\\.unsaved\\.json$`));
    // The meeting itself is as the other window saved it.
    expect((await onDisk(meeting.id)).revision).toBe(elsewhere.revision);
    // Typing on in the refused window replaces its copy rather than adding another.
    const more = withText(meeting, 'Typed in this window, and more.');
    expect(await library.keepUnsaved(more, copy)).toEqual({ copy });
    const copies = await library.replacedCopies(meeting.id);
    expect(copies).toEqual([expect.objectContaining({ copy, unsaved: true, revision: meeting.revision })]);

    const restored = await library.restoreReplaced(meeting.id, copy);
    expect(restored.items[2]!.minutes).toEqual(more.items[2]!.minutes);
    expect(restored.revision).toBe(elsewhere.revision + 1);
    const { versions } = await library.meetingVersions(meeting.id);
    expect(versions[0]).toMatchObject({ kind: 'restored', summary: expect.stringContaining('a window could not save') });
    // The other window's save is a version, so the restore can be taken back.
    const undone = await library.restoreVersion(meeting.id, elsewhere.revision, restored.revision);
    expect(undone.venue).toBe('Committee Room 4');
    expect(undone.items[2]!.minutes).toEqual(withText(meeting, 'Saved in the other window.').items[2]!.minutes);
  });

  it('are refused for a meeting the library does not hold, and in a library another window holds', async () => {
    const { library, meeting } = await aLibraryWithADraft();
    await expect(library.keepUnsaved({ ...meeting, id: '0c3e5a10-0000-4000-8000-0000000000aa' }, null)).rejects.toMatchObject({ code: 'not-found' });
    const second = await open();
    await expect(second.keepUnsaved(meeting, null)).rejects.toMatchObject({ code: 'read-only' });
    expect(await library.replacedCopies(meeting.id)).toEqual([]);
  });
});

describe('committees made or changed since the library opened', () => {
  it('come back when library.json is lost before the next start', async () => {
    const library = await open();
    const early = await library.createCommittee(boardFields);
    const late = await library.createCommittee({ ...boardFields, name: 'Audit and Procurement Committee' });
    await library.updateCommittee({ ...early, name: 'Scrutiny Board (2)', defaultVenue: 'Diamond Room 1' });
    await library.close();
    opened = opened.filter((other) => other !== library);
    await fs.rm(join(folder, 'library.json'));

    const reopened = await open();
    const committees = reopened.overview().committees;
    expect(committees.find((committee) => committee.id === late.id)?.name).toBe('Audit and Procurement Committee');
    expect(committees.find((committee) => committee.id === early.id)).toMatchObject({ name: 'Scrutiny Board (2)', defaultVenue: 'Diamond Room 1' });
  });
});
