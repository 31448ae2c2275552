// Minute Book on the command line.
//   npm run cli -- import <files|folders> [--library <dir>] [--date <yyyy-mm-dd>] [--committee <name>] [--dry-run] [--replace] [--json]
//   npm run cli -- search "<query>" [--committee <name>] [--year <2016 or 2016/17>] [--only resolutions|actions] [--library <dir>] [--json]
//   npm run cli -- reindex [--library <dir>]
//   npm run cli -- export <meeting-file> --format <form> [--item <minute number>] [--cut <characters>] [--whole-committee] --out <path> [--force]
//   npm run cli -- diff <meeting-file>[@<revision>] <meeting-file>[@<revision>] [--format text|html|json]
//   npm run cli -- history <meeting-file> [--json]
//   npm run cli -- circulate <meeting-file> [--by <name>] [--confirm <code:item>]…
//   npm run cli -- back-to-draft <meeting-file> --reason <why> [--by <name>]
//   npm run cli -- agree <meeting-file> --approving <meeting-file> --minute <6/17> [--amendments <file.json>] [--by <name>]
//   npm run cli -- sign <meeting-file> --chair <name> --date <yyyy-mm-dd> [--by <name>] [--confirm <code:item>]…
//   npm run cli -- publish <meeting-file> --where <place> [--by <name>]
//   npm run cli -- verify [<archive.json>] [--library <dir>]
//   npm run cli -- check <meeting-file> [--step circulate|sign] [--json]
// <meeting-file> is a meeting file from a library (meetings/<id>.json, its committee read from the
// library.json beside that folder) or a JSON archive exported by Minute Book. With --whole-committee
// the JSON archive holds every meeting of that meeting's committee in the library. `history` lists
// the versions kept beside a library's meeting file (meetings/<id>.history.jsonl), reading only. The
// lifecycle steps take a library's meeting file and go through the same handlers as the window; --by
// names the clerk instead of the library's preferences. `verify` checks every signed meeting's hash
// and each committee's chain, in an archive or in a library's files, reading only; it exits 1 on any failure.
// `check` runs the checks before circulating or signing a library's meeting, reading only; it exits 1
// when any is an error. `reindex` builds the library's search index (search.sqlite) again from its
// meeting files, which it only reads.
import { randomUUID } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportFormats, type ExportFormat, type ExportRequest, type ExportedFile } from '../shared/export/exportForm.js';
import { ARCHIVE_FORMAT, ArchivePackage, readJsonArchive } from '../shared/export/jsonArchive.js';
import { registerBreaks, signedStateOf, verifyArchive, verifyMeetings, type ChainBreak } from '../shared/lifecycle/signature.js';
import { parseOrThrow } from '../shared/model/validation.js';
import { Meeting } from '../shared/model/meeting.js';
import { compareMeetings } from '../shared/compare/compareMeetings.js';
import { comparisonHtml } from '../shared/compare/comparisonHtml.js';
import { comparisonText } from '../shared/compare/comparisonText.js';
import type { Channel } from '../shared/contract.js';
import { missingDetails, type GivenDetails, type ImportOutcome, type ImportReport } from '../shared/import/index.js';
import type { SearchFilters } from '../shared/search/minutesIndex.js';
import { parseLibraryFile, parseMeetingFile, parseSignatureRegisterFile } from '../shared/model/files.js';
import { personNameProblem } from '../shared/model/personName.js';
import { formatProseDate, formatSavedAt } from '../shared/dates.js';
import { inClerkWords } from '../shared/clerkWords.js';
import { checkKey, checkMeeting, meetingCitations, type CheckContext } from '../shared/lifecycle/checks.js';
import { buildReferenceIndex } from '../shared/search/minuteReferences.js';
import { chromiumPdfPrinter } from './services/chromiumPdf.js';
import { chosenLibraryFolder, userDataFolder } from './services/dataFolder.js';
import { committeeArchive, exportMeeting, writeExport } from './services/exports.js';
import { ImportJob } from './services/importJob.js';
import type { ReaderScript } from './services/importReaders.js';
import { importIntoLibrary } from './services/libraryImport.js';
import { LibrarySearch } from './services/librarySearch.js';
import { describeHistory, historyPathBeside, readHistoryFile, readMeetingVersion } from './services/meetingHistory.js';
import { MeetingLibrary } from './services/meetingLibrary.js';
import { createHandlers, dispatch } from './services/handlers.js';

