// Search, registers and minute references over the whole library. The search index is saved in the
// library folder so start-up does not rebuild it: on opening, only meetings whose files changed since
// it was saved are indexed again. Every meeting the library writes is re-indexed straight away, and its
// id is first appended (fsynced) to a journal beside the index, so a crash between a save and the next
// index write cannot leave the index behind: the journal's meetings are indexed again on opening.
import fs from 'node:fs/promises';
import { join } from 'node:path';
import type { Meeting } from '../../shared/model/meeting.js';
import { itemKey } from '../../shared/search/citation.js';
import { buildReferenceIndex, type CitedMinute, type MinuteReferences } from '../../shared/search/minuteReferences.js';
import { MinutesIndex, type SearchFilters, type SearchHit } from '../../shared/search/minutesIndex.js';
import { attendanceRegister, declarationsByMember, requestsRegister, resolutionsRegister } from '../../shared/search/registers.js';
import type { MinutePlace } from '../../shared/search/citation.js';
import { writeFileDurably } from './durableFile.js';
import type { MeetingLibrary } from './meetingLibrary.js';

const INDEX_FILE = 'search-index.json';
const JOURNAL_FILE = 'search-index.journal';
const SAVE_DELAY_MS = 3000;

interface SavedSearch {
  savedAt: number;
  index: unknown;
}

export class LibrarySearch {
  private index: MinutesIndex | null = null;
  /** Every meeting, loaded the first time the registers or references need them, then kept current. */
  private meetings: Map<string, Meeting> | null = null;
  private references: MinuteReferences | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Meetings written since the index in memory was last serialised: the journal may be emptied only when none were. */
  private writtenSinceSnapshot = false;
  readonly ready: Promise<void>;

  constructor(private readonly library: MeetingLibrary) {
    this.ready = this.open();
    library.onWillWriteMeeting((meetingId) => this.journal(meetingId));
    library.onDidWriteMeeting((meeting) => {
      void this.ready.then(() => this.meetingWritten(meeting));
    });
  }

  async search(query: string, filters: SearchFilters, limit: number): Promise<SearchHit[]> {
    await this.ready;
    return this.index!.search(query, filters, limit);
  }

  async registers() {
    const meetings = await this.allMeetings();
    const { committees } = this.library.overview();
    return {
      resolutions: resolutionsRegister(meetings, committees),
      requests: requestsRegister(meetings, committees),
      declarations: declarationsByMember(meetings, committees),
      attendance: attendanceRegister(meetings, committees),
    };
  }

  async resolve(citations: readonly string[], committeeId: string, asOf: string): Promise<Record<string, MinutePlace | null>> {
    const references = await this.referenceIndex();
    return Object.fromEntries(citations.map((citation) => [citation, references.resolve(citation, committeeId, asOf)]));
  }

  async itemReferences(meetingId: string, itemId: string): Promise<{ cites: CitedMinute[]; citedBy: MinutePlace[] }> {
    const references = await this.referenceIndex();
    const key = itemKey(meetingId, itemId);
    return { cites: references.cites(key), citedBy: references.citedBy(key) };
  }

  /** Writes the index now if it changed since it was last written (on quitting, at the end of a command). */
  async flush(): Promise<void> {
    await this.ready;
    if (this.saveTimer !== null) await this.save();
  }

  private async save(): Promise<void> {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.ready;
    if (!this.library.writes) return;
    this.writtenSinceSnapshot = false;
    const saved: SavedSearch = { savedAt: Date.now(), index: this.index!.toJSON() };
    await writeFileDurably(join(this.library.folder, INDEX_FILE), JSON.stringify(saved), INDEX_FILE);
    if (!this.writtenSinceSnapshot) await fs.rm(this.journalPath(), { force: true });
  }

  private journalPath(): string {
    return join(this.library.folder, JOURNAL_FILE);
  }

  /** Records, durably, that a meeting is about to be written. A journal that cannot be written leaves the file stamps to catch it. */
  private async journal(meetingId: string): Promise<void> {
    this.writtenSinceSnapshot = true;
    try {
      const handle = await fs.open(this.journalPath(), 'a');
      try {
        await handle.write(`${meetingId}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      console.error('[minute-book] the search journal could not be written:', error);
    }
  }

  private async open(): Promise<void> {
    const saved = await fs
      .readFile(join(this.library.folder, INDEX_FILE), 'utf8')
      .then((text) => JSON.parse(text) as SavedSearch)
      .catch(() => null);
    const index = saved === null ? null : MinutesIndex.fromJSON(saved.index);
    try {
      if (index !== null && (await this.catchUp(index, saved!.savedAt))) this.scheduleSave(0);
      if (index !== null) return;
    } catch (error) {
      // An index that reads as JSON but does not hold together is derived data: build it again.
      console.error('[minute-book] the saved search index was inconsistent and is rebuilt:', error);
    }
    this.index = MinutesIndex.build(await this.allMeetings(), this.library.overview().committees);
    this.scheduleSave(0);
  }

  /** Indexes again the meetings written since the index was saved; answers whether anything changed. */
  private async catchUp(index: MinutesIndex, savedAt: number): Promise<boolean> {
    this.index = index;
    const journaled = new Set((await fs.readFile(this.journalPath(), 'utf8').catch(() => '')).split('\n'));
    const summaries = this.library.overview().meetings;
    const indexed = new Set(index.indexedMeetings());
    let changed = journaled.size > 1;
    for (const summary of summaries) {
      const current = indexed.has(summary.id) && !journaled.has(summary.id) && (await this.library.meetingModifiedAt(summary.id)) <= savedAt;
      if (current) continue;
      const meeting = await this.library.loadMeeting(summary.id).catch(() => null);
      if (meeting !== null) this.reindex(meeting);
      changed = true;
    }
    const inLibrary = new Set(summaries.map((summary) => summary.id));
    for (const meetingId of indexed) {
      if (inLibrary.has(meetingId)) continue;
      index.removeMeeting(meetingId);
      changed = true;
    }
    return changed;
  }

  private reindex(meeting: Meeting): void {
    const committee = this.library.overview().committees.find((candidate) => candidate.id === meeting.committeeId);
    if (committee !== undefined) this.index!.replaceMeeting(meeting, committee);
  }

  private meetingWritten(meeting: Meeting): void {
    try {
      this.reindex(meeting);
    } catch (error) {
      // The saved meeting is safe; the index is derived from the files and is rebuilt at the next start.
      console.error('[minute-book] the search index could not take a meeting and will be rebuilt:', error);
      void fs.rm(join(this.library.folder, INDEX_FILE), { force: true });
    }
    this.meetings?.set(meeting.id, meeting);
    this.references = null;
    this.scheduleSave();
  }

  private scheduleSave(delayMs = SAVE_DELAY_MS): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save().catch((error: unknown) => console.error('[minute-book] saving the search index failed:', error)), delayMs);
    this.saveTimer.unref?.();
  }

  private async allMeetings(): Promise<Meeting[]> {
    if (this.meetings === null) {
      const loaded = new Map<string, Meeting>();
      for (const summary of this.library.overview().meetings) {
        // A file that fails to read is set aside and reported by the library; the rest still count.
        const meeting = await this.library.loadMeeting(summary.id).catch(() => null);
        if (meeting !== null) loaded.set(meeting.id, meeting);
      }
      this.meetings = loaded;
    }
    return [...this.meetings.values()];
  }

  private async referenceIndex(): Promise<MinuteReferences> {
    if (this.references === null) this.references = buildReferenceIndex(await this.allMeetings(), this.library.overview().committees);
    return this.references;
  }
}
