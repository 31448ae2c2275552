// Every save keeps a version (meetings/<id>.history.jsonl): each kind of revision is recorded, any
// kept version opens exactly as saved, a restore can be undone, retention and compaction over days of
// saves on a simulated clock, what a long day of editing costs on disk, and damaged histories, which
// never block the meeting.
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as blocks from '../../shared/editor/blocks.js';
import { formatSavedAt } from '../../shared/dates.js';
import { HistoryHeader, RevisionLine, retainedRevisions, type RetentionFacts } from '../../shared/model/history.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { createHandlers, dispatch } from '../../electron/services/handlers.js';
import { readMeetingVersion } from '../../electron/services/meetingHistory.js';
import { MeetingLibrary, type LibraryOptions } from '../../electron/services/meetingLibrary.js';
import { seededRandom, syntheticCommittee, syntheticMeeting } from '../../scripts/bench/syntheticArchive.js';
import { aCommittee, cli, removeTestFolder } from './builders.js';

const { id: _id, createdAt: _createdAt, ...boardFields } = aCommittee();

let folder: string;
let opened: MeetingLibrary[] = [];
/** The simulated clock every library here reads. */
let clock: Date;
beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-history-'));
  opened = [];
  clock = new Date('2026-12-01T09:00:00.000Z');
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const library of opened) await library.close();
  await removeTestFolder(folder);
});

async function open(options: Partial<LibraryOptions> = {}): Promise<MeetingLibrary> {
  const library = await MeetingLibrary.open({ folder, now: () => new Date(clock), user: 'mrose', ...options });
  opened.push(library);
  return library;
}

async function aDraft(library?: MeetingLibrary) {
  const lib = library ?? (await open());
  const committee = await lib.createCommittee(boardFields);
  const meeting = await lib.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
  return { library: lib, committee, meeting };
}

const withText = (meeting: Meeting, text: string, item = 2): Meeting => {
  const edited = structuredClone(meeting);
  edited.items[item]!.minutes = [blocks.paragraph(text)];
  return edited;
};

/** Saves `text` into the draft as the clerk would, a minute later on the clock; answers the meeting as saved. */
async function save(library: MeetingLibrary, meeting: Meeting, text: string, item = 2, minutes = 1): Promise<Meeting> {
  clock = new Date(clock.getTime() + minutes * 60_000);
  await library.saveMeeting(withText(meeting, text, item));
  return library.loadMeeting(meeting.id);
}

const historyPath = (meetingId: string) => join(folder, 'meetings', `${meetingId}.history.jsonl`);
const historyLines = async (meetingId: string) => (await fs.readFile(historyPath(meetingId), 'utf8')).split('\n').filter((line) => line !== '');
const setAside = async () => fs.readdir(join(folder, 'set-aside')).catch(() => [] as string[]);

