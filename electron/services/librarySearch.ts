// Search, registers and minute references over the whole library, all answered from one SQLite
// database in the library folder (search.sqlite, searchDatabase.ts), opened at start-up rather than
// loaded, and kept current as the library writes: a meeting is marked in it just before its file is
// written and indexed, in one transaction, a moment after the save is answered (with any other saves
// of that moment, and always before the index is next read); so a crash in between leaves the mark, and the
// next opening indexes that meeting again, as it does any file changed since it was indexed (its time on
// disk) and drops meetings the library no longer holds. The database is derived data: missing, damaged,
// of another schema version or impossible to open (locked, read-only folder), it is built again from the
// meeting files in the background, in memory when the folder cannot take it, and search says why it is
// unavailable meanwhile. Nothing here writes a meeting file.
import fs from 'node:fs/promises';
import { join } from 'node:path';
import type { Meeting } from '../../shared/model/meeting.js';
import type { MinutePlace } from '../../shared/search/citation.js';
import type { CitedMinute } from '../../shared/search/minuteReferences.js';
import type { SearchFilters, SearchHit } from '../../shared/search/minutesIndex.js';
import type { LibraryRegisters } from '../../shared/search/registers.js';
import { stampIsRacy } from './fileClock.js';
import { LibraryError } from './libraryErrors.js';
import type { MeetingLibrary } from './meetingLibrary.js';
import { SearchDatabase, UnusableSearchDatabase, isDamagedDatabase, type PagedRegister, type RegisterPage, type RegisterPageRequest } from './searchDatabase.js';

export const SEARCH_DATABASE_FILE = 'search.sqlite';

/** What the MiniSearch index left in a library folder: derived data, removed when the database replaces it. */
const FORMER_INDEX_FILES = ['search-index.json', 'search-index.journal'];
/** Meetings indexed per transaction while rebuilding: big enough to be quick, small enough that a save waiting behind one is not noticed. */
const REBUILD_BATCH = 50;
/** Pages of the index merged per step after a rebuild: 46 ms a step on average at 10,000 meetings, the longest 0.36 s. */
const MERGE_STEP_PAGES = 100;
/** How long a search waits for a rebuild under way before saying search is unavailable: a small library is rebuilt within it. */
const SEARCH_WAITS_MS = 3000;
/**
 * How long after a save its meeting waits to be indexed: the save is answered once its file is safe
 * (the index's transaction cost a save about a third of its time), and a burst of saves is indexed in
 * one. Until then the meeting keeps the mark made before its file was written, so a crash in between
 * is caught up at the next opening; and anything that reads the index takes the waiting meetings first.
 */
const INDEX_AFTER_SAVE_MS = 200;

/** Whether search can answer now, and if not why; `done` of `total` meetings while it is being rebuilt. */
export type SearchStatus =
  | { state: 'ready' }
  | { state: 'rebuilding'; reason: string; done: number; total: number }
  | { state: 'unavailable'; reason: string };

export class LibrarySearch {
  private database: SearchDatabase | null = null;
  private status_: SearchStatus = { state: 'rebuilding', reason: 'The search index is being opened.', done: 0, total: 0 };
  private rebuilding: Promise<void> = Promise.resolve();
  private closed = false;
  /** Told after each batch of a rebuild (the command line's progress). */
  private progress: ((done: number, total: number) => void) | null = null;
  /** Meetings written and not indexed yet (INDEX_AFTER_SAVE_MS), the latest of each. */
  private readonly toIndex = new Map<string, Meeting>();
  /** Meetings whose file is being written (marked, not yet written): indexing an earlier save of one keeps its mark. */
  private readonly writingNow = new Set<string>();
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  /** Batches of an import under way (indexAfter): what they write is indexed at their end, not on the timer. */
  private batches = 0;
  /** Resolves once the database is open (or being rebuilt) and caught up with the meeting files. */
  readonly ready: Promise<void>;

