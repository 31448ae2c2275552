// The bench's archive, generated once per size and generator version and kept under bench/archives/
// (not committed), so a rerun measures the same archive without writing it again: the library (opened
// once, so its search database is built and its files' stamps recorded, as a clerk's library has been),
// the archive exported as text for `rg` to scan, a folder of meetings exported as the council's page
// for the importer, and the 200 mixed queries drawn from the archive's own words and names.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibrarySearch } from '../../electron/services/librarySearch.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import type { Committee } from '../../shared/model/committee.js';
import { CURRENT_SCHEMA_VERSION } from '../../shared/model/files.js';
import { summarise, type Meeting } from '../../shared/model/meeting.js';
import { renderPageText } from '../../shared/export/pageText.js';
import { meetingRecords } from '../../shared/search/minutesIndex.js';
import { REALISTIC_ARCHIVE_VERSION, outsideBodies, topics, writeRealisticArchive } from './realisticArchive.js';
import { seededRandom } from './syntheticArchive.js';

export type QueryKind = 'rare' | 'common' | 'phrase' | 'prefix' | 'name';

export interface ArchiveManifest {
  generatorVersion: number;
  meetings: number;
  items: number;
  /** Bytes of the meeting files, and of the archive as text. */
  meetingBytes: number;
  textBytes: number;
  /** Distinct words (lower-cased) in the archive's text. */
  distinctWords: number;
  committees: number;
  municipalYears: number;
  importFiles: number;
  generatedInSeconds: number;
}

export interface BenchArchive {
  /** The library folder. */
  library: string;
  /** One text file per meeting (titles and every field search indexes). */
  text: string;
  /** Meetings exported as the council's "Agenda and minutes" page, for the import row. */
  importFiles: string;
  manifest: ArchiveManifest;
  /** 200 mixed queries, 40 of each kind (see mixedQueries). */
  queries: { kind: QueryKind; query: string }[];
}

const repository = join(import.meta.dirname, '..', '..');
/** Meetings exported for the import row: one in ten, at most 200 (about 1.4 MB). */
const importFilesFor = (meetings: number) => Math.min(200, Math.ceil(meetings / 10));

