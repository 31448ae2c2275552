// An import of many files through the contract, as the window makes it (imports:start, the files sent
// in parts by imports:add-files, imports:progress, imports:cancel): the files read in a worker thread
// (the real importWorker, from its source) and stored a batch at a time. Progress counts the files and
// bytes; Cancel keeps what was stored and leaves no half-written file; a file that cannot be read is
// reported and the rest go on; a reader that dies is reported, never waited on for ever.
import { mkdtemp, readdir } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/services/handlers.js';
import { BATCH_FILES, FIRST_BATCH_FILES, ImportJobs } from '../../electron/services/importJob.js';
import { ImportReaders } from '../../electron/services/importReaders.js';
import { LibrarySearch } from '../../electron/services/librarySearch.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { SearchDatabase } from '../../electron/services/searchDatabase.js';
import type { Channel, ImportProgress } from '../../shared/contract.js';
import { readersThatDie, sourceReaders } from '../fixtures/importReaders.js';
import { minutesOnDays, notMinutes } from '../fixtures/manyMinutes.js';
import { contractCalls, removeTestFolder } from './builders.js';

let folder: string;
let library: MeetingLibrary;
let search: LibrarySearch;
let call: (channel: Channel, input: unknown) => Promise<unknown>;
let failure: (channel: Channel, input: unknown) => Promise<{ code: string; message: string }>;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-import-job-'));
  library = await MeetingLibrary.open({ folder });
  search = new LibrarySearch(library);
  ({ call, failure } = contractCalls(createHandlers(library, { printPdf: async () => new Uint8Array(), importReaders: sourceReaders }, search)));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await search.close();
  await library.close();
  await removeTestFolder(folder);
});

const sent = (files: readonly { name: string; text: string }[]) => files.map((file) => ({ fileName: file.name, base64: Buffer.from(file.text).toString('base64') }));
const bytesOf = (files: readonly { name: string; text: string }[]) => files.reduce((total, file) => total + Buffer.byteLength(file.text), 0);

/** Begins an import of `files`, sent in parts of 25; answers its id, and the progress seen after each part. */
async function importFiles(files: readonly { name: string; text: string }[], onDuplicate: 'skip' | 'replace' = 'skip'): Promise<{ jobId: string; seen: ImportProgress[] }> {
  const begun = (await call('imports:start', { total: files.length, totalBytes: bytesOf(files), onDuplicate })) as ImportProgress;
  const seen = [begun];
  for (let at = 0; at < files.length; at += 25) seen.push((await call('imports:add-files', { jobId: begun.jobId, files: sent(files.slice(at, at + 25)), last: at + 25 >= files.length })) as ImportProgress);
  return { jobId: begun.jobId, seen };
}