describe('recording', () => {
  it('records a revision for each kind of change, with who, when and what changed', async () => {
    const { library, meeting } = await aDraft();
    const withRequest = await save(library, { ...meeting, items: meeting.items.map((item, index) => (index === 2 ? { ...item, minutes: [blocks.informationRequests('request-1')] } : item)) }, 'x', 0);
    const saved = await save(library, withRequest, 'The Board noted the report.', 3);
    await library.setRequestStatus(meeting.id, 'request-1', 'answered');
    const { versions, notes } = await library.meetingVersions(meeting.id);
    expect(notes).toEqual([]);
    expect(versions.map(({ revision, kind, summary, by, status }) => ({ revision, kind, summary, by, status }))).toEqual([
      { revision: 3, kind: 'saved', summary: 'Minute 3: request marked answered', by: 'mrose', status: 'draft' },
      { revision: 2, kind: 'saved', summary: 'Minute 4 narrative edited', by: 'mrose', status: 'draft' },
      { revision: 1, kind: 'saved', summary: 'Minute 1 narrative edited; minute 3 requests for information edited', by: 'mrose', status: 'draft' },
      { revision: 0, kind: 'created', summary: 'Meeting created', by: 'mrose', status: 'draft' },
    ]);
    expect(versions.map((version) => version.keptForever)).toEqual([true, false, false, true]);
    expect(versions[1]!.savedAt).toBe(saved.updatedAt);

    // A save that changes nothing but the revision still gets its line, and stores no item again.
    const before = (await fs.stat(historyPath(meeting.id))).size;
    await library.saveMeeting(await library.loadMeeting(meeting.id));
    // A save's version is recorded next in the library's queue, just after the save is answered.
    await library.settled();
    const last = RevisionLine.parse(JSON.parse((await historyLines(meeting.id)).at(-1)!));
    expect({ revision: last.revision, summary: last.summary, blobs: Object.keys(last.blobs).length }).toEqual({ revision: 4, summary: 'No changes', blobs: 0 });
    expect((await fs.stat(historyPath(meeting.id))).size - before).toBeLessThan(JSON.stringify(await library.loadMeeting(meeting.id)).length / 2);
  });

  it('records imports, an import replacing a draft, and a replaced copy brought back', async () => {
    const { library, committee, meeting } = await aDraft();
    const draft = await save(library, meeting, 'Drafted before the import.');
    const published: Meeting = { ...withText(draft, 'As published.'), status: 'published', revision: 0, importedFrom: { file: 'minutes-2017-07-13.txt', form: 'page-text', importedAt: clock.toISOString() } };
    const { stored, replacedCopy } = await library.addImportedMeeting(published, meeting.id, true);
    const another = await library.addImportedMeeting({ ...published, id: crypto.randomUUID(), date: '2017-09-14' }, null);
    await library.restoreReplaced(meeting.id, replacedCopy!);
    const { versions } = await library.meetingVersions(meeting.id);
    expect(versions.map(({ revision, kind }) => [revision, kind])).toEqual([
      [3, 'restored'],
      [2, 'replaced'],
      [1, 'saved'],
      [0, 'created'],
    ]);
    expect(versions[1]!.summary).toBe('Replaced by the import of minutes-2017-07-13.txt; the meeting as it was is kept');
    // The draft the import replaced is kept for ever, so the import can always be undone.
    expect(versions.map((version) => version.keptForever)).toEqual([true, true, true, true]);
    expect(await library.meetingVersion(meeting.id, 2)).toEqual(stored);
    const imported = await library.meetingVersions(another.stored.id);
    expect(imported.versions.map(({ kind, summary }) => [kind, summary])).toEqual([['imported', 'Imported from minutes-2017-07-13.txt']]);
    expect(committee.id).toBe(stored.committeeId);
  });

  it('starts the history of a meeting saved before versions were kept with the meeting as it was', async () => {
    const { library, meeting } = await aDraft();
    await library.close();
    await fs.rm(historyPath(meeting.id));
    const reopened = await open();
    expect((await reopened.meetingVersions(meeting.id)).notes).toEqual(['This meeting was last saved before Minute Book kept versions: its versions are kept from its next save.']);
    await save(reopened, await reopened.loadMeeting(meeting.id), 'First words with a history.');
    const { versions, notes } = await reopened.meetingVersions(meeting.id);
    expect(notes).toEqual([]);
    expect(versions.map(({ revision, summary }) => [revision, summary])).toEqual([
      [1, 'Minute 3 narrative edited'],
      [0, 'The meeting as it was when its history began'],
    ]);
    expect(await reopened.meetingVersion(meeting.id, 0)).toEqual(meeting);
  });

  it('writes no history in a read-only library or a dry run', async () => {
    const { library, meeting } = await aDraft();
    const other = await open();
    expect(other.overview().readOnly).not.toBeNull();
    await expect(other.saveMeeting(withText(meeting, 'from the second window'))).rejects.toMatchObject({ code: 'read-only' });
    await expect(other.restoreVersion(meeting.id, 0, 0)).rejects.toMatchObject({ code: 'read-only' });
    // The second window still reads the versions.
    expect((await other.meetingVersions(meeting.id)).versions.map((version) => version.revision)).toEqual([0]);
    await library.close();
    const dry = await open({ dryRun: true });
    await dry.saveMeeting(withText(meeting, 'in a dry run'));
    expect(await historyLines(meeting.id)).toHaveLength(2);
  });

  it('keeps a save whose history could not be appended, and notes it; the next save fills the gap', async () => {
    const { library, meeting } = await aDraft();
    const realOpen = fs.open.bind(fs);
    const refuse = vi.spyOn(fs, 'open').mockImplementation(async (path, ...rest) => {
      if (String(path).endsWith('.history.jsonl')) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
      return realOpen(path, ...(rest as [string]));
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const receipt = await library.saveMeeting(withText(meeting, 'saved while the history could not be'));
    expect(receipt.revision).toBe(1);
    await library.settled();
    expect(errors).toHaveBeenCalled();
    refuse.mockRestore();
    const listed = await library.meetingVersions(meeting.id);
    expect(listed.notes).toEqual([
      'A save could not be added to this meeting’s history (ENOSPC); the meeting itself was saved.',
      'The latest save (revision 1) is not in the history yet; it is added with the next save.',
    ]);
    await save(library, await library.loadMeeting(meeting.id), 'and the next save');
    const { versions } = await library.meetingVersions(meeting.id);
    expect(versions.map(({ revision, summary }) => [revision, summary])).toEqual([
      [2, 'Minute 3 narrative edited'],
      [1, 'Saved (added to the history later: Minute Book stopped before recording it)'],
      [0, 'Meeting created'],
    ]);
    expect(JSON.stringify((await library.meetingVersion(meeting.id, 1)).items)).toContain('saved while the history could not be');
  });
});

describe('opening and restoring versions', () => {
  it('opens every version exactly as it was saved, through the contract', async () => {
    const { library, meeting } = await aDraft();
    const saved = [meeting];
    for (let index = 1; index <= 6; index++) {
      const edited = structuredClone(saved.at(-1)!);
      if (index === 3) edited.attendance.apologies = [{ name: 'Councillor P Akhtar', note: '' }];
      if (index === 4) edited.venue = 'Diamond Room 1';
      saved.push(await save(library, edited, `Version ${index} of the minutes.`, 2 + (index % 2)));
    }
    const handlers = createHandlers(library, { printPdf: async () => new Uint8Array() });
    for (const version of saved) {
      expect(await dispatch(handlers, 'history:open', { meetingId: meeting.id, revision: version.revision })).toEqual({ ok: true, value: version });
    }
    expect(await dispatch(handlers, 'history:open', { meetingId: meeting.id, revision: 40 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `Revision 40 is not kept in the history of this meeting (meetings/${meeting.id}.history.jsonl).` },
    });
    expect(await dispatch(handlers, 'history:open', { meetingId: meeting.id, revision: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const listed = await dispatch(handlers, 'history:list', { meetingId: meeting.id });
    expect(listed.ok && (listed.value as { versions: unknown[] }).versions).toHaveLength(7);
    // The command line reads the same versions from the file, without the library.
    expect(await readMeetingVersion(join(folder, 'meetings', `${meeting.id}.json`), 4)).toEqual(saved[4]);
  });

  it('restores revision 3 of 7 as revision 8, and undoes that by restoring revision 7', async () => {
    const { library, meeting } = await aDraft();
    const saved = [meeting];
    for (let index = 1; index <= 7; index++) {
      const edited = structuredClone(saved.at(-1)!);
      edited.closingTime = `12:0${index}`;
      saved.push(await save(library, edited, `Version ${index} of the minutes.`));
    }
    const content = ({ id: _i, revision: _r, updatedAt: _u, ...rest }: Meeting) => rest;
    const handlers = createHandlers(library, { printPdf: async () => new Uint8Array() });
    expect(await dispatch(handlers, 'history:restore', { meetingId: meeting.id, revision: 3, baseRevision: 6 })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    clock = new Date(clock.getTime() + 60_000);
    const restored = await dispatch(handlers, 'history:restore', { meetingId: meeting.id, revision: 3, baseRevision: 7 });
    expect(restored).toMatchObject({ ok: true, value: { revision: 8 } });
    const r8 = await library.loadMeeting(meeting.id);
    expect(r8).toEqual((restored as { value: Meeting }).value);
    expect(content(r8)).toEqual(content(saved[3]!));
    expect(r8.updatedAt).toBe(clock.toISOString());

    const undone = await library.restoreVersion(meeting.id, 7, 8);
    expect(undone.revision).toBe(9);
    expect(content(undone)).toEqual(content(saved[7]!));

    const { versions } = await library.meetingVersions(meeting.id);
    expect(versions.slice(0, 2).map(({ revision, kind, summary }) => ({ revision, kind, summary }))).toEqual([
      { revision: 9, kind: 'restored', summary: `Restored the version of ${formatSavedAt(saved[7]!.updatedAt)} (revision 7)` },
      { revision: 8, kind: 'restored', summary: `Restored the version of ${formatSavedAt(saved[3]!.updatedAt)} (revision 3)` },
    ]);
    expect(formatSavedAt('2026-12-03T14:05:00')).toBe('3 December 2026, 2.05 pm');
    // Undoing needs the version before each restore: it is kept for ever.
    expect(versions.filter((version) => version.keptForever).map((version) => version.revision)).toEqual([9, 8, 7, 0]);
  });

  it('refuses to restore into minutes that are not a draft', async () => {
    const { library, meeting } = await aDraft();
    const published: Meeting = { ...meeting, id: crypto.randomUUID(), date: '2017-09-14', status: 'published', importedFrom: { file: 'a.txt', form: 'page-text', importedAt: clock.toISOString() } };
    await library.addImportedMeeting(published, null);
    await expect(library.restoreVersion(published.id, 0, 0)).rejects.toMatchObject({ code: 'read-only', message: 'This meeting is published: an earlier version cannot be restored into it.' });
  });
});

describe('retention', () => {
  const at = (iso: string, revision: number, kind: RetentionFacts['kind'] = 'saved'): RetentionFacts => ({ revision, savedAt: iso, kind });

  it('keeps the last day whole, the last of each hour for a week, the last of each day before that, and the kinds kept for ever', () => {
    const entries = [
      at('2026-11-01T09:00:00Z', 0, 'created'),
      at('2026-11-01T10:00:00Z', 1),
      at('2026-11-01T16:00:00Z', 2), // last of 1 November
      at('2026-11-02T09:00:00Z', 3, 'status'),
      at('2026-11-02T09:30:00Z', 4),
      at('2026-11-02T09:45:00Z', 5, 'restored'),
      at('2026-11-02T10:00:00Z', 6), // last of 2 November
      at('2026-11-28T09:10:00Z', 7),
      at('2026-11-28T09:50:00Z', 8), // last of its hour, within the week
      at('2026-11-28T10:20:00Z', 9), // last of its hour and of 28 November
      at('2026-11-30T15:00:00Z', 10), // within the last day
      at('2026-11-30T15:01:00Z', 11),
    ];
    expect([...retainedRevisions(entries, new Date('2026-12-01T09:00:00Z'))].sort((a, b) => a - b)).toEqual([0, 2, 3, 4, 5, 6, 8, 9, 10, 11]);
    // Revision 4 is kept because revision 5 restored over it; the latest is kept however old.
    expect([...retainedRevisions(entries.slice(0, 3), new Date('2030-01-01T00:00:00Z'))].sort()).toEqual([0, 2]);
  });

  it('over 10 days of saves every 2 minutes of the working day keeps exactly what the rule says, and compaction shrinks the file', async () => {
    const { library, meeting } = await aDraft();
    clock = new Date('2026-12-01T08:59:00.000Z');
    const times = new Map<number, Date>([[0, new Date('2026-12-01T08:59:00.000Z')]]);
    let current = meeting;
    let largest = 0;
    let compactions = 0;
    let previousSize = 0;
    for (let day = 0; day < 10; day++) {
      for (let minute = 9 * 60; minute < 17 * 60; minute += 2) {
        clock = new Date(Date.UTC(2026, 11, 1 + day, 0, minute));
        const receipt = await library.saveMeeting(withText(current, `Day ${day + 1}, ${minute} minutes in.`, 2 + (minute % 3)));
        current = await library.loadMeeting(meeting.id);
        times.set(receipt.revision, new Date(clock));
        const size = (await fs.stat(historyPath(meeting.id))).size;
        if (size < previousSize) compactions++;
        previousSize = size;
        largest = Math.max(largest, size);
      }
    }
    const lines = await historyLines(meeting.id);
    const header = HistoryHeader.parse(JSON.parse(lines[0]!));
    const revisions = lines.slice(1).map((line) => RevisionLine.parse(JSON.parse(line)).revision);
    const compactedAt = new Date(header.compacted!.at);
    // The latest revision at the last compaction; every later one was appended since and is all there.
    const lastCompacted = revisions[header.compacted!.lines - 1]!;
    // The rule, written out for this timetable: saves at :00, :02 … :58 from 09:00 to 16:58 UTC.
    const hour = 3600_000;
    const expected = [...times]
      .filter(([revision, time]) => {
        if (revision > lastCompacted) return true;
        const age = compactedAt.getTime() - time.getTime();
        return revision === 0 || age < 24 * hour || (age < 7 * 24 * hour && time.getUTCMinutes() === 58) || (time.getUTCHours() === 16 && time.getUTCMinutes() === 58);
      })
      .map(([revision]) => revision);
    expect(revisions).toEqual(expected);
    expect(revisions.length).toBeLessThan(times.size / 3);
    expect(compactions).toBeGreaterThan(3);
    const final = (await fs.stat(historyPath(meeting.id))).size;
    console.log(`10 days, ${times.size} revisions: history ${lines.length - 1} lines, ${Math.round(final / 1024)} KB (largest ${Math.round(largest / 1024)} KB, ${compactions} compactions)`);
    expect(final).toBeLessThan(largest);
    // Every kept version still opens.
    for (const revision of revisions.slice(0, 5)) expect((await library.meetingVersion(meeting.id, revision)).revision).toBe(revision);
  }, 240_000);

  it('costs little disk for a 150-item meeting saved 1,000 times with one item changing each time', async () => {
    const library = await open();
    const committee = await library.createCommittee(syntheticCommittee(0));
    const created = await library.createMeeting({ committeeId: committee.id, date: '2026-12-03', startTime: '14:00', venue: '' });
    const synthetic = syntheticMeeting(seededRandom(8), syntheticCommittee(0), '2026-12-03', 145);
    let current = (await library.saveMeeting({ ...created, items: synthetic.items })) && (await library.loadMeeting(created.id));
    expect(current.items).toHaveLength(150);
    const meetingBytes = (await fs.stat(join(folder, 'meetings', `${created.id}.json`))).size;
    for (let save = 0; save < 1000; save++) {
      clock = new Date(clock.getTime() + 30_000);
      const edited = structuredClone(current);
      edited.items[save % 150]!.minutes[0] = blocks.paragraph(`Save ${save}: the Board noted the report.`);
      const receipt = await library.saveMeeting(edited);
      current = { ...edited, revision: receipt.revision, updatedAt: receipt.updatedAt };
    }
    const historyBytes = (await fs.stat(historyPath(created.id))).size;
    const ratio = historyBytes / (1000 * meetingBytes);
    console.log(
      `150-item meeting (${Math.round(meetingBytes / 1024)} KB a copy) saved 1,000 times: history ${(historyBytes / 1048576).toFixed(1)} MB ` +
        `against ${((1000 * meetingBytes) / 1048576).toFixed(0)} MB for 1,000 full copies (${(ratio * 100).toFixed(1)}%)`,
    );
    expect(ratio).toBeLessThan(0.1);
    expect(await library.meetingVersion(created.id, 500)).toMatchObject({ revision: 500 });
  }, 240_000);
});

describe('a damaged history never blocks the meeting', () => {
  async function aMeetingWithHistory() {
    const { library, meeting } = await aDraft();
    const saved = await save(library, meeting, 'Kept before the damage.');
    await library.close();
    return { meeting, saved };
  }

  it('drops a torn last line (a crash while appending), keeps every whole line, and appends after them', async () => {
    const { meeting, saved } = await aMeetingWithHistory();
    const text = await fs.readFile(historyPath(meeting.id), 'utf8');
    await fs.writeFile(historyPath(meeting.id), `${text}{"revision":2,"savedAt":"2026-12-01T09:0`);
    const library = await open();
    expect((await library.meetingVersions(meeting.id)).notes).toEqual([
      'The last change recorded in this meeting’s history was cut off (Minute Book stopped while writing it) and was left out; every earlier version is kept.',
    ]);
    expect(library.overview().problems).toEqual([]);
    await save(library, await library.loadMeeting(meeting.id), 'After the crash.');
    const { versions, notes } = await library.meetingVersions(meeting.id);
    expect(notes).toEqual([]);
    expect(versions.map((version) => version.revision)).toEqual([2, 1, 0]);
    expect(await library.meetingVersion(meeting.id, 1)).toEqual(saved);
    for (const line of await historyLines(meeting.id)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it.each([
    ['not JSON', async () => 'this is not a history\n', /line 1: not valid JSON/],
    ['of a newer Minute Book', async (id: string) => `${JSON.stringify({ schemaVersion: 2, meetingId: id })}\n`, /written by a newer Minute Book \(history version 2; this one reads up to 1\)/],
    ['of another meeting', async () => `${JSON.stringify({ schemaVersion: 1, meetingId: crypto.randomUUID() })}\n`, /the history is of meeting [0-9a-f-]{36}, not of meeting/],
    ['damaged in the middle', async (id: string) => {
      const lines = await historyLines(id);
      return [lines[0], '{"revision": "two"}', ...lines.slice(1)].join('\n') + '\n';
    }, /line 2: revision: /],
  ])('sets aside a history %s, opens and saves the meeting, and starts a fresh history', async (_case, content, reason) => {
    const { meeting, saved } = await aMeetingWithHistory();
    await fs.writeFile(historyPath(meeting.id), await content(meeting.id));
    const library = await open();
    expect(await library.loadMeeting(meeting.id)).toEqual(saved);
    const listed = await library.meetingVersions(meeting.id);
    expect(listed.versions).toEqual([]);
    expect(listed.notes[0]).toMatch(reason);
    expect(listed.notes[0]).toMatch(/was moved to set-aside\/[0-9a-f-]{36}\.history\.jsonl\.[\dT-]+Z; versions are kept again from the next save\.$/);
    const problem = library.overview().problems.at(-1)!;
    expect(problem.file).toBe(`meetings/${meeting.id}.history.jsonl`);
    expect(problem.message).toMatch(reason);
    expect(await setAside()).toHaveLength(1);

    await save(library, saved, 'After the history was set aside.');
    const { versions } = await library.meetingVersions(meeting.id);
    expect(versions.map(({ revision, kind, summary }) => [revision, kind, summary])).toEqual([
      [2, 'saved', 'Minute 3 narrative edited'],
      [1, 'saved', 'History started again: the earlier history was set aside'],
    ]);
    expect(await library.meetingVersion(meeting.id, 1)).toEqual(saved);
  });

  it('sets aside a history over the size bound without reading it', async () => {
    const { meeting } = await aMeetingWithHistory();
    await fs.truncate(historyPath(meeting.id), 65 * 1024 * 1024);
    const library = await open();
    expect((await library.meetingVersions(meeting.id)).notes[0]).toMatch(/the file is 65 MB; Minute Book reads at most 64 MB/);
    expect(await setAside()).toHaveLength(1);
  });

  it('reports and skips a version whose stored item is missing, and opens the others', async () => {
    const { meeting, saved } = await aMeetingWithHistory();
    const lines = await historyLines(meeting.id);
    const second = RevisionLine.parse(JSON.parse(lines[2]!));
    const missing = Object.keys(second.blobs)[0]!;
    const third = { ...second, revision: 2, savedAt: '2026-12-01T10:00:00.000Z', blobs: {} };
    // Revision 2 needs an item no line stores.
    third.items = [...second.items.slice(0, -1), 'f'.repeat(64)];
    await fs.writeFile(historyPath(meeting.id), [...lines, JSON.stringify(third)].join('\n') + '\n');
    const library = await open();
    const { versions, notes } = await library.meetingVersions(meeting.id);
    expect(notes).toEqual([`The version of ${formatSavedAt('2026-12-01T10:00:00.000Z')} (revision 2) could not be rebuilt: 1 of its items are missing from the history, so it is left out.`]);
    expect(versions.map((version) => version.revision)).toEqual([1, 0]);
    expect(await library.meetingVersion(meeting.id, 1)).toEqual(saved);
    await expect(library.meetingVersion(meeting.id, 2)).rejects.toMatchObject({ code: 'not-found' });
    expect(missing).toMatch(/^[0-9a-f]{64}$/);
    expect(await setAside()).toEqual([]);
  });
});

describe('npm run cli -- history', () => {

  it('lists the versions, who saved them and which are kept for ever, reading only, while the app holds the library', async () => {
    const { library, meeting } = await aDraft();
    await save(library, meeting, 'The Board noted the report.');
    const meetingFile = join(folder, 'meetings', `${meeting.id}.json`);
    const before = await fs.readFile(historyPath(meeting.id), 'utf8');
    const text = cli('history', meetingFile);
    expect(text.stderr).toBe('');
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe('The meeting of 13 July 2017 (now revision 1): 2 version(s) kept');
    expect(lines[1]).toMatch(new RegExp(`^\\s+r1  ${formatSavedAt('2026-12-01T09:01:00.000Z')}\\s+mrose\\s+saved\\s+Minute 3 narrative edited  \\[kept for ever\\]$`));
    expect(lines[2]).toMatch(/^\s+r0 .* created\s+Meeting created {2}\[kept for ever\]$/);
    const json = JSON.parse(cli('history', meetingFile, '--json').stdout);
    expect(json).toEqual(await library.meetingVersions(meeting.id));
    expect(await fs.readFile(historyPath(meeting.id), 'utf8')).toBe(before);

    await fs.appendFile(historyPath(meeting.id), '{"revision":2,"sav');
    expect(cli('history', meetingFile).stdout).toContain('Note: The last change recorded in this meeting’s history was cut off');
    // The command line never repairs: the torn line is still there for the app to cut off.
    expect(await fs.readFile(historyPath(meeting.id), 'utf8')).toBe(`${before}{"revision":2,"sav`);
  }, 60_000);
});