  constructor(private readonly library: MeetingLibrary) {
    this.ready = this.open();
    library.onWillWriteMeeting(async (meetingId) => this.markWriting(meetingId));
    library.onDidWriteMeeting((meeting) => {
      void this.ready.then(() => this.meetingWritten(meeting));
    });
    library.onDidRemoveMeeting((meetingId) => {
      void this.ready.then(() => this.meetingRemoved(meetingId));
    });
  }

  /** Whether search can answer now; a rebuild under way says how far it has got. */
  status(): SearchStatus {
    return this.status_;
  }

  /**
   * Ranked results, best first (see SearchDatabase.search). Throws LibraryError 'busy' while the index is
   * being rebuilt (with progress) for longer than a few seconds, and 'storage' saying why when it could not be.
   */
  async search(query: string, filters: SearchFilters, limit: number): Promise<SearchHit[]> {
    await this.ready;
    this.indexWritten();
    if (this.status_.state === 'rebuilding') await Promise.race([this.rebuilding, new Promise((resolve) => setTimeout(resolve, SEARCH_WAITS_MS).unref?.())]);
    const status = this.status_;
    if (status.state === 'rebuilding') {
      throw new LibraryError('busy', `${status.reason} Search is being rebuilt from the meeting files (${status.done} of ${status.total} meetings); try again in a moment.`);
    }
    if (status.state === 'unavailable') throw new LibraryError('storage', status.reason);
    try {
      return this.database!.search(query, filters, limit);
    } catch (error) {
      if (!isDamagedDatabase(error)) throw error;
      void this.rebuildFresh(`The search index was found damaged (${(error as Error).message}).`);
      throw new LibraryError('storage', 'The search index was found damaged and is being rebuilt from the meeting files; try again in a moment.');
    }
  }

  /** Resolves when search can answer (any rebuild finished, any meeting saved since indexed), or is known to be unavailable. */
  async searchable(): Promise<SearchStatus> {
    await this.ready;
    await this.rebuilding;
    this.indexWritten();
    return this.status_;
  }

  /**
   * Builds the index again from the meeting files, into a fresh database (cli reindex, or the clerk
   * asking after a failure), calling `progress` after each batch; a rebuild already under way (the
   * database was missing) is waited for instead of begun again. Resolves with the status at the end:
   * 'unavailable' with the reason when it could not be built (disk full, say).
   */
  async rebuild(progress?: (done: number, total: number) => void): Promise<SearchStatus> {
    this.progress = progress ?? null;
    await this.ready;
    if (this.status_.state === 'rebuilding') await this.rebuilding;
    else await this.rebuildFresh('The search index is being rebuilt on request.').then(() => this.rebuilding);
    this.progress = null;
    return this.status_;
  }

  /**
   * Runs `work` (a batch of an import of many files) with every meeting it writes indexed once at its
   * end, in one transaction, rather than a transaction every INDEX_AFTER_SAVE_MS while it runs. A
   * search meanwhile still takes what is written so far first.
   */
  async indexAfter<T>(work: () => Promise<T>): Promise<T> {
    this.batches++;
    try {
      return await work();
    } finally {
      this.batches--;
      // Told of the last meeting written a moment after its write (ready.then): index once those are in.
      await this.ready;
      if (this.batches === 0) this.indexWritten();
    }
  }

  /** Stops any rebuild and closes the database (on quitting, at the end of a command). */
  async close(): Promise<void> {
    await this.ready;
    this.indexWritten();
    this.closed = true;
    await this.rebuilding;
    this.database?.close();
    this.database = null;
    this.status_ = { state: 'unavailable', reason: 'The search index has been closed.' };
  }

  /** The registers of the whole library, from the database (no meeting file is read); waits for a rebuild under way. */
  async registers(): Promise<LibraryRegisters> {
    return (await this.answering()).registers(this.library.overview().committees);
  }

  /** One page of the resolutions or requests register (see SearchDatabase.registerPage); waits for a rebuild under way, as registers() does. */
  async registerPage(register: PagedRegister, page: RegisterPageRequest): Promise<RegisterPage> {
    return (await this.answering()).registerPage(register, page);
  }

