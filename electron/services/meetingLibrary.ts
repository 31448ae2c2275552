// The library on disk: library.json (committees and the meeting index) and one file per meeting
// under meetings/. This is the one authority over those files; windows send it changes and get the
// saved state back. It serialises every operation (reads included), so a read never races a write;
// one process holds the library at a time (libraryLock.ts) and any other opens it read-only. Every read
// is validated; a file that fails is moved to set-aside/, reported by name, and never overwritten, and
// the rest of the library opens. Every meeting file carries its committee, so the library can always be
// rebuilt from the meeting files alone.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Mutex } from 'async-mutex';
import { Low } from 'lowdb';
import type { BinnedMeeting, LibraryOverview, LibraryProblem, NewMeetingRequest, ReplacedCopy, SaveReceipt } from '../../shared/contract.js';
import type { Channel } from '../../shared/channels.js';
import canonicalize from 'canonicalize';
import { formatSavedAt, toIsoDate } from '../../shared/dates.js';
import type { VersionEntry } from '../../shared/model/history.js';
import { plainNumbering, sameCommitteeName, type Committee, type CommitteeFields } from '../../shared/model/committee.js';
import {
  CURRENT_SCHEMA_VERSION,
  checkMinutes,
  parseBinFile,
  parseLibraryFile,
  parseMeetingFile,
  parsePreferencesFile,
  parseSignatureRegisterFile,
  type BinFile,
  type LibraryFile,
  type MeetingFile,
  type PreferencesFile,
  type RegisteredSignature,
  type SignatureRegisterFile,
} from '../../shared/model/files.js';
import { ValidationError } from '../../shared/model/validation.js';
import { summarise, type Item, type Meeting, type MeetingSummary, type MinutesNodeJSON } from '../../shared/model/meeting.js';
import { emptyLifecycle, type LifecycleStep, type Lifecycle } from '../../shared/model/lifecycle.js';
import { checkMeeting, hasMinutes } from '../../shared/lifecycle/checks.js';
import { approvalAsAgreed, committeeAsRecorded, recordedCommittee } from '../../shared/lifecycle/recorded.js';
import { chainBreaks, chainHashOf, registerBreaks, signedContentHash, signedStateOf, tamperWarning, type ChainBreak } from '../../shared/lifecycle/signature.js';
import { isFrozen, isLocked, lockedMessage, transitionRefusal, transitions } from '../../shared/lifecycle/transitions.js';
import type { MinutePlace } from '../../shared/search/citation.js';
import { formatProseDate } from '../../shared/dates.js';
import type { RequestStatus } from '../../shared/editor/schema.js';
import { continuingMinuteNumber, firstMinuteNumberOf, minuteCitation, municipalYearOf, numberItems } from '../../shared/numbering.js';
import { defaultStandardAgenda, meetingFromStandardAgenda } from '../../shared/standardAgenda.js';
import { isLeftoverTemporary, settleBatch, settledBeforeReading, withDurableBatch, writeFileDurably } from './durableFile.js';
import { stampIsRacy } from './fileClock.js';
import { LibraryError } from './libraryErrors.js';
import { lockLibrary, type LibraryLock } from './libraryLock.js';
import { HISTORY_FILE_SUFFIX, MeetingHistories, computerUserName } from './meetingHistory.js';
import { ValidatedJsonFile } from './validatedJsonFile.js';
import { defaultDeclarationKinds } from '../../shared/model/declarationKinds.js';

export interface LibraryOptions {
  folder: string;
  /** Reads and validates as usual but writes nothing: no lock, no index, no meeting files, nothing set aside. */
  dryRun?: boolean;
  now?: () => Date;
  newId?: () => string;
  /** Who is saving, recorded with each version in the meeting's history; default the computer account's user name. */
  user?: string;
  /** The clerk's name recorded with lifecycle steps instead of the one in preferences.json (the command line's --by). */
  clerkName?: string;
  /**
   * Whether open() returns before the signed meetings whose files look unchanged are read and checked
   * against their signatures (the window: start-up then costs the same at 10 meetings as at 10,000, and
   * overview().checking says how far the check has got); default false, so a command such as verify
   * answers only once every signed record has been checked.
   */
  checkSignedInBackground?: boolean;
  /** The folder is the sample library (librarySession.ts), said so in overview().sample; default false. */
  sample?: boolean;
}

/** A lifecycle step's inputs the node side gathers outside the library's queue: what each citation of the meeting resolves to (LibrarySearch). */
export type ResolvedCitations = Readonly<Record<string, MinutePlace | null>>;

const LIBRARY_FILE = 'library.json';
const SIGNATURES_FILE = 'signatures.json';
/** The last library file that read cleanly, kept so committees survive damage to library.json. */
const LIBRARY_BACKUP = 'library.backup.json';
const MEETINGS_DIR = 'meetings';
const SET_ASIDE_DIR = 'set-aside';
const REPLACED_DIR = 'replaced';
/** The call that takes each step, named in its refusals (the window and the command line then speak without it: shared/clerkWords.ts). */
const stepChannels = { circulated: 'lifecycle:circulate', 'returned-to-draft': 'lifecycle:back-to-draft', agreed: 'lifecycle:agree', signed: 'lifecycle:sign' } as const satisfies Record<keyof typeof transitions, Channel>;

/** Meetings the clerk deleted (or whose import was undone), each bin/<id>.json with its history beside it, until restored. */
const BIN_DIR = 'bin';
const PREFERENCES_FILE = 'preferences.json';
const MEETING_FILE_NAME = /^[0-9a-f-]{36}\.json$/;
// <meeting id>.<when kept>.json, or .unsaved.json for what a window could not save.
const REPLACED_COPY_NAME = /^([0-9a-f-]{36})\.(\d{4}-\d{2}-\d{2}T[\d-]+Z)(\.unsaved)?\.json$/;

/** What a committee's council is called until an imported form names it. */
export const UNNAMED_COUNCIL = 'Council';

const emptyLibrary = (): LibraryFile => ({ schemaVersion: CURRENT_SCHEMA_VERSION, committees: [], meetings: [], stamps: {} });

/** A meeting drafted in Minute Book (or re-imported from its own archive as a draft) can be edited; nothing else can. */
export const isEditable = (meeting: Pick<Meeting, 'status'>): boolean => meeting.status === 'draft';

/** The committee a meeting's file names but the library had lost, until the clerk names it again. */
function recoveredCommittee(id: string, now: string): Committee {
  return {
    id,
    createdAt: now,
    name: `Recovered committee ${id.slice(0, 8)}`,
    council: UNNAMED_COUNCIL,
    members: [],
    defaultVenue: '',
    contact: { name: 'Committee clerk', phone: '', email: '' },
    municipalYearStartMonth: 5,
    numberingStyle: plainNumbering,
    standardAgenda: defaultStandardAgenda,
    declarationKinds: defaultDeclarationKinds(),
  };
}

/**
 * Why an amendment cannot be recorded, or null: it must change the minute, and it corrects what the
 * minute says (its title and minutes), never whether the item was public or private business.
 */
function amendmentProblem(before: Item, after: Item, agreedHere: readonly string[]): string | null {
  if (after.business !== before.business) return 'cannot be moved between public and private business by an amendment';
  if (after.title === before.title && JSON.stringify(after.minutes) === JSON.stringify(before.minutes)) return 'is unchanged: an amendment gives the corrected text';
  // Minutes with no words could never be signed (the check before signing), and agreed minutes are not amended again.
  if (hasMinutes(before) && !hasMinutes(after)) return 'would be left with no minutes: an amendment gives the corrected words';
  // The approval of earlier minutes agreed at that meeting is what those minutes record: it is not amended away.
  const approvals = (item: Item) => item.minutes.filter((block) => block.type === 'minutes_approval' && agreedHere.includes(String(block.attrs?.['meetingDate'])));
  if (approvals(before).map(approvalAsAgreed).join('\n') !== approvals(after).map(approvalAsAgreed).join('\n')) {
    const dates = [...new Set([...approvals(before), ...approvals(after)].map((block) => formatProseDate(String(block.attrs?.['meetingDate']))))];
    return `approves the minutes of ${dates.join(' and ')}, which record their agreement there: that approval is not amended`;
  }
  return null;
}

/** A meeting's lifecycle, the empty one for meetings written before lifecycles were kept. */
const lifecycleOf = (meeting: Meeting): Lifecycle => meeting.lifecycle ?? emptyLifecycle();

const reasonOf = (error: unknown): string =>
  error instanceof ValidationError ? error.problems.join('; ') : error instanceof Error ? error.message : String(error);

/** The file's modification time (ms since 1970, whole) in a stamp, which is size:mtime:ctime (MeetingLibrary.stampOf). */
const stampModifiedAt = (stamp: string): number => Number(stamp.split(':')[1]);

export class MeetingLibrary {
  /** Each meeting as last read or written, with the file's stamp then: a different stamp means it changed outside. */
  /** Meetings read or written, with their file's stamp and when it was taken (Date.now()): a stamp taken within the file clock's slack of the file's time is checked against its content (fileClock.ts). */
  private readonly meetings = new Map<string, { file: Low<MeetingFile>; stamp: string; stampedAt: number }>();
  /**
   * When each meeting's file had last changed (ms since 1970) as its stamp was read at opening, until the
   * library writes or loses it: the search's catch-up asks the same of every file just after (modifiedAtOpening).
   */
  private readonly openingTimes = new Map<string, number>();
  /** Meetings whose file another program changed since Minute Book last read or wrote it: a save is refused until one is loaded again. */
  private readonly changedOutside = new Set<string>();
  private readonly willWriteListeners = new Set<(meetingId: string) => Promise<void>>();
  private readonly changeListeners = new Set<(meeting: Meeting) => void>();
  private readonly removeListeners = new Set<(meetingId: string) => void>();
  private readonly operations = new Mutex();
  private readonly index: Low<LibraryFile>;
  private readonly problems: LibraryProblem[] = [];
  /** Where each meeting's summary sits in the index's list, for the list it was built from: a 10,000-meeting library looked up by scanning it is O(n²) over an opening. */
  private summaryPositions: { of: MeetingSummary[]; at: Map<string, number> } | null = null;
  /** The index's summaries by committee and by the meeting that agreed them (summaryGroups), for the list as it was at `changes`. */
  private summaryGroupsFor: { of: MeetingSummary[]; changes: number; byCommittee: Map<string, MeetingSummary[]>; byAgreedAt: Map<string, MeetingSummary[]> } | null = null;
  /** Counts summaries put in the index's list (remember): the groups are built again after any. */
  private summaryChanges = 0;
  /** Why this process may not write the library (another process holds it, the folder is read-only), or null. */
  private writeRefusal: string | null = null;
  private lock: LibraryLock | null = null;
  /** The index could not be written after a meeting was: it is written again with the next change. */
  private indexBehind = false;
  /** Every meeting's versions, beside its file (meetings/<id>.history.jsonl). */
  private readonly history: MeetingHistories;
  private readonly preferencesFile: ValidatedJsonFile<PreferencesFile>;
  private readonly registerFile: ValidatedJsonFile<SignatureRegisterFile>;
  /** Every signature made in or imported into the library (signatures.json), read at opening. */
  private signatures: RegisteredSignature[] = [];
  /** Batches of writes under way (inBatch): library.json is written once at the end of the outermost. */
  private writesBatched = 0;
  /** Meetings written in the batch under way, whose files are put in place and stamped at its end. */
  private readonly unstamped = new Set<string>();
  /** How far the check of signed records after opening has got, or null when none is under way. */
  private checking: { done: number; total: number } | null = null;
  /** Set by close(): a check of signed records under way stops at the next file. */
  private closing = false;
  /** Signed minutes whose file could not be read: listed still, and opened as the version as signed from their history (lostSignedFile). */
  private readonly lostSigned = new Set<string>();
  /** The clerk's name as preferences.json last said, read at opening and kept as it is set. */
  private lastClerkName: string | null = null;
  /** Resolves when the signed records found unchanged at opening have all been checked against their signatures. */
  private signedChecked: Promise<void> = Promise.resolve();

  private constructor(
    readonly folder: string,
    private readonly now: () => Date,
    private readonly newId: () => string,
    private readonly dryRun: boolean,
    private readonly user: string,
    private readonly clerkNameGiven: string | undefined,
    private readonly sample: boolean,
  ) {
    this.preferencesFile = new ValidatedJsonFile(join(folder, PREFERENCES_FILE), PREFERENCES_FILE, parsePreferencesFile);
    this.registerFile = new ValidatedJsonFile(join(folder, SIGNATURES_FILE), SIGNATURES_FILE, parseSignatureRegisterFile);
    this.index = new Low(new ValidatedJsonFile(join(folder, LIBRARY_FILE), LIBRARY_FILE, parseLibraryFile), emptyLibrary());
    // Each version is recorded as saved by the clerk named in Preferences (issue 9), the computer account until one is set.
    this.history = new MeetingHistories({ folder, now, user: () => this.clerkNameGiven ?? this.lastClerkName ?? user, writes: () => this.writes, setAside: (path, error) => this.setAside(path, error) });
  }

