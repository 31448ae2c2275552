// `npm run test:crash [-- --kills N] [--seed S]`: kills the node side (the real browser bridge,
// dist/bridge/server.mjs) with SIGKILL N times at random moments — while it starts, while it creates
// committees and meetings, and while saves are being written — and after every kill checks that
//   1. every file in the library folder validates with the app's own parsers (every whole line of each
//      meeting's history too: only a torn last line may be cut short), and nothing was set aside;
//   2. no acknowledged save is lost: each meeting on disk holds the marker of the last save answered ok;
//   3. the library opens again, writable (the dead process's lock is taken over), with no problems.
// Prints "N kills: X corrupt files, Y acknowledged saves lost, Z failed to reopen" and exits 1 if any
// count is not 0. Needs `npm run build` first (the bridge serves the built page, which carries the token).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CallResult, LibraryOverview } from '../../shared/contract.js';
import * as blocks from '../../shared/editor/blocks.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { parseLibraryFile, parseMeetingFile } from '../../shared/model/files.js';
import { HistoryHeader, RevisionLine } from '../../shared/model/history.js';
import { seededRandom, syntheticCommittee } from '../bench/syntheticArchive.js';

const serverScript = join(import.meta.dirname, '..', '..', 'dist', 'bridge', 'server.mjs');
/** The paragraphs each marked item keeps, so meetings grow to a realistic size and no further. */
const KEPT_MARKS = 60;
const MEETINGS = 3;

interface Bridge {
  child: ChildProcess;
  exited: Promise<void>;
  call<T>(channel: string, input: unknown): Promise<CallResult<T>>;
}

export interface CrashCounts {
  kills: number;
  corruptFiles: number;
  lostSaves: number;
  failedReopens: number;
  acknowledgedSaves: number;
  killsDuringStartUp: number;
  problems: string[];
}

/** Starts the bridge; resolves once it prints its address (or null if it was killed before that). */
function startBridge(folder: string, killAfterMs: number | null): Promise<Bridge | null> {
  const child = spawn(process.execPath, [serverScript, '--library', folder, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /running at (http:\/\/\S+)/.exec(output)?.[1];
      if (address === undefined) return;
      child.stdout!.off('data', read);
      // A kill meant for start-up may land while the page is fetched: then there is no bridge to use.
      void connect(address).then(
        (call) => resolve({ child, exited, call }),
        (error: unknown) => (killAfterMs === null ? reject(error) : void exited.then(() => resolve(null))),
      );
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => (child.signalCode === 'SIGKILL' ? resolve(null) : reject(new Error(`the bridge exited by itself:\n${output}`))));
  });
}

/** The bridge's call function, with the session cookie its one-time launch address sets, as a browser gets it. */
async function connect(address: string): Promise<Bridge['call']> {
  const launch = await fetch(address, { redirect: 'manual' });
  const cookie = launch.headers.getSetCookie()[0]?.split(';')[0];
  if (launch.status !== 303 || cookie === undefined) throw new Error(`the bridge's launch address set no session (status ${launch.status})`);
  const origin = new URL(address).origin;
  return async <T>(channel: string, input: unknown) => {
    const response = await fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie },
      body: JSON.stringify({ channel, input }),
    });
    return (await response.json()) as CallResult<T>;
  };
}