const usage = `usage: npm run cli -- import <files|folders> [--library <dir>] [--date <yyyy-mm-dd>] [--committee <name>] [--dry-run] [--replace] [--json]
       npm run cli -- search "<query>" [--committee <name>] [--year <2016 or 2016/17>] [--only resolutions|actions] [--library <dir>] [--json]
       npm run cli -- reindex [--library <dir>]
       npm run cli -- export <meeting-file> --format <${exportFormats.join('|')}> [--item <minute number>] [--cut <characters>] [--whole-committee] --out <path> [--force]
       npm run cli -- diff <meeting-file>[@<revision>] <meeting-file>[@<revision>] [--format text|html|json]
       npm run cli -- history <meeting-file> [--json]
       npm run cli -- circulate <meeting-file> [--by <name>] [--confirm <code:item>]…
       npm run cli -- back-to-draft <meeting-file> --reason <why> [--by <name>]
       npm run cli -- agree <meeting-file> --approving <meeting-file> --minute <6/17> [--amendments <file.json>] [--by <name>]
       npm run cli -- sign <meeting-file> --chair <name> --date <yyyy-mm-dd> [--by <name>] [--confirm <code:item>]…
       npm run cli -- publish <meeting-file> --where <place> [--by <name>]
       npm run cli -- verify [<archive.json>] [--library <dir>]
       npm run cli -- check <meeting-file> [--step circulate|sign] [--json]`;

class UsageError extends Error {}

/** The largest JSON file the command line reads: a committee's whole archive is a few megabytes. */
const MAX_JSON_FILE = 256 * 1024 * 1024;

async function readJson(path: string): Promise<unknown> {
  // A folder, a device (/dev/zero) or a file too large to be a meeting is named for what it is, not read.
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (info.isDirectory()) throw new Error(`${path}: is a folder, not a meeting file`);
  if (!info.isFile()) throw new Error(`${path}: is not a file`);
  if (info.size > MAX_JSON_FILE) throw new Error(`${path}: is ${Math.round(info.size / 1024 / 1024)} MB, larger than any meeting file or archive`);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${path}: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/** The meeting and its committee, from a library's meeting file or from an archive. */
async function loadMeeting(path: string): Promise<Pick<ExportRequest, 'meeting' | 'committee'>> {
  const raw = await readJson(path);
  if ((raw as { format?: unknown } | null)?.format === ARCHIVE_FORMAT) {
    const archive = readJsonArchive(raw, basename(path));
    const [first, ...more] = archive.meetings;
    if (first === undefined) throw new Error(`${path}: the archive holds no meetings`);
    // A committee's whole archive: taking its first meeting silently would compare or export the wrong one.
    if (more.length > 0) {
      const dates = archive.meetings.map(({ meeting }) => meeting.date);
      throw new Error(`${path}: the archive holds ${dates.length} meetings (${dates[0]} to ${dates.at(-1)}); use an archive of one meeting, or its meeting file in the library`);
    }
    return { meeting: first.meeting, committee: archive.committee };
  }
  const { meeting } = parseMeetingFile(raw, basename(path));
  const { committee } = await libraryBeside(path, meeting);
  return { meeting, committee };
}

/** The library.json beside a library's meeting file (`<library>/meetings/<id>.json`), and the meeting's committee in it. */
async function libraryBeside(path: string, meeting: Meeting) {
  const libraryPath = join(dirname(path), '..', 'library.json');
  const library = parseLibraryFile(await readJson(libraryPath), 'library.json');
  const committee = library.committees.find((candidate) => candidate.id === meeting.committeeId);
  if (committee === undefined) throw new Error(`${libraryPath} has no committee ${meeting.committeeId} for this meeting`);
  return { library, committee };
}

async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      item: { type: 'string' },
      cut: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'whole-committee': { type: 'boolean', default: false },
    },
  });
  const [meetingPath] = positionals;
  if (meetingPath === undefined || values.format === undefined || values.out === undefined) throw new UsageError(usage);
  if (!(exportFormats as readonly string[]).includes(values.format)) throw new UsageError(`unknown format ${values.format}\n${usage}`);
  const request: ExportRequest = await loadMeeting(resolve(meetingPath));
  if (values.item !== undefined) request.item = Number(values.item);
  if (values.cut !== undefined) {
    const cut = Number(values.cut);
    if (!Number.isInteger(cut) || cut < 1) throw new UsageError(`--cut takes a number of characters, not ${values.cut}`);
    request.cutMinutes = Object.fromEntries(request.meeting.items.map((item) => [item.minuteNumber, cut]));
  }
  let file: ExportedFile;
  if (values['whole-committee']) {
    if (values.format !== 'json') throw new UsageError('--whole-committee goes with --format json');
    const library = await MeetingLibrary.open({ folder: join(dirname(resolve(meetingPath)), '..') });
    file = await committeeArchive(library, request.committee.id);
  } else {
    file = await exportMeeting(request, values.format as ExportFormat, chromiumPdfPrinter());
  }
  const out = resolve(values.out);
  await writeExport(file, out, values.force);
  console.log(`Wrote ${out}`);
}

/**
 * The meeting (and its committee) a `diff` argument names: a meeting file or a JSON archive, as for
 * `export`, or a version kept in a meeting file's history, `<meeting-file>@<revision>` (read from the
 * `<id>.history.jsonl` beside it; the committee is the meeting file's).
 * @throws Error naming the file, or the revision when the history does not keep it
 */
