// The search index as the library keeps it on disk (search.sqlite): current after every save and import,
// caught up after a crash between a save and its indexing, rebuilt when damaged or of another schema
// version, and never touching a meeting file. The seed meetings are the data.
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRequest } from '../../shared/contract.js';
import * as blocks from '../../shared/editor/blocks.js';
import { plainNumbering } from '../../shared/model/committee.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { importIntoLibrary } from '../../electron/services/libraryImport.js';
import { LibrarySearch, SEARCH_DATABASE_FILE } from '../../electron/services/librarySearch.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { SearchDatabase } from '../../electron/services/searchDatabase.js';
import { meeting004 } from '../fixtures/seed004.js';
import { aCommittee, cli, removeTestFolder } from './builders.js';

const { id: _id, createdAt: _createdAt, ...boardFields } = aCommittee();

let folder: string;
let opened: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'minute-book-search-'));
  opened = [];
});

afterEach(async () => {
  for (const open of opened.reverse()) await open.close();
  await removeTestFolder(folder);
});

async function openLibrary(): Promise<{ library: MeetingLibrary; search: LibrarySearch }> {
  const library = await MeetingLibrary.open({ folder });
  const search = new LibrarySearch(library);
  opened.push(library, search);
  return { library, search };
}

/** Closes what `openLibrary` opened, as quitting does. */
async function quit({ library, search }: { library: MeetingLibrary; search: LibrarySearch }): Promise<void> {
  await search.close();
  await library.close();
  opened = opened.filter((open) => open !== library && open !== search);
}

const withText = (meeting: Meeting, text: string): Meeting => {
  const edited = structuredClone(meeting);
  edited.items[2]!.minutes = [blocks.paragraph(text)];
  return edited;
};

async function aLibraryWithADraft(text = 'The Board resolved about school places.') {
  const opened = await openLibrary();
  const committee = await opened.library.createCommittee(boardFields);
  const created = await opened.library.createMeeting({ committeeId: committee.id, date: '2017-07-13', startTime: '10:00', venue: 'Committee Room 3' });
  await opened.library.saveMeeting(withText(created, text));
  return { ...opened, committee, meeting: await opened.library.loadMeeting(created.id) };
}

const found = async (search: LibrarySearch, query: string) => (await search.search(query, {}, 20)).map((hit) => hit.meetingId);

/** Every file of the meetings folder with its bytes and time, to show nothing here writes them. */
async function meetingFiles(): Promise<Record<string, string>> {
  const names = (await fs.readdir(join(folder, 'meetings'))).sort();
  const entries = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, 'meetings', name);
      return [name, `${(await fs.stat(path)).mtimeMs} ${await fs.readFile(path, 'utf8')}`] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** A library with one draft, indexed, then closed as on quitting; and its meeting files as they were left. */
async function aClosedLibrary() {
  const first = await aLibraryWithADraft();
  await first.search.searchable();
  await quit(first);
  return { first, before: await meetingFiles() };
}

