// How fast a folder of thousands of files is imported, against a plain read and line split of the same
// files in the same run (issue 12, point 3): the folder is the realistic archive's meetings exported as
// the council's "Agenda and minutes" pages, generated once into bench/archives/.
//   npm run build:node && npx tsx scripts/bench/importFolder.ts [--files 3000 | --folder <folder>] [--cli <another build's cli.mjs>] [--cli-only] [--in-process-only]
// Prints each import's rate and its ratio to the plain read. `--cpu-prof` on the command line's run is
// how its profile was taken: node --cpu-prof dist/cli.mjs import <folder> --library <fresh folder>.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderPageText } from '../../shared/export/pageText.js';
import type { LibraryFile } from '../../shared/model/files.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { ImportJobs } from '../../electron/services/importJob.js';
import { LibrarySearch } from '../../electron/services/librarySearch.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { REALISTIC_ARCHIVE_VERSION, writeRealisticArchive } from './realisticArchive.js';

const repository = join(import.meta.dirname, '..', '..');

/** The folder of `count` pages (and the library they were exported from), generated unless this generator's is there. */
export async function importFolder(count: number, log: (line: string) => void): Promise<string> {
  const root = join(process.env['BENCH_ARCHIVES'] ?? join(repository, 'bench', 'archives'), `import-folder-v${REALISTIC_ARCHIVE_VERSION}-${count}`);
  const folder = join(root, 'pages');
  if (existsSync(join(root, 'done'))) return folder;
  await rm(root, { recursive: true, force: true });
  log(`Generating ${count} pages into ${folder} (once; later runs reuse it)`);
  // Each committee's latest meeting is a draft, which is not published: a few more meetings than pages.
  const library: LibraryFile = await writeRealisticArchive(join(root, 'library'), count + 40);
  await mkdir(folder, { recursive: true });
  let written = 0;
  for (const summary of library.meetings) {
    if (written === count || summary.status === 'draft') continue;
    const { meeting } = JSON.parse(await readFile(join(root, 'library', 'meetings', `${summary.id}.json`), 'utf8')) as { meeting: Meeting };
    const committee = library.committees.find((candidate) => candidate.id === meeting.committeeId)!;
    const page = renderPageText({ meeting, committee });
    await writeFile(join(folder, `${String(written).padStart(5, '0')}-${page.fileName}`), page.content);
    written++;
  }
  await writeFile(join(root, 'done'), '');
  return folder;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds of a plain read and line split of every file, the median of three passes after one to warm the cache. */
export async function plainReadMs(paths: readonly string[]): Promise<number> {
  const passes: number[] = [];
  for (let pass = 0; pass < 4; pass++) {
    const started = performance.now();
    for (const path of paths) new TextDecoder().decode(await readFile(path)).split('\n');
    if (pass > 0) passes.push(performance.now() - started);
  }
  return median(passes);
}

/** Milliseconds of an import of the files in this process, as the app does it (the bundled readers, a batch at a time, the search index kept). */
async function inProcessMs(paths: readonly string[], bytes: number): Promise<{ ms: number; meetings: number }> {
  const into = await mkdtemp(join(tmpdir(), 'minute-book-import-folder-'));
  try {
    const library = await MeetingLibrary.open({ folder: into });
    const search = new LibrarySearch(library);
    await search.searchable();
    const jobs = new ImportJobs({ library, search, readers: { file: join(repository, 'dist', 'importWorker.mjs') } });
    const started = performance.now();
    const job = jobs.start(paths.length, bytes, 'skip');
    await job.add(paths.map((path) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), path })), true);
    const progress = await job.finished;
    const ms = performance.now() - started;
    if (progress.unread.length > 0) throw new Error(`${progress.unread.length} files were not read: ${progress.unread[0]!.reason}`);
    await search.close();
    await library.close();
    return { ms, meetings: progress.summary.meetings };
  } finally {
    await rm(into, { recursive: true, force: true });
  }
}

/** Milliseconds of `cli import <folder>` into a fresh library, end to end (start-up, reading, storing). */
function cliMs(folder: string, cli: string): { ms: number; said: string } {
  const into = join(tmpdir(), `minute-book-import-folder-cli-${process.pid}-${Date.now()}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, 'import', folder, '--library', into], { encoding: 'utf8', cwd: repository });
  const ms = performance.now() - started;
  void rm(into, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`the import failed (exit ${result.status}): ${result.stdout.split('\n').slice(-3).join(' ')} ${result.stderr.slice(-500)}`);
  return { ms, said: /Imported .*/.exec(result.stdout)?.[0] ?? '' };
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '3000' }, folder: { type: 'string' }, cli: { type: 'string', default: 'dist/cli.mjs' }, 'cli-only': { type: 'boolean', default: false }, 'in-process-only': { type: 'boolean', default: false } } });
  const folder = values.folder ?? (await importFolder(Number(values.files), console.log));
  const paths = (await readdir(folder)).sort().map((name) => join(folder, name));
  let bytes = 0;
  for (const path of paths) bytes += (await stat(path)).size;
  const megabytes = bytes / 2 ** 20;
  const plain = megabytes / ((await plainReadMs(paths)) / 1000);
  console.log(`${paths.length} files, ${megabytes.toFixed(1)} MB; plain read + line split ${plain.toFixed(0)} MB/s`);
  const rate = (label: string, ms: number, note: string) => {
    const mbs = megabytes / (ms / 1000);
    console.log(`${label}: ${mbs.toFixed(1)} MB/s (${(ms / 1000).toFixed(1)} s), ${(mbs / plain).toFixed(3)} of the plain read${note === '' ? '' : `; ${note}`}`);
  };
  if (!values['cli-only']) {
    const { ms, meetings } = await inProcessMs(paths, bytes);
    rate('import in process (worker readers, batches)', ms, `${meetings} meetings`);
  }
  if (!values['in-process-only']) {
    const { ms, said } = cliMs(folder, values.cli);
    rate('cli import, end to end', ms, said);
  }
}