async function meetingFromArgument(argument: string): Promise<Pick<ExportRequest, 'meeting' | 'committee'>> {
  const version = /^(.+)@(\d+)$/.exec(argument);
  if (version === null) return loadMeeting(resolve(argument));
  const path = resolve(version[1]!);
  const { committee } = await loadMeeting(path);
  return { meeting: await readMeetingVersion(path, Number(version[2])), committee };
}

const diffFormats = ['text', 'html', 'json'] as const;

/** Prints the comparison of two meetings or versions: marked text (the default), an HTML document or the comparison as JSON. */
async function diffCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  const [beforeArgument, afterArgument, ...extra] = positionals;
  if (beforeArgument === undefined || afterArgument === undefined || extra.length > 0) throw new UsageError(usage);
  const format = values.format as (typeof diffFormats)[number];
  if (!diffFormats.includes(format)) throw new UsageError(`--format takes ${diffFormats.join(', ')}, not ${values.format}\n${usage}`);
  const [before, after] = [await meetingFromArgument(beforeArgument), await meetingFromArgument(afterArgument)];
  const comparison = compareMeetings(before.meeting, after.meeting);
  const name = (side: typeof before) => `${side.committee.name}, ${side.meeting.date} (revision ${side.meeting.revision})`;
  if (format === 'json') console.log(JSON.stringify(comparison, null, 2));
  else if (format === 'html') process.stdout.write(comparisonHtml(comparison, { before: name(before), after: name(after) }));
  else process.stdout.write(comparisonText(comparison));
}

/** Every file under the given files and folders, in name order. */
async function filesUnder(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths.map((given) => resolve(given))) {
    const info = await stat(path).catch(() => {
      throw new Error(`${path}: no such file or folder`);
    });
    if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      found.push(...entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)));
    } else found.push(path);
  }
  return found.sort();
}

/** Why a file lacking a detail it does not state was not imported, and what to give (with the suggestion, or the library's committees). */
function neededDetails(outcome: ImportOutcome, given: GivenDetails, committees: readonly string[]): string {
  const missing = [...new Set(outcome.meetings.flatMap(missingDetails))].filter((detail) => given[detail] === undefined);
  const asks = missing.map((detail) => {
    if (detail === 'date') {
      const suggested = outcome.report.suggestedDate;
      return `the meeting's date: give it with --date YYYY-MM-DD${suggested === null ? '' : ` (${suggested.from} suggests --date ${suggested.date})`}`;
    }
    return `the committee: give it with --committee "<name>"${committees.length === 0 ? '' : ` (the library has ${committees.map((name) => `“${name}”`).join(', ')})`}`;
  });
  return `not imported: the file does not state ${asks.join('; nor ')}.`;
}

/** A folder of more files than this is imported with its progress told on stderr (not with --json). */
const TELL_PROGRESS_FROM = 50;

/** The import readers' worker: bundled beside dist/cli.mjs, or run from source (tsx) the TypeScript beside this file. */
const readerScript: ReaderScript = import.meta.url.endsWith('.ts')
  ? { file: fileURLToPath(new URL('./services/importWorker.ts', import.meta.url)), fromSource: true }
  : { file: fileURLToPath(new URL('./importWorker.mjs', import.meta.url)) };

/** Tells how the import is getting on, on stderr, every half second: over itself on a terminal, else a line each time. Answers the stop. */
function tellProgress(job: ImportJob): () => void {
  const terminal = process.stderr.isTTY === true;
  let said = '';
  const tell = () => {
    const { done, total, bytes, totalBytes, summary } = job.progress();
    const now = `Read ${done} of ${total} files (${(bytes / 2 ** 20).toFixed(1)} of ${(totalBytes / 2 ** 20).toFixed(1)} MB), ${summary.meetings} meeting(s) imported`;
    if (now === said) return;
    said = now;
    process.stderr.write(terminal ? `\r${now}\x1b[K` : `${now}\n`);
  };
  const timer = setInterval(tell, 500);
  return () => {
    clearInterval(timer);
    tell();
    if (terminal) process.stderr.write('\n');
  };
}

/**
 * Imports files and folders. Every file is read from its bytes (PDF, Word, text: importFile.ts) in
 * worker threads, and stored a batch at a time (importJob.ts); --date and --committee give what files
 * do not state. The library is opened once a file can be stored, so with nothing importable it stays
 * exactly as it was. Sets exit code 1 when any file could not be imported (unreadable, lacking a
 * detail, or a meeting the library refused); duplicates skipped are not failures.
 */
