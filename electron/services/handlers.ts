// The node side of the contract: one handler per channel, and the single entry point through which
// Electron's ipcMain and the browser bridge both call them. Every payload is validated here.
import { randomUUID } from 'node:crypto';
import {
  contract,
  isChannel,
  type CallResult,
  type Channel,
  type ChannelOutput,
  type Contract,
} from '../../shared/contract.js';
import { channelPurposes } from '../../shared/channels.js';
import { ExportError } from '../../shared/export/exportForm.js';
import { ImportError } from '../../shared/import/index.js';
import { checkMeeting, meetingCitations } from '../../shared/lifecycle/checks.js';
import { checkMinutes } from '../../shared/model/files.js';
import { ValidationError, parseOrThrow } from '../../shared/model/validation.js';
import { wellFormedDeep } from '../../shared/model/wellFormedText.js';
import type { z } from 'zod';
import { committeeArchive, exportMeeting, writeExport, type PdfPrinter } from './exports.js';
import { committeeAsRecorded } from '../../shared/lifecycle/recorded.js';
import { LibraryError } from './libraryErrors.js';
import { readImportFile } from './importFile.js';
import { readFilesToSend } from '../shell/openedFiles.js';
import { importIntoLibrary } from './libraryImport.js';
import { ImportJobs } from './importJob.js';
import type { ReaderScript } from './importReaders.js';
import { LibrarySearch } from './librarySearch.js';
import { isEditable, type MeetingLibrary, type ResolvedCitations } from './meetingLibrary.js';
import { RecoveryJournal } from './recoveryJournal.js';

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>>;
};

/**
 * What only the platform can do: print (Electron or Chromium); and in the desktop app only, ask where
 * to save, ask which files to import, hand over files given to the app, and hear of unsaved changes.
 */
export interface PlatformServices {
  printPdf: PdfPrinter;
  /** Shows a save dialog and answers the chosen path, or null when cancelled; absent in the browser bridge. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Shows an open dialog for Import… and answers the paths chosen (none when cancelled); absent in the browser bridge. */
  chooseFilesToImport?: () => Promise<string[]>;
  /** The paths of files given to the app since last asked (shell/openedFiles.ts); absent in the browser bridge. */
  takeOpenedFiles?: () => string[];
  /** The window's report of changes not yet saved (shell/quitGuard.ts); absent in the browser bridge. */
  reportUnsaved?: (unsaved: boolean) => void;
  /** The folder of the sample minutes (the packaged sample-minutes resource, or the repository's seeds/); null without one. */
  sampleFolder?: string | null;
  /** The import readers' worker script beside the bundle (importReaders.ts); without it an import of many files is refused. */
  importReaders?: ReaderScript;
}

/** The channels that switch the open library: the session answers them (librarySession.ts), not one library's handlers. */
export type SwitchingChannel = 'library:open-sample' | 'library:leave-sample';

/** What dispatch answers from: every channel but those that switch library, which only a session has (the command line and tests call one library). */
export type CallHandlers = Omit<Handlers, SwitchingChannel> & Partial<Pick<Handlers, SwitchingChannel>>;

