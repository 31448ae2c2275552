// Minute Book on the command line.
//   npm run cli -- export <meeting-file> --format <form> [--item <minute number>] [--cut <characters>] [--whole-committee] --out <path> [--force]
// <meeting-file> is a meeting file from a library (meetings/<id>.json, its committee read from the
// library.json beside that folder) or a JSON archive exported by Minute Book. With --whole-committee
// the JSON archive holds every meeting of that meeting's committee in the library.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportFormats, type ExportFormat, type ExportRequest, type ExportedFile } from '../shared/export/exportForm.js';
import { ARCHIVE_FORMAT, readJsonArchive } from '../shared/export/jsonArchive.js';
import { parseLibraryFile, parseMeetingFile } from '../shared/model/files.js';
import { chromiumPdfPrinter } from './services/chromiumPdf.js';
import { committeeArchive, exportMeeting, writeExport } from './services/exports.js';
import { MeetingLibrary } from './services/meetingLibrary.js';

const usage = `usage: npm run cli -- export <meeting-file> --format <${exportFormats.join('|')}> [--item <minute number>] [--cut <characters>] [--whole-committee] --out <path> [--force]`;

class UsageError extends Error {}

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
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
    const [first] = archive.meetings;
    if (first === undefined) throw new Error(`${path}: the archive holds no meetings`);
    return { meeting: first.meeting, committee: archive.committee };
  }
  const { meeting } = parseMeetingFile(raw, basename(path));
  const libraryPath = join(dirname(path), '..', 'library.json');
  const library = parseLibraryFile(await readJson(libraryPath), 'library.json');
  const committee = library.committees.find((candidate) => candidate.id === meeting.committeeId);
  if (committee === undefined) throw new Error(`${libraryPath} has no committee ${meeting.committeeId} for this meeting`);
  return { meeting, committee };
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

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'export') return exportCommand(rest);
  throw new UsageError(usage);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `minute-book: ${(error as Error).message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