async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      date: { type: 'string' },
      committee: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError(usage);
  if (values.date !== undefined && !Meeting.shape.date.safeParse(values.date).success) throw new UsageError(`--date takes the meeting's date as YYYY-MM-DD (2025-01-30), not ${values.date}\n${usage}`);
  if (values.committee !== undefined && values.committee.trim() === '') throw new UsageError(`--committee takes the committee's name\n${usage}`);
  const given: GivenDetails = { date: values.date, committee: values.committee };
  const paths = await filesUnder(positionals);
  const folder = libraryFolder(values.library);
  const reports: (ImportReport | { fileName: string; error: string })[] = [];
  const lacking: { fileName: string; outcome: ImportOutcome; at: number }[] = [];
  // Opened for the first file that can be stored; a dry run opens it read-only, so duplicates are found as for real and nothing is written.
  let library: MeetingLibrary | null = null;
  // The committees the library had before this import: those a file lacking one is pointed to.
  let committeesBefore: string[] | null = null;
  const opened = async (): Promise<MeetingLibrary> => {
    if (library !== null) return library;
    const now = await MeetingLibrary.open({ folder, dryRun: values['dry-run'] });
    const readOnly = now.overview().readOnly;
    if (readOnly !== null) {
      await now.close();
      throw new Error(`${readOnly} Nothing was imported (--dry-run shows what would be).`);
    }
    committeesBefore = now.overview().committees.map((committee) => committee.name);
    return (library = now);
  };
  const job = new ImportJob(
    {
      readers: readerScript,
      given,
      committees: async () => (await opened()).overview().committees,
      onRead: (fileName, read) => reports.push(read.ok ? read.outcome.report : { fileName, error: read.message }),
      notStored: async (outcome) => {
        if (outcome.meetings.every((meeting) => missingDetails(meeting).every((detail) => given[detail] !== undefined))) return null;
        lacking.push({ fileName: outcome.report.fileName, outcome, at: reports.length });
        return 'a detail it does not state was not given';
      },
      // The command line cannot ask about each draft, so drafts are never replaced from here: the app asks.
      store: async (files) => (await importIntoLibrary(await opened(), { files, onDuplicate: values.replace ? 'replace' : 'skip', replaceDrafts: [] }, { now: new Date(), newId: randomUUID })).summary,
    },
    paths.length,
    // The progress told is in megabytes of the whole import.
    paths.length > TELL_PROGRESS_FROM && !values.json ? (await Promise.all(paths.map((path) => stat(path).then((info) => info.size)))).reduce((sum, size) => sum + size, 0) : 0,
  );
  const told = paths.length > TELL_PROGRESS_FROM && !values.json ? tellProgress(job) : () => undefined;
  await job.add(paths.map((path) => ({ fileName: basename(path), path })), true);
  const { summary, failure, state, unread } = await job.finished;
  told();
  const wrote = library !== null && !values['dry-run'];
  // What was stored is listed, and, with nothing stored, the library's committees for the files lacking one.
  const listed: MeetingLibrary = library ?? (await MeetingLibrary.open({ folder, dryRun: true }));
  const stored = values.json ? await Promise.all([...summary.addedMeetings, ...summary.replacedMeetings.map((replaced) => replaced.meetingId)].map((id) => listed.meetingAsStored(id))) : [];
  const { committees } = listed.overview();
  await listed.close();
  const offered = committeesBefore ?? committees.map((committee) => committee.name);
  if (state === 'failed') throw new Error(failure ?? 'The import stopped.');
  // A file read but not stored for another reason than a missing detail (read again against its committee's kinds, it failed).
  for (const file of unread) if (!reports.some((report) => report.fileName === file.fileName)) reports.push({ fileName: file.fileName, error: file.reason });
  // Each file lacking a detail is named, after its report, with what to give.
  for (const { fileName, outcome, at } of lacking.reverse()) reports.splice(at, 0, { fileName, error: neededDetails(outcome, given, offered) });
  const failed = reports.filter((report) => 'error' in report).length + summary.files.filter((file) => file.notImported > 0).length;
  // Asked to replace, a script must learn from the exit code that the circulated or signed minutes were kept instead.
  if (failed > 0 || (values.replace && summary.kept > 0)) process.exitCode = 1;
  if (values.json) {
    console.log(JSON.stringify({ meetings: stored, committees, summary, reports }, null, 2));
    return;
  }
  for (const report of reports) {
    if ('error' in report) console.log(`${report.fileName}: ${report.error}`);
    else console.log(`${report.fileName}: ${report.form}, ${report.unplaced.length} line(s) not placed${report.unplaced.map((line) => `\n  line ${line.line}: ${line.text}`).join('')}`);
  }
  for (const file of summary.files) for (const note of file.notes) console.log(`${file.fileName}: ${note}`);
  console.log(
    `${values['dry-run'] ? 'Would import' : 'Imported'} ${summary.meetings} meeting(s), ${summary.items} item(s), ${summary.resolutions} resolution(s); ` +
      `${summary.skipped} skipped, ${summary.replaced} replaced, ${summary.warnings} warning(s)${wrote ? ` into ${folder}` : ''}` +
      `${failed > 0 ? `; ${failed} file(s) could not be imported` : ''}` +
      `${values.replace && summary.kept > 0 ? `; ${summary.kept} not replaced, as circulated, agreed or signed minutes are never replaced by an import` : ''}.`,
  );
}