  /**
   * Opens the library in `folder`, creating it if new. Never throws for what is on disk: a damaged or
   * read-only library opens with its problems listed and, where it cannot be written, read-only with
   * the reason (overview().readOnly).
   */
  static async open(options: LibraryOptions): Promise<MeetingLibrary> {
    const library = new MeetingLibrary(
      options.folder,
      options.now ?? (() => new Date()),
      options.newId ?? randomUUID,
      options.dryRun ?? false,
      options.user ?? computerUserName(),
      options.clerkName,
      options.sample ?? false,
    );
    const unchangedSigned = await library.operations.runExclusive(async () => {
      const unchanged = await library.start();
      await library.clerkName();
      return unchanged;
    });
    library.signedChecked = library.checkSignedRecords(unchangedSigned);
    if (options.checkSignedInBackground !== true) await library.signedChecked;
    return library;
  }

  /**
   * Runs `work` (an import of many files) as one batch of writes: library.json is written once at its
   * end rather than after each meeting (in a library of 10,000 meetings the index is megabytes, and
   * writing it per meeting made an import of N files cost N such writes), and the meeting and history
   * files are synced and renamed into place all together at its end (withDurableBatch), not one fsync
   * after another. A crash midway leaves each file whole or absent, and files the index does not list
   * yet, which the next opening reads and lists. Every file is on the disk before it answers. When
   * the files cannot be put in place (the disk filled), the meetings written in the batch are
   * forgotten unless their file is there, and the LibraryError is thrown.
   */
  inBatch<T>(work: () => Promise<T>): Promise<T> {
    return withDurableBatch(async () => {
      this.writesBatched++;
      try {
        return await work();
      } finally {
        this.writesBatched--;
        if (this.writesBatched === 0) await this.exclusive(() => this.endBatch());
      }
    });
  }

  /** The end of the outermost batch: its files put in place, the meetings written in it stamped, the index written. */
  private async endBatch(): Promise<void> {
    const written = [...this.unstamped];
    this.unstamped.clear();
    try {
      await settleBatch();
    } catch (error) {
      for (const meetingId of written) {
        this.meetings.delete(meetingId);
        if ((await this.stampOf(meetingId).catch(() => null)) === null) this.forget(meetingId);
      }
      throw error;
    }
    const stampedAt = Date.now();
    const stamps = await Promise.all(written.map((meetingId) => this.stampOf(meetingId)));
    written.forEach((meetingId, at) => {
      const known = this.meetings.get(meetingId);
      if (known !== undefined) this.meetings.set(meetingId, { ...known, stamp: stamps[at]!, stampedAt });
      if (this.summaryIndex(meetingId) >= 0) this.index.data.stamps[meetingId] = stamps[at]!;
    });
    if (this.indexBehind) await this.writeIndex().catch((error: unknown) => console.error('[minute-book] the library index could not be written:', reasonOf(error)));
  }

  /** Resolves once every signed record has been checked against its signature since opening (see checkSignedInBackground). */
  whenSignedRecordsChecked(): Promise<void> {
    return this.signedChecked;
  }

  /** Resolves once every operation queued so far is done, a save's version record (queued after its answer) among them. */
  async settled(): Promise<void> {
    await this.exclusive(async () => undefined);
  }

  /** Releases the library for another process. The library must not be used afterwards. */
  async close(): Promise<void> {
    this.closing = true;
    await this.signedChecked;
    await this.operations.runExclusive(async () => {
      await this.lock?.release();
      this.lock = null;
      this.writeRefusal ??= 'This library has been closed.';
    });
  }

  /** Called before every meeting file is written, and awaited: derived data records what is about to change. */
  onWillWriteMeeting(listener: (meetingId: string) => Promise<void>): void {
    this.willWriteListeners.add(listener);
  }