/** Every channel's handler for one open library, but the ones that switch library. */
export function createHandlers(
  library: MeetingLibrary,
  platform: PlatformServices,
  search = new LibrarySearch(library),
  recovery = new RecoveryJournal(library.folder),
): Omit<Handlers, SwitchingChannel> {
  // A journal can only be restored into a meeting the library holds and the clerk may edit.
  const editableMeeting = async (meetingId: string) => {
    const meeting = await library.meetingAsStored(meetingId);
    return isEditable(meeting) ? meeting : null;
  };
  // Another window owns a read-only library's files, its journals included.
  const writable = () => {
    const reason = library.overview().readOnly;
    if (reason !== null) throw new LibraryError('read-only', reason);
  };
  // What the meeting's citations name, for the checks before circulating and signing; gathered before the
  // step enters the library's queue, which the search reads through.
  const citedMinutes = async (meetingId: string): Promise<ResolvedCitations> => {
    const meeting = await library.meetingAsStored(meetingId);
    const resolved: Record<string, ResolvedCitations[string]> = {};
    for (const item of meeting.items) for (const cited of (await search.itemReferences(meetingId, item.id)).cites) resolved[cited.citation] = cited.minute;
    return resolved;
  };
  const imports = platform.importReaders === undefined ? null : new ImportJobs({ library, search, readers: platform.importReaders });
  const importsHere = (): ImportJobs => {
    if (imports === null) throw new LibraryError('unsupported', 'Importing many files at once needs Minute Book’s readers, which this copy lacks; import a few files at a time.');
    return imports;
  };
  return {
    'library:open': async () => library.overview(),
    'committees:create': (fields) => library.createCommittee(fields),
    'committees:update': (committee) => library.updateCommittee(committee),
    'meetings:create': (request) => library.createMeeting(request),
    'meetings:load': ({ meetingId }) => library.loadMeeting(meetingId),
    'meetings:save': ({ meeting }) => {
      checkMinutes(meeting, 'meetings:save');
      return library.saveMeeting(meeting);
    },
    'meetings:replaced-copies': ({ meetingId }) => library.replacedCopies(meetingId),
    'meetings:restore-replaced': ({ meetingId, copy }) => library.restoreReplaced(meetingId, copy),
    'meetings:keep-unsaved': ({ meeting, replacing }) => {
      checkMinutes(meeting, 'meetings:keep-unsaved');
      return library.keepUnsaved(meeting, replacing);
    },
    'meetings:delete': async ({ meetingId }) => {
      await library.deleteMeeting(meetingId);
      return library.overview();
    },
    'meetings:duplicate': ({ meetingId, date }) => library.duplicateMeeting(meetingId, date),
    'bin:list': () => library.binnedMeetings(),
    'bin:restore': ({ meetingId }) => library.restoreFromBin(meetingId),
    'committees:archive': ({ committeeId, archived }) => library.archiveCommittee(committeeId, archived),
    'library:undo-import': async ({ meetingIds }) => ({ ...(await library.undoImport(meetingIds)), library: library.overview() }),
    'library:import': async (request) => {
      const { summary } = await importIntoLibrary(library, request, { now: new Date(), newId: randomUUID });
      return { summary, library: library.overview() };
    },
    'imports:start': async ({ total, totalBytes, onDuplicate }) => importsHere().start(total, totalBytes, onDuplicate).progress(),
    'imports:add-files': async ({ jobId, files, last }) => {
      const job = importsHere().job(jobId);
      await job.add(files.map(({ fileName, base64 }) => ({ fileName, bytes: Buffer.from(base64, 'base64') })), last);
      return job.progress();
    },
    'imports:progress': async ({ jobId }) => importsHere().job(jobId).progress(),
    'imports:cancel': ({ jobId }) => importsHere().job(jobId).cancel(),
    'library:read-file': ({ fileName, base64, declarationKinds }) => readImportFile(fileName, Buffer.from(base64, 'base64'), randomUUID, { declarationKinds }),
    'search:query': async ({ query, filters, limit }) => ({ hits: await search.search(query, filters, limit) }),
    'registers:open': () => search.registers(),
    'registers:page': ({ register, committeeId, offset, limit }) => search.registerPage(register, { committeeId, offset, limit }),
    'requests:set-status': ({ meetingId, requestId, status }) => library.setRequestStatus(meetingId, requestId, status),
    'references:resolve': ({ committeeId, asOf, citations }) => search.resolve(citations, committeeId, asOf),
    'references:item': ({ meetingId, itemId }) => search.itemReferences(meetingId, itemId),
    'exports:pdf': async ({ meetingId }) => {
      const meeting = await library.meetingAsStored(meetingId);
      const committee = library.overview().committees.find((candidate) => candidate.id === meeting.committeeId)!;
      const pdf = await exportMeeting({ meeting, committee }, 'pdf', platform.printPdf);
      return { fileName: pdf.fileName, base64: Buffer.from(pdf.content).toString('base64') };
    },
    'exports:committee-archive': async ({ committeeId }) => {
      const archive = await committeeArchive(library, committeeId);
      return { fileName: archive.fileName, content: String(archive.content) };
    },
    'exports:save': async ({ fileName, content, encoding }) => {
      if (platform.chooseSavePath === undefined) {
        throw new LibraryError('unsupported', 'Saving through a dialog needs the desktop app; the browser downloads the file instead.');
      }
      const path = await platform.chooseSavePath(fileName);
      if (path === null) return { savedTo: null };
      // The clerk chose this path in the save dialog, which has already asked about replacing a file.
      await writeExport({ fileName, mediaType: '', content: Buffer.from(content, encoding) }, path, true);
      return { savedTo: path };
    },
    'recovery:write': async (journal) => {
      writable();
      return recovery.write(journal);
    },
    'recovery:list': async () => (library.writes ? recovery.list(editableMeeting) : { recovered: [], notes: [] }),
    'recovery:discard': async ({ meetingId }) => {
      writable();
      return recovery.discard(meetingId);
    },
    'history:list': ({ meetingId }) => library.meetingVersions(meetingId),
    'history:open': ({ meetingId, revision }) => library.meetingVersion(meetingId, revision),
    'history:restore': ({ meetingId, revision, baseRevision }) => library.restoreVersion(meetingId, revision, baseRevision),
    'preferences:get': () => library.preferences(),
    'preferences:set': ({ clerkName }) => library.setClerkName(clerkName),
    'lifecycle:circulate': async ({ meetingId, baseRevision, confirmedWarnings }) => library.circulate(meetingId, baseRevision, confirmedWarnings, await citedMinutes(meetingId)),
    'lifecycle:back-to-draft': ({ meetingId, baseRevision, reason }) => library.backToDraft(meetingId, baseRevision, reason),
    'lifecycle:suggest': ({ meetingId, itemId, by, text }) => library.suggestCorrection(meetingId, itemId, by, text),
    'lifecycle:agree': async ({ meetingId, approvingMeetingId, minute, amendments }) => ({ agreed: await library.agree(meetingId, approvingMeetingId, minute, amendments) }),
    'lifecycle:sign': async ({ meetingId, baseRevision, chair, signedOn, confirmedWarnings }) =>
      library.sign(meetingId, baseRevision, chair, signedOn, confirmedWarnings, await citedMinutes(meetingId)),
    'files:choose-to-import': async () => {
      if (platform.chooseFilesToImport === undefined) {
        throw new LibraryError('unsupported', 'Choosing files through a dialog needs the desktop app; the browser shows its own.');
      }
      return readFilesToSend(await platform.chooseFilesToImport());
    },
    'files:take-opened': () => readFilesToSend(platform.takeOpenedFiles?.() ?? []),
    'window:unsaved': async ({ unsaved }) => {
      platform.reportUnsaved?.(unsaved);
      return {};
    },
    'lifecycle:check': async ({ meetingId, step }) => {
      const meeting = await library.meetingAsStored(meetingId);
      const { committees, meetings } = library.overview();
      const committee = committees.find((candidate) => candidate.id === meeting.committeeId);
      if (committee === undefined) throw new LibraryError('not-found', `The committee of the meeting of ${meeting.date} is not in the library.`);
      const resolved = await search.resolve(meetingCitations(meeting), meeting.committeeId, meeting.date);
      // As the step itself checks them: circulated minutes against the committee as they were circulated.
      return { checks: checkMeeting(meeting, { committee: committeeAsRecorded(committee, meeting), library: meetings, resolved, step }) };
    },
    'lifecycle:publish': ({ meetingId, where }) => library.publish(meetingId, where),
    'lifecycle:signed-version': ({ meetingId }) => library.signedVersion(meetingId),
    'lifecycle:put-back-signed': ({ meetingId }) => library.putBackSigned(meetingId),
  };
}