const libraryFolder = (given: string | undefined): string => (given !== undefined ? resolve(given) : (chosenLibraryFolder([], process.env) ?? userDataFolder()));

async function searchCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      committee: { type: 'string' },
      year: { type: 'string' },
      only: { type: 'string' },
      library: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError(usage);
  if (values.only !== undefined && values.only !== 'resolutions' && values.only !== 'actions') throw new UsageError(`--only takes resolutions or actions\n${usage}`);
  const library = await MeetingLibrary.open({ folder: libraryFolder(values.library) });
  const filters: SearchFilters = {};
  if (values.committee !== undefined) {
    const wanted = values.committee.toLowerCase();
    const committee = library.overview().committees.find((candidate) => candidate.id === values.committee || candidate.name.toLowerCase().includes(wanted));
    if (committee === undefined) throw new Error(`no committee in the library is called ${values.committee}`);
    filters.committeeId = committee.id;
  }
  if (values.year !== undefined) {
    const year = Number(values.year.slice(0, 4));
    if (!Number.isInteger(year)) throw new UsageError(`--year takes the year the municipal year began (2016 or 2016/17), not ${values.year}`);
    filters.municipalYear = year;
  }
  if (values.only !== undefined) filters.only = values.only as SearchFilters['only'];
  const search = new LibrarySearch(library);
  // A command waits for a rebuild the window would not.
  await search.searchable();
  const hits = await search.search(query, filters, 50).finally(() => search.close().then(() => library.close()));
  if (values.json) {
    console.log(JSON.stringify(hits, null, 2));
    return;
  }
  if (hits.length === 0) console.log('Nothing found.');
  const committees = library.overview().committees;
  for (const hit of hits) {
    const committee = committees.find((candidate) => candidate.id === hit.committeeId)?.name ?? '';
    console.log(`${hit.date}  ${hit.citation ? `Minute ${hit.citation}  ` : ''}${hit.title}  (${committee})`);
    console.log(`    ${hit.snippet.map((segment) => (segment.hit ? `[${segment.text}]` : segment.text)).join('')}`);
  }
}

/** Lists a meeting's kept versions, newest first, and any notes on its history. Reads only: no lock, nothing written. */
async function historyCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const [meetingPath] = positionals;
  if (meetingPath === undefined) throw new UsageError(usage);
  const path = resolve(meetingPath);
  const { meeting } = parseMeetingFile(await readJson(path), basename(path));
  const listed = describeHistory(await readHistoryFile(historyPathBeside(path), meeting.id));
  if (listed.versions.length === 0 && listed.notes.length === 0) listed.notes.push('No versions are kept yet: they are kept from the meeting’s next save in Minute Book.');
  if (values.json) {
    console.log(JSON.stringify(listed, null, 2));
    return;
  }
  console.log(`The meeting of ${formatProseDate(meeting.date)} (now revision ${meeting.revision}): ${listed.versions.length} version(s) kept`);
  for (const version of listed.versions) {
    const when = formatSavedAt(version.savedAt);
    console.log(`  ${`r${version.revision}`.padStart(6)}  ${when.padEnd(24)}  ${version.by.padEnd(12)}  ${version.kind.padEnd(8)}  ${version.summary}${version.keptForever ? '  [kept for ever]' : ''}`);
  }
  for (const note of listed.notes) console.log(`Note: ${note}`);
}

const lifecycleCommands = ['circulate', 'back-to-draft', 'agree', 'sign', 'publish'] as const;

/** The id of a library's meeting file (meetings/<id>.json) and the library folder it is in. */
function meetingInLibrary(path: string): { meetingId: string; folder: string } {
  const file = resolve(path);
  const meetingId = basename(file, '.json');
  if (!/^[0-9a-f-]{36}$/.test(meetingId) || basename(dirname(file)) !== 'meetings') throw new UsageError(`${path}: give a library's meeting file, meetings/<id>.json\n${usage}`);
  return { meetingId, folder: join(dirname(file), '..') };
}

