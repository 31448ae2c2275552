// `npm run bench`: measures Minute Book on a realistic archive (realisticArchive.ts, generated once and
// reused: archiveCache.ts) and prints issue 12's table, each measure a ratio to its anchor measured in
// this same run (these machines are noisy, so absolute times mean little across runs), with its target
// and whether it is met; then the other measures still worth watching. Writes bench/results.json.
//   BENCH_MEETINGS=10000 (default) sets the archive's size.
//   --ci: the small version CI runs (BENCH_MEETINGS defaults to 500): each ratio checked against a
//   generous bound (benchTable.ts `ciBound`), one line per check, exit 1 if any fails; the figures go
//   to tests/output/bench-ci.json, bench/results.json is left alone.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EditorState } from 'prosemirror-state';
import { docToItems, itemsToDoc } from '../../shared/editor/meetingDocument.js';
import type { Committee } from '../../shared/model/committee.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { writeFileDurably } from '../../electron/services/durableFile.js';
import { LibrarySearch } from '../../electron/services/librarySearch.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { cachedArchive, libraryHolding, type BenchArchive, type QueryKind } from './archiveCache.js';
import { machine, met, renderTable, resultsJson, type BenchRow } from './benchTable.js';
import { launchChromium, median, memoryAfterOpening, percentile, startUpBenchmarks, typingBenchmarks } from './browserBenchmarks.js';
import { compareBenchmark } from './compareBench.js';
import { importFormatBenchmarks } from './importFormats.js';
import { longMeeting } from './syntheticArchive.js';

const ci = process.argv.includes('--ci');
const meetingCount = Number(process.env['BENCH_MEETINGS'] ?? (ci ? 500 : 10_000));
const repository = join(import.meta.dirname, '..', '..');
const size = meetingCount.toLocaleString('en-GB');

/**
 * CI's bounds for the rows today's code does not meet, about three times what the 500-meeting run
 * measured on a loaded 2-core machine on 2026-12-07 (load average 15), or more where it swung more
 * between runs (the rest are three times the target). The registers' first answer (a page, now) and the
 * save (until answered, the index's update timed apart) meet or come nearer their targets: the first
 * is held to three times its target, the save to 20× a raw write (8.9× measured at 500 meetings with
 * load average 14, where the raw write took 1.0 ms and a durable one 5.7; 3.3× at 3,000).
 */
// The import waits on the disk more than it computes (user CPU 2.7 s of 16.7 s at 200 pages), so it swings most with the machine's load.
const CI_BOUNDS = { search: 6, saveAgainstRawWrite: 20, importAgainstPlainRead: 1 / 2000, importMBs: 0.02, typing: 2.5 };

const rows: BenchRow[] = [];
/** The other measures, printed below the table. */
const notes: string[] = [];
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
const progress = (line: string) => console.error(`[bench] ${line}`);

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

