// `npm run bench`: measures Minute Book on a synthetic archive and prints ratios, each measured in
// this one run (these machines are noisy, so absolute times mean little across runs).
//   BENCH_MEETINGS=3000 (default) sets the archive's size; BENCH_ONLY=search measures only the library and search.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { EditorState } from 'prosemirror-state';
import { docToItems, itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { CURRENT_SCHEMA_VERSION } from '../../shared/model/files.js';
import { summarise } from '../../shared/model/meeting.js';
import { writeFileDurably } from '../../electron/services/durableFile.js';
import { LibrarySearch, SEARCH_DATABASE_FILE } from '../../electron/services/librarySearch.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { meetingRecords } from '../../shared/search/minutesIndex.js';
import { chromiumArgs, chromiumPath } from '../../tests/chromium.js';
import { compareBenchmark } from './compareBench.js';
import { importFormatBenchmarks } from './importFormats.js';
import { longMeeting, syntheticCommittee, writeArchive } from './syntheticArchive.js';

const meetingCount = Number(process.env['BENCH_MEETINGS'] ?? 3000);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const ratio = (slow: number, fast: number) => `${(slow / fast).toFixed(1)}×`;

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

async function libraryBenchmarks(folder: string): Promise<void> {
  const [, generateMs] = await timed(() => writeArchive(folder, meetingCount));
  console.log(`Archive: ${meetingCount} meetings written in ${(generateMs / 1000).toFixed(1)} s`);

  // First open validates every meeting file; later opens trust files whose size and time match the index.
  const [cold, coldMs] = await timed(() => MeetingLibrary.open({ folder }));
  if (cold.overview().problems.length > 0) throw new Error(`the synthetic archive has problems: ${cold.overview().problems[0]!.message}`);
  await cold.close();
  const warmTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const [warm, ms] = await timed(() => MeetingLibrary.open({ folder }));
    warmTimes.push(ms);
    await warm.close();
  }
  console.log(`Open the library: first open (validating ${meetingCount} files) is ${ratio(coldMs, median(warmTimes))} the time of a later open`);

  // A save writes one meeting file and the index; the index grows with the library.
  const library = await MeetingLibrary.open({ folder });
  const some = library.overview().meetings.find((summary) => summary.status === 'draft')!;
  let meeting = await library.loadMeeting(some.id);
  const bigSaves: number[] = [];
  for (let run = 0; run < 30; run++) {
    const [receipt, ms] = await timed(() => library.saveMeeting({ ...meeting, venue: `Committee Room ${run}` }));
    meeting = { ...meeting, revision: receipt.revision };
    // The first saves warm the file system and the JIT; measure the settled ones.
    if (run >= 5) bigSaves.push(ms);
  }
  const smallFolder = await mkdtemp(join(tmpdir(), 'minute-book-bench-small-'));
  await writeArchive(smallFolder, 10);
  const small = await MeetingLibrary.open({ folder: smallFolder });
  let smallMeeting = await small.loadMeeting(small.overview().meetings.find((summary) => summary.status === 'draft')!.id);
  const smallSaves: number[] = [];
  for (let run = 0; run < 30; run++) {
    const [receipt, ms] = await timed(() => small.saveMeeting({ ...smallMeeting, venue: `Committee Room ${run}` }));
    smallMeeting = { ...smallMeeting, revision: receipt.revision };
    if (run >= 5) smallSaves.push(ms);
  }
  await small.close();
  await rm(smallFolder, { recursive: true, force: true });
  console.log(`Save a meeting: in a library of ${meetingCount} it takes ${ratio(median(bigSaves), median(smallSaves))} as long as in a library of 10`);

  // What durability costs: the same meeting file written with fsync of the file and its folder, and without.
  const content = await readFile(join(folder, 'meetings', `${meeting.id}.json`));
  const durable: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < 40; run++) {
    durable.push((await timed(() => writeFileDurably(join(folder, 'bench-durable.json'), content)))[1]);
    plain.push(
      (
        await timed(async () => {
          await writeFile(join(folder, 'bench-plain.json.tmp'), content);
          await rename(join(folder, 'bench-plain.json.tmp'), join(folder, 'bench-plain.json'));
        })
      )[1],
    );
  }
  console.log(
    `Durable write of a meeting file (${Math.round(content.length / 1000)} kB; fsync of file and folder): ${ratio(median(durable), median(plain))} a plain write and rename; a whole save is ${ratio(median(bigSaves), median(plain))}`,
  );
  await library.close();
}

