// An import of many files (a folder of the archive): the files are read by worker threads
// (importReaders.ts) and stored here, on the node side's own thread, which alone holds the library's
// lock and writes its files, a batch at a time through the same importIntoLibrary as every import
// (signed, circulated and agreed minutes kept, duplicates skipped or replaced as chosen, each file's
// report kept with its meeting). Each batch writes library.json once and the search index once, in
// one transaction. Between files the library answers saves and searches as usual. Cancel stops after
// the file in hand: the files read so far are stored and listed; every meeting file is written whole
// (durableFile.ts), so none is left half-written.
import { randomUUID } from 'node:crypto';
import type { ImportProgress, ImportRequest, ImportSummary } from '../../shared/contract.js';
import { importRequestFile, readForCommittee, type GivenDetails, type ImportOptions, type ImportOutcome } from '../../shared/import/index.js';
import type { Committee } from '../../shared/model/committee.js';
import { ImportReaders, type ReadAnswer, type ReaderScript } from './importReaders.js';
import { LibraryError } from './libraryErrors.js';
import { importIntoLibrary } from './libraryImport.js';
import type { LibrarySearch } from './librarySearch.js';
import type { MeetingLibrary } from './meetingLibrary.js';

/** A file to import: its bytes (sent by the window), or its path (the command line, the desktop app's folder). */
export interface ImportSource {
  fileName: string;
  path?: string;
  bytes?: Uint8Array;
}

/** Files stored per batch: a batch is one write of library.json and one transaction of the search index. */
export const BATCH_FILES = 50;
/** Files in the first batch: a smaller one, so storing begins while the rest are read, not after a whole batch is (the store waited a second for the readers). */
export const FIRST_BATCH_FILES = 10;
/** Bytes read per batch at most, so a batch of large files is stored (and its bytes let go) sooner. */
const BATCH_BYTES = 16 * 1024 * 1024;
/** An import whose next files have not come in this time is ended as cancelled: the window that sent them has gone. */
export const FILES_AWAITED_MS = 60_000;
/** Files the window may have sent ahead of the readers: imports:add-files waits while more are waiting. */
const MOST_WAITING = 2 * BATCH_FILES;
/** Files given to the readers ahead of the one being stored: a batch's worth, so they read on while a batch is stored. */
const READ_AHEAD = BATCH_FILES;

const noSummary = (): ImportSummary => ({ meetings: 0, items: 0, resolutions: 0, warnings: 0, skipped: 0, kept: 0, replaced: 0, replacedMeetings: [], addedMeetings: [], files: [] });

/** `into` with `batch`'s counts added and its lists appended. */
function addSummary(into: ImportSummary, batch: ImportSummary): void {
  for (const count of ['meetings', 'items', 'resolutions', 'warnings', 'skipped', 'kept', 'replaced'] as const) into[count] += batch[count];
  into.replacedMeetings.push(...batch.replacedMeetings);
  into.addedMeetings.push(...batch.addedMeetings);
  into.files.push(...batch.files);
}

/**
 * What an import of many files is given: where the readers' script is, the committees a file is read
 * against (readForCommittee: their own kinds of interest), what the clerk gave for details files do not
 * state, and how a batch is stored (importIntoLibrary, answering what it did).
 */
export interface ImportJobContext {
  readers: ReaderScript;
  /** How many files are read at once (the cores spare by default); tests set it. */
  readerCount?: number;
  committees: () => Promise<readonly Pick<Committee, 'name' | 'declarationKinds'>[]>;
  given?: GivenDetails;
  /** Why a file read is not stored (a detail it does not state), or null to store it; every file is stored when absent. */
  notStored?: (outcome: ImportOutcome) => Promise<string | null>;
  /** Told of each file read or not, in order (the command line lists their reports). */
  onRead?: (fileName: string, read: { ok: true; outcome: ImportOutcome } | { ok: false; message: string }) => void;
  store: (files: ImportRequest['files']) => Promise<ImportSummary>;
}

