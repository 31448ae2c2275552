// Search, registers and minute references over the whole library. The search index is saved in the
// library folder so start-up does not rebuild it: on opening, only meetings whose files changed since
// it was saved are indexed again. Every meeting the library writes is re-indexed straight away.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Meeting } from '../../shared/model/meeting.js';
import { itemKey } from '../../shared/search/citation.js';
import { buildReferenceIndex, type CitedMinute, type MinuteReferences } from '../../shared/search/minuteReferences.js';
import { MinutesIndex, type SearchFilters, type SearchHit } from '../../shared/search/minutesIndex.js';
import { declarationsByMember, requestsRegister, resolutionsRegister } from '../../shared/search/registers.js';
import type { MinutePlace } from '../../shared/search/citation.js';
import type { MeetingLibrary } from './meetingLibrary.js';

const INDEX_FILE = 'search-index.json';
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
  readonly ready: Promise<void>;

  constructor(private readonly library: MeetingLibrary) {
    this.ready = this.open();
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
    const saved: SavedSearch = { savedAt: Date.now(), index: this.index!.toJSON() };
    const path = join(this.library.folder, INDEX_FILE);
    // The index is derived data; a temporary file and a rename keep a crash from leaving half of it.
    await writeFile(`${path}.tmp`, JSON.stringify(saved));
    await rename(`${path}.tmp`, path);
  }

  private async open(): Promise<void> {
    const saved = await readFile(join(this.library.folder, INDEX_FILE), 'utf8')
      .then((text) => JSON.parse(text) as SavedSearch)
      .catch(() => null);
    const index = saved === null ? null : MinutesIndex.fromJSON(saved.index);
    const { meetings: summaries, committees } = this.library.overview();
    if (index === null) {
      this.index = MinutesIndex.build(await this.allMeetings(), committees);
      this.scheduleSave();
      return;
    }
    this.index = index;
    const indexed = new Set(index.indexedMeetings());
    let changed = false;
    for (const summary of summaries) {
      if (indexed.has(summary.id) && (await this.library.meetingModifiedAt(summary.id)) <= saved!.savedAt) continue;
      this.reindex(await this.library.loadMeeting(summary.id));
      changed = true;
    }
    const inLibrary = new Set(summaries.map((summary) => summary.id));
    for (const meetingId of indexed) {
      if (inLibrary.has(meetingId)) continue;
      index.removeMeeting(meetingId);
      changed = true;
    }
    if (changed) this.scheduleSave();
  }

  private reindex(meeting: Meeting): void {
    const committee = this.library.overview().committees.find((candidate) => candidate.id === meeting.committeeId);
    if (committee !== undefined) this.index!.replaceMeeting(meeting, committee);
  }

  private meetingWritten(meeting: Meeting): void {
    this.reindex(meeting);
    this.meetings?.set(meeting.id, meeting);
    this.references = null;
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save().catch((error: unknown) => console.error('[minute-book] saving the search index failed:', error)), SAVE_DELAY_MS);
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
