// The library on disk: library.json (committees and the meeting index) and one file per meeting
// under meetings/. This is the one authority over those files; windows send it changes and get the
// saved state back. Every read is validated; a file that fails is moved to set-aside/, reported by
// name, and never overwritten, and the rest of the library opens.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import type { LibraryOverview, LibraryProblem, NewMeetingRequest, SaveReceipt } from '../../shared/contract.js';
import { sameCommitteeName, type Committee, type CommitteeFields } from '../../shared/model/committee.js';
import { CURRENT_SCHEMA_VERSION, parseLibraryFile, parseMeetingFile, type LibraryFile, type MeetingFile } from '../../shared/model/files.js';
import { ValidationError } from '../../shared/model/validation.js';
import { summarise, type Meeting, type MeetingSummary, type MinutesNodeJSON } from '../../shared/model/meeting.js';
import type { RequestStatus } from '../../shared/editor/schema.js';
import { continuingMinuteNumber, firstMinuteNumberOf, numberItems } from '../../shared/numbering.js';
import { defaultStandardAgenda, meetingFromStandardAgenda } from '../../shared/standardAgenda.js';
import { LibraryError } from './libraryErrors.js';
import { validatedJsonFile } from './validatedJsonFile.js';

export interface LibraryOptions {
  folder: string;
  /** Reads and validates as usual but writes nothing: no index, no meeting files, nothing set aside (a dry run). */
  readOnly?: boolean;
  now?: () => Date;
  newId?: () => string;
}

const LIBRARY_FILE = 'library.json';
/** The last library file that read cleanly, kept so committees survive damage to library.json. */
const LIBRARY_BACKUP = 'library.backup.json';
const MEETINGS_DIR = 'meetings';
const SET_ASIDE_DIR = 'set-aside';

/** What a committee's council is called until an imported form names it. */
export const UNNAMED_COUNCIL = 'Council';

const emptyLibrary = (): LibraryFile => ({ schemaVersion: CURRENT_SCHEMA_VERSION, committees: [], meetings: [], stamps: {} });

export class MeetingLibrary {
  private readonly meetingFiles = new Map<string, Low<MeetingFile>>();
  private readonly changeListeners = new Set<(meeting: Meeting) => void>();

  private constructor(
    readonly folder: string,
    private readonly index: Low<LibraryFile>,
    private readonly problems: LibraryProblem[],
    private readonly now: () => Date,
    private readonly newId: () => string,
    private readonly readOnly: boolean,
  ) {}

  static async open(options: LibraryOptions): Promise<MeetingLibrary> {
    const { folder } = options;
    if (!options.readOnly) await mkdir(join(folder, MEETINGS_DIR), { recursive: true });
    const problems: LibraryProblem[] = [];
    const index = new Low(validatedJsonFile(join(folder, LIBRARY_FILE), LIBRARY_FILE, parseLibraryFile), emptyLibrary());
    const library = new MeetingLibrary(folder, index, problems, options.now ?? (() => new Date()), options.newId ?? randomUUID, options.readOnly ?? false);
    await library.readIndex();
    await library.reconcileMeetingFiles();
    return library;
  }