  /** What each citation ("59/16") names in the committee's minutes as of `asOf` (the citing meeting's date), or null. */
  async resolve(citations: readonly string[], committeeId: string, asOf: string): Promise<Record<string, MinutePlace | null>> {
    const database = await this.answering();
    return Object.fromEntries(citations.map((citation) => [citation, database.resolve(citation, committeeId, asOf)]));
  }

  /** The minutes an item cites, and those that cite it. */
  async itemReferences(meetingId: string, itemId: string): Promise<{ cites: CitedMinute[]; citedBy: MinutePlace[] }> {
    return (await this.answering()).itemReferences(meetingId, itemId);
  }

  /**
   * The database once it can answer: registers and references must be whole, so they wait for a
   * rebuild under way. Throws LibraryError 'storage' saying why when search is unavailable.
   */
  private async answering(): Promise<SearchDatabase> {
    const status = await this.searchable();
    if (status.state === 'unavailable') throw new LibraryError('storage', status.reason);
    return this.database!;
  }

  private get databasePath(): string {
    return join(this.library.folder, SEARCH_DATABASE_FILE);
  }

  private async open(): Promise<void> {
    if (!this.library.writes) return this.startRebuild(SearchDatabase.open(':memory:'), 'This library is open read-only, so its search index is built in memory.');
    let database: SearchDatabase;
    try {
      database = SearchDatabase.open(this.databasePath);
    } catch (error) {
      const reason = `The search index could not be used (${(error as Error).message}).`;
      if (error instanceof UnusableSearchDatabase) return this.rebuildFresh(reason);
      // Locked by another program, or a folder that cannot be written: search from memory this time.
      console.error('[minute-book] the search database could not be opened, so search is built in memory:', error);
      return this.startRebuild(SearchDatabase.open(':memory:'), reason);
    }
    const indexed = database.indexedMeetings();
    await Promise.all(FORMER_INDEX_FILES.map((name) => fs.rm(join(this.library.folder, name), { force: true })));
    if (indexed.size === 0 && this.library.overview().meetings.length > 0) return this.startRebuild(database, 'The search index is new.');
    this.database = database;
    await this.catchUp(indexed);
    this.status_ = { state: 'ready' };
  }

  /**
   * Indexes again the meetings written or changed since they were indexed, or so close to it that the
   * file's time cannot tell (stampIsRacy), and drops those the library no longer holds. The files' times
   * are those the library read as it opened, a moment before (a second look at 10,000 files cost start-up
   * about half a second); a file written or gone since is looked at again.
   */
  private async catchUp(indexed: ReadonlyMap<string, { indexedAt: number; writing: boolean }>): Promise<void> {
    const summaries = this.library.overview().meetings;
    const stale: string[] = [];
    for (const summary of summaries) {
      const known = indexed.get(summary.id);
      const modifiedAt = this.library.modifiedAtOpening(summary.id) ?? (await this.library.meetingModifiedAt(summary.id).catch(() => Infinity));
      if (known === undefined || known.writing || stampIsRacy(modifiedAt, known.indexedAt)) stale.push(summary.id);
    }
    await this.indexMeetings(this.database!, stale, () => undefined);
    const inLibrary = new Set(summaries.map((summary) => summary.id));
    for (const meetingId of indexed.keys()) if (!inLibrary.has(meetingId)) this.database!.removeMeeting(meetingId);
  }

  /**
   * Removes the database's files and starts building a fresh one from the meeting files (in memory when
   * the folder will not take it); resolves once begun, `rebuilding` when done.
   */
  private async rebuildFresh(reason: string): Promise<void> {
    this.database?.close();
    this.database = null;
    let database: SearchDatabase;
    try {
      await Promise.all(['', '-wal', '-shm'].map((suffix) => fs.rm(`${this.databasePath}${suffix}`, { force: true })));
      database = SearchDatabase.open(this.databasePath);
    } catch (error) {
      console.error('[minute-book] the search database could not be made afresh, so search is built in memory:', error);
      database = SearchDatabase.open(':memory:');
    }
    this.startRebuild(database, reason);
  }