function timedSync(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * An at-most target, and the bound CI checks at 500 meetings: three times the target, or where today's
 * code does not meet the target (or the small archive cannot show it), about three times what it
 * measured at 500 meetings on a loaded 2-core machine, so that only a regression fails.
 */
const atMost = (bound: number, label: string, ciBound = bound * 3) => ({ target: { kind: 'at most' as const, bound, label }, ciBound });

async function searchRows(archive: BenchArchive, search: LibrarySearch): Promise<void> {
  const { queries } = archive;
  // One pass over a few queries first: the database's pages come into the cache as they do for a clerk's first searches.
  for (const { query } of queries.slice(0, 20)) await search.search(query, {}, 20);
  const times: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  for (const { kind, query } of queries) {
    const [, took] = await timed(() => search.search(query, {}, 20));
    times.push(took);
    byKind.set(kind, [...(byKind.get(kind) ?? []), took]);
  }
  const p95 = percentile(times, 0.95);
  notes.push(`Search, ${queries.length} mixed queries over ${size} meetings: p50 ${ms(median(times))}, p95 ${ms(p95)}; p95 by kind: ${[...byKind].map(([kind, list]) => `${kind} ${ms(percentile(list, 0.95))}`).join(', ')}`);

  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status !== 0) {
    rows.push({ measure: 'search p95, 200 mixed queries', value: `p95 ${ms(p95)}`, anchor: 'rg is not installed (apt-get install ripgrep)', ratio: NaN, unit: 'fraction', ...atMost(1 / 100, '≤ 1/100'), note: 'not measured: rg is absent' });
    return;
  }
  // A full scan costs the same whatever the words: every fourth query is enough to know it.
  const scans = queries.filter((_, index) => index % 4 === 0).map(({ query }) => timedSync(() => spawnSync('rg', ['-i', '-c', '-F', '--', query.replaceAll('"', ''), archive.text], { stdio: 'ignore' })));
  rows.push({
    measure: 'search p95, 200 mixed queries (rare, common, phrase, prefix, names)',
    value: `p95 ${ms(p95)}`,
    anchor: `rg -i -c full scan of the archive as text, median ${ms(median(scans))} (${rg.stdout.split('\n')[0]})`,
    ratio: p95 / median(scans),
    unit: 'fraction',
    // At 500 meetings rg scans a few MB in tens of ms, so the ratio says little about the target: CI catches a regression.
    ...atMost(1 / 100, '≤ 1/100', CI_BOUNDS.search),
  });
}

async function registerRows(archive: BenchArchive, chosen: Meeting): Promise<void> {
  // A fresh opening, as at start-up: the first registers, citations resolved and an item's references.
  const library = await MeetingLibrary.open({ folder: archive.library });
  const search = new LibrarySearch(library);
  await search.ready;
  // What the window shows first: the latest resolutions and requests, a page of each.
  const [[resolutions], firstPageMs] = await timed(() => Promise.all([search.registerPage('resolutions', { offset: 0, limit: 100 }), search.registerPage('requests', { offset: 0, limit: 100 })]));
  const [registers, registersMs] = await timed(() => search.registers());
  const item = chosen.items[3]!;
  const [, resolveMs] = await timed(() => search.resolve(['59/16', `${chosen.items[2]!.minuteNumber}/20`, '1/99'], chosen.committeeId, chosen.date));
  const [, referencesMs] = await timed(() => search.itemReferences(chosen.id, item.id));
  await search.close();
  await library.close();
  const slowest = Math.max(firstPageMs, resolveMs, referencesMs);
  notes.push(`The whole registers (every resolution, request and declaration, and attendance counted over the archive): ${ms(registersMs)}`);
  rows.push({
    measure: 'registers and references for the whole archive, first answer',
    value: `registers' first page ${ms(firstPageMs)} (100 of ${resolutions.total.toLocaleString('en-GB')} resolutions, ${registers.resolutions.length === resolutions.total ? 'as many as the whole register' : 'NOT as many as the whole register'}), resolve ${ms(resolveMs)}, an item's references ${ms(referencesMs)}`,
    anchor: '—',
    ratio: slowest,
    unit: 'ms',
    ...atMost(100, '≤ 100 ms'),
  });
}

/**
 * One save of a meeting, timed until it is answered (its file written durably); returns the next
 * revision. Its version in the history (next in the library's queue) and the search index's update (a
 * moment later, librarySearch.ts) follow the answer: timed apart.
 */
async function timedSave(library: MeetingLibrary, meeting: Meeting, venue: string): Promise<[Meeting, number]> {
  const [receipt, took] = await timed(() => library.saveMeeting({ ...meeting, venue }));
  return [{ ...meeting, revision: receipt.revision }, took];
}