/** One lifecycle step on a library's meeting, through the same handlers (and checks) as the window. */
async function lifecycleCommand(command: (typeof lifecycleCommands)[number], args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      by: { type: 'string' },
      confirm: { type: 'string', multiple: true, default: [] },
      approving: { type: 'string' },
      minute: { type: 'string' },
      amendments: { type: 'string' },
      chair: { type: 'string' },
      date: { type: 'string' },
      where: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const [meetingPath, ...extra] = positionals;
  if (meetingPath === undefined || extra.length > 0) throw new UsageError(usage);
  const { meetingId, folder } = meetingInLibrary(meetingPath);
  const byProblem = values.by === undefined ? null : personNameProblem(values.by);
  if (byProblem !== null) throw new UsageError(`--by: ${byProblem} (the name is recorded as who took the step).`);
  const library = await MeetingLibrary.open({ folder, ...(values.by === undefined ? {} : { clerkName: values.by.trim() }) });
  const search = new LibrarySearch(library);
  const call = async <C extends Channel>(channel: C, input: unknown) => {
    const result = await dispatch(createHandlers(library, { printPdf: chromiumPdfPrinter() }, search), channel, input);
    // Said as the window says it: no channel, the fields by their names.
    if (!result.ok) throw new Error(inClerkWords(result.error.message));
    return result.value as Meeting;
  };
  try {
    const readOnly = library.overview().readOnly;
    if (readOnly !== null) throw new Error(`${readOnly} Nothing was changed.`);
    // The command line has no Preferences window to send the clerk to.
    if (values.by === undefined && (await library.preferences()).clerkName === null) {
      throw new UsageError(`give your name with --by <name> (it is recorded as who took the step), or set it once in the app's Preferences.`);
    }
    const { revision } = await call('meetings:load', { meetingId });
    let done: Meeting;
    if (command === 'agree') {
      if (values.approving === undefined || values.minute === undefined) throw new UsageError(`agree needs --approving <meeting-file> and --minute <6/17>\n${usage}`);
      const amendments = values.amendments === undefined ? [] : await readJson(resolve(values.amendments));
      const answer = (await call('lifecycle:agree', { meetingId, approvingMeetingId: meetingInLibrary(values.approving).meetingId, minute: values.minute, amendments })) as unknown as { agreed: Meeting };
      done = answer.agreed;
    } else if (command === 'sign') {
      if (values.chair === undefined || values.date === undefined) throw new UsageError(`sign needs --chair <name> and --date <yyyy-mm-dd>\n${usage}`);
      done = await call('lifecycle:sign', { meetingId, baseRevision: revision, chair: values.chair, signedOn: values.date, confirmedWarnings: values.confirm });
    } else if (command === 'publish') {
      if (values.where === undefined) throw new UsageError(`publish needs --where <place>, such as "the council's website"\n${usage}`);
      done = await call('lifecycle:publish', { meetingId, where: values.where });
    } else if (command === 'circulate') {
      done = await call('lifecycle:circulate', { meetingId, baseRevision: revision, confirmedWarnings: values.confirm });
    } else {
      if (values.reason === undefined) throw new UsageError(`back-to-draft needs --reason <why>, which is recorded with the step, such as "a member's name was misspelt"\n${usage}`);
      done = await call('lifecycle:back-to-draft', { meetingId, baseRevision: revision, reason: values.reason });
    }
    const step = done.lifecycle?.steps.at(-1);
    const published = command === 'publish' ? (done.lifecycle?.publishedAgain?.at(-1) ?? done.lifecycle?.published) : undefined;
    if (published !== undefined) console.log(`The minutes of ${formatProseDate(done.date)} are recorded as published (${published.where}; revision ${done.revision}, by ${published.by}, ${formatSavedAt(published.at)}).`);
    else console.log(`The minutes of ${formatProseDate(done.date)} are now ${done.status} (revision ${done.revision}${step === undefined ? '' : `, by ${step.by}, ${formatSavedAt(step.at)}`}).`);
    if (done.lifecycle?.signed) console.log(`Signature ${done.lifecycle.signed.contentHash}, chain ${done.lifecycle.signed.chainHash}`);
  } finally {
    await search.close();
    await library.close();
  }
}

/**
 * Checks an archive (every meeting's archived hash, each signature, the chain) or a library's meeting
 * files (each signature, each committee's chain, and signed meetings the index lists whose file is
 * gone). Reads only: no lock, nothing written. Names each failure; exits 1 if there is any.
 */