function serialisationBenchmarks(): void {
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
  const characters = state.doc.textContent.length;
  console.log(
    `Serialise for a save (150 items, ${Math.round(characters / 1000)}k characters): reusing unchanged items is ${ratio(median(full), median(incremental))} faster than serialising all`,
  );
}

function timedSync(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function startBridge(libraryFolder: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['dist/bridge/server.mjs', '--library', libraryFolder, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /running at (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child.on('exit', () => reject(new Error('the bridge exited')));
  });
  // Stopping waits for the bridge to exit, so its last write is done before the folder is removed.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    stop: async () => {
      child.kill();
      await exited;
    },
  };
}

async function typingBenchmarks(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'minute-book-bench-typing-'));
  const committee = syntheticCommittee(0);
  const meetings = [longMeeting(150, '2017-07-13'), longMeeting(10, '2017-09-14')].map((meeting) => ({
    ...meeting,
    status: 'draft' as const,
    items: meeting.items.map((item, index) => ({ ...item, minuteNumber: index + 1 })),
  }));
  await writeFile(
    join(folder, 'library.json'),
    JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, committees: [committee], meetings: meetings.map(summarise), stamps: {} }),
  );
  await mkdir(join(folder, 'meetings'));
  for (const meeting of meetings) {
    await writeFile(join(folder, 'meetings', `${meeting.id}.json`), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting }));
  }
  const bridge = await startBridge(folder);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(bridge.url);
    const results: Record<string, { latencies: number[]; reactMutations: number }> = {};
    for (const [label, date] of [
      ['150 items', '13 July 2017'],
      ['10 items', '14 September 2017'],
    ] as const) {
      await page.getByRole('button', { name: new RegExp(date) }).click();
      const items = page.locator('.minutes section.item');
      await items.nth(2).waitFor();
      // The middle item is one of the reports, with paragraphs of minutes.
      await items.nth(Math.floor((await items.count()) / 2)).locator('p.narrative').first().click();
      await page.evaluate(() => {
        const state = window as unknown as { latencies: number[]; reactMutations: number; observer: MutationObserver };
        state.latencies = [];
        state.reactMutations = 0;
        document.addEventListener(
          'keydown',
          () => {
            const start = performance.now();
            requestAnimationFrame(() => state.latencies.push(performance.now() - start));
          },
          true,
        );
        // Everything React renders apart from the save status: none of it should change while typing.
        state.observer = new MutationObserver((records) => {
          state.reactMutations += records.filter((record) => {
            const element = record.target instanceof Element ? record.target : record.target.parentElement;
            return !element?.closest('.save-status, .minutes');
          }).length;
        });
        state.observer.observe(document.querySelector('.app')!, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.keyboard.type('The Board noted the report and asked for a further update at the next meeting. '.repeat(3));
      await page.waitForTimeout(300);
      results[label] = await page.evaluate(() => {
        const state = window as unknown as { latencies: number[]; reactMutations: number; observer: MutationObserver };
        state.observer.disconnect();
        return { latencies: state.latencies, reactMutations: state.reactMutations };
      });
      await page.reload();
    }
    const big = results['150 items']!;
    const small = results['10 items']!;
    console.log(
      `Typing, keydown to next frame: 150 items median ${median(big.latencies).toFixed(1)} ms (p95 ${percentile(big.latencies, 0.95).toFixed(1)}), ` +
        `10 items median ${median(small.latencies).toFixed(1)} ms: the long meeting costs ${ratio(median(big.latencies), median(small.latencies))}`,
    );
    console.log(`While typing, React-rendered parts of the window changed ${big.reactMutations + small.reactMutations} times (the save status aside)`);
  } finally {
    await browser.close();
    await bridge.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The bench's mixed queries: common and rare words, phrases, words being typed (prefixes), names and a typo. */
const benchQueries = [
  'budget',
  'the Board noted',
  'safeguarding children',
  'Ofsted inspection',
  '"school places"',
  '"social workers"',
  '"young people"',
  'recruit',
  'Ofs',
  'co',
  'safeg',
  'Innes',
  'Michelle Rose',
  'attainment exclusions',
  'libraries consultation',
  'fostering adoption',
  'safegaurding',
  'special educational needs',
  'transport ',
  'academy pupils ',
];

/** The archive as plain text, one file per meeting, for `rg` to scan: the anchor a full-text index must beat. */
async function exportAsText(library: MeetingLibrary, into: string): Promise<void> {
  await mkdir(into, { recursive: true });
  const { committees, meetings } = library.overview();
  for (const summary of meetings) {
    const meeting = await library.loadMeeting(summary.id);
    const committee = committees.find((candidate) => candidate.id === meeting.committeeId)!;
    const text = meetingRecords(meeting, committee).map((record) => [record.title, ...Object.values(record.text)].join('\n'));
    await writeFile(join(into, `${meeting.id}.txt`), text.join('\n\n'));
  }
}

async function searchBenchmarks(folder: string): Promise<void> {
  const library = await MeetingLibrary.open({ folder });
  const count = library.overview().meetings.length;
  await rm(join(folder, SEARCH_DATABASE_FILE), { force: true });
  const [, buildMs] = await timed(async () => {
    const building = new LibrarySearch(library);
    await building.searchable();
    await building.close();
  });
  const [search, openMs] = await timed(async () => {
    const opening = new LibrarySearch(library);
    await opening.ready;
    return opening;
  });
  const { size } = await stat(join(folder, SEARCH_DATABASE_FILE));
  console.log(`Search index of ${count} meetings (${Math.round(size / 1e6)} MB on disk): opening it takes 1/${Math.round(buildMs / openMs)} of building it (${(buildMs / 1000).toFixed(1)} s)`);

  const times: number[] = [];
  for (let run = 0; run < 200; run++) times.push((await timed(() => search.search(benchQueries[run % benchQueries.length]!, {}, 20)))[1]);
  const smallFolder = await mkdtemp(join(tmpdir(), 'minute-book-bench-small-'));
  await writeArchive(smallFolder, 10);
  const smallLibrary = await MeetingLibrary.open({ folder: smallFolder });
  const small = new LibrarySearch(smallLibrary);
  await small.searchable();
  const smallTimes: number[] = [];
  for (let run = 0; run < 200; run++) smallTimes.push((await timed(() => small.search(benchQueries[run % benchQueries.length]!, {}, 20)))[1]);
  await small.close();
  await smallLibrary.close();
  await rm(smallFolder, { recursive: true, force: true });
  console.log(
    `Search, 200 mixed queries (${benchQueries.length} kinds): over ${count} meetings the median takes ${ratio(median(times), median(smallTimes))} and p95 ${ratio(percentile(times, 0.95), percentile(smallTimes, 0.95))} as long as over 10`,
  );

  const rg = spawnSync('rg', ['--version']);
  if (rg.status === 0) {
    const textFolder = join(folder, 'as-text');
    await exportAsText(library, textFolder);
    const scans = benchQueries.map((query) => timedSync(() => spawnSync('rg', ['-i', '-c', '-F', query.replaceAll('"', '').trim(), textFolder], { stdio: 'ignore' })));
    console.log(
      `Search against \`rg -i -c\` scanning the archive as text: median 1/${Math.round(median(scans) / median(times))}, p95 1/${Math.round(percentile(scans, 0.95) / percentile(times, 0.95))} of its time (target ≤ 1/100)`,
    );
    await rm(textFolder, { recursive: true, force: true });
  } else {
    console.log('Search against `rg -i -c`: not measured, rg is not installed');
  }
  await search.close();
  await library.close();
}

const folder = await mkdtemp(join(tmpdir(), 'minute-book-bench-'));
try {
  await libraryBenchmarks(folder);
  await searchBenchmarks(folder);
  if (process.env['BENCH_ONLY'] === 'search') process.exit(0);
  serialisationBenchmarks();
  console.log(compareBenchmark());
  for (const line of await importFormatBenchmarks()) console.log(line);
  await typingBenchmarks();
} finally {
  await rm(folder, { recursive: true, force: true });
}