async function saveRows(archive: BenchArchive, library: MeetingLibrary, search: LibrarySearch, chosen: Meeting): Promise<void> {
  // The same meeting in a library of ten: the committee's nine meetings before it, and it.
  const others = library.overview().meetings.filter((summary) => summary.committeeId === chosen.committeeId && summary.id !== chosen.id).slice(-9);
  const tenMeetings = [...(await Promise.all(others.map((summary) => library.loadMeeting(summary.id)))), chosen];
  const smallFolder = await libraryHolding(library.overview().committees, tenMeetings);
  const small = await MeetingLibrary.open({ folder: smallFolder });
  const smallSearch = new LibrarySearch(small);
  await smallSearch.searchable();

  const bytes = await readFile(join(archive.library, 'meetings', `${chosen.id}.json`));
  const big: number[] = [];
  const ten: number[] = [];
  const raw: number[] = [];
  const durable: number[] = [];
  const indexing: number[] = [];
  const versioning: number[] = [];
  let [inBig, inTen] = [chosen, await small.loadMeeting(chosen.id)];
  // Interleaved, so the disk's moods (other programs write to it too) fall on every kind alike.
  for (let run = 0; run < 35; run++) {
    const venue = `Committee Room ${run % 4}`;
    const [nextBig, bigMs] = await timedSave(library, inBig, venue);
    // What follows a save after it is answered, each timed apart and done before anything else is timed:
    // its version in the history (next in the library's queue), then the index's update (a moment later).
    const [, versionMs] = await timed(() => library.settled());
    const [, indexMs] = await timed(() => search.searchable());
    const [nextTen, tenMs] = await timedSave(small, inTen, venue);
    await small.settled();
    await smallSearch.searchable();
    [inBig, inTen] = [nextBig, nextTen];
    const [, rawMs] = await timed(async () => {
      await writeFile(join(archive.library, 'bench-raw.json.tmp'), bytes);
      await rename(join(archive.library, 'bench-raw.json.tmp'), join(archive.library, 'bench-raw.json'));
    });
    const [, durableMs] = await timed(() => writeFileDurably(join(archive.library, 'bench-durable.json'), bytes));
    // The first saves warm the file system and the JIT; measure the settled ones.
    if (run < 5) continue;
    big.push(bigMs);
    indexing.push(indexMs);
    versioning.push(versionMs);
    ten.push(tenMs);
    raw.push(rawMs);
    durable.push(durableMs);
  }
  // Put back as it was, so the cached archive's meeting holds what it held.
  await library.saveMeeting({ ...inBig, venue: chosen.venue });
  await Promise.all(['bench-raw.json', 'bench-durable.json'].map((name) => rm(join(archive.library, name), { force: true })));
  await smallSearch.close();
  await small.close();
  await rm(smallFolder, { recursive: true, force: true });

  rows.push({
    measure: `one save in the ${size}-meeting library, until answered (the search index takes it after)`,
    value: `median ${ms(median(big))}`,
    anchor: `writeFile + rename of the same ${Math.round(bytes.length / 1000)} kB, median ${ms(median(raw))}`,
    ratio: median(big) / median(raw),
    unit: '×',
    ...atMost(2, '≤ 2×', CI_BOUNDS.saveAgainstRawWrite),
    note:
      `the durable write of the same bytes alone (temporary file fsynced, renamed, folder fsynced: what "Saved" promises) is ${(median(durable) / median(raw)).toFixed(1)}× the anchor, ${ms(median(durable))}; ` +
      `the rest is the stamp checks before and after, numbering, and the search's mark (README, Performance)`,
  });
  rows.push({
    measure: `one save in the ${size}-meeting library, against a library of 10`,
    value: `median ${ms(median(big))}`,
    anchor: `the same save in a 10-meeting library, median ${ms(median(ten))}`,
    ratio: median(big) / median(ten),
    unit: '×',
    ...atMost(1.2, '≤ 1.2×'),
  });
  notes.push(`Durable write of the meeting file (fsync of file and folder): ${(median(durable) / median(raw)).toFixed(1)}× a plain write and rename (${ms(median(durable))})`);
  notes.push(`The save's version in the history (appended and fsynced, after the save is answered): median ${ms(median(versioning))}`);
  notes.push(`The search index taking a save, a moment after it is answered: median ${ms(median(indexing))} (one transaction; saves made meanwhile share it)`);
}