const value = <T>(result: CallResult<T>, what: string): T => {
  if (!result.ok) throw new Error(`${what}: ${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** What is wrong with line `index` of a history file (0 is its header), or null. */
function historyLineProblem(line: string, index: number): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const parsed = (index === 0 ? HistoryHeader : RevisionLine).safeParse(raw);
  return parsed.success ? null : `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
}

/** Checks every file the library holds; answers a description of each that does not validate. */
async function corruptFiles(folder: string): Promise<string[]> {
  const bad: string[] = [];
  const check = async (relative: string, parse: (raw: unknown, where: string) => unknown) => {
    try {
      parse(JSON.parse(await readFile(join(folder, relative), 'utf8')), relative);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') bad.push(`${relative}: ${(error as Error).message}`);
    }
  };
  await check('library.json', parseLibraryFile);
  await check('library.backup.json', parseLibraryFile);
  for (const name of await readdir(join(folder, 'meetings')).catch(() => [] as string[])) {
    if (name.endsWith('.json')) await check(join('meetings', name), parseMeetingFile);
    if (name.endsWith('.history.jsonl')) {
      // A kill mid-append may tear the last line; every line before it must be whole and valid.
      const lines = (await readFile(join(folder, 'meetings', name), 'utf8')).split('\n').slice(0, -1);
      lines.forEach((line, index) => {
        const problem = historyLineProblem(line, index);
        if (problem !== null) bad.push(`meetings/${name} line ${index + 1}: ${problem}`);
      });
    }
  }
  const setAside = await readdir(join(folder, 'set-aside')).catch(() => [] as string[]);
  bad.push(...setAside.map((name) => `set-aside/${name}: a file was found damaged and set aside`));
  return bad;
}

/** The text of a meeting's first general item, where the harness writes its marks. */
const markedItem = (meeting: Meeting) => meeting.items.find((item) => item.title !== 'Declarations of Interests') ?? meeting.items[0]!;

function withMark(meeting: Meeting, mark: string, items: number): Meeting {
  const next = structuredClone(meeting);
  const item = markedItem(next);
  item.minutes = [...item.minutes.slice(-(KEPT_MARKS - 1)), blocks.paragraph(`${mark} The Board noted the report and asked for a further update at its next meeting.`)];
  // Some meetings are long: pad them with items, as a long agenda would.
  while (next.items.length < items) next.items.push({ ...structuredClone(item), id: crypto.randomUUID(), title: `Report ${next.items.length + 1}` });
  return next;
}

/**
 * Runs the harness in `folder` (a new library). `log` hears a line per problem found. Answers the
 * counts; the caller decides what they mean.
 */
export async function runCrashHarness(options: { kills: number; seed: number; folder: string; log?: (line: string) => void }): Promise<CrashCounts> {
  const random = seededRandom(options.seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low));
  const counts: CrashCounts = { kills: 0, corruptFiles: 0, lostSaves: 0, failedReopens: 0, acknowledgedSaves: 0, killsDuringStartUp: 0, problems: [] };
  const report = (line: string) => {
    counts.problems.push(line);
    options.log?.(line);
  };
  /** The last acknowledged mark of each meeting. */
  const acknowledged = new Map<string, string>();
  const sizes = new Map<string, number>();

  for (let cycle = 0; cycle < options.kills; cycle++) {
    // About one kill in seven lands while the bridge starts; the second always does, so every run covers start-up whatever the seed.
    const duringStartUp = random() < 0.15 || cycle === 1;
    const bridge = await startBridge(options.folder, duringStartUp ? between(0, 400) : null);
    if (bridge !== null && !duringStartUp) {
      let overview: LibraryOverview | null = null;
      try {
        overview = value(await bridge.call<LibraryOverview>('library:open', {}), 'library:open');
      } catch (error) {
        report(`cycle ${cycle}: ${(error as Error).message}`);
      }
      if (overview !== null && (overview.readOnly !== null || overview.problems.length > 0)) {
        counts.failedReopens++;
        report(`cycle ${cycle}: the library reopened ${overview.readOnly !== null ? `read-only (${overview.readOnly})` : 'with problems'}: ${overview.problems.map((p) => p.message).join('; ')}`);
      }
      if (overview !== null) await work(bridge, overview, cycle);
    } else if (bridge !== null) {
      // Killed while starting, after it answered: the kill has already been sent.
      await bridge.exited;
    }
    if (bridge === null || duringStartUp) counts.killsDuringStartUp++;
    counts.kills++;

    const bad = await corruptFiles(options.folder);
    counts.corruptFiles += bad.length;
    for (const line of bad) report(`cycle ${cycle}: corrupt ${line}`);
    await rm(join(options.folder, 'set-aside'), { recursive: true, force: true });
    for (const [meetingId, mark] of acknowledged) {
      const text = await readFile(join(options.folder, 'meetings', `${meetingId}.json`), 'utf8').catch(() => '');
      if (!text.includes(mark)) {
        counts.lostSaves++;
        report(`cycle ${cycle}: the acknowledged save "${mark}" of meeting ${meetingId} is not on disk`);
      }
    }
  }

  /** Creates what is missing, then saves marks into the meetings until the kill lands. */
  async function work(bridge: Bridge, overview: LibraryOverview, cycle: number): Promise<void> {
    const killAt = between(5, 350);
    const killed = new Promise<void>((resolve) =>
      setTimeout(() => {
        bridge.child.kill('SIGKILL');
        resolve();
      }, killAt),
    );
    let alive = true;
    void killed.then(() => (alive = false));
    const run = async () => {
      let committeeId = overview.committees[0]?.id;
      if (committeeId === undefined) {
        const { id: _id, createdAt: _createdAt, ...fields } = syntheticCommittee(0);
        committeeId = value(await bridge.call<{ id: string }>('committees:create', fields), 'committees:create').id;
      }
      const meetingIds = overview.meetings.map((summary) => summary.id);
      while (meetingIds.length < MEETINGS) {
        const created = value(
          await bridge.call<Meeting>('meetings:create', { committeeId, date: `2026-0${meetingIds.length + 1}-15`, startTime: '18:30', venue: '' }),
          'meetings:create',
        );
        meetingIds.push(created.id);
        sizes.set(created.id, [1, 5, 40][meetingIds.length - 1]!);
      }
      let saves = 0;
      // Two writers at once, as an autosave and a register's "answered" mark can be.
      const writer = async (lane: number) => {
        while (alive) {
          const meetingId = meetingIds[(saves + lane) % meetingIds.length]!;
          const meeting = value(await bridge.call<Meeting>('meetings:load', { meetingId }), 'meetings:load');
          const mark = `mark-${options.seed}-${cycle}-${lane}-${saves++}`;
          const saved = await bridge.call<{ revision: number }>('meetings:save', { meeting: withMark(meeting, mark, sizes.get(meetingId) ?? 5) });
          if (saved.ok) {
            acknowledged.set(meetingId, mark);
            counts.acknowledgedSaves++;
          } else if (saved.error.code !== 'conflict') {
            report(`cycle ${cycle}: a save was refused: ${saved.error.code}: ${saved.error.message}`);
          }
        }
      };
      await Promise.all([writer(0), writer(1)]);
    };
    // Calls cut off by the kill fail with a network error: that is the point, not a finding.
    await run().catch((error: unknown) => {
      if (alive) report(`cycle ${cycle}: ${(error as Error).message}`);
    });
    await killed;
    await bridge.exited;
  }

  // The last start: the library must open cleanly after the last kill.
  const last = await startBridge(options.folder, null);
  if (last !== null) {
    const overview = await last.call<LibraryOverview>('library:open', {});
    if (!overview.ok || overview.value.readOnly !== null || overview.value.problems.length > 0) {
      counts.failedReopens++;
      report(`after the last kill the library did not open cleanly: ${JSON.stringify(overview)}`);
    }
    last.child.kill('SIGTERM');
    await last.exited;
  }
  return counts;
}

export const describeCounts = (counts: CrashCounts): string =>
  `${counts.kills} kills: ${counts.corruptFiles} corrupt files, ${counts.lostSaves} acknowledged saves lost, ${counts.failedReopens} failed to reopen ` +
  `(${counts.acknowledgedSaves} saves acknowledged; ${counts.killsDuringStartUp} kills during start-up)`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { kills: { type: 'string', default: '50' }, seed: { type: 'string' } } });
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!existsSync(serverScript)) {
    console.error(`${serverScript} is missing: run "npm run build" first.`);
    process.exit(2);
  }
  const folder = await mkdtemp(join(tmpdir(), 'minute-book-crash-'));
  console.log(`Crash harness: ${values.kills} kills, seed ${seed}, library ${folder}`);
  const counts = await runCrashHarness({ kills: Number(values.kills), seed, folder, log: (line) => console.log(`  ${line}`) });
  await rm(folder, { recursive: true, force: true });
  console.log(describeCounts(counts));
  process.exit(counts.corruptFiles + counts.lostSaves + counts.failedReopens === 0 && counts.problems.length === 0 ? 0 : 1);
}