/** The archive of `meetings` meetings, generated into bench/archives/ unless one of this generator version is there. */
export async function cachedArchive(meetings: number, log: (line: string) => void): Promise<BenchArchive> {
  const root = join(process.env['BENCH_ARCHIVES'] ?? join(repository, 'bench', 'archives'), `realistic-v${REALISTIC_ARCHIVE_VERSION}-${meetings}`);
  const archive = { library: join(root, 'library'), text: join(root, 'as-text'), importFiles: join(root, 'import-files') };
  const manifestPath = join(root, 'manifest.json');
  const wordsPath = join(root, 'words.json');
  if (existsSync(manifestPath) && existsSync(wordsPath)) {
    log(`Archive: reusing ${root}`);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ArchiveManifest;
    const frequency = new Map(JSON.parse(await readFile(wordsPath, 'utf8')) as [string, number][]);
    const library = JSON.parse(await readFile(join(archive.library, 'library.json'), 'utf8')) as { committees: Committee[] };
    return { ...archive, manifest, queries: mixedQueries(frequency, library.committees) };
  }
  await rm(root, { recursive: true, force: true });
  const started = performance.now();
  log(`Archive: generating ${meetings} meetings into ${root} (once; later runs reuse it)`);
  await writeRealisticArchive(archive.library, meetings);
  // Opened once, as a clerk's library has been: every file validated and stamped, the search database built.
  const library = await MeetingLibrary.open({ folder: archive.library });
  if (library.overview().problems.length > 0) throw new Error(`the generated archive has problems: ${library.overview().problems[0]!.message}`);
  const search = new LibrarySearch(library);
  const status = await search.searchable();
  if (status.state !== 'ready') throw new Error(`the generated archive's search index was not built: ${JSON.stringify(status)}`);
  await search.close();

  await mkdir(archive.text, { recursive: true });
  await mkdir(archive.importFiles, { recursive: true });
  const frequency = new Map<string, number>();
  let items = 0;
  let meetingBytes = 0;
  let textBytes = 0;
  const { committees } = library.overview();
  const summaries = library.overview().meetings;
  const years = new Set<number>();
  const importCount = importFilesFor(summaries.length);
  const importEvery = Math.max(1, Math.floor(summaries.length / importCount));
  for (const [index, summary] of summaries.entries()) {
    const meeting = await library.loadMeeting(summary.id);
    const committee = committees.find((candidate) => candidate.id === meeting.committeeId)!;
    items += meeting.items.length;
    meetingBytes += (await stat(join(archive.library, 'meetings', `${meeting.id}.json`))).size;
    const records = meetingRecords(meeting, committee);
    for (const record of records) years.add(record.municipalYear);
    const text = records.map((record) => [record.title, ...Object.values(record.text)].join('\n')).join('\n\n');
    textBytes += Buffer.byteLength(text);
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    await writeFile(join(archive.text, `${meeting.id}.txt`), text);
    if (index % importEvery === 0 && index / importEvery < importCount && meeting.status !== 'draft') {
      const page = renderPageText({ meeting, committee });
      await writeFile(join(archive.importFiles, page.fileName), page.content);
    }
  }
  await library.close();
  const manifest: ArchiveManifest = {
    generatorVersion: REALISTIC_ARCHIVE_VERSION,
    meetings: summaries.length,
    items,
    meetingBytes,
    textBytes,
    distinctWords: frequency.size,
    committees: committees.length,
    municipalYears: years.size,
    importFiles: (await readdir(archive.importFiles)).length,
    generatedInSeconds: Math.round((performance.now() - started) / 1000),
  };
  await writeFile(wordsPath, JSON.stringify([...frequency]));
  // Written last: an archive without its manifest is generated again.
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  log(`Archive: ${manifest.meetings} meetings generated, opened and exported in ${manifest.generatedInSeconds} s`);
  return { ...archive, manifest, queries: mixedQueries(frequency, committees) };
}

/**
 * 200 queries, 40 of each kind, drawn (seeded) from the archive's own words: rare words (in at most
 * three places), common words and pairs of them, quoted phrases of council business, words being typed
 * (three to five letters of a word, no space after), and names of councillors (as "A Khan") and bodies.
 */
function mixedQueries(frequency: ReadonlyMap<string, number>, committees: readonly Committee[]): { kind: QueryKind; query: string }[] {
  const names = [...new Set([...committees.flatMap((committee) => committee.members.map((member) => member.name.replace(/^Councillor /, ''))), ...outsideBodies])];
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ranked = [...frequency].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  const rare = ranked.filter((word) => frequency.get(word)! <= 3 && word.length >= 5);
  const common = ranked.filter((word) => word.length >= 3).slice(20, 400);
  const middling = ranked.slice(400, 5000).filter((word) => word.length >= 6);
  const queries: { kind: QueryKind; query: string }[] = [];
  for (let index = 0; index < 40; index++) {
    queries.push({ kind: 'rare', query: pick(rare) });
    queries.push({ kind: 'common', query: index % 2 === 0 ? pick(common) : `${pick(common)} ${pick(common)}` });
    queries.push({ kind: 'phrase', query: `"${pick(topics).replace(/^the /, '')}"` });
    const word = pick(middling);
    queries.push({ kind: 'prefix', query: word.slice(0, 3 + Math.floor(random() * 3)) });
    queries.push({ kind: 'name', query: pick(names) });
  }
  return queries;
}

/** A fresh library folder (in the system's temporary folder) holding only `meetings`, opened once: its files validated and stamped. */
export async function libraryHolding(committees: readonly Committee[], meetings: readonly Meeting[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'minute-book-bench-'));
  await writeFile(join(folder, 'library.json'), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, committees, meetings: meetings.map(summarise), stamps: {} }));
  await mkdir(join(folder, 'meetings'));
  for (const meeting of meetings) await writeFile(join(folder, 'meetings', `${meeting.id}.json`), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting }));
  await (await MeetingLibrary.open({ folder })).close();
  return folder;
}