async function importRows(archive: BenchArchive): Promise<void> {
  const files = (await readdir(archive.importFiles)).map((name) => join(archive.importFiles, name));
  let bytes = 0;
  for (const path of files) bytes += (await stat(path)).size;
  const megabytes = bytes / 2 ** 20;
  const plainPasses: number[] = [];
  for (let pass = 0; pass < 4; pass++) {
    const [, took] = await timed(async () => {
      for (const path of files) new TextDecoder().decode(await readFile(path)).split('\n');
    });
    if (pass > 0) plainPasses.push(took);
  }
  const plainRate = megabytes / (median(plainPasses) / 1000);
  // End to end, as a clerk imports a folder from the command line: a fresh library each time.
  const imports: number[] = [];
  let outcome = '';
  for (let run = 0; run < (ci ? 1 : 3); run++) {
    const into = await mkdtemp(join(tmpdir(), 'minute-book-bench-import-'));
    const [result, took] = await timed(() => spawnSync(process.execPath, ['dist/cli.mjs', 'import', archive.importFiles, '--library', into], { encoding: 'utf8', cwd: repository }));
    imports.push(took);
    outcome = result.status === 0 ? (/Imported .*/.exec(result.stdout)?.[0] ?? '') : `the import failed (exit ${result.status}): ${result.stdout.split('\n').slice(-3).join(' ')} ${result.stderr.slice(0, 300)}`;
    await rm(into, { recursive: true, force: true });
  }
  const importRate = megabytes / (median(imports) / 1000);
  const what = `${files.length} council pages, ${megabytes.toFixed(1)} MB`;
  rows.push({
    measure: `import (cli import of ${what}, end to end)`,
    value: `${importRate.toFixed(1)} MB/s`,
    anchor: `plain read + line split of the same files, ${plainRate.toFixed(0)} MB/s`,
    ratio: importRate / plainRate,
    unit: 'fraction',
    target: { kind: 'at least', bound: 1 / 3, label: '≥ 1/3' },
    ciBound: CI_BOUNDS.importAgainstPlainRead,
    note: outcome,
  });
  rows.push({
    measure: 'import rate',
    value: `${importRate.toFixed(1)} MB/s`,
    anchor: '—',
    ratio: importRate,
    unit: 'MB/s',
    target: { kind: 'at least', bound: 20, label: '≥ 20 MB/s' },
    ciBound: CI_BOUNDS.importMBs,
  });
  notes.push(`Import: ${outcome}`);
}

/** The heap in use, in MB, once a fresh node has opened the library as the bridge does (openedHeap.ts). */
function heapAfterOpening(folder: string): number {
  const opened = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'openedHeap.ts'), folder], { encoding: 'utf8', cwd: repository });
  if (opened.status !== 0) throw new Error(`openedHeap.ts failed: ${opened.stderr}`);
  return (JSON.parse(opened.stdout.trim().split('\n').at(-1)!) as { heapMB: number }).heapMB;
}

