// The one contract between the renderer and the node side. Every call is declared here once, with
// its payload and answer schemas; the Electron preload, the main-process handlers and the browser
// bridge are all generated from it, and the node side validates every payload against it.
import { z } from 'zod';
import { Attendance } from './model/attendance.js';
import { Committee, CommitteeFields, NumberingStyle } from './model/committee.js';
import { DeclarationKinds } from './model/declarationKinds.js';
import { VersionEntry } from './model/history.js';
import { ClockTime, ImportReportRecord, Item, Meeting, MeetingSummary } from './model/meeting.js';
import { committeeWithinBounds, meetingWithinBounds } from './model/lengthBounds.js';
import { menuCommands, type Channel, type MenuCommand } from './channels.js';
import { requestStatuses } from './editor/schema.js';
import type { Check } from './lifecycle/checks.js';
import { Publication } from './model/lifecycle.js';
import { PersonName, RecordedWords } from './model/personName.js';
import { MAX_IMPORT_BYTES } from './import/detectForm.js';
import { MAX_BINARY_IMPORT_BYTES } from './import/fileFormat.js';
import { MAX_FILES_SENT } from './import/importableFiles.js';
import type { ImportOutcome } from './import/importedMeeting.js';
import type { MinutePlace } from './search/citation.js';
import type { CitedMinute } from './search/minuteReferences.js';
import type { SearchHit } from './search/minutesIndex.js';
import type { AttendanceRecord, MemberDeclarations, RequestEntry, ResolutionEntry } from './search/registers.js';

export { channelNames, isChannel, isMenuCommand, menuCommands, type Channel, type MenuCommand } from './channels.js';

const clockTime = ClockTime;

export const LibraryProblem = z.object({
  /** The file's name inside the library folder. */
  file: z.string(),
  message: z.string(),
  /** Where the file was moved so that it is kept but no longer read. */
  movedTo: z.string().nullable(),
});
export type LibraryProblem = z.infer<typeof LibraryProblem>;

export const LibraryOverview = z.object({
  folder: z.string(),
  committees: z.array(Committee),
  meetings: z.array(MeetingSummary),
  problems: z.array(LibraryProblem),
  /** Why this window cannot change the library (another window has it open; its folder is read-only), or null. */
  readOnly: z.string().nullable(),
  /** How many of the signed records are checked against their signatures so far, while that goes on after opening; else null. */
  checking: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  /** Whether this is the sample library (librarySession.ts), not the clerk's own. */
  sample: z.boolean(),
});
export type LibraryOverview = z.infer<typeof LibraryOverview>;

export const NewMeetingRequest = z.object({
  committeeId: z.uuid('choose a committee'),
  date: Meeting.shape.date,
  startTime: clockTime,
  venue: z.string(),
});
export type NewMeetingRequest = z.infer<typeof NewMeetingRequest>;

export const SaveReceipt = z.object({
  revision: z.number().int(),
  updatedAt: z.iso.datetime(),
  summary: MeetingSummary,
});
export type SaveReceipt = z.infer<typeof SaveReceipt>;

export const PrintedPdf = z.object({ fileName: z.string(), base64: z.string() });

/** A file the renderer made (an export) for the node side to save where the clerk chooses. */
export const FileToSave = z.object({
  fileName: z.string().min(1).max(255),
  content: z.string().max(64 * 1024 * 1024, 'the file is larger than 64 MB'),
  encoding: z.enum(['utf8', 'base64']),
});

/** A meeting read from the archive (shared/import), before it belongs to a library. */
export const ImportedMeetingPayload = z.object({
  committee: z.object({ name: z.string(), council: z.string().nullable() }),
  date: Meeting.shape.date.nullable(),
  startTime: clockTime.nullable(),
  closingTime: clockTime.nullable(),
  adjournments: Meeting.shape.adjournments,
  venue: z.string(),
  // Archives print contacts as they were: an address that no longer validates is still kept.
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable(),
  attendance: Attendance,
  numberingStyle: NumberingStyle.nullable(),
  items: z.array(Item).min(1, 'an imported meeting needs at least one item'),
  /**
   * Minute Book's own archive keeps each meeting's id, status, first minute number and lifecycle: a draft re-imported stays a
   * draft, signed minutes come back signed, locked and verifiable.
   */
  archived: z.object({ id: Meeting.shape.id, status: Meeting.shape.status, firstMinuteNumber: Meeting.shape.firstMinuteNumber, lifecycle: Meeting.shape.lifecycle }).optional(),
});
export type ImportedMeetingPayload = z.infer<typeof ImportedMeetingPayload>;