  /** Called after every meeting written (created, saved, imported): the search index follows the library. */
  onDidWriteMeeting(listener: (meeting: Meeting) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Whether this process writes the library (false when read-only or a dry run). */
  /** Told after a meeting leaves the library (moved to the bin), so derived data (search, registers) drops it. */
  onDidRemoveMeeting(listener: (meetingId: string) => void): void {
    this.removeListeners.add(listener);
  }

  get writes(): boolean {
    return this.writeRefusal === null && !this.dryRun;
  }

  overview(): LibraryOverview {
    const { committees, meetings } = this.index.data;
    return { folder: this.folder, committees, meetings, problems: [...this.problems], readOnly: this.writeRefusal, checking: this.checking, sample: this.sample };
  }

  createCommittee(fields: CommitteeFields): Promise<Committee> {
    return this.exclusive(() => this.addCommittee(fields));
  }

  updateCommittee(committee: Committee): Promise<Committee> {
    return this.exclusive(() => this.replaceCommittee(committee));
  }

  createMeeting(request: NewMeetingRequest): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
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
      await this.history.record(null, numbered, 'created');
      return numbered;
    });
  }

  /**
   * The meeting as it is on disk now. Throws not-found, or storage (the file was set aside) naming the
   * file. Opening it also tidies its history when the library writes (a torn last line cut off, a
   * compaction that is due).
   */
  /**
   * The meeting as its file holds it (signed minutes whose file is lost: as signed, from the history),
   * for derived data such as the search index. Unlike loadMeeting it is no window's opening: a file
   * changed outside Minute Book stays refused to a window's save until a window loads it.
   * @throws as readMeeting
   */
  meetingAsStored(meetingId: string): Promise<Meeting> {
    return this.exclusive(async () => {
      if (this.lostSigned.has(meetingId)) return this.versionAsSigned(meetingId);
      return this.readMeeting(meetingId);
    });
  }

  loadMeeting(meetingId: string): Promise<Meeting> {
    return this.exclusive(async () => {
      if (this.lostSigned.has(meetingId)) return this.versionAsSigned(meetingId);
      const meeting = await this.readMeeting(meetingId).catch((error: unknown) => {
        // A signed file found gone or damaged just now opens as signed from its history, as it does after a restart.
        if (this.lostSigned.has(meetingId)) return null;
        throw error;
      });
      if (meeting === null) return this.versionAsSigned(meetingId);
      // Its history is looked after (a torn tail cut off, a compaction that is due) next in the queue, once
      // the meeting is answered: that reads the whole history, 140–210 ms for a draft saved 680 times.
      void this.exclusive(() => this.history.open(meetingId)).catch((error: unknown) => console.error('[minute-book] a meeting’s history could not be looked after:', reasonOf(error)));
      // The window now has the file as it is on disk: its saves build on that.
      this.changedOutside.delete(meetingId);
      return meeting;
    });
  }

  /**
   * Numbers the draft, writes it and updates the index. Refused (conflict) when the window's revision
   * is not the one on disk, when the file was changed outside Minute Book since it was read, when the
   * meeting is not a draft, or when it would move committee or status; refused (read-only) when another
   * process holds the library. A write that fails changes nothing: the revision is not counted.
   * Answers once the file is written durably; its version in the history is recorded just after.
   */
  saveMeeting(meeting: Meeting): Promise<SaveReceipt> {
    return this.exclusive(async () => {
      this.checkWritable();
      const stored = await this.readMeeting(meeting.id);
      this.refuseIfLocked(stored, 'they cannot be saved');
      if (!isEditable(stored)) {
        throw new LibraryError(
          'conflict',
          stored.importedFrom !== undefined
            ? `This meeting was imported from ${stored.importedFrom.file} and is kept as published: it cannot be edited.`
            : `This meeting is ${stored.status}: it cannot be edited.`,
        );
      }
      if (stored.committeeId !== meeting.committeeId) throw new LibraryError('conflict', 'A meeting cannot be moved to another committee by saving it.');
      if (stored.status !== meeting.status) throw new LibraryError('conflict', 'A meeting’s status is not changed by saving it.');
      if (stored.revision !== meeting.revision) {
        throw new LibraryError(
          'conflict',
          `This meeting was saved elsewhere (revision ${stored.revision}, this window has ${meeting.revision}). Reopen it to see the newer version.`,
        );
      }
      if (this.changedOutside.has(meeting.id)) {
        // Edited by hand or brought back by a sync client, with the revision left as it was: saving would overwrite that silently.
        throw new LibraryError(
          'conflict',
          `The meeting of ${formatProseDate(stored.date)} was changed outside Minute Book since this window opened it. Reopen it to see the file as it now is.`,
        );
      }
      if (meeting.date !== stored.date) await this.refuseIfAgreedHere(stored, 'the date of this meeting can no longer be changed');
      // The lifecycle is written only by its own steps (circulate, agree, sign…): a save keeps the one on
      // disk, so no window (or crafted call) can erase a circulation or a member's suggestion, or forge an agreement.
      const { lifecycle: _sent, ...edited } = meeting;
      const saved = this.numbered({ ...edited, ...(stored.lifecycle === undefined ? {} : { lifecycle: stored.lifecycle }), revision: meeting.revision + 1, updatedAt: this.now().toISOString() });
      await this.refuseIfAgreementContradicted(stored, saved);
      await this.writeMeeting(saved);
      // The version is recorded next in the library's queue, after the save is answered: the file is the
      // record, and its append (a second fsync, and a hash of every item) was half of what a save cost.
      // Anything asked of the library after the answer (versions, the next save, closing) waits for it;
      // a crash before it is caught up by the next save's record (MeetingHistories.record).
      void this.exclusive(() => this.history.record(stored, saved, 'saved')).catch((error: unknown) => console.error('[minute-book] a saved version could not be recorded:', reasonOf(error)));
      return { revision: saved.revision, updatedAt: saved.updatedAt, summary: this.summary(saved.id) };
    });
  }

  /**
   * Marks a request for information answered or open. This is the clerk's tracking of the request, not
   * a change to what was minuted, so it is allowed on imported and agreed minutes too. On signed
   * minutes the mark is kept in lifecycle.requestMarks (with who and when), not in the minutes, so the
   * record stays as signed and its hash still matches (the register reads the latest mark).
   */
  setRequestStatus(meetingId: string, requestId: string, status: RequestStatus): Promise<{ revision: number }> {
    return this.exclusive(async () => {
      this.checkWritable();
      const meeting = await this.readMeeting(meetingId);
      let found = false;
      const mark = (node: MinutesNodeJSON): MinutesNodeJSON => {
        if (node.type === 'request' && node.attrs?.['id'] === requestId) {
          found = true;
          return { ...node, attrs: { ...node.attrs, status } };
        }
        return node.content === undefined ? node : { ...node, content: node.content.map(mark) };
      };
      const items = meeting.items.map((item) => ({ ...item, minutes: item.minutes.map(mark) }));
      if (!found) throw new LibraryError('not-found', `The meeting of ${formatProseDate(meeting.date)} has no request ${requestId}.`);
      if (isLocked(meeting)) {
        const lifecycle = lifecycleOf(meeting);
        const requestMarks = [...lifecycle.requestMarks, { requestId, status, at: this.now().toISOString(), by: (await this.clerkName()) ?? this.user }];
        const updated: Meeting = { ...meeting, lifecycle: { ...lifecycle, requestMarks }, revision: meeting.revision + 1, updatedAt: this.now().toISOString() };
        await this.writeMeeting(updated);
        await this.history.record(meeting, updated, 'saved', `Request marked ${status} in the register (the signed minutes are unchanged)`);
        return { revision: updated.revision };
      }
      const marked = items.find((item, index) => JSON.stringify(item) !== JSON.stringify(meeting.items[index]));
      const updated: Meeting = { ...meeting, items, revision: meeting.revision + 1, updatedAt: this.now().toISOString() };
      await this.writeMeeting(updated);
      await this.history.record(meeting, updated, 'saved', marked ? `Minute ${marked.minuteNumber}: request marked ${status}` : `Request marked ${status} (it already was)`);
      return { revision: updated.revision };
    });
  }

  /** When the meeting's file last changed on disk: a saved search index older than that is out of date for it. */
  async meetingModifiedAt(meetingId: string): Promise<number> {
    return (await fs.stat(this.meetingPath(meetingId))).mtimeMs;
  }

  /**
   * When the meeting's file had last changed (ms since 1970, at most 1 ms late) when the library looked
   * at every file as it opened; undefined once the library has written it or lost it since, or when it
   * was not there then (ask meetingModifiedAt). Saves the search's catch-up a second look at each of
   * 10,000 files at start-up.
   */
  modifiedAtOpening(meetingId: string): number | undefined {
    return this.openingTimes.get(meetingId);
  }

  /** The meeting of a committee held on a date, if the library has one: an import of it would be a duplicate. */
  meetingOn(committeeId: string, date: string): MeetingSummary | undefined {
    return this.index.data.meetings.find((summary) => summary.committeeId === committeeId && summary.date === date);
  }

  /** The committee of that name (letter case and spacing aside), if the library has one. */
  committeeCalled(name: string): Committee | undefined {
    return this.index.data.committees.find((committee) => sameCommitteeName(committee.name, name));
  }

  /** The committee of that name (letter case and spacing aside), created with the usual conventions if new. */
  committeeNamed(name: string, details: Pick<CommitteeFields, 'council' | 'numberingStyle'>): Promise<Committee> {
    return this.exclusive(async () => {
      const existing = this.committeeCalled(name);
      // A committee first met on a page that did not name its council learns it from a form that does.
      if (existing !== undefined && existing.council === UNNAMED_COUNCIL && details.council !== UNNAMED_COUNCIL) {
        return this.replaceCommittee({ ...existing, council: details.council });
      }
      if (existing !== undefined) return existing;
      return this.addCommittee({
        name: name.trim(),
        council: details.council,
        members: [],
        defaultVenue: '',
        contact: { name: 'Committee clerk', phone: '', email: '' },
        municipalYearStartMonth: 5,
        numberingStyle: details.numberingStyle,
        standardAgenda: defaultStandardAgenda,
        declarationKinds: defaultDeclarationKinds(),
      });
    });
  }

  /**
   * Stores a meeting imported from the archive. When it replaces a meeting already in the library it
   * takes that meeting's id (so references to it still hold) and the replaced meeting is kept under
   * replaced/, to be restored with restoreReplaced: answers the copy's name. A draft is replaced only
   * when `draftConfirmed` (else conflict). `checked`: the caller has just checked this very meeting
   * whole against the schema (libraryImport.ts, before creating its committee), so it is not checked twice.
   */
  addImportedMeeting(meeting: Meeting, replacing: string | null, draftConfirmed = false, checked = false): Promise<{ stored: Meeting; replacedCopy: string | null }> {
    return this.exclusive(async () => {
      this.checkWritable();
      // Built from an archive, not typed by the clerk: checked whole before it can reach the disk.
      if (!checked) parseMeetingFile({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting }, `the meeting of ${meeting.date}`);
      const from = meeting.importedFrom === undefined ? 'an archive' : meeting.importedFrom.file;
      if (replacing === null) {
        await this.writeMeeting(meeting);
        await this.history.record(null, meeting, 'imported', `Imported from ${from}`);
        return { stored: meeting, replacedCopy: null };
      }
      const previous = await this.readMeeting(replacing);
      this.refuseIfLocked(previous, 'an import cannot replace them');
      if (isFrozen(previous)) {
        throw new LibraryError(
          'conflict',
          `The minutes of ${formatProseDate(previous.date)} are ${previous.status}: an import cannot replace them.${previous.status === 'circulated' ? ' Put them back to draft first if they are to be replaced.' : ''}`,
        );
      }
      if (isEditable(previous) && !draftConfirmed) {
        throw new LibraryError('conflict', `The meeting of ${formatProseDate(previous.date)} is a draft being written in Minute Book: it is replaced only when that is confirmed.`);
      }
      const replacedCopy = await this.keepReplaced(previous);
      const stored: Meeting = { ...meeting, id: previous.id, revision: previous.revision + 1 };
      await this.writeMeeting(stored);
      await this.history.record(previous, stored, 'replaced', `Replaced by the import of ${from}; the meeting as it was is kept`);
      return { stored, replacedCopy };
    });
  }

  /** The copies kept of a meeting when imports replaced it, newest first. A damaged copy is left out. */
  replacedCopies(meetingId: string): Promise<ReplacedCopy[]> {
    return this.exclusive(async () => {
      const names = await fs.readdir(join(this.folder, REPLACED_DIR)).catch(() => [] as string[]);
      const copies: ReplacedCopy[] = [];
      for (const name of names) {
        const match = REPLACED_COPY_NAME.exec(name);
        if (match?.[1] !== meetingId) continue;
        const file = await this.replacedCopyFile(name)
          .read()
          .catch(() => null);
        if (file === null) continue;
        const { meeting } = file;
        copies.push({
          copy: name,
          replacedAt: match[2]!.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z'),
          revision: meeting.revision,
          status: meeting.status,
          imported: meeting.importedFrom !== undefined,
          unsaved: match[3] !== undefined,
        });
      }
      return copies.sort((a, b) => b.replacedAt.localeCompare(a.replacedAt));
    });
  }

  /**
   * Brings back a replaced copy as the meeting's next revision; the meeting as it was is kept as a
   * replaced copy in turn, so a restore can itself be undone. Throws not-found for an unknown copy.
   */
  restoreReplaced(meetingId: string, copy: string): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
      if (REPLACED_COPY_NAME.exec(copy)?.[1] !== meetingId) throw new LibraryError('not-found', `${copy} is not a copy of this meeting.`);
      const file = await this.replacedCopyFile(copy).read();
      if (file === null) throw new LibraryError('not-found', `${REPLACED_DIR}/${copy} is no longer in the library folder.`);
      const current = await this.readMeeting(meetingId);
      this.refuseIfLocked(current, 'a kept copy cannot be brought back into them');
      // Circulated or agreed minutes change only by their own steps: a copy brought back would undo one unrecorded.
      if (isFrozen(current)) {
        throw new LibraryError('conflict', `The minutes of ${formatProseDate(current.date)} are ${current.status}: a kept copy cannot be brought back into them${current.status === 'circulated' ? '; put them back to draft first' : ''}.`);
      }
      await this.keepReplaced(current);
      const restored: Meeting = { ...file.meeting, id: meetingId, revision: current.revision + 1, updatedAt: this.now().toISOString() };
      await this.refuseIfAgreementUndone(current, restored, 'a kept copy cannot be brought back');
      await this.keepReplaced(current);
      await this.writeMeeting(restored);
      const kept = REPLACED_COPY_NAME.exec(copy)?.[3] !== undefined ? 'a window could not save' : 'an import replaced';
      await this.history.record(current, restored, 'restored', `Brought back the copy kept when ${kept} revision ${file.meeting.revision}`);
      return restored;
    });
  }

  /**
   * Keeps what a window had when its save was refused (the meeting had been saved elsewhere, or an
   * import replaced it) under replaced/, as a copy restoreReplaced can bring back: the clerk's words
   * are never lost to a conflict. `replacing`, a copy of this meeting's kept so before, is overwritten
   * with the newer words. The meeting itself is not changed. Answers the copy's name.
   * @throws LibraryError 'not-found' for a meeting the library does not hold; 'read-only'
   */
  keepUnsaved(meeting: Meeting, replacing: string | null): Promise<{ copy: string }> {
    return this.exclusive(async () => {
      this.checkWritable();
      this.refuseIfLocked(await this.readMeeting(meeting.id), 'a window’s unsaved changes to them are not kept as a copy to restore');
      const previous = replacing === null ? null : REPLACED_COPY_NAME.exec(replacing);
      const copy = previous?.[1] === meeting.id && previous[3] !== undefined ? replacing! : await this.keepReplaced(meeting, 'unsaved');
      if (copy === replacing && !this.dryRun) await this.replacedCopyFile(copy).write(this.fileFor(meeting));
      return { copy };
    });
  }

  /**
   * Moves the meeting to the bin (bin/<id>.json, with its history): it leaves the list, search and the
   * registers, and restoreFromBin brings it back whole. Signed minutes (read-only), circulated and agreed
   * minutes, and a meeting at which earlier minutes were agreed (conflict) are the record: never deleted.
   * @throws LibraryError 'not-found', 'read-only', 'conflict'
   */
  deleteMeeting(meetingId: string, reason: BinnedMeeting['reason'] = 'deleted'): Promise<void> {
    return this.exclusive(async () => {
      this.checkWritable();
      const meeting = await this.readMeeting(meetingId);
      this.refuseIfLocked(meeting, 'they cannot be deleted');
      if (isFrozen(meeting)) {
        throw new LibraryError('conflict', `The minutes of ${formatProseDate(meeting.date)} are ${meeting.status}: they are the record and cannot be deleted.${meeting.status === 'circulated' ? ' Put them back to draft first if they are to be deleted.' : ''}`);
      }
      await this.refuseIfAgreedHere(meeting, 'this meeting cannot be deleted');
      if (this.dryRun) return;
      const bin = join(this.folder, BIN_DIR);
      await fs.mkdir(bin, { recursive: true });
      const binned: BinFile = { ...this.fileFor(meeting), binned: { deletedAt: this.now().toISOString(), reason } };
      // The copy in the bin is durable before the meeting file goes: a crash between leaves both, never neither.
      await writeFileDurably(join(bin, `${meetingId}.json`), `${JSON.stringify(binned, null, 2)}\n`);
      await fs.rename(join(this.folder, MEETINGS_DIR, `${meetingId}${HISTORY_FILE_SUFFIX}`), join(bin, `${meetingId}${HISTORY_FILE_SUFFIX}`)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await fs.rm(this.meetingPath(meetingId));
      this.forget(meetingId);
      await this.writeIndex();
      for (const listener of this.removeListeners) listener(meetingId);
    });
  }

  /** The meetings in the bin, most recently deleted first; a bin file that does not read as a meeting is left out. */
  binnedMeetings(): Promise<BinnedMeeting[]> {
    return this.exclusive(async () => {
      const names = await fs.readdir(join(this.folder, BIN_DIR)).catch(() => [] as string[]);
      const entries: BinnedMeeting[] = [];
      for (const name of names.filter((candidate) => MEETING_FILE_NAME.test(candidate))) {
        const file = await this.binFile(name.slice(0, -'.json'.length)).catch(() => null);
        if (file === null) continue;
        const { meeting, committee, binned } = file;
        entries.push({
          meetingId: meeting.id,
          committeeId: meeting.committeeId,
          committeeName: this.index.data.committees.find((known) => known.id === meeting.committeeId)?.name ?? committee?.name ?? 'A committee no longer in the library',
          date: meeting.date,
          status: meeting.status,
          deletedAt: binned.deletedAt,
          reason: binned.reason,
        });
      }
      return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
    });
  }

  /**
   * Brings a meeting back from the bin as it was (its history too), and into search. Its committee comes
   * back from the file when the library no longer has it. Answers the meeting.
   * @throws LibraryError 'not-found' (not in the bin), 'conflict' (the library holds a meeting with its id), 'read-only'
   */
  restoreFromBin(meetingId: string): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
      const file = await this.binFile(meetingId);
      if (file === null) throw new LibraryError('not-found', 'That meeting is no longer in the bin.');
      if (this.index.data.meetings.some((summary) => summary.id === meetingId)) {
        throw new LibraryError('conflict', `The library already holds the meeting of ${formatProseDate(file.meeting.date)}: it is left in the bin.`);
      }
      if (!this.index.data.committees.some((known) => known.id === file.meeting.committeeId)) {
        await this.writeIndex({ ...this.index.data, committees: [...this.index.data.committees, file.committee ?? recoveredCommittee(file.meeting.committeeId, this.now().toISOString())] });
      }
      const bin = join(this.folder, BIN_DIR);
      await fs.rename(join(bin, `${meetingId}${HISTORY_FILE_SUFFIX}`), join(this.folder, MEETINGS_DIR, `${meetingId}${HISTORY_FILE_SUFFIX}`)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await this.writeMeeting(file.meeting);
      await fs.rm(join(bin, `${meetingId}.json`));
      return file.meeting;
    });
  }

  /**
   * A new draft of the meeting's committee on `date`, with its agenda, attendance and minutes as they
   * stand, numbered where it falls; nothing of the original's lifecycle or import comes with it.
   * @throws LibraryError 'not-found', 'conflict' (the committee already has a meeting on `date`), 'read-only'
   */
  duplicateMeeting(meetingId: string, date: string): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
      const original = await this.readMeeting(meetingId);
      if (this.meetingOn(original.committeeId, date) !== undefined) {
        throw new LibraryError('conflict', `${this.committee(original.committeeId).name} already has a meeting on ${formatProseDate(date)}: choose another date for the copy.`);
      }
      const { lifecycle: _lifecycle, importedFrom: _importedFrom, ...content } = original;
      const copy = this.numbered({ ...content, id: this.newId(), date, status: 'draft', firstMinuteNumber: null, revision: 0, updatedAt: this.now().toISOString() });
      await this.writeMeeting(copy);
      await this.history.record(null, copy, 'created', `Duplicated from the meeting of ${formatProseDate(original.date)}`);
      return copy;
    });
  }

  /** Archives the committee (hidden from the library list, its meetings kept and searchable) or brings it back. @throws LibraryError 'not-found', 'read-only' */
  archiveCommittee(committeeId: string, archived: boolean): Promise<Committee> {
    return this.exclusive(async () => {
      const { archived: _was, ...committee } = this.committee(committeeId);
      return this.replaceCommittee(archived ? { ...committee, archived: true } : committee);
    });
  }

  /**
   * Undoes an import: each meeting it added goes to the bin ('import-undone'). A meeting no longer as the
   * import left it (no longer imported, or changed since), or that is the record, stays, with a note why.
   */
  async undoImport(meetingIds: readonly string[]): Promise<{ binned: number; notes: string[] }> {
    const notes: string[] = [];
    let binned = 0;
    for (const meetingId of meetingIds) {
      const meeting = await this.loadMeeting(meetingId).catch(() => null);
      if (meeting === null) continue; // already gone: nothing to undo
      if (meeting.importedFrom === undefined || meeting.revision !== 0) {
        notes.push(`The meeting of ${formatProseDate(meeting.date)} ${meeting.importedFrom === undefined ? 'was not imported' : 'was changed after it was imported'}: it is kept.`);
        continue;
      }
      try {
        await this.deleteMeeting(meetingId, 'import-undone');
        binned++;
      } catch (error) {
        // A refusal for this meeting is noted and the rest go on; a library that cannot be written stops the undo.
        if (!(error instanceof LibraryError) || this.writeRefusal !== null) throw error;
        notes.push(error.message);
      }
    }
    return { binned, notes };
  }

  /** The meeting file under bin/, or null when there is none; throws storage when it cannot be read as one. */
  private async binFile(meetingId: string): Promise<BinFile | null> {
    return new ValidatedJsonFile(join(this.folder, BIN_DIR, `${meetingId}.json`), `${BIN_DIR}/${meetingId}.json`, parseBinFile).read();
  }

  /** The meeting's versions, newest first, and notes on any problem with its history. Throws not-found for an unknown meeting. */
  meetingVersions(meetingId: string): Promise<{ versions: VersionEntry[]; notes: string[] }> {
    return this.exclusive(async () => {
      const meeting = await this.readMeeting(meetingId);
      const listed = await this.history.list(meetingId);
      if (listed.versions.length === 0 && listed.notes.length === 0) {
        listed.notes.push('This meeting was last saved before Minute Book kept versions: its versions are kept from its next save.');
      }
      if (listed.versions.length > 0 && listed.versions[0]!.revision < meeting.revision) {
        listed.notes.push(`The latest save (revision ${meeting.revision}) is not in the history yet; it is added with the next save.`);
      }
      return listed;
    });
  }

  /** The meeting exactly as saved at `revision`. Throws not-found naming the revision when its history does not keep it. */
  meetingVersion(meetingId: string, revision: number): Promise<Meeting> {
    return this.exclusive(async () => {
      this.summary(meetingId);
      return (await this.history.version(meetingId, revision)).meeting;
    });
  }

  /**
   * Saves the content of an earlier version (items, attendance, details) as the meeting's next
   * revision, recorded as 'restored'; its id, committee, status and where it was imported from stay
   * as now. Undone by restoring the revision before it. Refused (read-only) unless the library writes
   * and the meeting is a draft; (conflict) when `baseRevision` is not the revision on disk; throws
   * not-found when the version is not kept.
   */
  restoreVersion(meetingId: string, revision: number, baseRevision: number): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
      const current = await this.readMeeting(meetingId);
      this.refuseIfLocked(current, 'an earlier version cannot be restored into them');
      if (!isEditable(current)) throw new LibraryError('read-only', `This meeting is ${current.status}: an earlier version cannot be restored into it.`);
      if (current.revision !== baseRevision) {
        throw new LibraryError(
          'conflict',
          `This meeting was saved elsewhere (revision ${current.revision}, this window has ${baseRevision}). Reopen it before restoring a version.`,
        );
      }
      const { meeting: version, savedAt } = await this.history.version(meetingId, revision);
      // The words come back; the record of what the minutes went through (circulated, back to draft, suggestions) stays as it is now.
      const { importedFrom: _wasImportedFrom, lifecycle: _wasLifecycle, ...content } = version;
      const restored = this.numbered({
        ...content,
        ...(current.importedFrom === undefined ? {} : { importedFrom: current.importedFrom }),
        ...(current.lifecycle === undefined ? {} : { lifecycle: current.lifecycle }),
        id: current.id,
        committeeId: current.committeeId,
        status: current.status,
        revision: current.revision + 1,
        updatedAt: this.now().toISOString(),
      });
      await this.refuseIfAgreementUndone(current, restored, 'an earlier version cannot be restored');
      await this.writeMeeting(restored);
      await this.history.record(current, restored, 'restored', `Restored the version of ${formatSavedAt(savedAt)} (revision ${revision})`);
      return restored;
    });
  }

  /** The clerk's name from preferences.json (null until set). */
  preferences(): Promise<{ clerkName: string | null }> {
    return this.exclusive(async () => ({ clerkName: await this.clerkName() }));
  }

  /** Sets the clerk's name, recorded with every lifecycle step. @throws LibraryError 'read-only' */
  setClerkName(clerkName: string): Promise<{ clerkName: string | null }> {
    return this.exclusive(async () => {
      this.checkWritable();
      if (!this.dryRun) await this.preferencesFile.write({ schemaVersion: CURRENT_SCHEMA_VERSION, clerkName });
      this.lastClerkName = clerkName;
      return { clerkName };
    });
  }

  /**
   * Circulates a draft: its text is frozen (only drafts are edited). Runs the checks before circulating
   * (shared/lifecycle/checks.ts) with `resolved` as what the meeting's citations name.
   * @throws ValidationError (invalid-input) for no clerk's name, a check's error or an unconfirmed warning;
   *   LibraryError 'conflict' (not a draft, or baseRevision is not the revision on disk), 'read-only'
   */
  circulate(meetingId: string, baseRevision: number, confirmedWarnings: readonly string[], resolved: ResolvedCitations): Promise<Meeting> {
    return this.lifecycleStep(meetingId, 'circulated', baseRevision, async (meeting, step) => {
      step.warningsConfirmed = this.checked(meeting, 'circulate', confirmedWarnings, resolved);
      // The heading and numbering are frozen with the text: a later edit of the committee leaves these minutes as circulated.
      const lifecycle = { ...lifecycleOf(meeting), recordedAs: recordedCommittee(this.committee(meeting.committeeId)) };
      return { meeting: { ...meeting, status: transitions.circulated.to, lifecycle }, summary: `Circulated by ${step.by}` };
    });
  }

  /** Puts circulated minutes back to draft, recorded with the clerk's `reason` (the contract requires one). Same refusals as circulate, but no checks. */
  backToDraft(meetingId: string, baseRevision: number, reason: string): Promise<Meeting> {
    return this.lifecycleStep(meetingId, 'returned-to-draft', baseRevision, async (meeting, step) => {
      step.reason = reason;
      // A draft prints as the committee is now; circulating again records it afresh.
      const { recordedAs: _recordedAs, ...lifecycle } = lifecycleOf(meeting);
      return { meeting: { ...meeting, status: transitions['returned-to-draft'].to, lifecycle }, summary: `Put back to draft by ${step.by}: ${reason}` };
    });
  }

  /**
   * Records a member's suggested correction against an item of circulated minutes; the text is not
   * changed. @throws LibraryError 'conflict' (not circulated), 'not-found' (no such item), 'read-only'
   */
  suggestCorrection(meetingId: string, itemId: string, by: string, text: string): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
      const stored = await this.readMeeting(meetingId);
      this.refuseIfLocked(stored, 'corrections are no longer suggested to them');
      if (stored.status !== 'circulated') throw new LibraryError('conflict', `The minutes of ${formatProseDate(stored.date)} are ${stored.status}: corrections are suggested to circulated minutes.`);
      const item = this.itemOf(stored, itemId);
      const lifecycle = lifecycleOf(stored);
      const suggestion = { id: this.newId(), itemId, at: this.now().toISOString(), by, text };
      const updated: Meeting = { ...stored, lifecycle: { ...lifecycle, suggestions: [...lifecycle.suggestions, suggestion] }, revision: stored.revision + 1, updatedAt: suggestion.at };
      await this.writeMeeting(updated);
      await this.history.record(stored, updated, 'saved', `Correction to Minute ${item.minuteNumber} suggested by ${by}`);
      return updated;
    });
  }

  /**
   * Records circulated minutes as agreed at a later meeting of the same committee, at its `minute`
   * ("6/17"). Each amendment replaces its item (keeping the item's id and minute number) and is
   * recorded as a Correction "Amended by Minute 6/17" with the item before and after; the minutes as
   * circulated stay in the history. The only way an agreed meeting's text changes.
   * @throws ValidationError (invalid-input) no clerk's name, or an amended item the editor cannot open;
   *   LibraryError 'conflict' (not circulated; the approving meeting is of another committee or not
   *   later), 'not-found' (the approving meeting, an amended item), 'read-only'
   */
  agree(meetingId: string, approvingMeetingId: string, minute: string, amendments: readonly { itemId: string; after: Item }[]): Promise<Meeting> {
    return this.lifecycleStep(meetingId, 'agreed', null, async (meeting, step) => {
      const approving = this.summary(approvingMeetingId);
      if (approving.committeeId !== meeting.committeeId) throw new LibraryError('conflict', 'Minutes are agreed at a later meeting of the same committee; that meeting is of another committee.');
      if (approving.date <= meeting.date) {
        throw new LibraryError('conflict', `Minutes are agreed at a later meeting: the meeting of ${formatProseDate(approving.date)} is not after that of ${formatProseDate(meeting.date)}.`);
      }
      await this.checkApprovingMinute(meeting, approvingMeetingId, minute);
      const note = `Amended by Minute ${minute}`;
      const amendedTwice = amendments.find((amendment, index) => amendments.findIndex((other) => other.itemId === amendment.itemId) !== index);
      if (amendedTwice !== undefined) {
        throw new ValidationError('lifecycle:agree', [`amendments: Minute ${this.itemOf(meeting, amendedTwice.itemId).minuteNumber} is amended twice; give the corrected item once`]);
      }
      const agreedHere = (this.summaryGroups().byAgreedAt.get(meeting.id) ?? []).map((summary) => summary.date);
      const corrections = amendments.map(({ itemId, after }) => {
        const before = this.itemOf(meeting, itemId);
        const problem = amendmentProblem(before, after, agreedHere);
        if (problem !== null) throw new ValidationError('lifecycle:agree', [`amendments: Minute ${before.minuteNumber} ${problem}`]);
        // The amended text replaces the item; its place and number are the record's, not the amendment's.
        return { itemId, at: step.at, by: step.by, meetingId: approvingMeetingId, minute, note, before, after: { ...after, id: before.id, minuteNumber: before.minuteNumber } };
      });
      const items = meeting.items.map((item) => corrections.findLast((correction) => correction.itemId === item.id)?.after ?? item);
      const lifecycle = lifecycleOf(meeting);
      const agreed: Meeting = {
        ...meeting,
        status: transitions.agreed.to,
        items,
        lifecycle: {
          ...lifecycle,
          agreed: { at: step.at, by: step.by, meetingId: approvingMeetingId, meetingDate: approving.date, minute, amended: corrections.length > 0 },
          corrections: [...lifecycle.corrections, ...corrections],
        },
      };
      checkMinutes(agreed, 'lifecycle:agree');
      const amended = corrections.length === 0 ? 'as a true record' : `with ${corrections.length} amendment${corrections.length === 1 ? '' : 's'} (${corrections.map((c) => `Minute ${c.before.minuteNumber}`).join(', ')})`;
      return { meeting: agreed, summary: `Agreed at the meeting of ${formatProseDate(approving.date)}, Minute ${minute}, ${amended}; recorded by ${step.by}` };
    });
  }

  /**
   * The approving meeting's minute must read as a minute ("6/17", "6", "EX6"); and where that meeting
   * minutes the approval of these minutes (its minutes_approval block names their date), it must be
   * the minute holding that block, the one place the approval is recorded. @throws ValidationError
   */
  private async checkApprovingMinute(meeting: Meeting, approvingMeetingId: string, minute: string): Promise<void> {
    if (!/^[A-Z]{0,6}\d{1,5}[a-z]?(?:\/\d{2,4})?$/i.test(minute.trim())) {
      throw new ValidationError('lifecycle:agree', [`minute: "${minute}" is not a minute number such as 6/17`]);
    }
    const approving = await this.readMeeting(approvingMeetingId);
    const committee = this.committee(approving.committeeId);
    const year = municipalYearOf(approving.date, committeeAsRecorded(committee, approving).municipalYearStartMonth);
    const approvalsAt = (item: Item) => item.minutes.filter((block) => block.type === 'minutes_approval').map((block) => String(block.attrs?.['meetingDate'] ?? ''));
    const holder = approving.items.find((item) => approvalsAt(item).includes(meeting.date));
    if (holder === undefined) {
      // A minute that approves other minutes is not where these were agreed.
      const named = approving.items.find((item) => minute.trim() === minuteCitation(item.minuteNumber, year) || minute.trim() === String(item.minuteNumber));
      const others = named === undefined ? [] : approvalsAt(named).filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date));
      if (others.length > 0) {
        throw new ValidationError('lifecycle:agree', [`minute: Minute ${minute.trim()} of the meeting of ${formatProseDate(approving.date)} approves the minutes of ${others.map(formatProseDate).join(' and ')}, not those of ${formatProseDate(meeting.date)}`]);
      }
      return;
    }
    const expected = minuteCitation(holder.minuteNumber, year);
    if (minute.trim() !== expected && minute.trim() !== String(holder.minuteNumber)) {
      throw new ValidationError('lifecycle:agree', [`minute: the meeting of ${formatProseDate(approving.date)} records the approval of these minutes at Minute ${expected}, not ${minute}`]);
    }
  }

  /**
   * Signs agreed minutes: the Chair's name and date, the content hash of the record as signed and its
   * place in the committee's chain (shared/lifecycle/signature.ts). The meeting is then locked. Runs
   * the checks before signing. Minutes are signed in the order of their meetings, so the chain only
   * grows at its end. @throws as circulate; LibraryError 'conflict' also when a later meeting of the
   * committee is signed already
   */
  sign(meetingId: string, baseRevision: number, chair: string, signedOn: string, confirmedWarnings: readonly string[], resolved: ResolvedCitations): Promise<Meeting> {
    return this.lifecycleStep(meetingId, 'signed', baseRevision, async (meeting, step) => {
      if (signedOn < meeting.date) throw new ValidationError('lifecycle:sign', [`signedOn: the minutes of ${formatProseDate(meeting.date)} cannot be signed before the meeting (${signedOn})`]);
      const agreedOn = meeting.lifecycle?.agreed?.meetingDate;
      if (agreedOn !== undefined && signedOn < agreedOn) {
        throw new ValidationError('lifecycle:sign', [`signedOn: the minutes of ${formatProseDate(meeting.date)} were agreed at the meeting of ${formatProseDate(agreedOn)}: they cannot be signed before then (${formatProseDate(signedOn)})`]);
      }
      // Today as the clerk's calendar has it: a signature is dated when it is made, never ahead.
      if (signedOn > toIsoDate(this.now())) throw new ValidationError('lifecycle:sign', [`signedOn: ${formatProseDate(signedOn)} is in the future: minutes are signed on the day the Chair signs them`]);
      const signedBefore = this.index.data.meetings
        .filter((other) => other.committeeId === meeting.committeeId && other.chain !== null && other.id !== meeting.id)
        .sort((a, b) => a.date.localeCompare(b.date));
      const later = signedBefore.find((other) => other.date >= meeting.date);
      if (later !== undefined) {
        throw new LibraryError(
          'conflict',
          `The minutes of ${formatProseDate(later.date)} are signed already: minutes are signed in the order of their meetings, so each signature vouches for all before it.`,
        );
      }
      step.warningsConfirmed = this.checked(meeting, 'sign', confirmedWarnings, resolved);
      const unsigned: Meeting = { ...meeting, status: transitions.signed.to };
      const previousHash = signedBefore.at(-1)?.chain?.chainHash ?? null;
      // The hash leaves the signature out, so it is computed with the step recorded and then added.
      const withStep: Meeting = { ...unsigned, lifecycle: { ...lifecycleOf(unsigned), steps: [...lifecycleOf(unsigned).steps, step] } };
      const signer = { at: step.at, by: step.by, chair, signedOn };
      const hash = signedContentHash(withStep, 'signed-record', signer);
      const signature = { ...signer, contentHash: hash, previousHash, chainHash: chainHashOf(previousHash, hash), covers: 'signed-record' as const };
      return { meeting: unsigned, summary: `Signed by ${chair} (Chair) on ${formatProseDate(signedOn)}; recorded by ${step.by}`, signature };
    });
  }

  /**
   * Records signed minutes as published (DOMAIN.md: "→ published"): where, when and by whom, kept
   * beside the signed record as the register's marks are, so the signature still verifies. Published
   * again (a second place) replaces the record of where. @throws LibraryError 'conflict' (not signed,
   * or the file no longer matches its signature), 'read-only'; ValidationError without a clerk's name
   */
  publish(meetingId: string, where: string): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
      const stored = await this.readMeeting(meetingId);
      if (stored.lifecycle?.signed == null) throw new LibraryError('conflict', `The minutes of ${formatProseDate(stored.date)} are ${stored.status}: minutes are published once signed.`);
      const tampered = tamperWarning(stored);
      if (tampered !== null) throw new LibraryError('conflict', `${tampered} They cannot be published as they are.`);
      const by = await this.clerkName();
      if (by === null) throw new ValidationError('lifecycle:publish', ['Set your name in Preferences first: each step of the minutes records who took it']);
      const at = this.now().toISOString();
      const lifecycle = lifecycleOf(stored);
      const publication = { at, by, where };
      // Published again (another site, a reprint): recorded beside the first, which stays as it was.
      const published = lifecycle.published === undefined ? { published: publication } : { publishedAgain: [...(lifecycle.publishedAgain ?? []), publication] };
      const updated: Meeting = { ...stored, lifecycle: { ...lifecycle, ...published }, revision: stored.revision + 1, updatedAt: at };
      await this.writeMeeting(updated);
      await this.history.record(stored, updated, 'status', `${lifecycle.published === undefined ? 'Published' : 'Published again'} (${where}) by ${by}; the signed minutes are unchanged`);
      return updated;
    });
  }

  /**
   * The newest kept version of a signed meeting that matches its own signature — the record as last
   * verified — to compare a tampered file with; null when the history keeps none (it was signed before
   * versions were kept, or its history was lost). Throws not-found for an unknown meeting.
   */
  signedVersion(meetingId: string): Promise<{ revision: number; savedAt: string } | null> {
    return this.exclusive(async () => {
      this.summary(meetingId);
      const found = await this.versionAsSigned(meetingId).catch(() => null);
      if (found === null) return null;
      const { versions } = await this.history.list(meetingId);
      return { revision: found.revision, savedAt: versions.find((version) => version.revision === found.revision)?.savedAt ?? found.updatedAt };
    });
  }

  /**
   * Puts the version as signed (the newest kept version matching its signature) back in place of a
   * signed meeting's file that was changed, damaged or removed outside Minute Book. The file as it was
   * is set aside first, so nothing is lost; the step is recorded in the history. Only the clerk's
   * choice does this: the library never repairs a signed record by itself.
   * @throws LibraryError 'conflict' (the file matches its signature: nothing to put back), 'storage'
   *   (the history keeps no version as signed), 'read-only', 'not-found'
   */
  putBackSigned(meetingId: string): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
      const summary = this.summary(meetingId);
      if (summary.tampered === null) throw new LibraryError('conflict', `The minutes of ${formatProseDate(summary.date)} match their signature: there is nothing to put back.`);
      const asSigned = await this.versionAsSigned(meetingId);
      const current = this.lostSigned.has(meetingId) ? null : await this.readMeeting(meetingId).catch(() => null);
      const keptIn = current === null ? null : await this.moveAside(this.meetingPath(meetingId));
      const at = this.now().toISOString();
      const restored: Meeting = { ...asSigned, revision: Math.max(current?.revision ?? 0, asSigned.revision) + 1, updatedAt: at };
      await this.writeMeeting(restored);
      this.lostSigned.delete(meetingId);
      this.changedOutside.delete(meetingId);
      // The warnings about this file are answered: the record on disk is the one signed again.
      const answered = this.problems.filter((problem) => problem.file === `${MEETINGS_DIR}/${meetingId}.json` && problem.movedTo === null);
      for (const problem of answered) this.problems.splice(this.problems.indexOf(problem), 1);
      await this.history.record(current, restored, 'restored', `Put back the version as signed (revision ${asSigned.revision})${keptIn === null ? '' : `; the file as changed outside Minute Book is kept in ${keptIn}`}`);
      return restored;
    });
  }

  // ——— inside the one queue ———

  /**
   * One lifecycle step, queued: refuses (read-only) a locked meeting or a library this process does not
   * write, (conflict) the wrong status or a stale baseRevision (null: the step takes none), and
   * (invalid-input) a clerk with no name; then `build` makes the meeting, which is written with the
   * step recorded and kept as a 'status' version.
   */
  private lifecycleStep(
    meetingId: string,
    name: keyof typeof transitions,
    baseRevision: number | null,
    build: (meeting: Meeting, step: LifecycleStep) => Promise<{ meeting: Meeting; summary: string; signature?: NonNullable<Lifecycle['signed']> }>,
  ): Promise<Meeting> {
    return this.exclusive(async () => {
      this.checkWritable();
      const stored = await this.readMeeting(meetingId);
      const refusal = transitionRefusal(stored, name);
      if (refusal !== null) throw new LibraryError(isLocked(stored) ? 'read-only' : 'conflict', refusal);
      this.refuseIfSignatureLost(stored);
      if (baseRevision !== null && stored.revision !== baseRevision) {
        throw new LibraryError('conflict', `This meeting was saved elsewhere (revision ${stored.revision}, this window has ${baseRevision}). Reopen it before it is ${name}.`);
      }
      if (name === 'agreed' || name === 'signed') await this.refuseIfFrozenChangedOutside(stored, name);
      const by = await this.clerkName();
      if (by === null) throw new ValidationError(stepChannels[name], ['Set your name in Preferences first: each step of the minutes records who took it']);
      const step: LifecycleStep = { step: name, at: this.now().toISOString(), by, warningsConfirmed: [] };
      const built = await build({ ...stored, revision: stored.revision + 1, updatedAt: step.at }, step);
      const lifecycle = lifecycleOf(built.meeting);
      const updated: Meeting = { ...built.meeting, lifecycle: { ...lifecycle, steps: [...lifecycle.steps, step], signed: built.signature ?? lifecycle.signed } };
      await this.writeMeeting(updated);
      await this.history.record(stored, updated, 'status', built.summary);
      return updated;
    });
  }

  /**
   * Runs the checks for `step`: errors refuse it, each warning must be among `confirmed` (as
   * `code:itemId`). Answers the warnings confirmed, to be recorded with the step.
   */
  private checked(meeting: Meeting, step: 'circulate' | 'sign', confirmed: readonly string[], resolved: ResolvedCitations): string[] {
    const checks = checkMeeting(meeting, { committee: committeeAsRecorded(this.committee(meeting.committeeId), meeting), library: this.index.data.meetings, resolved, step });
    const errors = checks.filter((check) => check.severity === 'error');
    if (errors.length > 0) throw new ValidationError(`lifecycle:${step}`, errors.map((check) => check.message));
    const warnings = checks.filter((check) => check.severity === 'warning').map((check) => ({ key: `${check.code}:${check.itemId ?? ''}`, message: check.message }));
    const unconfirmed = warnings.filter((warning) => !confirmed.includes(warning.key));
    if (unconfirmed.length > 0) {
      throw new ValidationError(`lifecycle:${step}`, unconfirmed.map((warning) => `confirm the warning ${warning.message} (--confirm ${warning.key})`));
    }
    return warnings.map((warning) => warning.key);
  }

  private refuseIfLocked(meeting: Meeting, what: string): void {
    if (isLocked(meeting)) throw new LibraryError('read-only', lockedMessage(meeting, what));
    this.refuseIfSignatureLost(meeting);
  }

  /** Signed by the register's account though the file says otherwise: the file is not taken at its word. */
  private refuseIfSignatureLost(meeting: Meeting): void {
    const lost = this.signatureLost(meeting);
    if (lost !== undefined) throw new LibraryError('read-only', lost.message);
  }

  /** The register's signature of this meeting that its file no longer carries, if any. */
  private signatureLost(meeting: Meeting): ChainBreak | undefined {
    const registered = this.signatures.filter((entry) => entry.meetingId === meeting.id);
    return registerBreaks(registered, [signedStateOf(meeting)])[0];
  }

  private itemOf(meeting: Meeting, itemId: string): Item {
    const item = meeting.items.find((candidate) => candidate.id === itemId);
    if (item === undefined) throw new LibraryError('not-found', `The minutes of ${formatProseDate(meeting.date)} have no item ${itemId}.`);
    return item;
  }

  /** The name recorded with lifecycle steps: --by on the command line, else preferences.json; null when neither. A damaged file is set aside. */
  private async clerkName(): Promise<string | null> {
    if (this.clerkNameGiven !== undefined) return this.clerkNameGiven;
    try {
      this.lastClerkName = (await this.preferencesFile.read())?.clerkName ?? null;
      return this.lastClerkName;
    } catch (error) {
      await this.setAside(this.preferencesFile.path, error);
      return null;
    }
  }

  /** The index's summary of a meeting as read, with the warning when a signed one no longer matches its signature. */
  private summaryOf(meeting: Meeting): MeetingSummary {
    return { ...summarise(meeting), tampered: tamperWarning(meeting) ?? this.signatureLost(meeting)?.message ?? null };
  }

  /** On opening: each signed meeting that no longer matches its signature, and each break in a committee's chain, is listed as a problem. */
  private reportSignatures(): void {
    for (const broken of this.signaturesLost()) {
      const summary = this.index.data.meetings.find((meeting) => meeting.id === broken.meetingId);
      // Shown on the meeting and in the library as any other signed record changed outside Minute Book.
      if (summary !== undefined) summary.tampered ??= broken.message;
      else this.problems.push({ file: `${MEETINGS_DIR}/${broken.meetingId}.json`, message: broken.message, movedTo: null });
    }
    for (const summary of this.index.data.meetings) {
      if (summary.tampered !== null) this.noteProblem(summary.id, summary.tampered);
    }
    // A signed file that could not be read is no link on disk, though its history keeps it: the chain breaks after it.
    const links = this.index.data.meetings.flatMap((summary) => (summary.chain === null || this.lostSigned.has(summary.id) ? [] : [{ meetingId: summary.id, committeeId: summary.committeeId, date: summary.date, chain: summary.chain }]));
    for (const broken of chainBreaks(links)) this.problems.push({ file: `${MEETINGS_DIR}/${broken.meetingId}.json`, message: broken.message, movedTo: null });
  }

  /** The signatures the register records that the meeting files (as the index has them) no longer carry. */
  private signaturesLost(): ChainBreak[] {
    return registerBreaks(
      this.signatures,
      this.index.data.meetings.map((summary) => ({ meetingId: summary.id, date: summary.date, chainHash: summary.chain?.chainHash ?? null })),
    );
  }

  /**
   * Reads signatures.json. Missing or damaged (set aside), it is made again from the signed meetings
   * found now, those the index recorded as signed when the library was last open (`indexed`) and those
   * whose history holds a signed version, so a signature removed from a file along with the register
   * is still seen; the clerk is told that one removed from the history too could not be.
   */
  private async readSignatureRegister(indexed: readonly RegisteredSignature[]): Promise<void> {
    let file: SignatureRegisterFile | null = null;
    let damaged = false;
    try {
      file = await this.registerFile.read();
    } catch (error) {
      damaged = true;
      await this.setAside(this.registerFile.path, error);
    }
    if (file !== null) {
      this.signatures = file.signatures;
      return;
    }
    const found = this.index.data.meetings.flatMap((summary) =>
      summary.chain === null ? [] : [{ meetingId: summary.id, committeeId: summary.committeeId, date: summary.date, chainHash: summary.chain.chainHash }],
    );
    const foundIds = new Set(found.map((entry) => entry.meetingId));
    this.signatures = [...found, ...indexed.filter((entry) => !foundIds.has(entry.meetingId))];
    // And from each meeting's own history: a signed meeting stays signed, so one whose history holds a signed version was signed.
    const registered = new Set(this.signatures.map((entry) => entry.meetingId));
    for (const summary of this.index.data.meetings) {
      if (registered.has(summary.id)) continue;
      const fromHistory = await this.signatureInHistory(summary.id);
      if (fromHistory !== null) this.signatures.push(fromHistory);
    }
    // Signatures of the 'signed-record' kind are always registered as they are made: one found with no
    // register means it was removed. Older signatures were made before there was a register to keep.
    const registeredWhenMade = this.index.data.meetings.some((summary) => summary.chain?.covers === 'signed-record') || this.signatures.length > found.length;
    if (damaged || registeredWhenMade) {
      this.problems.push({
        file: SIGNATURES_FILE,
        message: `${SIGNATURES_FILE}, the library's register of signatures, was ${damaged ? 'damaged' : 'missing'}: it was made again from the ${found.length} signed meeting(s) found now${this.signatures.length > found.length ? ` and the ${this.signatures.length - found.length} the library's index or the meetings' histories record as signed` : ''}. A signature removed from a meeting file and its history could not be seen.`,
        movedTo: null,
      });
    }
    if (this.writes) await this.writeSignatureRegister();
  }

  /** The newest signature a meeting's history holds, as the register records it; null when it holds none (or cannot be read). */
  private async signatureInHistory(meetingId: string): Promise<RegisteredSignature | null> {
    try {
      const signedVersion = (await this.history.list(meetingId)).versions.find((version) => version.status === 'signed');
      if (signedVersion === undefined) return null;
      const { meeting } = await this.history.version(meetingId, signedVersion.revision);
      const signature = meeting.lifecycle?.signed;
      return signature == null ? null : { meetingId, committeeId: meeting.committeeId, date: meeting.date, chainHash: signature.chainHash };
    } catch {
      return null;
    }
  }

  private async writeSignatureRegister(): Promise<void> {
    await this.registerFile.write({ schemaVersion: CURRENT_SCHEMA_VERSION, signatures: this.signatures });
  }

  /** Adds a signed meeting just written to the register (once; its newest signature). */
  private async registerSignature(meeting: Meeting): Promise<void> {
    const signature = meeting.lifecycle?.signed;
    if (signature == null || this.signatures.some((entry) => entry.meetingId === meeting.id && entry.chainHash === signature.chainHash)) return;
    this.signatures = [
      ...this.signatures.filter((entry) => entry.meetingId !== meeting.id),
      { meetingId: meeting.id, committeeId: meeting.committeeId, date: meeting.date, chainHash: signature.chainHash },
    ];
    await this.writeSignatureRegister();
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    return this.operations.runExclusive(operation);
  }

  private checkWritable(): void {
    if (this.writeRefusal !== null) throw new LibraryError('read-only', this.writeRefusal);
  }

  /** Opens the library; answers the signed meetings whose files look unchanged, which are checked after (checkSignedRecords). */
  private async start(): Promise<string[]> {
    if (!this.dryRun) {
      try {
        await fs.mkdir(join(this.folder, MEETINGS_DIR), { recursive: true });
        const outcome = await lockLibrary(this.folder, (reason) => {
          this.writeRefusal = reason;
        });
        if ('held' in outcome) this.lock = outcome.held;
        else this.writeRefusal = outcome.refused;
      } catch (error) {
        this.writeRefusal = `The library folder cannot be written (${(error as NodeJS.ErrnoException).code ?? reasonOf(error)}), so it is open read-only.`;
      }
    }
    try {
      await this.readIndex();
      // What the index recorded as signed when the library was last open, before the files are read again.
      const indexedSignatures = this.index.data.meetings.flatMap((summary) =>
        summary.chain === null ? [] : [{ meetingId: summary.id, committeeId: summary.committeeId, date: summary.date, chainHash: summary.chain.chainHash }],
      );
      const unchangedSigned = await this.reconcileMeetingFiles();
      await this.recoverCommittees();
      await this.readSignatureRegister(indexedSignatures);
      this.reportSignatures();
      return unchangedSigned;
    } catch (error) {
      // Whatever went wrong, the clerk gets the library as far as it could be read, and nothing is written.
      this.problems.push({ file: LIBRARY_FILE, message: `The library could not be opened fully: ${reasonOf(error)}`, movedTo: null });
      this.writeRefusal ??= 'The library could not be opened fully, so it is open read-only to keep its files as they are.';
      return [];
    }
  }

  /**
   * Reads each signed meeting whose file looked unchanged at opening and checks it against its
   * signature, one file at a time in the library's queue (a save waits for one file at most), keeping
   * nothing in memory. A signed record that no longer matches is marked and listed, as at opening; one
   * that no longer validates is set aside. Signed files are checked at every opening even when their
   * stamp matches, because whoever edits a file can also edit the stamp in library.json.
   */
  private async checkSignedRecords(meetingIds: readonly string[]): Promise<void> {
    if (meetingIds.length === 0) return;
    this.checking = { done: 0, total: meetingIds.length };
    let changed = false;
    for (const [done, meetingId] of meetingIds.entries()) {
      if (this.closing) break;
      changed = (await this.exclusive(() => this.checkSignedRecord(meetingId))) || changed;
      this.checking = { done: done + 1, total: meetingIds.length };
    }
    this.checking = null;
    if (changed) await this.exclusive(() => this.writeIndexOnOpening());
  }

  /** One signed record checked against its signature (see checkSignedRecords); answers whether the index changed. */
  private async checkSignedRecord(meetingId: string): Promise<boolean> {
    // Read, saved or forgotten since opening: checked then.
    if (this.meetings.has(meetingId) || this.summaryIndex(meetingId) < 0) return false;
    const file = this.meetingFile(meetingId);
    try {
      await file.read();
      if (file.data === null) throw new Error('the file is missing');
    } catch (error) {
      await this.lostFile(meetingId, error);
      return true;
    }
    const summary = this.summaryOf(file.data.meeting);
    if (!this.remember(summary)) return false;
    if (summary.tampered !== null) this.problems.push({ file: `${MEETINGS_DIR}/${meetingId}.json`, message: summary.tampered, movedTo: null });
    return true;
  }

  private async addCommittee(fields: CommitteeFields): Promise<Committee> {
    this.checkWritable();
    const committee: Committee = { ...fields, id: this.newId(), createdAt: this.now().toISOString() };
    await this.writeIndex({ ...this.index.data, committees: [...this.index.data.committees, committee] });
    await this.backUpCommittees();
    return committee;
  }

  private async replaceCommittee(committee: Committee): Promise<Committee> {
    this.checkWritable();
    const committees = this.index.data.committees;
    if (!committees.some((existing) => existing.id === committee.id)) {
      throw new LibraryError('not-found', `There is no committee with id ${committee.id} in this library.`);
    }
    await this.refuseIfAgreementsRenumbered(committee);
    await this.writeIndex({ ...this.index.data, committees: committees.map((existing) => (existing.id === committee.id ? committee : existing)) });
    await this.backUpCommittees();
    return committee;
  }

  /**
   * A draft numbers its items from the committee as it is now: an edit of the numbering or the
   * municipal year that would renumber a draft at which minutes record their agreement ("Minute
   * 7/17") would leave that draft unsaveable (refuseIfAgreementContradicted), so it is refused here,
   * naming the meeting. Circulated minutes keep their numbering (Lifecycle.recordedAs). @throws LibraryError 'conflict'
   */
  private async refuseIfAgreementsRenumbered(committee: Committee): Promise<void> {
    const approving = new Set((this.summaryGroups().byCommittee.get(committee.id) ?? []).flatMap((summary) => (summary.agreedAt === null ? [] : [summary.agreedAt])));
    const before = this.index.data.committees;
    // Numbered as a save would number them with the edited committee, then put back.
    this.index.data.committees = before.map((existing) => (existing.id === committee.id ? committee : existing));
    try {
      for (const meetingId of approving) {
        const summary = this.index.data.meetings[this.summaryIndex(meetingId)];
        if (summary?.status !== 'draft') continue;
        const draft = await this.readMeeting(meetingId).catch(() => null);
        if (draft === null) continue;
        await this.refuseIfAgreementContradicted(draft, this.numbered(draft)).catch((error: unknown) => {
          if (!(error instanceof LibraryError)) throw error;
          throw new LibraryError(
            'conflict',
            `The committee is not changed: it would renumber the meeting of ${formatProseDate(draft.date)}, where earlier minutes record their agreement (${error.message.replace(/^The /, 'the ').replace(/: that minute keeps its number \(it would now be ([^)]+)\).*$/, ', which would become $1')}). Circulate that meeting's minutes first (they then keep their numbers), or leave the numbering and the municipal year as they are.`,
          );
        });
      }
    } finally {
      this.index.data.committees = before;
    }
  }

  /**
   * Committees are the one thing the meeting files cannot give back (a committee with no meeting yet,
   * or its latest details), so the backup is refreshed from library.json as just written whenever they
   * change, not only when the library opens.
   */
  private async backUpCommittees(): Promise<void> {
    const text = await fs.readFile(join(this.folder, LIBRARY_FILE), 'utf8').catch(() => null);
    if (text !== null) await this.refreshBackup(text);
  }

  /** The meeting as on disk: the copy in memory while its file is unchanged, else the file read and checked again. */
  private async readMeeting(meetingId: string): Promise<Meeting> {
    this.summary(meetingId); // throws not-found for a meeting the library does not hold
    const known = this.meetings.get(meetingId);
    const stampedAt = Date.now();
    const stamp = await this.stampOf(meetingId).catch(() => null);
    if (known !== undefined && (this.dryRun || (stamp === known.stamp && (await this.stampProves(known, stampedAt))))) return known.file.data.meeting;
    const file = this.meetingFile(meetingId);
    try {
      await file.read();
      if (stamp === null || file.data === null) throw new Error('the file is missing');
    } catch (error) {
      await this.lostFile(meetingId, stamp === null ? new Error('the file is missing') : error);
      await this.writeIndex().catch(() => undefined);
      throw new LibraryError(this.lostSigned.has(meetingId) ? 'read-only' : 'storage', this.problems.at(-1)!.message);
    }
    if (known !== undefined && JSON.stringify(known.file.data.meeting) !== JSON.stringify(file.data.meeting)) {
      // Replaced or edited by another program since this window read it: from now on the disk is what counts.
      this.changedOutside.add(meetingId);
      this.problems.push({
        file: `${MEETINGS_DIR}/${meetingId}.json`,
        message: `The meeting of ${formatProseDate(file.data.meeting.date)} was changed outside Minute Book since it was last read (the file now holds revision ${file.data.meeting.revision}).`,
        movedTo: null,
      });
    }
    this.meetings.set(meetingId, { file, stamp, stampedAt });
    const summary = this.summaryOf(file.data.meeting);
    if (this.remember(summary) && summary.tampered !== null) this.problems.push({ file: `${MEETINGS_DIR}/${meetingId}.json`, message: summary.tampered, movedTo: null });
    return file.data.meeting;
  }

  /** The draft with its items numbered as a save numbers them (through the municipal year, or from its first minute number). */
  private numbered(meeting: Meeting): Meeting {
    const committee = this.committee(meeting.committeeId);
    return { ...meeting, items: numberItems(meeting.items, firstMinuteNumberOf(meeting, this.continuingMinuteNumber(meeting, committee))) };
  }

  /** Where the meeting's numbering continues from (shared/numbering.ts), from the committee's own summaries rather than the whole library's. */
  continuingMinuteNumber(meeting: Pick<Meeting, 'id' | 'committeeId' | 'date' | 'startTime'>, committee: Committee): number {
    return continuingMinuteNumber(meeting, this.summaryGroups().byCommittee.get(committee.id) ?? [], committee.municipalYearStartMonth);
  }

  private committee(committeeId: string): Committee {
    const committee = this.index.data.committees.find((candidate) => candidate.id === committeeId);
    if (committee === undefined) throw new LibraryError('not-found', `There is no committee with id ${committeeId} in this library.`);
    return committee;
  }

  private summary(meetingId: string): MeetingSummary {
    const summary = this.index.data.meetings[this.summaryIndex(meetingId)];
    if (summary === undefined) throw new LibraryError('not-found', `That meeting is not in the library open now (${this.folder}): it was deleted, or Minute Book has another library open. Reload the window to see the library as it is.`);
    return summary;
  }

  private meetingPath(meetingId: string): string {
    return join(this.folder, MEETINGS_DIR, `${meetingId}.json`);
  }

  /** A meeting file's lowdb handle; its parser also checks the meeting inside is the one the file is named for. */
  private meetingFile(meetingId: string): Low<MeetingFile> {
    const label = `${MEETINGS_DIR}/${meetingId}.json`;
    const parse = (raw: unknown, where: string): MeetingFile => {
      const file = parseMeetingFile(raw, where);
      if (file.meeting.id !== meetingId) throw new ValidationError(where, [`meeting.id: the file is named for meeting ${meetingId} but holds meeting ${file.meeting.id}`]);
      return file;
    };
    // Its data is replaced by read() or by the first write.
    return new Low<MeetingFile>(new ValidatedJsonFile(this.meetingPath(meetingId), label, parse), null as unknown as MeetingFile);
  }

  private replacedCopyFile(name: string): ValidatedJsonFile<MeetingFile> {
    return new ValidatedJsonFile(join(this.folder, REPLACED_DIR, name), `${REPLACED_DIR}/${name}`, parseMeetingFile);
  }

  /** Keeps a copy of the meeting under replaced/ before it is replaced (or that could not be saved); answers the copy's name. */
  private async keepReplaced(meeting: Meeting, kind: 'replaced' | 'unsaved' = 'replaced'): Promise<string> {
    const name = `${meeting.id}.${this.now().toISOString().replace(/[:.]/g, '-')}${kind === 'unsaved' ? '.unsaved' : ''}.json`;
    if (this.dryRun) return name;
    await fs.mkdir(join(this.folder, REPLACED_DIR), { recursive: true });
    await this.replacedCopyFile(name).write(this.fileFor(meeting));
    return name;
  }

  private fileFor(meeting: Meeting): MeetingFile {
    return { schemaVersion: CURRENT_SCHEMA_VERSION, committee: this.committee(meeting.committeeId), meeting };
  }

  /**
   * Writes the meeting's file (with its committee), then the index when what it lists about the meeting
   * changed: most saves are typing, and rewriting an index of thousands of meetings for each would cost
   * more than the meeting itself. Nothing in memory changes unless the meeting's file was written; an
   * index that could not be written is derived data, rebuilt from the files, and written again later.
   */
  private async writeMeeting(meeting: Meeting): Promise<void> {
    this.openingTimes.delete(meeting.id);
    const file = this.meetingFile(meeting.id);
    file.data = this.fileFor(meeting);
    if (!this.dryRun) {
      for (const listener of this.willWriteListeners) await listener(meeting.id);
      await file.write();
      await this.registerSignature(meeting);
    }
    const stampedAt = Date.now();
    // In a batch the file is put in place at its end (inBatch), and stamped then.
    const batched = !this.dryRun && this.writesBatched > 0;
    if (batched) this.unstamped.add(meeting.id);
    this.meetings.set(meeting.id, { file, stamp: this.dryRun || batched ? '' : await this.stampOf(meeting.id), stampedAt });
    const indexChanged = this.remember(this.summaryOf(meeting));
    for (const listener of this.changeListeners) listener(meeting);
    if (this.dryRun || (!indexChanged && !this.indexBehind)) return;
    if (batched) {
      this.indexBehind = true;
      return;
    }
    this.index.data.stamps[meeting.id] = this.meetings.get(meeting.id)!.stamp;
    await this.writeIndex().catch((error: unknown) => console.error('[minute-book] the library index could not be written:', reasonOf(error)));
  }

  /** Puts the summary in the index; answers whether that changed it. */
  /**
   * A meeting file that cannot be read (or is gone) is set aside, kept, never deleted. An ordinary
   * meeting then leaves the list; signed minutes stay listed, marked, and open as the version as
   * signed from their history, until the clerk puts that version back (putBackSigned): the record is
   * never lost from view, and never silently repaired.
   */
  private async lostFile(meetingId: string, error: unknown): Promise<void> {
    const movedTo = (await fs.stat(this.meetingPath(meetingId)).catch(() => null)) === null ? null : await this.setAside(this.meetingPath(meetingId), error);
    const summary = this.index.data.meetings[this.summaryIndex(meetingId)];
    if (summary === undefined || !(summary.signed || summary.status === 'signed')) {
      this.forget(meetingId);
      return;
    }
    this.meetings.delete(meetingId);
    this.changedOutside.delete(meetingId);
    this.openingTimes.delete(meetingId);
    delete this.index.data.stamps[meetingId];
    this.lostSigned.add(meetingId);
    const tampered = `The signed minutes of ${formatProseDate(summary.date)} could not be read (${reasonOf(error)}): the file was damaged or removed outside Minute Book${movedTo === null ? '' : ` and is kept in ${movedTo}`}. Their history keeps the version as signed: open them to read it, and put it back from there.`;
    this.remember({ ...summary, tampered });
    this.noteProblem(meetingId, tampered);
  }

  /**
   * Minutes agreed at this meeting record its date ("agreed at the meeting of 13 July 2017"): once they
   * are, its date no longer changes, or that record would silently say something else. Reads the files
   * of the committee's earlier agreed minutes (only when a date is changed), not the index, so a library
   * indexed before agreements were listed is held to it too. @throws LibraryError 'conflict'
   */
  private async refuseIfAgreedHere(meeting: Meeting, what: string): Promise<void> {
    const earlier = this.index.data.meetings.filter((summary) => summary.committeeId === meeting.committeeId && summary.date < meeting.date && summary.status !== 'draft' && summary.status !== 'circulated');
    for (const summary of earlier) {
      const agreed = (await this.readMeeting(summary.id).catch(() => null))?.lifecycle?.agreed;
      if (agreed?.meetingId === meeting.id) {
        throw new LibraryError(
          'conflict',
          `The minutes of ${formatProseDate(summary.date)} were agreed at this meeting, and record its date as ${formatProseDate(agreed.meetingDate)}: ${what}.`,
        );
      }
    }
  }

  /**
   * Circulated and agreed minutes are frozen (signed ones have their signature to show a change): the
   * file must still be the version the history kept when it was last written, or minutes edited on disk
   * would be agreed or signed as if they were what members received. @throws LibraryError 'conflict'
   */
  private async refuseIfFrozenChangedOutside(stored: Meeting, step: 'agreed' | 'signed'): Promise<void> {
    const kept = await this.history.version(stored.id, stored.revision).catch(() => null);
    if (kept === null || canonicalize(kept.meeting) === canonicalize(stored)) return;
    const message = `The minutes of ${formatProseDate(stored.date)} were changed outside Minute Book since they were ${stored.status}: the file is not revision ${stored.revision} as their history keeps it.`;
    this.noteProblem(stored.id, message);
    throw new LibraryError('conflict', `${message} They are not ${step} until the file is put right: Versions… compares it with revision ${stored.revision}${stored.status === 'circulated' ? '; to go on, put them back to draft, restore that version and circulate them again' : ''}.`);
  }

  /**
   * A restore brings back words saved before an agreement was recorded here: it is held to what a save
   * is (the date fixed, the approval kept at its minute, saying the same). @throws LibraryError 'conflict'
   */
  private async refuseIfAgreementUndone(current: Meeting, restored: Meeting, what: string): Promise<void> {
    if (restored.date !== current.date) await this.refuseIfAgreedHere(current, `${what}: it has another date`);
    await this.refuseIfAgreementContradicted(current, restored);
  }

  /**
   * Minutes agreed at this meeting record the minute that agreed them ("Minute 7/17") and whether it was
   * subject to amendments: the approval of them stays in this meeting, at that minute, saying the same,
   * or the record kept with those minutes would silently say something else. @throws LibraryError 'conflict'
   */
  private async refuseIfAgreementContradicted(stored: Meeting, meeting: Meeting): Promise<void> {
    for (const summary of this.summaryGroups().byAgreedAt.get(meeting.id) ?? []) {
      const agreed = (await this.readMeeting(summary.id).catch(() => null))?.lifecycle?.agreed;
      if (agreed == null) continue;
      const date = formatProseDate(summary.date);
      const approval = (item: Item) => item.minutes.find((block) => block.type === 'minutes_approval' && block.attrs?.['meetingDate'] === summary.date);
      const holder = meeting.items.find((item) => approval(item) !== undefined);
      const recorded = `The minutes of ${date} record their agreement at Minute ${agreed.minute} of this meeting`;
      if (holder === undefined) {
        // An agreement recorded where this meeting minuted no approval block (as the command line allows) has none to keep.
        if (!stored.items.some((item) => approval(item) !== undefined)) continue;
        throw new LibraryError('conflict', `${recorded}: the approval of those minutes stays in this meeting.`);
      }
      const year = municipalYearOf(meeting.date, committeeAsRecorded(this.committee(meeting.committeeId), meeting).municipalYearStartMonth);
      if (agreed.minute !== minuteCitation(holder.minuteNumber, year) && agreed.minute !== String(holder.minuteNumber)) {
        throw new LibraryError('conflict', `${recorded}: that minute keeps its number (it would now be ${minuteCitation(holder.minuteNumber, year)}), so items are not moved, added or removed before it.`);
      }
      const outcome = approval(holder)!.attrs?.['outcome'];
      if ((outcome === 'agreed-with-amendments') !== agreed.amended) {
        throw new LibraryError('conflict', `${recorded}, ${agreed.amended ? 'subject to amendments' : 'as a true record'}: the approval of them says so still.`);
      }
      // The statement and the amendments are what the earlier minutes' corrections were made from; matters arising may still be added.
      const storedBlock = stored.items.map(approval).find((block) => block !== undefined);
      if (storedBlock !== undefined && approvalAsAgreed(storedBlock) !== approvalAsAgreed(approval(holder)!)) {
        throw new LibraryError('conflict', `${recorded}: the approval of them, with its amendments, stays as it was when the agreement was recorded (matters arising may still be added).`);
      }
    }
  }

  /** Lists a problem with a meeting's file once, however many paths find it. */
  private noteProblem(meetingId: string, message: string): void {
    const file = `${MEETINGS_DIR}/${meetingId}.json`;
    if (!this.problems.some((known) => known.file === file && known.message === message)) this.problems.push({ file, message, movedTo: null });
  }

  /** The newest version in the history that matches its own signature; throws storage when the history keeps none. */
  private async versionAsSigned(meetingId: string): Promise<Meeting> {
    const { versions } = await this.history.list(meetingId);
    for (const version of versions) {
      const { meeting } = await this.history.version(meetingId, version.revision).catch(() => ({ meeting: null }));
      if (meeting?.lifecycle?.signed != null && tamperWarning(meeting) === null) return meeting;
    }
    throw new LibraryError('storage', `The history of the minutes of ${formatProseDate(this.summary(meetingId).date)} keeps no version that matches their signature: a published archive of them can be checked with the command line (verify).`);
  }

  private remember(summary: MeetingSummary): boolean {
    const meetings = this.index.data.meetings;
    const at = this.summaryIndex(summary.id);
    if (at >= 0 && JSON.stringify(meetings[at]) === JSON.stringify(summary)) return false;
    this.summaryChanges += 1;
    if (at < 0) {
      meetings.push(summary);
      this.summaryPositions?.at.set(summary.id, meetings.length - 1);
    } else meetings[at] = summary;
    return true;
  }

  /**
   * Where the meeting's summary is in the index's list, or -1. The positions are built again whenever
   * the list is replaced (forgetting, a failed write put back) or found out of step with it, so a
   * change made to the list anywhere can never give a wrong answer, only a slower one.
   */
  private summaryIndex(meetingId: string): number {
    const meetings = this.index.data.meetings;
    const known = this.summaryPositions;
    if (known !== null && known.of === meetings && known.at.size === meetings.length) {
      const at = known.at.get(meetingId);
      if (at === undefined || meetings[at]?.id === meetingId) return at ?? -1;
    }
    const at = new Map(meetings.map((summary, position) => [summary.id, position]));
    this.summaryPositions = { of: meetings, at };
    return at.get(meetingId) ?? -1;
  }

  /**
   * The index's summaries grouped by committee and by `agreedAt` (the meeting that agreed them), each in
   * the list's order: numbering a save and checking its agreements then read one committee's meetings,
   * not the whole library's (at 10,000 meetings the two scans were most of what a save cost beyond a
   * 10-meeting library's). Built again whenever the list is replaced or a summary is put in it.
   */
  private summaryGroups(): { byCommittee: Map<string, MeetingSummary[]>; byAgreedAt: Map<string, MeetingSummary[]> } {
    const meetings = this.index.data.meetings;
    const known = this.summaryGroupsFor;
    if (known !== null && known.of === meetings && known.changes === this.summaryChanges) return known;
    const byCommittee = new Map<string, MeetingSummary[]>();
    const byAgreedAt = new Map<string, MeetingSummary[]>();
    const add = (groups: Map<string, MeetingSummary[]>, key: string, summary: MeetingSummary) => {
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [summary]);
      else group.push(summary);
    };
    for (const summary of meetings) {
      add(byCommittee, summary.committeeId, summary);
      if (summary.agreedAt !== null) add(byAgreedAt, summary.agreedAt, summary);
    }
    this.summaryGroupsFor = { of: meetings, changes: this.summaryChanges, byCommittee, byAgreedAt };
    return this.summaryGroupsFor;
  }

  private forget(meetingId: string): void {
    this.openingTimes.delete(meetingId);
    this.index.data.meetings = this.index.data.meetings.filter((summary) => summary.id !== meetingId);
    delete this.index.data.stamps[meetingId];
    this.meetings.delete(meetingId);
    this.changedOutside.delete(meetingId);
  }

  /** Writes the index, as `next` when given; when the write fails the index in memory stays as it was. */
  private async writeIndex(next: LibraryFile = this.index.data): Promise<void> {
    if (!this.writes) {
      if (next !== this.index.data) this.index.data = next;
      return;
    }
    const previous = this.index.data;
    this.index.data = next;
    try {
      await this.index.write();
      this.indexBehind = false;
    } catch (error) {
      if (next !== previous) this.index.data = previous;
      else this.indexBehind = true;
      throw error;
    }
  }

  /**
   * Size, modification time and change time: a file whose stamp matches the index was validated when
   * it was written. The change time is set by the system on every write and cannot be set back as the
   * modification time can (utimes), so a file edited and given its old time again still looks changed.
   */
  private async stampOf(meetingId: string): Promise<string> {
    await settledBeforeReading(this.meetingPath(meetingId));
    const info = await fs.stat(this.meetingPath(meetingId));
    return `${info.size}:${Math.trunc(info.mtimeMs)}:${Math.trunc(info.ctimeMs)}`;
  }

  /**
   * Whether a cached meeting's unchanged stamp shows its file unchanged. It does once the file's time
   * is older than the clock's slack when the stamp was taken; a file written just before that (most
   * often by this library, a moment ago) is compared with the text last read or written instead, and
   * once it matches, the stamp counts from now.
   */
  private async stampProves(known: { file: Low<MeetingFile>; stamp: string; stampedAt: number }, now: number): Promise<boolean> {
    const modifiedAt = stampModifiedAt(known.stamp);
    if (!stampIsRacy(modifiedAt, known.stampedAt)) return true;
    if (!(await (known.file.adapter as ValidatedJsonFile<MeetingFile>).holdsWhatWasLastSeen())) return false;
    known.stampedAt = now;
    return true;
  }

  /**
   * Reads library.json. When it is missing or damaged (and the folder is not simply new), committees
   * come back from library.backup.json and the meeting index is rebuilt from the meeting files below.
   * The backup is refreshed only from a library.json that read cleanly, and only through a durable
   * write, so a failing disk never loses it.
   */
  private async readIndex(): Promise<void> {
    const path = join(this.folder, LIBRARY_FILE);
    const adapter = new ValidatedJsonFile(path, LIBRARY_FILE, parseLibraryFile);
    let damaged = false;
    try {
      const text = await fs.readFile(path, 'utf8');
      this.index.data = adapter.parseText(text);
      await this.refreshBackup(text);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        damaged = true;
        await this.setAside(path, error);
      }
    }
    const backup = await new ValidatedJsonFile(join(this.folder, LIBRARY_BACKUP), LIBRARY_BACKUP, parseLibraryFile).read().catch((error: unknown) => {
      this.problems.push({ file: LIBRARY_BACKUP, message: `${LIBRARY_BACKUP} could not be read either: ${reasonOf(error)}`, movedTo: null });
      return null;
    });
    const meetingFiles = await this.meetingFileNames();
    this.index.data = { ...(backup ?? emptyLibrary()), meetings: [], stamps: {} };
    if (!damaged && backup === null && meetingFiles.length === 0) return; // a new library
    const from = backup === null ? 'the meeting files' : `${LIBRARY_BACKUP} and the meeting files`;
    this.problems.push({ file: LIBRARY_FILE, message: `${LIBRARY_FILE} was ${damaged ? 'damaged' : 'missing'}: the library was rebuilt from ${from}.`, movedTo: null });
  }

  private async refreshBackup(text: string): Promise<void> {
    if (!this.writes) return;
    const backupPath = join(this.folder, LIBRARY_BACKUP);
    if ((await fs.readFile(backupPath, 'utf8').catch(() => null)) === text) return;
    await writeFileDurably(backupPath, text, LIBRARY_BACKUP).catch((error: unknown) => {
      this.problems.push({ file: LIBRARY_BACKUP, message: `${LIBRARY_BACKUP} could not be refreshed (the previous copy is kept): ${reasonOf(error)}`, movedTo: null });
    });
  }

  private async meetingFileNames(): Promise<string[]> {
    const names = await fs.readdir(join(this.folder, MEETINGS_DIR)).catch(() => [] as string[]);
    if (this.writes) {
      // A temporary file left by a write that was killed before its rename holds nothing acknowledged.
      for (const name of names.filter(isLeftoverTemporary)) await fs.rm(join(this.folder, MEETINGS_DIR, name), { force: true }).catch(() => undefined);
    }
    return names.filter((name) => MEETING_FILE_NAME.test(name));
  }

  /**
   * Brings the index into line with the meeting files, validating every file the index has not seen as
   * written (its stamp differs); answers the signed meetings whose stamps match, to be checked against
   * their signatures after opening (checkSignedRecords).
   */
  private async reconcileMeetingFiles(): Promise<string[]> {
    const ids = new Set((await this.meetingFileNames()).map((name) => name.slice(0, -'.json'.length)));
    let changed = false;
    for (const summary of [...this.index.data.meetings]) {
      if (!ids.has(summary.id)) {
        if (summary.signed || summary.status === 'signed') await this.lostFile(summary.id, new Error('the file is missing'));
        else {
          this.problems.push({
            file: `${MEETINGS_DIR}/${summary.id}.json`,
            message: `The meeting of ${formatProseDate(summary.date)} is listed in the library but its file is missing.`,
            movedTo: null,
          });
          this.forget(summary.id);
        }
        changed = true;
      }
    }
    const stamps = await this.stampsOf([...ids]);
    const signed = new Set(this.index.data.meetings.filter((summary) => summary.signed || summary.status === 'signed').map((summary) => summary.id));
    const unchangedSigned: string[] = [];
    for (const id of ids) {
      const stamp = stamps.get(id);
      if (stamp === undefined) continue; // gone since the folder was listed
      // The stamp keeps whole milliseconds: the next one up bounds the file's time from above, so the catch-up errs towards indexing again.
      this.openingTimes.set(id, stampModifiedAt(stamp) + 1);
      if (this.index.data.stamps[id] === stamp) {
        if (signed.has(id)) unchangedSigned.push(id);
        continue;
      }
      // Not kept in memory: a 10,000-meeting library read at its first opening would hold every meeting; a meeting is read again when opened.
      const file = this.meetingFile(id);
      try {
        await file.read();
        if (!this.remember(this.summaryOf(file.data.meeting)) && this.index.data.stamps[id] === stamp) continue;
        this.index.data.stamps[id] = stamp;
      } catch (error) {
        await this.lostFile(id, error);
      }
      changed = true;
    }
    if (changed) await this.writeIndexOnOpening();
    return unchangedSigned;
  }

  /** The stamps of these meetings' files, read a few dozen at a time (one at a time, 10,000 stats take seconds); a file gone has none. */
  private async stampsOf(meetingIds: readonly string[]): Promise<Map<string, string>> {
    const stamps = new Map<string, string>();
    const AT_ONCE = 64;
    for (let start = 0; start < meetingIds.length; start += AT_ONCE) {
      const batch = meetingIds.slice(start, start + AT_ONCE);
      const read = await Promise.all(batch.map((id) => this.stampOf(id).catch(() => null)));
      read.forEach((stamp, at) => {
        if (stamp !== null) stamps.set(batch[at]!, stamp);
      });
    }
    return stamps;
  }

  /**
   * Gives every meeting its committee: one the index lost comes back from the newest of its meetings'
   * files (each carries its committee), or, for files written before they did, as a placeholder the
   * clerk can rename. A meeting is never left without a committee.
   */
  private async recoverCommittees(): Promise<void> {
    const known = new Set(this.index.data.committees.map((committee) => committee.id));
    const newest = new Map<string, { committee: Committee | null; updatedAt: string }>();
    for (const summary of this.index.data.meetings) {
      if (known.has(summary.committeeId)) continue;
      const file = await this.meetingFile(summary.id)
        .adapter.read()
        .catch(() => null);
      const committee = file?.committee?.id === summary.committeeId ? file.committee : null;
      const updatedAt = file?.meeting.updatedAt ?? '';
      const best = newest.get(summary.committeeId);
      if (best === undefined || (committee !== null && (best.committee === null || best.updatedAt < updatedAt))) {
        newest.set(summary.committeeId, { committee, updatedAt });
      }
    }
    const recovered = [...newest].map(([id, { committee }]) => committee ?? recoveredCommittee(id, this.now().toISOString()));
    if (recovered.length === 0) return;
    for (const committee of recovered) {
      this.index.data.committees.push(committee);
      this.problems.push({
        file: LIBRARY_FILE,
        message: committee.name.startsWith('Recovered committee')
          ? `A committee missing from the library was recovered from its meetings as "${committee.name}": edit it to give its name.`
          : `The committee ${committee.name} was missing from the library and was recovered from its meetings.`,
        movedTo: null,
      });
    }
    await this.writeIndexOnOpening();
  }

  /** On opening, an index that cannot be written is reported; the library still opens from the files. */
  private async writeIndexOnOpening(): Promise<void> {
    await this.writeIndex().catch((error: unknown) => {
      this.problems.push({ file: LIBRARY_FILE, message: `${LIBRARY_FILE} could not be updated: ${reasonOf(error)}`, movedTo: null });
    });
  }

  /** Moves an unreadable file out of the way, keeping it for the clerk, and records why; answers where it went (null: left in place). */
  private async setAside(path: string, error: unknown): Promise<string | null> {
    const relative = path.slice(this.folder.length + 1).split('\\').join('/');
    const movedTo = await this.moveAside(path);
    this.problems.push({
      file: relative,
      message: `${relative} could not be read and was ${movedTo === null ? 'left in place' : `moved to ${movedTo}`}: ${reasonOf(error)}`,
      movedTo,
    });
    return movedTo;
  }

  /** Moves a file to set-aside/, stamped with the time; answers where it went, or null when it could not be moved (or this process does not write). */
  private async moveAside(path: string): Promise<string | null> {
    if (!this.writes) return null;
    const stampedName = `${basename(path)}.${this.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await fs.mkdir(join(this.folder, SET_ASIDE_DIR), { recursive: true });
      await fs.rename(path, join(this.folder, SET_ASIDE_DIR, stampedName));
      return `${SET_ASIDE_DIR}/${stampedName}`;
    } catch {
      return null;
    }
  }
}