async function verifyCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { library: { type: 'string' } } });
  const [archivePath, ...extra] = positionals;
  if (extra.length > 0 || (archivePath !== undefined && values.library !== undefined)) throw new UsageError(usage);
  let failures: ChainBreak[];
  let checked: Meeting[];
  let what: string;
  if (archivePath !== undefined) {
    const archive = parseOrThrow(ArchivePackage, await readJson(resolve(archivePath)), basename(archivePath));
    checked = archive.meetings.map(({ meeting }) => meeting);
    failures = verifyArchive(archive);
    what = archivePath;
  } else {
    const folder = libraryFolder(values.library);
    // A mistyped path must not pass as a library with nothing wrong in it.
    if (!(await stat(join(folder, 'library.json')).then(() => true, () => false)) && !(await stat(join(folder, 'meetings')).then(() => true, () => false))) {
      throw new UsageError(`${folder} is not a Minute Book library (it has no library.json and no meetings folder).`);
    }
    what = folder;
    ({ checked, failures } = await verifyLibraryFiles(folder));
  }
  for (const failure of failures) console.log(`FAILED  ${failure.message}`);
  const signed = checked.filter((meeting) => meeting.lifecycle?.signed).length;
  console.log(`${what}: ${checked.length} meeting(s), ${signed} signed; ${failures.length === 0 ? 'every signature and the chain verify.' : `${failures.length} failure(s).`}`);
  // The newest signed meeting's chain hash vouches for all before it: compared with the head published when it was signed, it also shows that none was cut off the end.
  const committeeNames = await committeesNamed(archivePath, what);
  // A committee with a failure has no head to vouch for it: the stored hash would match the published one whatever was changed.
  const failed = new Set(failures.flatMap((failure) => checked.filter((meeting) => meeting.id === failure.meetingId).map((meeting) => meeting.committeeId)));
  const heads = chainHeads(checked);
  for (const head of heads) {
    const name = committeeNames.get(head.committeeId) ?? `committee ${head.committeeId}`;
    if (failed.has(head.committeeId)) console.log(`No chain head for ${name}: its signed minutes fail above, so the head they record vouches for nothing.`);
    else console.log(`Chain head, ${name}: ${head.chainHash} (the minutes of ${formatProseDate(head.date)})`);
  }
  if (archivePath !== undefined && heads.some((head) => !failed.has(head.committeeId))) console.log('An archive cut short after its newest signed minutes still verifies: compare the chain head above with the one published by the council.');
  // With nothing signed there is no head to compare, so an archive with its signed minutes taken out reads the same as one that never had any.
  if (archivePath !== undefined && signed === 0) console.log('No minutes in this archive are signed, so there is no chain head to compare: it cannot show whether signed minutes were taken out of it.');
  if (failures.length > 0) process.exitCode = 1;
}

/** The committees' names by id, from the archive or the library's index, to name each chain head; empty where neither can be read. */
async function committeesNamed(archivePath: string | undefined, folder: string): Promise<Map<string, string>> {
  const read = await readJson(archivePath ?? join(folder, 'library.json')).catch(() => null);
  const committees = (read as { committee?: { id?: unknown; name?: unknown }; committees?: { id?: unknown; name?: unknown }[] } | null) ?? {};
  const named = [...(committees.committees ?? []), ...(committees.committee === undefined ? [] : [committees.committee])];
  return new Map(named.filter((committee) => typeof committee.id === 'string' && typeof committee.name === 'string').map((committee) => [committee.id as string, committee.name as string]));
}

function chainHeads(meetings: readonly Meeting[]): { committeeId: string; date: string; chainHash: string }[] {
  const heads = new Map<string, { committeeId: string; date: string; chainHash: string }>();
  for (const meeting of meetings) {
    const signature = meeting.lifecycle?.signed;
    if (signature == null) continue;
    const known = heads.get(meeting.committeeId);
    if (known === undefined || known.date < meeting.date) heads.set(meeting.committeeId, { committeeId: meeting.committeeId, date: meeting.date, chainHash: signature.chainHash });
  }
  return [...heads.values()];
}

async function verifyLibraryFiles(folder: string): Promise<{ checked: Meeting[]; failures: ChainBreak[] }> {
  const names = (await readdir(join(folder, 'meetings')).catch(() => [] as string[])).filter((name) => /^[0-9a-f-]{36}\.json$/.test(name)).sort();
  const checked: Meeting[] = [];
  const failures: ChainBreak[] = [];
  const unreadable = new Set<string>();
  for (const name of names) {
    try {
      checked.push(parseMeetingFile(await readJson(join(folder, 'meetings', name)), `meetings/${name}`).meeting);
    } catch (error) {
      unreadable.add(name.slice(0, 36));
      failures.push({ meetingId: name.slice(0, 36), message: `meetings/${name} could not be read (it is damaged): ${(error as Error).message}` });
    }
  }
  // The register of signatures remembers every meeting signed: one whose file is gone, or no longer
  // signed (the newest signature removed leaves no gap in the chain), is named. Without it, the index.
  const register = await readJson(join(folder, 'signatures.json'))
    .then((raw) => parseSignatureRegisterFile(raw, 'signatures.json').signatures)
    .catch((error: unknown) => {
      const missing = (error as Error).message.endsWith('no such file');
      failures.push({
        meetingId: '',
        message: missing
          ? "signatures.json, the library's register of signatures, is missing: the library's index says instead which minutes were signed."
          : `signatures.json, the library's register of signatures, could not be read: ${(error as Error).message}`,
      });
      return null;
    });
  if (register !== null) {
    // A damaged file is named above as damaged, not again as missing.
    failures.push(...registerBreaks(register.filter((entry) => !unreadable.has(entry.meetingId)), checked.map(signedStateOf)));
  } else {
    // Without the register, the index's record at the last opening says which minutes were signed.
    const index = await readJson(join(folder, 'library.json')).then((raw) => parseLibraryFile(raw, 'library.json')).catch(() => null);
    for (const summary of index?.meetings ?? []) {
      if (!summary.signed || unreadable.has(summary.id)) continue;
      const now = checked.find((meeting) => meeting.id === summary.id);
      if (now === undefined) failures.push({ meetingId: summary.id, message: `The signed minutes of ${formatProseDate(summary.date)} are listed in the library but their file is missing.` });
      else if (now.lifecycle?.signed == null) {
        failures.push({ meetingId: summary.id, message: `The minutes of ${formatProseDate(summary.date)} were signed (the library's index records it), but their file no longer carries the signature: it was changed outside Minute Book.` });
      }
    }
  }
  return { checked, failures: [...failures, ...verifyMeetings(checked)] };
}