export const ImportRequest = z.object({
  files: z.array(
    z.object({
      fileName: z.string().max(1000),
      form: z.string().max(40),
      /** Each with its date and committee: those the file does not state, the clerk gave (the dialog, the command line's --date and --committee). */
      meetings: z.array(ImportedMeetingPayload),
      // The file's report, kept with its meeting (importedFrom.report); bounded by shared/import keptReport.
      warnings: ImportReportRecord.shape.warnings,
      unplaced: ImportReportRecord.shape.unplaced.default([]),
      /** What was taken as given rather than read ("The date 30 January 2025 was given by the clerk"). */
      guesses: ImportReportRecord.shape.guesses.default([]),
    }),
  ),
  /** What to do with a meeting the library already holds (same committee and date). */
  onDuplicate: z.enum(['skip', 'replace']),
  /**
   * Drafts being written in Minute Book that the clerk confirmed, one by one, may be replaced. Any
   * other draft is skipped even when onDuplicate is 'replace'.
   */
  replaceDrafts: z.array(z.uuid()).max(10_000).default([]),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportSummary = z.object({
  meetings: z.number().int(),
  items: z.number().int(),
  resolutions: z.number().int(),
  warnings: z.number().int(),
  skipped: z.number().int(),
  /** Of those skipped, the circulated, agreed or signed minutes, which an import never replaces, even when asked to. */
  kept: z.number().int().default(0),
  replaced: z.number().int(),
  /** Meetings that were replaced; each is kept and can be restored (meetings:restore-replaced). */
  replacedMeetings: z.array(z.object({ meetingId: z.uuid(), date: z.iso.date(), wasDraft: z.boolean(), copy: z.string() })),
  /** The meetings this import added (not those it replaced): what undoing the import moves to the bin (library:undo-import). */
  addedMeetings: z.array(z.uuid()).default([]),
  /** Per file: what happened to each meeting it held, and why any was left out; `notImported` counts those that could not be stored (not the duplicates skipped). */
  files: z.array(z.object({ fileName: z.string(), imported: z.number().int(), notImported: z.number().int(), notes: z.array(z.string()) })),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** At most this many files are sent in one imports:add-files call (the window sends a folder in such parts). */
export const MOST_FILES_PER_PART = 100;
/** The most files one import of many takes: a council's whole archive. */
export const MOST_FILES_IMPORTED = 50_000;

/**
 * How an import of many files (imports:start) is getting on: `done` of `total` files read (each
 * stored or reported), `bytes` of `totalBytes` read, the file being read now, the summary of what
 * was stored so far (the same as library:import answers), the files that could not be read, each
 * with why, and on Cancel how many were not reached. `failure` says why an import stopped early
 * (a library that became read-only, say); what was stored before it is kept.
 */
export interface ImportProgress {
  jobId: string;
  state: 'importing' | 'done' | 'cancelled' | 'failed';
  total: number;
  done: number;
  bytes: number;
  totalBytes: number;
  current: string | null;
  summary: ImportSummary;
  unread: { fileName: string; reason: string }[];
  notReached: number;
  failure: string | null;
}

/** A copy of a meeting kept when an import replaced it, or when a window could not save it. */
export interface ReplacedCopy {
  /** The copy's file name under replaced/ in the library folder. */
  copy: string;
  replacedAt: string;
  revision: number;
  status: z.infer<typeof Meeting.shape.status>;
  imported: boolean;
  /** What a window had when its save was refused because the meeting had been saved elsewhere (keep-unsaved). */
  unsaved: boolean;
}

/** A meeting moved to the bin (bin/ in the library folder): out of the library list, search and registers until restored. */
export const BinnedMeeting = z.object({
  meetingId: z.uuid(),
  committeeId: z.uuid(),
  /** The committee's name as the meeting file recorded it, so the bin reads sensibly even for an archived committee. */
  committeeName: z.string(),
  date: z.iso.date(),
  status: Meeting.shape.status,
  deletedAt: z.iso.datetime(),
  /** 'deleted' by the clerk, or removed when the import that added it was undone. */
  reason: z.enum(['deleted', 'import-undone']),
});
export type BinnedMeeting = z.infer<typeof BinnedMeeting>;

export const SearchRequest = z.object({
  query: z.string().max(500, 'a search is at most 500 characters'),
  filters: z.object({
    committeeId: z.uuid().optional(),
    municipalYear: z.number().int().min(1900).max(2200).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    only: z.enum(['resolutions', 'actions']).optional(),
  }),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SearchRequest = z.input<typeof SearchRequest>;

/** How much one recovery journal may hold: about 2 s of typing is a few dozen steps, so these are generous. */
export const RECOVERY_LIMITS = { steps: 5000, bytes: 2 * 1024 * 1024 } as const;

/** One ProseMirror step as `Step.toJSON()` gives it; checked against the schema only when it is applied. */
const StepJSON = z.looseObject({ stepType: z.string().min(1).max(40) });

/**
 * The unsaved changes of one open meeting, kept on the node side so a crash or a closed tab loses
 * nothing: the header as it stands (null when unchanged since `baseRevision`) and the editor's steps
 * made since that revision was saved. `saving` says a save covering the first `stepCount` steps was
 * sent and may have landed as revision `baseRevision + 1`. Sizes let a restore check it starts from
 * the same document (`baseDocSize`) and ends where the window was (`docSize`).
 */
export const RecoveryJournal = z
  .object({
    meetingId: z.uuid('not a meeting id'),
    baseRevision: z.number().int().nonnegative(),
    /** Which window wrote it, and its count of writes: an older write arriving late is ignored. */
    sessionId: z.uuid('not a session id'),
    sequence: z.number().int().nonnegative(),
    details: Meeting.omit({ items: true }).nullable(),
    steps: z.array(StepJSON).max(RECOVERY_LIMITS.steps, `a recovery journal holds at most ${RECOVERY_LIMITS.steps} steps: save the meeting first`),
    baseDocSize: z.number().int().nonnegative(),
    docSize: z.number().int().nonnegative(),
    saving: z.object({ stepCount: z.number().int().nonnegative(), docSize: z.number().int().nonnegative() }).nullable(),
  })
  .superRefine((journal, context) => {
    if (journal.saving !== null && journal.saving.stepCount > journal.steps.length) {
      context.addIssue({ code: 'custom', path: ['saving', 'stepCount'], message: 'more steps saved than the journal holds' });
    }
    if (JSON.stringify(journal.steps).length > RECOVERY_LIMITS.bytes) {
      context.addIssue({ code: 'custom', path: ['steps'], message: `the steps come to more than ${RECOVERY_LIMITS.bytes / 1024 / 1024} MB: save the meeting first` });
    }
  });
export type RecoveryJournal = z.infer<typeof RecoveryJournal>;
export type RecoveryStepJSON = RecoveryJournal['steps'][number];

/** Unsaved changes found at start-up that still apply to the meeting as saved. */
export const RecoveredChanges = z.object({
  meetingId: z.uuid(),
  baseRevision: z.number().int().nonnegative(),
  details: RecoveryJournal.shape.details,
  steps: RecoveryJournal.shape.steps,
  baseDocSize: z.number().int().nonnegative(),
  docSize: z.number().int().nonnegative(),
  writtenAt: z.iso.datetime(),
});
export type RecoveredChanges = z.infer<typeof RecoveredChanges>;

const revisionNumber = z.number().int().nonnegative();
/** The warnings of the checks the clerk confirmed, each `code:itemId`. */
const confirmedWarnings = z.array(z.string().max(300)).max(1000);

// Answers come from our own node side, so they are typed but not re-validated.
const answer = <T>() => z.custom<T>(() => true);
/** The most entries one page of a register holds. */
export const REGISTER_PAGE_LIMIT = 500;

/**
 * A file the node side read for the window (one the clerk chose in the open dialog, or double-clicked):
 * its name without the folder, and its bytes as base64, at most the largest file an import reads.
 */
export const FileSent = z.object({
  fileName: z.string().min(1).max(255),
  base64: z.base64().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, far more than any minutes`),
});
export type FileSent = z.infer<typeof FileSent>;

const filesSent = z.object({
  files: z.array(FileSent).max(MAX_FILES_SENT),
  /** Files that could not be read, each in a sentence naming it ("minutes.pdf could not be read: …"). */
  problems: z.array(z.string()),
});

export const contract = {
  'library:open': { input: z.object({}), output: LibraryOverview },
  'committees:create': { input: CommitteeFields.superRefine(committeeWithinBounds), output: Committee },
  'committees:update': { input: Committee.superRefine(committeeWithinBounds), output: Committee },
  'meetings:create': { input: NewMeetingRequest, output: Meeting },
  'meetings:load': { input: z.object({ meetingId: z.uuid('not a meeting id') }), output: Meeting },
  'meetings:save': { input: z.object({ meeting: Meeting.superRefine(meetingWithinBounds) }), output: SaveReceipt },
  /** Adds meetings read from the archive; answers what was done and the library as it now is. */
  /** The copies kept of a meeting when imports replaced it, newest first. */
  'meetings:replaced-copies': {
    input: z.object({ meetingId: z.uuid('not a meeting id') }),
    output: answer<ReplacedCopy[]>(),
  },
  /** Brings back a replaced copy as the meeting's next revision (the meeting as it was is kept in turn). */
  'meetings:restore-replaced': {
    input: z.object({ meetingId: z.uuid('not a meeting id'), copy: z.string().min(1).max(200) }),
    output: Meeting,
  },
  /**
   * A window's meeting that could not be saved (it had been saved elsewhere) is kept under replaced/,
   * so the clerk's words are never lost; `replacing` names the copy this window kept before, which the
   * newer words replace. Answers the copy's name.
   */
  'meetings:keep-unsaved': {
    input: z.object({ meeting: Meeting, replacing: z.string().min(1).max(200).nullable() }),
    output: z.object({ copy: z.string() }),
  },
  /**
   * Moves a meeting to the bin, from which bin:restore brings it back whole (its history too). Refused
   * (read-only) for signed minutes and (conflict) for circulated or agreed ones, and for a meeting at
   * which earlier minutes were agreed: those are the record. Answers the library as it now is.
   */
  'meetings:delete': { input: z.object({ meetingId: z.uuid('not a meeting id') }), output: LibraryOverview },
  /** A new draft of the same committee on `date`, with the meeting's agenda, attendance and minutes as they stand; refused (conflict) when the committee already meets that day. */
  'meetings:duplicate': { input: z.object({ meetingId: z.uuid('not a meeting id'), date: Meeting.shape.date }), output: Meeting },
  /** The meetings in the bin, most recently deleted first. */
  'bin:list': { input: z.object({}), output: z.array(BinnedMeeting) },
  /** Puts a meeting back from the bin into the library (and search); refused (conflict) when the library holds a meeting with its id again. */
  'bin:restore': { input: z.object({ meetingId: z.uuid('not a meeting id') }), output: Meeting },
  /** Hides the committee from the library list (archived: true) or brings it back (false); its meetings stay, searchable. */
  'committees:archive': { input: z.object({ committeeId: z.uuid('not a committee id'), archived: z.boolean() }), output: Committee },
  /**
   * Undoes an import: the meetings it added (ImportSummary.addedMeetings) go to the bin; any changed since,
   * or signed, stay, each with a note saying why. Meetings it replaced are brought back with meetings:restore-replaced.
   */
  'library:undo-import': {
    input: z.object({ meetingIds: z.array(z.uuid('not a meeting id')).min(1, 'the import added no meetings').max(10_000) }),
    output: z.object({ binned: z.number().int(), notes: z.array(z.string()), library: LibraryOverview }),
  },
  'library:import': { input: ImportRequest, output: z.object({ summary: ImportSummary, library: LibraryOverview }) },
  /**
   * Begins an import of many files (a folder), read in worker threads and stored in batches while the
   * window goes on working: `total` files of `totalBytes` bytes, sent in parts by imports:add-files.
   * Meetings already in the library are skipped or replaced as chosen; drafts being written are never
   * replaced by such an import, nor circulated, agreed or signed minutes. Refused (conflict) while
   * another import of many files is under way.
   */
  'imports:start': {
    input: z.object({
      total: z.number().int().min(1, 'there are no files to import').max(MOST_FILES_IMPORTED, `more than ${MOST_FILES_IMPORTED} files; import the archive a folder at a time`),
      totalBytes: z.number().int().nonnegative(),
      onDuplicate: z.enum(['skip', 'replace']),
    }),
    output: answer<ImportProgress>(),
  },
  /** The next part of the files of an import begun with imports:start; `last` on the last part. Answered once the import has room for more. */
  'imports:add-files': {
    input: z.object({ jobId: z.uuid(), files: z.array(FileSent).max(MOST_FILES_PER_PART), last: z.boolean() }),
    output: answer<ImportProgress>(),
  },
  /** How the import is getting on (the window asks every few hundred milliseconds). */
  'imports:progress': { input: z.object({ jobId: z.uuid() }), output: answer<ImportProgress>() },
  /** Stops the import after the file being read: what was stored is kept; no file is left half-written. */
  'imports:cancel': { input: z.object({ jobId: z.uuid() }), output: answer<ImportProgress>() },
  /**
   * Opens the sample library (first start): the council's published minutes the app ships, imported
   * into a library folder of their own inside the clerk's (sample-library/), with the next meeting
   * drafted; a sample kept from an earlier try opens as it was left (summary null). The clerk's own
   * library is closed meanwhile and untouched. Answers the draft to open and the sample library.
   * Refused (conflict) while the sample is open already.
   */
  'library:open-sample': { input: z.object({}), output: z.object({ summary: ImportSummary.nullable(), draftId: z.uuid(), library: LibraryOverview }) },
  /** Leaves the sample library for the clerk's own, keeping the sample for another try or deleting its folder. Refused (conflict) outside the sample. */
  'library:leave-sample': { input: z.object({ deleteSample: z.boolean() }), output: LibraryOverview },
  /**
   * Reads a PDF or Word file the clerk dropped or chose into its meetings and report, storing nothing
   * (library:import stores them): the window sends its bytes as base64, because pdf.js's Node build
   * and mammoth run on the node side. Refused with the reason when the file is not minutes.
   */
  'library:read-file': {
    input: z.object({
      fileName: z.string().min(1, 'a file name is needed').max(1000),
      base64: z.base64('the file is not sent as base64').max(Math.ceil(MAX_BINARY_IMPORT_BYTES / 3) * 4, `the file is larger than ${MAX_BINARY_IMPORT_BYTES / 1024 / 1024} MB, more than any minutes`),
      /** The kinds of interest of the committee the file is for, before the known kinds (shared/import/index.ts `readForCommittee`); the known kinds when absent. */
      declarationKinds: DeclarationKinds.optional(),
    }),
    output: answer<ImportOutcome>(),
  },
  'search:query': { input: SearchRequest, output: z.object({ hits: answer<SearchHit[]>() }) },
  /** The registers of resolutions, requests for information ("Outstanding Issues"), declarations by member and attendance by member and municipal year. */
  'registers:open': {
    input: z.object({}),
    output: z.object({
      resolutions: answer<ResolutionEntry[]>(),
      requests: answer<RequestEntry[]>(),
      declarations: answer<MemberDeclarations[]>(),
      attendance: answer<AttendanceRecord[]>(),
    }),
  },
  /**
   * One page of the resolutions or requests register, in its order (newest meeting first), of one
   * committee or all, with how many it holds: the window shows the latest at once, before the whole
   * registers (`registers:open`) have been read.
   */
  'registers:page': {
    input: z.object({
      register: z.enum(['resolutions', 'requests']),
      committeeId: z.uuid().optional(),
      offset: z.number().int().min(0).max(10_000_000),
      limit: z.number().int().min(1).max(REGISTER_PAGE_LIMIT),
    }),
    output: z.union([
      z.object({ register: z.literal('resolutions'), entries: answer<ResolutionEntry[]>(), total: z.number().int() }),
      z.object({ register: z.literal('requests'), entries: answer<RequestEntry[]>(), total: z.number().int() }),
    ]),
  },
  /** The clerk marks a request answered (or open again); kept in the meeting's record of the request. */
  'requests:set-status': {
    input: z.object({ meetingId: z.uuid(), requestId: z.string().min(1), status: z.enum(requestStatuses) }),
    output: z.object({ revision: z.number().int() }),
  },
  /** What each citation ("59/16") in a meeting names in its committee's minutes; null for "not in this library". */
  'references:resolve': {
    input: z.object({ committeeId: z.uuid(), asOf: z.iso.date(), citations: z.array(z.string().max(20)).max(1000) }),
    output: answer<Record<string, MinutePlace | null>>(),
  },
  /** The earlier minutes an item cites and the later minutes that cite it. */
  'references:item': {
    input: z.object({ meetingId: z.uuid(), itemId: z.string().min(1) }),
    output: z.object({ cites: answer<CitedMinute[]>(), citedBy: answer<MinutePlace[]>() }),
  },
  /** The saved meeting's formal minutes, printed to PDF on the node side. */
  'exports:pdf': { input: z.object({ meetingId: z.uuid('not a meeting id') }), output: PrintedPdf },
  /** The lossless JSON archive of every meeting of a committee. */
  'exports:committee-archive': {
    input: z.object({ committeeId: z.uuid('not a committee id') }),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  /** Asks where to save (the desktop app's native dialog) and writes there; null when the clerk cancels. */
  'exports:save': { input: FileToSave, output: z.object({ savedTo: z.string().nullable() }) },
  /** Replaces the meeting's recovery journal (an empty one, no steps and no details, removes it). */
  'recovery:write': { input: RecoveryJournal, output: z.object({ kept: z.enum(['written', 'cleared', 'ignored']) }) },
  /** The journals left by a window that closed before saving, still based on the meeting as saved; notes on any set aside. */
  'recovery:list': { input: z.object({}), output: z.object({ recovered: z.array(RecoveredChanges), notes: z.array(z.string()) }) },
  /** The clerk chose not to restore: the journal is set aside (kept, no longer offered). */
  'recovery:discard': { input: z.object({ meetingId: z.uuid('not a meeting id') }), output: z.object({ discarded: z.boolean() }) },
  /** The meeting's kept versions, newest first, and notes on any problem found reading its history (in the clerk's words). */
  'history:list': {
    input: z.object({ meetingId: z.uuid('not a meeting id') }),
    output: z.object({ versions: z.array(VersionEntry), notes: z.array(z.string()) }),
  },
  /** One kept version exactly as it was saved; not-found names the revision when it is not kept. */
  'history:open': {
    input: z.object({ meetingId: z.uuid('not a meeting id'), revision: z.number().int().nonnegative() }),
    output: Meeting,
  },
  /**
   * Saves a kept version's content as the draft's next revision ('restored'); id, committee and status
   * stay as now. Refused (conflict) unless baseRevision is the revision on disk, (read-only) unless the
   * meeting is a draft in a library this window writes. Answers the meeting as now saved.
   */
  'history:restore': {
    input: z.object({ meetingId: z.uuid('not a meeting id'), revision: z.number().int().nonnegative(), baseRevision: z.number().int().nonnegative() }),
    output: Meeting,
  },
  /** The clerk's name, kept in the library folder (preferences.json); null until set. */
  'preferences:get': { input: z.object({}), output: z.object({ clerkName: z.string().nullable() }) },
  'preferences:set': { input: z.object({ clerkName: PersonName }), output: z.object({ clerkName: z.string().nullable() }) },
  /**
   * Lifecycle steps (shared/lifecycle/transitions.ts), each recorded with the clerk's name (invalid-input
   * "Set your name in Preferences first" without one) and kept as a 'status' version. Circulating and
   * signing run the checks (shared/lifecycle/checks.ts): errors refuse the step (invalid-input, listed);
   * each warning must be confirmed as `code:itemId` in confirmedWarnings, and is recorded. A step from
   * the wrong status is conflict; any change to signed minutes is read-only.
   */
  'lifecycle:circulate': { input: z.object({ meetingId: z.uuid('not a meeting id'), baseRevision: revisionNumber, confirmedWarnings: confirmedWarnings }), output: Meeting },
  /** `reason`: why they go back ("Councillor Abbott's correction to Minute 4 is to be made before the meeting"), recorded with the step. */
  'lifecycle:back-to-draft': {
    input: z.object({ meetingId: z.uuid('not a meeting id'), baseRevision: revisionNumber, reason: RecordedWords('say why the minutes go back to draft (it is recorded with the step)', 1000) }),
    output: Meeting,
  },
  /** A member's suggested correction to circulated minutes, kept as a note against the item; the text is unchanged. */
  'lifecycle:suggest': {
    input: z.object({ meetingId: z.uuid('not a meeting id'), itemId: z.string().min(1).max(100), by: PersonName, text: RecordedWords('say what was suggested', 10_000) }),
    output: Meeting,
  },
  /**
   * Agreed at a later meeting of the same committee (approvingMeetingId), at its minute ("6/17"); each
   * amendment replaces the item and is recorded as a Correction "Amended by Minute 6/17".
   */
  'lifecycle:agree': {
    input: z.object({
      meetingId: z.uuid('not a meeting id'),
      approvingMeetingId: z.uuid('not a meeting id'),
      minute: z.string().trim().min(1, 'give the approving minute, such as 6/17').max(20),
      amendments: z.array(z.object({ itemId: z.string().min(1).max(100), after: Item })).max(500),
    }),
    output: z.object({ agreed: Meeting }),
  },
  /** Signed by the Chair on signedOn: the signature and its place in the committee's chain are computed, and the meeting is locked. */
  'lifecycle:sign': {
    input: z.object({
      meetingId: z.uuid('not a meeting id'),
      baseRevision: revisionNumber,
      chair: PersonName,
      signedOn: z.iso.date('expected a date such as 2017-09-14'),
      confirmedWarnings: confirmedWarnings,
    }),
    output: Meeting,
  },
  /**
   * The checks before circulating or signing the meeting as saved (shared/lifecycle/checks.ts), meeting-wide
   * first, then in agenda order: errors block the step, warnings allow it once confirmed by `checkKey`.
   */
  'lifecycle:check': {
    input: z.object({ meetingId: z.uuid('not a meeting id'), step: z.enum(['circulate', 'sign']) }),
    output: z.object({ checks: answer<Check[]>() }),
  },
  /** Records signed minutes as published (where); kept beside the signed record. conflict unless signed and matching the signature. */
  'lifecycle:publish': { input: z.object({ meetingId: z.uuid('not a meeting id'), where: Publication.shape.where }), output: Meeting },
  /** The newest kept version that matches its signature (to compare a changed signed file with), or null. */
  'lifecycle:signed-version': {
    input: z.object({ meetingId: z.uuid('not a meeting id') }),
    output: z.object({ revision: z.number().int().nonnegative(), savedAt: z.iso.datetime() }).nullable(),
  },
  /** Puts the version as signed back in place of a signed file changed, damaged or removed outside Minute Book; the file as it was is set aside. */
  'lifecycle:put-back-signed': { input: z.object({ meetingId: z.uuid('not a meeting id') }), output: Meeting },
  /**
   * The desktop app's open dialog, for Import…: the files chosen, read on the node side (none when the
   * clerk cancels). unsupported in the browser, whose own file chooser the window uses instead.
   */
  'files:choose-to-import': { input: z.object({}), output: filesSent },
  /**
   * The files given to the app since it was last asked (double-clicked, on its command line, or passed to
   * a second start), read on the node side; each is given once. None in the browser.
   */
  'files:take-opened': { input: z.object({}), output: filesSent },
  /** The window reports whether any meeting in it has changes not yet on disk, so quitting can wait for them (electron/shell/quitGuard.ts). */
  'window:unsaved': { input: z.object({ unsaved: z.boolean() }), output: z.object({}) },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/**
 * `busy`: not ready yet, for a reason that passes by itself (the search index being rebuilt); the same call may be made again shortly.
 * `unavailable`: the window could not reach the node side (the browser bridge stopped, or this page is no longer its own); set by the renderer.
 */
export type ErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'storage' | 'read-only' | 'unsupported' | 'busy' | 'internal' | 'unavailable';

/** Calls answer with a result rather than throwing, so messages cross IPC and HTTP intact. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** The whole of what the renderer may ask of the node side. */
export interface MinuteBookApi {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

/**
 * What the application menu sends the window: a command by name, and for File → Open Recent the
 * meeting to open. Checked by the window as it arrives (renderer/src/api.ts), like every boundary.
 */
export const MenuMessage = z.discriminatedUnion('command', [
  z.object({ command: z.literal('open-recent'), meetingId: z.uuid() }),
  z.object({ command: z.enum(menuCommands.filter((command) => command !== 'open-recent') as [Exclude<MenuCommand, 'open-recent'>, ...Exclude<MenuCommand, 'open-recent'>[]]) }),
]);
export type MenuMessage = z.infer<typeof MenuMessage>;

/** What the Electron preload exposes on `window.minuteBook`. */
export interface DesktopBridge {
  invoke(channel: Channel, input: unknown): Promise<CallResult<unknown>>;
  /** `message` is whatever came on the menu channel with a known command name; the window checks it against MenuMessage. */
  onMenuCommand(listener: (message: unknown) => void): () => void;
}

export class MinuteBookError extends Error {
  override readonly name = 'MinuteBookError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