async function browserRows(archive: BenchArchive, committee: Committee, chosen: Meeting): Promise<string> {
  const browser = await launchChromium();
  const version = browser.version();
  const alone = await libraryHolding([committee], [chosen]);
  const empty = await mkdtemp(join(tmpdir(), 'minute-book-bench-empty-'));
  try {
    progress('start-up');
    const startUp = await startUpBenchmarks(browser, { big: archive.library, small: alone }, { committeeName: committee.name, date: chosen.date }, ci ? 2 : 3);
    rows.push({
      measure: `start-up to an editable meeting, ${size}-meeting library`,
      value: `median ${ms(startUp.bigMs)}`,
      anchor: `the same with a library of that meeting alone, median ${ms(startUp.smallMs)}`,
      ratio: startUp.bigMs / startUp.smallMs,
      unit: '×',
      ...atMost(1.5, '≤ 1.5×'),
      note: 'from starting the bridge to a keystroke shown in the meeting opened from the library, in a fresh browser context',
    });
    progress('memory');
    const bigMemory = await memoryAfterOpening(browser, archive.library);
    const emptyMemory = await memoryAfterOpening(browser, empty);
    rows.push({
      measure: `node side's RSS after opening the ${size}-meeting library`,
      value: `${bigMemory.rssMB.toFixed(0)} MB`,
      anchor: `an empty library, ${emptyMemory.rssMB.toFixed(0)} MB`,
      ratio: bigMemory.rssMB / emptyMemory.rssMB,
      unit: '×',
      ...atMost(2, '≤ 2×'),
      note: 'the bridge once the window has opened and search answers, from /proc/<pid>/status VmRSS',
    });
    const [bigHeap, emptyHeap] = [heapAfterOpening(archive.library), heapAfterOpening(empty)];
    rows.push({
      measure: `node side's heap after opening the ${size}-meeting library`,
      value: `${bigHeap.toFixed(0)} MB`,
      anchor: `an empty library, ${emptyHeap.toFixed(0)} MB`,
      ratio: bigHeap / emptyHeap,
      unit: '×',
      ...atMost(2, '≤ 2×'),
      note: 'the library and its search opened as the bridge opens them, in a fresh node, after a garbage collection (openedHeap.ts)',
    });
    rows.push({
      measure: `node side's peak RSS while opening the ${size}-meeting library`,
      value: `${bigMemory.peakMB.toFixed(0)} MB`,
      anchor: `an empty library, ${emptyMemory.peakMB.toFixed(0)} MB`,
      ratio: bigMemory.peakMB / emptyMemory.peakMB,
      unit: '×',
      ...atMost(2, '≤ 2×'),
      note: 'VmHWM',
    });
    progress('typing');
    const typing = await typingBenchmarks(browser);
    rows.push({
      measure: 'typing keydown→frame in a 150-item meeting',
      value: `median ${ms(median(typing.app))} (p95 ${ms(percentile(typing.app, 0.95))})`,
      anchor: `bare ProseMirror page, same ${Math.round(typing.characters / 1000)}k characters, median ${ms(median(typing.bare))} (p95 ${ms(percentile(typing.bare, 0.95))})`,
      ratio: median(typing.app) / median(typing.bare),
      unit: '×',
      ...atMost(0.5, '≤ 0.5× median', CI_BOUNDS.typing),
      note:
        `an empty contenteditable in the same Chromium, median ${ms(median(typing.floor))} (p95 ${ms(percentile(typing.floor, 0.95))}): the wait for the display's next frame, which no page goes below; ` +
        `the target is ${ms(median(typing.bare) / 2)}, the app is ${ms(median(typing.app) - median(typing.floor))} above that floor and the bare page ${ms(median(typing.bare) - median(typing.floor))}`,
    });
    notes.push(`While typing, React-rendered parts of the window changed ${typing.reactMutations} times (the save status aside)`);
  } finally {
    await browser.close();
    await rm(alone, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  }
  return version;
}

function serialisationNote(): void {
  const meeting = longMeeting(150, '2017-07-13');
  let state = EditorState.create({ doc: itemsToDoc(meeting.items) });
  const cache = new WeakMap();
  docToItems(state.doc, 1, cache);
  // A keystroke's change: a character typed into item 75's first paragraph.
  let at = 0;
  for (let index = 0; index < 75; index++) at += state.doc.child(index).nodeSize;
  const item = state.doc.child(75);
  at += 1 + item.child(0).nodeSize + item.child(1).nodeSize + 1;
  const full: number[] = [];
  const incremental: number[] = [];
  for (let run = 0; run < 30; run++) {
    state = state.apply(state.tr.insertText('x', at));
    full.push(timedSync(() => docToItems(state.doc, 1)));
    incremental.push(timedSync(() => docToItems(state.doc, 1, cache)));
  }
  notes.push(`Serialise for a save (150 items, ${Math.round(state.doc.textContent.length / 1000)}k characters): reusing unchanged items is ${(median(full) / median(incremental)).toFixed(1)}× faster than serialising all`);
}

const started = Date.now();
const archive = await cachedArchive(meetingCount, progress);
const { manifest } = archive;
const library = await MeetingLibrary.open({ folder: archive.library });
const search = new LibrarySearch(library);
await search.searchable();
// The meeting saved and opened: the first committee's draft, its latest meeting.
const chosenSummary = library.overview().meetings.find((summary) => summary.status === 'draft' && summary.committeeId === library.overview().committees[0]!.id)!;
progress('search');
await searchRows(archive, search);
progress('saves');
await saveRows(archive, library, search, await library.loadMeeting(chosenSummary.id));
const chosen = await library.loadMeeting(chosenSummary.id);
const committee = library.overview().committees.find((candidate) => candidate.id === chosen.committeeId)!;
await search.close();
await library.close();
progress('registers');
await registerRows(archive, chosen);
progress('import');
await importRows(archive);
const chromiumVersion = await browserRows(archive, committee, chosen);
// The other measures still worth watching; CI checks only the table's ratios.
if (!ci) {
  serialisationNote();
  notes.push(compareBenchmark());
  notes.push(...(await importFormatBenchmarks()));
}

const order = ['search', 'start-up', "node side's RSS", "node side's heap", "node side's peak", 'one save in the', 'one save in the', 'import (', 'import rate', 'typing', 'registers'];
rows.sort((a, b) => order.findIndex((start) => a.measure.startsWith(start)) - order.findIndex((start) => b.measure.startsWith(start)));
const archiveLine =
  `Archive: ${manifest.meetings.toLocaleString('en-GB')} meetings, ${manifest.items.toLocaleString('en-GB')} items, ${manifest.committees} committees, ${manifest.municipalYears} municipal years; ` +
  `${(manifest.meetingBytes / 1e6).toFixed(0)} MB of meeting files, ${(manifest.textBytes / 1e6).toFixed(0)} MB as text, ${manifest.distinctWords.toLocaleString('en-GB')} distinct words (generator v${manifest.generatorVersion})`;
console.log(`\n${archiveLine}\n`);
console.log(renderTable(rows));
for (const row of rows) if (row.note !== undefined && row.note !== '') console.log(`  ${row.measure}: ${row.note}`);
console.log('');
for (const line of notes) console.log(line);
console.log(`\n${rows.filter((row) => met(row)).length} of ${rows.length} targets met; measured in ${Math.round((Date.now() - started) / 1000)} s`);

const details = { date: new Date().toISOString(), machine: machine(chromiumVersion), archive: manifest, queries: archive.queries, notes };
if (ci) {
  await mkdir(join(repository, 'tests', 'output'), { recursive: true });
  // A row that could not be measured (rg absent) is skipped, not failed.
  const checks = rows.map((row) => ({ name: `bench: ${row.measure}, ${row.target.kind} ${row.ciBound.toPrecision(3)}`, passed: met(row, row.ciBound), skipped: Number.isNaN(row.ratio) }));
  await writeFile(join(repository, 'tests', 'output', 'bench-ci.json'), JSON.stringify({ ...resultsJson(rows, details), checks }, null, 2));
  console.log('\nCI check (each ratio against a generous bound):');
  for (const check of checks) console.log(`  ${check.skipped ? 'skip' : check.passed ? 'ok  ' : 'FAIL'} ${check.name}`);
  process.exitCode = checks.every((check) => check.passed || check.skipped) ? 0 : 1;
} else {
  await mkdir(join(repository, 'bench'), { recursive: true });
  await writeFile(join(repository, 'bench', 'results.json'), `${JSON.stringify(resultsJson(rows, details), null, 2)}\n`);
  console.log('Written to bench/results.json');
}