/** Validates the channel and payload, runs the handler, and turns every failure into a message. */
export async function dispatch(handlers: CallHandlers, channel: unknown, input: unknown): Promise<CallResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'invalid-input', message: `Unknown call ${JSON.stringify(channel)}.` } };
  }
  // Messages name what the clerk was doing, never the channel.
  const couldNot = `Minute Book could not ${channelPurposes[channel]}`;
  try {
    // Bounded in depth and made well-formed text before anything recursive (the schemas) reads it.
    const payload = parseOrThrow(contract[channel].input, wellFormedDeep(input, couldNot), couldNot);
    const handler = handlers[channel] as ((payload: unknown) => Promise<unknown>) | undefined;
    if (handler === undefined) throw new LibraryError('unsupported', `${couldNot} here: only Minute Book’s window can switch to another library.`);
    return { ok: true, value: await handler(payload) };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: { code: 'invalid-input', message: error.message } };
    if (error instanceof LibraryError) return { ok: false, error: { code: error.code, message: error.message } };
    if (error instanceof ExportError || error instanceof ImportError) return { ok: false, error: { code: 'invalid-input', message: error.message } };
    console.error(`[minute-book] ${channel} failed:`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `${couldNot}: something went wrong inside Minute Book (${detail}). Try again; if it happens again, close Minute Book and start it again (everything saved is kept).`,
      },
    };
  }
}
