// `npm run bench`: measures Minute Book on a synthetic archive and prints ratios, each measured in
// this one run (these machines are noisy, so absolute times mean little across runs).
//   BENCH_MEETINGS=3000 (default) sets the archive's size.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { EditorState } from 'prosemirror-state';
import { docToItems, itemsToDoc } from '../../shared/editor/meetingDocument.js';
import { CURRENT_SCHEMA_VERSION } from '../../shared/model/files.js';
import { summarise } from '../../shared/model/meeting.js';
import { writeFileDurably } from '../../electron/services/durableFile.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { MinutesIndex } from '../../shared/search/minutesIndex.js';
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

async function searchBenchmarks(folder: string): Promise<void> {
  const library = await MeetingLibrary.open({ folder });
  const meetings = await Promise.all(library.overview().meetings.map((summary) => library.loadMeeting(summary.id)));
  const { committees } = library.overview();
  const [index, buildMs] = await timed(() => MinutesIndex.build(meetings, committees));
  const saved = JSON.stringify(index.toJSON());
  const [, loadMs] = await timed(() => MinutesIndex.fromJSON(JSON.parse(saved)));
  console.log(`Search index of ${meetings.length} meetings: loading the saved index takes 1/${(buildMs / loadMs).toFixed(1)} of building it (${Math.round(saved.length / 1e6)} MB)`);
  const small = MinutesIndex.build(meetings.slice(0, 10), committees);
  const queries = ['Ofsted inspection', 'young carers', 'budget', 'safeguarding children', 'recruit'];
  const bigTimes: number[] = [];
  const smallTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const query of queries) {
      bigTimes.push(timedSync(() => index.search(query, {}, 50)));
      smallTimes.push(timedSync(() => small.search(query, {}, 50)));
    }
  }
  console.log(
    `Search: a query over ${meetings.length} meetings takes ${ratio(median(bigTimes), median(smallTimes))} as long as over 10 (p95 ${percentile(bigTimes, 0.95).toFixed(0)} ms on this archive's 60-word vocabulary, the worst case)`,
  );
  await library.close();
}

const folder = await mkdtemp(join(tmpdir(), 'minute-book-bench-'));
try {
  await libraryBenchmarks(folder);
  await searchBenchmarks(folder);
  serialisationBenchmarks();
  console.log(compareBenchmark());
  for (const line of await importFormatBenchmarks()) console.log(line);
  await typingBenchmarks();
} finally {
  await rm(folder, { recursive: true, force: true });
}