const checkSteps = ['circulate', 'sign'] as const;
const stepNames: Record<CheckContext['step'], string> = { circulate: 'before circulating', sign: 'before signing' };

/**
 * The checks before circulating or signing a library's meeting file (shared/lifecycle/checks.ts): the
 * committee and the meeting index from the library.json beside it, its citations resolved against the
 * committee's other meeting files. Reads only (no lock, nothing written), so it runs while the app has
 * the library open. The step defaults to the meeting's next one: circulating a draft, signing after.
 * Sets exit code 1 when any check is an error.
 */
async function checkCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { step: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const [meetingPath, ...extra] = positionals;
  if (meetingPath === undefined || extra.length > 0) throw new UsageError(usage);
  if (values.step !== undefined && !(checkSteps as readonly string[]).includes(values.step)) throw new UsageError(`--step takes circulate or sign, not ${values.step}\n${usage}`);
  const path = resolve(meetingPath);
  const raw = await readJson(path);
  if ((raw as { format?: unknown } | null)?.format === ARCHIVE_FORMAT) throw new Error(`${path}: is an archive; check a meeting file in a library (meetings/<id>.json), whose library holds the meetings it is checked against`);
  const { meeting } = parseMeetingFile(raw, basename(path));
  const { library, committee } = await libraryBeside(path, meeting);

  // The committee's minutes as its meeting files hold them; one that does not read is named, and the rest still count.
  const notes: string[] = [];
  const folder = dirname(path);
  const minutes: Meeting[] = [meeting];
  for (const name of (await readdir(folder)).filter((file) => /^[0-9a-f-]{36}\.json$/i.test(file) && file !== basename(path)).sort()) {
    try {
      const other = parseMeetingFile(await readJson(join(folder, name)), name).meeting;
      if (other.committeeId === meeting.committeeId) minutes.push(other);
    } catch (error) {
      notes.push(`${name} could not be read, so minutes it holds count as not in this library: ${(error as Error).message}`);
    }
  }
  const references = buildReferenceIndex(minutes, [committee]);
  const resolved = Object.fromEntries(meetingCitations(meeting).map((citation) => [citation, references.resolve(citation, committee.id, meeting.date)]));
  const step = (values.step as CheckContext['step'] | undefined) ?? (meeting.status === 'draft' ? 'circulate' : 'sign');
  const checks = checkMeeting(meeting, { committee, library: library.meetings, resolved, step });
  if (checks.some((check) => check.severity === 'error')) process.exitCode = 1;

  if (values.json) {
    console.log(JSON.stringify({ step, checks, notes }, null, 2));
    return;
  }
  const errors = checks.filter((check) => check.severity === 'error').length;
  const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  console.log(`${committee.name}, the meeting of ${formatProseDate(meeting.date)}, ${stepNames[step]}: ${checks.length === 0 ? 'nothing to put right' : `${counted(errors, 'error')}, ${counted(checks.length - errors, 'warning')} to confirm`}`);
  for (const check of checks) console.log(`  ${check.severity.padEnd(7)}  ${check.message}${check.severity === 'warning' ? `  [--confirm ${checkKey(check)}]` : ''}`);
  for (const note of notes) console.log(`Note: ${note}`);
}

async function reindexCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { library: { type: 'string' } } });
  const library = await MeetingLibrary.open({ folder: libraryFolder(values.library) });
  const readOnly = library.overview().readOnly;
  if (readOnly !== null) {
    await library.close();
    throw new Error(`${readOnly} The search index was not rebuilt.`);
  }
  const search = new LibrarySearch(library);
  const startedAt = Date.now();
  const status = await search
    .rebuild((done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rIndexed ${done} of ${total} meetings`);
    })
    .finally(() => search.close().then(() => library.close()));
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (status.state !== 'ready') throw new Error(status.state === 'unavailable' ? status.reason : 'the rebuild was stopped');
  console.log(`Rebuilt the search index of ${library.overview().meetings.length} meeting(s) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'search') return searchCommand(rest);
  if (command === 'reindex') return reindexCommand(rest);
  if (command === 'import') return importCommand(rest);
  if (command === 'export') return exportCommand(rest);
  if (command === 'diff') return diffCommand(rest);
  if (command === 'history') return historyCommand(rest);
  if (command === 'verify') return verifyCommand(rest);
  const step = lifecycleCommands.find((name) => name === command);
  if (step !== undefined) return lifecycleCommand(step, rest);
  if (command === 'check') return checkCommand(rest);
  throw new UsageError(usage);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `minute-book: ${(error as Error).message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