describe('keeping the search index current', () => {
  it('indexes every save at once, in the database beside the meetings', async () => {
    const { library, search, meeting } = await aLibraryWithADraft();
    await search.searchable();
    expect(await found(search, 'school places')).toEqual([meeting.id]);
    await library.saveMeeting(withText(meeting, 'Kinship placements were reviewed.'));
    expect(await found(search, 'kinship')).toEqual([meeting.id]);
    expect(await found(search, 'school places')).toEqual([]);
    await expect(fs.stat(join(folder, SEARCH_DATABASE_FILE))).resolves.toBeTruthy();
  });

  it('answers a save before indexing it, keeping its mark until then, and a search just after finds it', async () => {
    const { library, search, meeting } = await aLibraryWithADraft();
    await search.searchable();
    const marks = () => {
      // A second connection, as the next opening after a kill would read the database.
      const database = SearchDatabase.open(join(folder, SEARCH_DATABASE_FILE));
      const writing = database.indexedMeetings().get(meeting.id)?.writing;
      database.close();
      return writing;
    };
    expect(marks()).toBe(false);
    await library.saveMeeting(withText(meeting, 'Kinship placements were reviewed.'));
    // Answered with the file safe and the index not yet told: a kill now is caught up at the next opening.
    expect(marks()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(marks()).toBe(false);
    const again = await library.loadMeeting(meeting.id);
    await library.saveMeeting(withText(again, 'Foster carers were thanked.'));
    expect(await found(search, 'foster carers')).toEqual([meeting.id]);
    expect(marks()).toBe(false);
  });

  it('keeps the mark of a meeting whose next write has begun when an earlier save of it is indexed', async () => {
    const { library, search, meeting } = await aLibraryWithADraft();
    await search.searchable();
    await library.saveMeeting(withText(meeting, 'Kinship placements were reviewed.'));
    // The next save has marked the meeting and not yet written its file when the earlier save is indexed.
    let releaseWrite = () => undefined as void;
    const writeMayGo = new Promise<void>((resolve) => (releaseWrite = resolve));
    library.onWillWriteMeeting(() => writeMayGo);
    const saving = library.saveMeeting(withText(await library.loadMeeting(meeting.id), 'Foster carers were thanked.'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await found(search, 'kinship')).toEqual([meeting.id]);
    const database = SearchDatabase.open(join(folder, SEARCH_DATABASE_FILE));
    expect(database.indexedMeetings().get(meeting.id)?.writing).toBe(true);
    database.close();
    releaseWrite();
    await saving;
    expect(await found(search, 'foster carers')).toEqual([meeting.id]);
  });

  it('indexes imported meetings', async () => {
    const { library, search, committee } = await aLibraryWithADraft();
    await search.searchable();
    const request: ImportRequest = {
      files: [
        {
          fileName: 'archive.html',
          form: 'page-html',
          warnings: [],
          unplaced: [],
          guesses: [],
          meetings: [
            {
              committee: { name: committee.name, council: 'Coventry City Council' },
              date: '2018-01-11',
              startTime: meeting004.startTime,
              closingTime: null,
              venue: 'From the archive',
              contact: null,
              attendance: meeting004.attendance,
              numberingStyle: plainNumbering,
              items: meeting004.items,
            },
          ],
        },
      ],
      onDuplicate: 'replace',
      replaceDrafts: [],
    };
    const { stored, summary } = await importIntoLibrary(library, request, { now: new Date('2026-12-02T12:00:00Z'), newId: () => crypto.randomUUID() });
    expect(summary).toMatchObject({ meetings: 1 });
    expect(await found(search, 'young carers')).toContain(stored[0]!.id);
  });

  it('catches up after a kill between a save and its indexing: the meeting was marked before its file was written', async () => {
    const first = await aLibraryWithADraft();
    await first.search.searchable();
    // The kill: the mark made just before the write is in the database, the indexing after it never happened.
    await first.search.close();
    const database = SearchDatabase.open(join(folder, SEARCH_DATABASE_FILE));
    database.markWriting(first.meeting.id);
    database.close();
    await first.library.saveMeeting(withText(first.meeting, 'Outstanding issues were reviewed again.'));
    // Even with the file's time set back, the mark says.
    const past = new Date(Date.now() - 3_600_000);
    await fs.utimes(join(folder, 'meetings', `${first.meeting.id}.json`), past, past);
    await quit(first);

    const { search } = await openLibrary();
    expect(await found(search, 'reviewed again')).toEqual([first.meeting.id]);
  });

  it('indexes again a meeting file changed while the library was closed, and drops one removed', async () => {
    const first = await aLibraryWithADraft();
    const other = await first.library.createMeeting({ committeeId: first.committee.id, date: '2017-09-14', startTime: '10:00', venue: '' });
    await first.library.saveMeeting(withText(other, 'Kinship placements were reviewed.'));
    await first.search.searchable();
    await quit(first);
    const path = join(folder, 'meetings', `${first.meeting.id}.json`);
    await fs.writeFile(path, (await fs.readFile(path, 'utf8')).replace('school places', 'nursery places'));
    await fs.rm(join(folder, 'meetings', `${other.id}.json`));

    const { search } = await openLibrary();
    expect(await found(search, 'nursery')).toEqual([first.meeting.id]);
    expect(await found(search, 'kinship')).toEqual([]);
  });
});

describe('a search database that cannot be used', () => {
  it('is rebuilt from the meeting files when damaged, and the meeting files are not touched', async () => {
    const { first, before } = await aClosedLibrary();
    await fs.writeFile(join(folder, SEARCH_DATABASE_FILE), Buffer.alloc(8192, 0x5a));
    await fs.rm(join(folder, `${SEARCH_DATABASE_FILE}-wal`), { force: true });

    const { search } = await openLibrary();
    await search.ready;
    expect(search.status()).toMatchObject({ state: 'rebuilding', reason: expect.stringMatching(/could not be used .*not a database/) });
    expect(await found(search, 'school places')).toEqual([first.meeting.id]);
    expect(await meetingFiles()).toEqual(before);
  });

  it('is rebuilt when of a newer schema version, without touching the meeting files', async () => {
    const { first, before } = await aClosedLibrary();
    const newer = new Database(join(folder, SEARCH_DATABASE_FILE));
    newer.exec('PRAGMA user_version = 99');
    newer.close();

    const { search } = await openLibrary();
    await search.ready;
    expect(search.status()).toMatchObject({ state: 'rebuilding', reason: expect.stringContaining('schema version 99') });
    expect(await search.searchable()).toEqual({ state: 'ready' });
    expect(await found(search, 'school places')).toEqual([first.meeting.id]);
    expect(await meetingFiles()).toEqual(before);
  });

  it('says why search is unavailable while a rebuild has not finished', async () => {
    const first = await aLibraryWithADraft();
    await quit(first);
    await fs.rm(join(folder, SEARCH_DATABASE_FILE));
    const { library, search } = await openLibrary();
    // A rebuild that cannot read the meetings yet: the library's queue is held.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = (library as unknown as { exclusive<T>(task: () => Promise<T>): Promise<T> }).exclusive(() => held);
    await search.ready;
    await expect(search.search('school places', {}, 10)).rejects.toThrow(/being rebuilt from the meeting files \(0 of 1 meetings\)/);
    release();
    await holding;
    expect(await found(search, 'school places')).toEqual([first.meeting.id]);
  }, 10_000);

  it('is built in memory for a library opened read-only, writing nothing in its folder', async () => {
    const first = await aLibraryWithADraft();
    await quit(first);
    await fs.rm(join(folder, SEARCH_DATABASE_FILE));
    const library = await MeetingLibrary.open({ folder, dryRun: true });
    const search = new LibrarySearch(library);
    opened.push(library, search);
    expect(await found(search, 'school places')).toEqual([first.meeting.id]);
    await expect(fs.stat(join(folder, SEARCH_DATABASE_FILE))).rejects.toThrow(/ENOENT/);
  });
});

describe('npm run cli -- reindex', () => {
  it('rebuilds the index from the meeting files, which it leaves as they were', async () => {
    const { first, before } = await aClosedLibrary();
    await fs.writeFile(join(folder, SEARCH_DATABASE_FILE), 'damaged');

    const result = cli('reindex', '--library', folder);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Rebuilt the search index of 1 meeting\(s\) in \d+\.\d s\.$/m);
    expect(result.status).toBe(0);
    expect(await meetingFiles()).toEqual(before);
    const database = SearchDatabase.open(join(folder, SEARCH_DATABASE_FILE));
    expect(database.search('school places').map((hit) => hit.meetingId)).toEqual([first.meeting.id]);
    database.close();
  }, 30_000);
});