  /** Called after every meeting written (created, saved, imported): the search index follows the library. */
  onDidWriteMeeting(listener: (meeting: Meeting) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  overview(): LibraryOverview {
    const { committees, meetings } = this.index.data;
    return { folder: this.folder, committees, meetings, problems: [...this.problems] };
  }

  async createCommittee(fields: CommitteeFields): Promise<Committee> {
    const committee: Committee = { ...fields, id: this.newId(), createdAt: this.now().toISOString() };
    this.index.data.committees.push(committee);
    await this.writeIndex();
    return committee;
  }

  async updateCommittee(committee: Committee): Promise<Committee> {
    const committees = this.index.data.committees;
    const at = committees.findIndex((existing) => existing.id === committee.id);
    if (at < 0) throw new LibraryError('not-found', `There is no committee with id ${committee.id} in this library.`);
    committees[at] = committee;
    await this.writeIndex();
    return committee;
  }

  async createMeeting(request: NewMeetingRequest): Promise<Meeting> {
    const committee = this.committee(request.committeeId);
    const earlier = this.index.data.meetings
      .filter((summary) => summary.committeeId === committee.id && summary.date < request.date)
      .sort((a, b) => a.date.localeCompare(b.date));
    const meeting = meetingFromStandardAgenda(committee, {
      id: this.newId(),
      date: request.date,
      startTime: request.startTime,
      venue: request.venue,
      previousMeetingDate: earlier.at(-1)?.date ?? null,
      now: this.now().toISOString(),
      newId: this.newId,
    });
    const numbered: Meeting = { ...meeting, items: numberItems(meeting.items, this.continuingMinuteNumber(meeting, committee)) };
    await this.writeMeeting(numbered);
    return numbered;
  }

  async loadMeeting(meetingId: string): Promise<Meeting> {
    this.summary(meetingId); // throws not-found for a meeting the library does not hold
    const file = this.meetingFile(meetingId);
    try {
      await file.read();
      if (file.data.meeting === undefined) throw new Error('the file is missing');
    } catch (error) {
      await this.setAside(this.meetingPath(meetingId), error);
      this.forget(meetingId);
      await this.writeIndex();
      throw new LibraryError('storage', this.problems.at(-1)!.message);
    }
    return file.data.meeting;
  }

  /** Numbers the draft, writes it atomically and updates the index. A save from a stale revision is refused. */
  async saveMeeting(meeting: Meeting): Promise<SaveReceipt> {
    const file = this.meetingFile(meeting.id);
    if (file.data.meeting === undefined) await this.loadMeeting(meeting.id);
    // From here to writeMeeting nothing awaits, so a second save racing this one sees the new revision.
    const stored = file.data.meeting;
    if (stored.importedFrom !== undefined) {
      throw new LibraryError('conflict', `This meeting was imported from ${stored.importedFrom.file} and is kept as published: it cannot be edited.`);
    }
    if (stored.committeeId !== meeting.committeeId) {
      throw new LibraryError('conflict', 'A meeting cannot be moved to another committee by saving it.');
    }
    if (stored.revision !== meeting.revision) {
      throw new LibraryError(
        'conflict',
        `This meeting was saved elsewhere (revision ${stored.revision}, this window has ${meeting.revision}). Reopen it to see the newer version.`,
      );
    }
    const committee = this.committee(meeting.committeeId);
    const first = firstMinuteNumberOf(meeting, this.continuingMinuteNumber(meeting, committee));
    const saved: Meeting = {
      ...meeting,
      items: numberItems(meeting.items, first),
      revision: meeting.revision + 1,
      updatedAt: this.now().toISOString(),
    };
    await this.writeMeeting(saved);
    return { revision: saved.revision, updatedAt: saved.updatedAt, summary: this.summary(saved.id) };
  }

  /**
   * Marks a request for information answered or open. This is the clerk's tracking of the request, not
   * a change to what was minuted, so it is allowed on imported and agreed minutes too.
   */
  async setRequestStatus(meetingId: string, requestId: string, status: RequestStatus): Promise<{ revision: number }> {
    const meeting = await this.loadMeeting(meetingId);
    let found = false;
    const mark = (node: MinutesNodeJSON): MinutesNodeJSON => {
      if (node.type === 'request' && node.attrs?.['id'] === requestId) {
        found = true;
        return { ...node, attrs: { ...node.attrs, status } };
      }
      return node.content === undefined ? node : { ...node, content: node.content.map(mark) };
    };
    const items = meeting.items.map((item) => ({ ...item, minutes: item.minutes.map(mark) }));
    if (!found) throw new LibraryError('not-found', `The meeting of ${meeting.date} has no request ${requestId}.`);
    const updated: Meeting = { ...meeting, items, revision: meeting.revision + 1, updatedAt: this.now().toISOString() };
    await this.writeMeeting(updated);
    return { revision: updated.revision };
  }

  /** When the meeting's file last changed on disk: a saved search index older than that is out of date for it. */
  async meetingModifiedAt(meetingId: string): Promise<number> {
    return (await stat(this.meetingPath(meetingId))).mtimeMs;
  }

  /** The meeting of a committee held on a date, if the library has one: an import of it would be a duplicate. */
  meetingOn(committeeId: string, date: string): MeetingSummary | undefined {
    return this.index.data.meetings.find((summary) => summary.committeeId === committeeId && summary.date === date);
  }

  /** The committee of that name (letter case and spacing aside), created with the usual conventions if new. */
  async committeeNamed(name: string, details: Pick<CommitteeFields, 'council' | 'numberingStyle'>): Promise<Committee> {
    const existing = this.index.data.committees.find((committee) => sameCommitteeName(committee.name, name));
    // A committee first met on a page that did not name its council learns it from a form that does.
    if (existing !== undefined && existing.council === UNNAMED_COUNCIL && details.council !== UNNAMED_COUNCIL) {
      return this.updateCommittee({ ...existing, council: details.council });
    }
    if (existing !== undefined) return existing;
    return this.createCommittee({
      name: name.trim(),
      council: details.council,
      members: [],
      defaultVenue: '',
      contact: { name: 'Committee clerk', phone: '', email: '' },
      municipalYearStartMonth: 5,
      numberingStyle: details.numberingStyle,
      standardAgenda: defaultStandardAgenda,
    });
  }

  /**
   * Stores a meeting imported from the archive, as published (its numbers are kept as printed). When it
   * replaces a meeting already in the library it takes that meeting's id, so references to it still hold.
   */
  async addImportedMeeting(meeting: Meeting, replacing: string | null): Promise<Meeting> {
    // Built from an archive, not typed by the clerk: checked whole before it can reach the disk.
    parseMeetingFile({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting }, `the meeting of ${meeting.date}`);
    let stored = meeting;
    if (replacing !== null) {
      const previous = await this.loadMeeting(replacing);
      stored = { ...meeting, id: previous.id, revision: previous.revision + 1 };
    }
    await this.writeMeeting(stored);
    return stored;
  }

  private continuingMinuteNumber(meeting: Meeting, committee: Committee): number {
    return continuingMinuteNumber(meeting, this.index.data.meetings, committee.municipalYearStartMonth);
  }

  private committee(committeeId: string): Committee {
    const committee = this.index.data.committees.find((candidate) => candidate.id === committeeId);
    if (committee === undefined) throw new LibraryError('not-found', `There is no committee with id ${committeeId} in this library.`);
    return committee;
  }

  private summary(meetingId: string): MeetingSummary {
    const summary = this.index.data.meetings.find((candidate) => candidate.id === meetingId);
    if (summary === undefined) throw new LibraryError('not-found', `There is no meeting with id ${meetingId} in this library.`);
    return summary;
  }

  private meetingPath(meetingId: string): string {
    return join(this.folder, MEETINGS_DIR, `${meetingId}.json`);
  }

  private meetingFile(meetingId: string): Low<MeetingFile> {
    let file = this.meetingFiles.get(meetingId);
    if (file === undefined) {
      const label = `${MEETINGS_DIR}/${meetingId}.json`;
      file = new Low<MeetingFile>(validatedJsonFile(this.meetingPath(meetingId), label, parseMeetingFile), {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        // Replaced by read() or by the first write; loadMeeting checks a read found a file.
        meeting: undefined as unknown as Meeting,
      });
      this.meetingFiles.set(meetingId, file);
    }
    return file;
  }

  /**
   * Writes the meeting's file, and the index only when what it lists about the meeting changed: most
   * saves are typing, and rewriting an index of thousands of meetings for each would cost more than
   * the meeting itself. A stamp left stale just means the file is validated again at the next open.
   */
  private async writeMeeting(meeting: Meeting): Promise<void> {
    const indexChanged = this.remember(summarise(meeting));
    const file = this.meetingFile(meeting.id);
    file.data = { schemaVersion: CURRENT_SCHEMA_VERSION, meeting };
    if (!this.readOnly) await file.write();
    for (const listener of this.changeListeners) listener(meeting);
    if (!indexChanged || this.readOnly) return;
    this.index.data.stamps[meeting.id] = await this.stampOf(meeting.id);
    await this.writeIndex();
  }

  /** Puts the summary in the index; answers whether that changed it. */
  private remember(summary: MeetingSummary): boolean {
    const meetings = this.index.data.meetings;
    const at = meetings.findIndex((existing) => existing.id === summary.id);
    if (at >= 0 && JSON.stringify(meetings[at]) === JSON.stringify(summary)) return false;
    if (at < 0) meetings.push(summary);
    else meetings[at] = summary;
    return true;
  }

  private forget(meetingId: string): void {
    this.index.data.meetings = this.index.data.meetings.filter((summary) => summary.id !== meetingId);
    delete this.index.data.stamps[meetingId];
    this.meetingFiles.delete(meetingId);
  }

  private async writeIndex(): Promise<void> {
    if (!this.readOnly) await this.index.write();
  }

  /** Size and modification time: a file whose stamp matches the index was validated when it was written. */
  private async stampOf(meetingId: string): Promise<string> {
    const info = await stat(this.meetingPath(meetingId));
    return `${info.size}:${Math.trunc(info.mtimeMs)}`;
  }

  private async readIndex(): Promise<void> {
    const path = join(this.folder, LIBRARY_FILE);
    try {
      await this.index.read();
      if (!this.readOnly) await copyFile(path, join(this.folder, LIBRARY_BACKUP)).catch(() => undefined);
      return;
    } catch (error) {
      await this.setAside(path, error);
    }
    const backup = new Low(validatedJsonFile(join(this.folder, LIBRARY_BACKUP), LIBRARY_BACKUP, parseLibraryFile), emptyLibrary());
    try {
      await backup.read();
      this.index.data = backup.data;
    } catch {
      this.index.data = emptyLibrary();
    }
    // The meeting index is rebuilt from the files themselves below; only committees needed the backup.
    this.index.data.stamps = {};
  }

  /** Brings the index into line with the meeting files, validating every file the index has not seen as written. */
  private async reconcileMeetingFiles(): Promise<void> {
    const onDisk = (await readdir(join(this.folder, MEETINGS_DIR)).catch(() => [] as string[])).filter((name) => /^[0-9a-f-]{36}\.json$/.test(name));
    const ids = new Set(onDisk.map((name) => name.slice(0, -'.json'.length)));
    let changed = false;
    for (const summary of [...this.index.data.meetings]) {
      if (!ids.has(summary.id)) {
        this.problems.push({
          file: `${MEETINGS_DIR}/${summary.id}.json`,
          message: `The meeting of ${summary.date} is listed in the library but its file is missing.`,
          movedTo: null,
        });
        this.forget(summary.id);
        changed = true;
      }
    }
    for (const id of ids) {
      const stamp = await this.stampOf(id);
      if (this.index.data.stamps[id] === stamp) continue;
      const file = this.meetingFile(id);
      try {
        await file.read();
        this.remember(summarise(file.data.meeting));
        this.index.data.stamps[id] = stamp;
      } catch (error) {
        await this.setAside(this.meetingPath(id), error);
        this.forget(id);
      }
      changed = true;
    }
    if (changed) await this.writeIndex();
  }

  /** Moves an unreadable file out of the way, keeping it for the clerk, and records why. */
  private async setAside(path: string, error: unknown): Promise<void> {
    const name = basename(path);
    const relative = path.slice(this.folder.length + 1).split('\\').join('/');
    const stampedName = `${name}.${this.now().toISOString().replace(/[:.]/g, '-')}`;
    if (!this.readOnly) await mkdir(join(this.folder, SET_ASIDE_DIR), { recursive: true });
    let movedTo: string | null = this.readOnly ? null : `${SET_ASIDE_DIR}/${stampedName}`;
    try {
      if (movedTo !== null) await rename(path, join(this.folder, SET_ASIDE_DIR, stampedName));
    } catch {
      movedTo = null;
    }
    const reason =
      error instanceof ValidationError ? error.problems.join('; ') : error instanceof Error ? error.message : String(error);
    this.problems.push({
      file: relative,
      message: `${relative} could not be read and was ${movedTo === null ? 'left in place' : `moved to ${movedTo}`}: ${reason}`,
      movedTo,
    });
  }
}