  private startRebuild(database: SearchDatabase, reason: string): void {
    this.database = database;
    // Oldest first: the most recently indexed matches, which common words are ranked among, are then the latest meetings'.
    const ids = [...this.library.overview().meetings].sort((a, b) => a.date.localeCompare(b.date)).map((summary) => summary.id);
    this.status_ = { state: 'rebuilding', reason, done: 0, total: ids.length };
    this.rebuilding = this.indexMeetings(database, ids, (done) => {
      this.status_ = { state: 'rebuilding', reason, done, total: ids.length };
      this.progress?.(done, ids.length);
    })
      .then(() => this.mergeSegments(database))
      .then(
      () => {
        if (!this.closed && this.database === database) this.status_ = { state: 'ready' };
      },
      (error: unknown) => {
        console.error('[minute-book] the search index could not be rebuilt:', error);
        this.status_ = { state: 'unavailable', reason: `Search is unavailable: its index could not be rebuilt from the meeting files (${(error as Error).message}). Rebuild it with “npm run cli -- reindex” once that is put right.` };
      },
    );
  }

  /**
   * Reads and indexes the meetings in batches, one transaction each, giving the event loop back between
   * them; stops when the search closes or `database` is replaced by a fresh one.
   */
  private async indexMeetings(database: SearchDatabase, ids: readonly string[], progress: (done: number) => void): Promise<void> {
    for (let start = 0; start < ids.length && !this.closed && this.database === database; start += REBUILD_BATCH) {
      const readAt = Date.now();
      const meetings: Meeting[] = [];
      for (const id of ids.slice(start, start + REBUILD_BATCH)) {
        // A file that fails to read is set aside and reported by the library; the rest still count.
        const meeting = await this.library.meetingAsStored(id).catch(() => null);
        if (meeting !== null) meetings.push(meeting);
      }
      if (this.database !== database) return;
      database.replaceMeetings(meetings, this.library.overview().committees, readAt);
      progress(Math.min(ids.length, start + REBUILD_BATCH));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Merges a rebuilt index's segments (SearchDatabase.mergeStep), a step at a time with the event loop given back between steps. */
  private async mergeSegments(database: SearchDatabase): Promise<void> {
    while (!this.closed && this.database === database && database.mergeStep(MERGE_STEP_PAGES)) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Marks, before its file is written, a meeting about to change. A mark that cannot be written leaves the file's time to catch it. */
  private markWriting(meetingId: string): void {
    this.writingNow.add(meetingId);
    try {
      this.database?.markWriting(meetingId);
    } catch (error) {
      console.error('[minute-book] the search index could not mark a meeting being written:', error);
    }
  }

  /** A meeting moved to the bin leaves search and the registers; one that cannot be dropped now is dropped at the next opening (catchUp). */
  private meetingRemoved(meetingId: string): void {
    // A save of it not yet indexed must not bring it back.
    this.toIndex.delete(meetingId);
    try {
      this.database?.removeMeeting(meetingId);
    } catch (error) {
      console.error('[minute-book] the search index could not drop a meeting moved to the bin:', error);
    }
  }

  /** Takes a written meeting, to be indexed a moment later (INDEX_AFTER_SAVE_MS) with any others written meanwhile. */
  private meetingWritten(meeting: Meeting): void {
    this.writingNow.delete(meeting.id);
    this.toIndex.set(meeting.id, meeting);
    if (this.indexTimer === null && this.batches === 0) this.indexTimer = setTimeout(() => this.indexWritten(), INDEX_AFTER_SAVE_MS);
  }

  /** Indexes the meetings written since the last time, in one transaction. */
  private indexWritten(): void {
    if (this.indexTimer !== null) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    if (this.toIndex.size === 0) return;
    const meetings = [...this.toIndex.values()];
    this.toIndex.clear();
    try {
      this.database?.replaceMeetings(meetings, this.library.overview().committees, Date.now(), this.writingNow);
    } catch (error) {
      // The saved meeting is safe; its mark stays in the index, so the next opening indexes it again.
      console.error('[minute-book] the search index could not take a meeting:', error);
      if (isDamagedDatabase(error)) void this.rebuildFresh(`The search index was found damaged (${(error as Error).message}).`);
    }
  }
}