/** Asks after the import until it has ended; answers every answer. */
async function untilEnded(jobId: string): Promise<ImportProgress[]> {
  const seen: ImportProgress[] = [];
  for (;;) {
    const now = (await call('imports:progress', { jobId })) as ImportProgress;
    seen.push(now);
    if (now.state !== 'importing') return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('an import of many files', () => {
  it('counts the files and bytes read, stores every meeting, and indexes them once per batch', async () => {
    const replaceMeetings = vi.spyOn(SearchDatabase.prototype, 'replaceMeetings');
    const files = await minutesOnDays(FIRST_BATCH_FILES + 2 * BATCH_FILES);
    const { jobId, seen } = await importFiles(files);
    seen.push(...(await untilEnded(jobId)));
    const final = seen.at(-1)!;
    expect(final).toMatchObject({ state: 'done', total: files.length, done: files.length, bytes: bytesOf(files), totalBytes: bytesOf(files), current: null, unread: [], notReached: 0, failure: null });
    expect(final.summary.meetings).toBe(files.length);
    expect(final.summary.addedMeetings).toHaveLength(files.length);
    expect(final.summary.files.map((file) => file.fileName)).toEqual(files.map((file) => file.name));
    // Files done only ever grow, and meetings are stored as the import goes, not all at its end.
    const done = seen.map((progress) => progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(seen.some((progress) => progress.state === 'importing' && progress.summary.meetings > 0 && progress.summary.meetings < files.length)).toBe(true);
    expect(library.overview().meetings).toHaveLength(files.length);
    // Three batches (a smaller first one, so storing begins sooner): three transactions of the search index, whatever the timing of the writes.
    expect(replaceMeetings).toHaveBeenCalledTimes(3);
    expect(replaceMeetings.mock.calls.map(([meetings]) => meetings.length)).toEqual([FIRST_BATCH_FILES, BATCH_FILES, BATCH_FILES]);
    const hits = await search.search('Young Carers', {}, 500);
    expect(new Set(hits.map((hit) => hit.date)).size).toBeGreaterThan(100);
  }, 120_000);

  it('stops on Cancel after the file in hand, keeping what was imported and leaving no half-written file', async () => {
    const files = await minutesOnDays(200);
    const { jobId } = (await call('imports:start', { total: 200, totalBytes: bytesOf(files), onDuplicate: 'skip' })) as ImportProgress;
    await call('imports:add-files', { jobId, files: sent(files.slice(0, 100)), last: false });
    let before = 0;
    await vi.waitFor(async () => expect((before = ((await call('imports:progress', { jobId })) as ImportProgress).done)).toBeGreaterThanOrEqual(5), { timeout: 60_000, interval: 20 });
    const final = (await call('imports:cancel', { jobId })) as ImportProgress;
    // Each reader's file in hand finishes (and perhaps one answered as Cancel was sent); the files given to them ahead are let go.
    expect(final.done).toBeLessThanOrEqual(before + Math.max(1, availableParallelism() - 1) + 1);
    expect(final.state).toBe('cancelled');
    expect(final.done).toBeLessThan(200);
    expect(final.notReached).toBe(200 - final.done);
    // Every file read was stored: nothing read is dropped.
    expect(final.summary.meetings).toBe(final.done);
    expect(library.overview().meetings.map((meeting) => meeting.id).sort()).toEqual([...final.summary.addedMeetings].sort());
    const names = await readdir(join(folder, 'meetings'));
    expect(names.filter((name) => /^[0-9a-f-]{36}\.json$/.test(name))).toHaveLength(final.done);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Parts still on their way are let go, and the next import may begin.
    expect(((await call('imports:add-files', { jobId, files: sent(files.slice(100, 125)), last: false })) as ImportProgress).state).toBe('cancelled');
    expect(((await call('imports:start', { total: 1, totalBytes: 1, onDuplicate: 'skip' })) as ImportProgress).state).toBe('importing');
  }, 120_000);

  it('reports a file that is not minutes and goes on with the rest, skipping meetings already in the library', async () => {
    const files = await minutesOnDays(30);
    await untilEnded((await importFiles(files.slice(0, 5))).jobId);
    const { jobId } = await importFiles([...files.slice(0, 10), notMinutes, ...files.slice(10)]);
    const final = (await untilEnded(jobId)).at(-1)!;
    expect(final.state).toBe('done');
    expect(final.unread).toEqual([{ fileName: notMinutes.name, reason: expect.stringMatching(/^Cannot import “010-a-note\.txt”: it has none of the structure of the minutes/) }]);
    expect(final.summary).toMatchObject({ meetings: 25, skipped: 5 });
    expect(library.overview().meetings).toHaveLength(30);
  }, 120_000);

  it('is refused while another runs, and for more files than announced', async () => {
    const files = await minutesOnDays(3);
    const { jobId } = (await call('imports:start', { total: 2, totalBytes: bytesOf(files), onDuplicate: 'skip' })) as ImportProgress;
    expect(await failure('imports:start', { total: 1, totalBytes: 1, onDuplicate: 'skip' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('Another import is under way') });
    expect(await failure('imports:add-files', { jobId, files: sent(files), last: true })).toMatchObject({ code: 'conflict', message: expect.stringContaining('begun for 2 files') });
    expect(await failure('imports:progress', { jobId: crypto.randomUUID() })).toMatchObject({ code: 'not-found' });
    await call('imports:cancel', { jobId });
  }, 60_000);
});

describe('the import readers', () => {
  it('report a file whose reader died and read the next with a fresh one, never waiting for ever', async () => {
    const readers = new ImportReaders(readersThatDie, { size: 1 });
    const [minutes] = await minutesOnDays(1);
    try {
      const died = await readers.read({ id: 1, fileName: 'dies.txt', bytes: Buffer.from(minutes!.text) });
      expect(died).toEqual({ id: 1, bytes: Buffer.byteLength(minutes!.text), ok: false, message: "Cannot import “dies.txt”: Minute Book's reader stopped while reading it (it stopped with code 70); the other files went on." });
      const next = await readers.read({ id: 2, fileName: minutes!.name, bytes: Buffer.from(minutes!.text) });
      expect(next).toMatchObject({ ok: true, outcome: { meetings: [{ date: '2000-01-03' }] } });
    } finally {
      await readers.close();
    }
  }, 120_000);

  it('report, within an import, a file whose reader died, and import the rest', async () => {
    const dying = new ImportJobs({ library, search, readers: readersThatDie, readerCount: 1 });
    const files = await minutesOnDays(6);
    const job = dying.start(7, 0, 'skip');
    await job.add([...files.slice(0, 3), { name: 'dies.txt', text: files[5]!.text }, ...files.slice(3, 5)].map((file) => ({ fileName: file.name, bytes: Buffer.from(file.text) })), true);
    const final = await job.finished;
    expect(final.state).toBe('done');
    expect(final.unread.map((file) => file.fileName)).toEqual(['dies.txt']);
    expect(final.summary.meetings).toBe(5);
  }, 120_000);

  it('give up a file not read in time, and say so', async () => {
    const readers = new ImportReaders(sourceReaders, { size: 1, timeLimitMs: 1 });
    try {
      const [minutes] = await minutesOnDays(1);
      expect(await readers.read({ id: 1, fileName: 'slow.txt', bytes: Buffer.from(minutes!.text) })).toMatchObject({ ok: false, message: 'Cannot import “slow.txt”: it was not read in 0.001 seconds; check that it is the right file.' });
    } finally {
      await readers.close();
    }
  }, 60_000);
});