export class ImportJob {
  readonly id = randomUUID();
  private readonly sources: ImportSource[] = [];
  private complete = false;
  private cancelled = false;
  private readonly progress_: ImportProgress;
  private readonly readers: ImportReaders;
  /** Wakes the run when files arrive, and the sender when the readers have room. */
  private filesArrived: (() => void) | null = null;
  private readonly roomWaiters: (() => void)[] = [];
  private taken = 0;
  /** Resolves when the import has ended (done, cancelled or failed); never rejects. */
  readonly finished: Promise<ImportProgress>;

  constructor(
    private readonly context: ImportJobContext,
    total: number,
    totalBytes: number,
  ) {
    this.readers = new ImportReaders(context.readers, context.readerCount === undefined ? {} : { size: context.readerCount });
    this.progress_ = { jobId: this.id, state: 'importing', total, done: 0, bytes: 0, totalBytes, current: null, summary: noSummary(), unread: [], notReached: 0, failure: null };
    this.finished = this.run();
  }

  /** A copy of how the import is getting on. */
  progress(): ImportProgress {
    const progress = this.progress_;
    return { ...progress, summary: { ...progress.summary, files: [...progress.summary.files] }, unread: [...progress.unread] };
  }

  /**
   * Takes more files (`last` when there are no more); resolves once the readers have room, so a
   * sender going faster than the reading holds no more than a couple of batches in memory.
   * @throws LibraryError conflict when more files come than were announced, or after the last part
   */
  async add(sources: readonly ImportSource[], last: boolean): Promise<void> {
    if (this.complete) throw new LibraryError('conflict', 'The import has all its files already.');
    // Parts still on their way when the import was cancelled (or failed) are let go.
    if (this.cancelled || this.progress_.state !== 'importing') return;
    if (this.sources.length + sources.length > this.progress_.total) throw new LibraryError('conflict', `The import was begun for ${this.progress_.total} files; more were sent.`);
    this.sources.push(...sources);
    if (last) this.complete = true;
    this.filesArrived?.();
    while (!this.cancelled && this.progress_.state === 'importing' && this.sources.length - this.taken > MOST_WAITING) {
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
  }

  /** Stops after the file in hand; what was read is stored. Resolves when the import has ended. */
  cancel(): Promise<ImportProgress> {
    this.cancelled = true;
    this.readers.forgetWaiting();
    this.filesArrived?.();
    return this.finished;
  }

  private async run(): Promise<ImportProgress> {
    const progress = this.progress_;
    // In order of the files, a batch ahead of the one being stored, so no reader waits on the storing.
    const inHand: { source: ImportSource; answer: Promise<ReadAnswer> }[] = [];
    let batch: { source: ImportSource; outcome: ImportOutcome }[] = [];
    let batchBytes = 0;
    let batchFiles = FIRST_BATCH_FILES;
    try {
      for (;;) {
        while (!this.cancelled && inHand.length < READ_AHEAD + this.readers.size && this.taken < this.sources.length) {
          const source = this.sources[this.taken]!;
          inHand.push({ source, answer: this.readers.read({ id: this.taken, ...source }) });
          this.taken++;
          for (const wake of this.roomWaiters.splice(0)) wake();
        }
        if (inHand.length === 0) {
          if (this.cancelled || (this.complete && this.taken === this.sources.length)) break;
          const arrived = await new Promise<boolean>((resolve) => {
            const gone = setTimeout(() => resolve(false), FILES_AWAITED_MS);
            this.filesArrived = () => {
              clearTimeout(gone);
              resolve(true);
            };
          });
          this.filesArrived = null;
          if (!arrived) {
            this.cancelled = true;
            progress.failure = `The rest of the files did not come within ${FILES_AWAITED_MS / 1000} seconds (the window that sent them was closed?): the import stopped, and what it stored is kept.`;
          }
          continue;
        }
        const { source, answer } = inHand.shift()!;
        progress.current = source.fileName;
        const read = await answer;
        // Let go on Cancel before a reader began it: not reached.
        if (!read.ok && read.notBegun === true) continue;
        progress.done++;
        progress.bytes += read.bytes;
        this.context.onRead?.(source.fileName, read);
        const why = read.ok ? ((await this.context.notStored?.(read.outcome)) ?? null) : read.message;
        if (why === null && read.ok) batch.push({ source, outcome: read.outcome });
        else if (why !== null) progress.unread.push({ fileName: source.fileName, reason: why });
        batchBytes += read.bytes;
        if (batch.length >= batchFiles || batchBytes >= BATCH_BYTES) {
          await this.store(batch);
          batch = [];
          batchBytes = 0;
          batchFiles = BATCH_FILES;
        }
      }
      await this.store(batch);
      progress.state = this.cancelled && progress.done < progress.total ? 'cancelled' : 'done';
    } catch (error) {
      // The library refused (read-only) or failed: what was stored before stays; the rest is not reached.
      progress.state = 'failed';
      progress.failure = error instanceof Error ? error.message : String(error);
      if (!(error instanceof LibraryError)) console.error('[minute-book] an import of many files failed:', error);
    } finally {
      progress.current = null;
      progress.notReached = progress.total - progress.done;
      this.sources.length = 0;
      for (const wake of this.roomWaiters.splice(0)) wake();
      await this.readers.close();
    }
    return this.progress();
  }

  /** Stores a batch: each file read again against its committee's own kinds of interest where it has some, then all together. */
  private async store(batch: readonly { source: ImportSource; outcome: ImportOutcome }[]): Promise<void> {
    if (batch.length === 0) return;
    const given = this.context.given ?? {};
    const files: ImportRequest['files'] = [];
    for (const { source, outcome } of batch) {
      const readAgain = async (options: ImportOptions): Promise<ImportOutcome> => {
        const again = await this.readers.read({ id: -1, ...source, ...(options.declarationKinds === undefined ? {} : { declarationKinds: [...options.declarationKinds] }) });
        if (!again.ok) throw new Error(again.message);
        return again.outcome;
      };
      try {
        files.push(importRequestFile(await readForCommittee(outcome, given, await this.context.committees(), readAgain), given));
      } catch (error) {
        this.progress_.unread.push({ fileName: source.fileName, reason: (error as Error).message });
      }
    }
    addSummary(this.progress_.summary, await this.context.store(files));
    // The bytes sent are let go once their meetings are stored.
    for (const { source } of batch) delete source.bytes;
  }
}

/** The node side's imports of many files: one at a time, each found by its id while the window asks after it. */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly context: { library: MeetingLibrary; search: LibrarySearch; readers: ReaderScript; readerCount?: number }) {}

  /**
   * Begins an import of `total` files, sent later with ImportJob.add. Drafts being written are never
   * replaced by it (there is no asking about each), nor anything circulated, agreed or signed.
   * @throws LibraryError conflict while another import of many files is under way, read-only when the library is
   */
  start(total: number, totalBytes: number, onDuplicate: ImportRequest['onDuplicate']): ImportJob {
    const { library, search, readers, readerCount } = this.context;
    const reason = library.overview().readOnly;
    if (reason !== null) throw new LibraryError('read-only', reason);
    if ([...this.jobs.values()].some((job) => job.progress().state === 'importing')) throw new LibraryError('conflict', 'Another import is under way: wait for it to finish, or cancel it, before beginning one more.');
    // Only the latest import is asked after; earlier ones are forgotten.
    this.jobs.clear();
    const job = new ImportJob(
      {
        readers,
        ...(readerCount === undefined ? {} : { readerCount }),
        committees: async () => library.overview().committees,
        // One transaction of the search index per batch.
        store: async (files) => (await search.indexAfter(() => importIntoLibrary(library, { files, onDuplicate, replaceDrafts: [] }, { now: new Date(), newId: randomUUID }))).summary,
      },
      total,
      totalBytes,
    );
    this.jobs.set(job.id, job);
    return job;
  }

  /** @throws LibraryError not-found for an import this node side does not know (it was restarted, or a later import began) */
  job(jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new LibraryError('not-found', 'That import is no longer known here (Minute Book was restarted, or another import began since); what it stored is in the library.');
    return job;
  }
}
