// `npm run test:fuzz [-- --cases N] [--seed S]`: fast-check over everything Minute Book reads from
// outside — the importers (every archive form, seeded from the council's published seeds and the
// exports of the seed fixtures), Minute Book's own JSON archive, and every contract channel through
// `dispatch` against a real library in a temporary folder. Inputs are the real forms mutated (slices
// deleted and duplicated, junk and lone surrogates inserted, nesting thousands deep, hostile links,
// long runs) and, for the channels, valid payloads with fields replaced by any JSON at all.
// A crash is an importer throwing anything but its ImportError, or a call answered "internal" (or
// throwing); a case over the time bound is counted too. Everything the importers give back and every
// file left in the library must validate. Prints "N cases: X crashes, Y over the time bound (bound B ms)".
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { ImportedMeetingPayload } from '../../shared/contract.js';
import { itemToNode } from '../../shared/editor/meetingDocument.js';
import { exportForms } from '../../shared/export/forms.js';
import type { ExportRequest } from '../../shared/export/exportForm.js';
import { importDocument, ImportError } from '../../shared/import/index.js';
import { parseLibraryFile, parseMeetingFile } from '../../shared/model/files.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { createHandlers, dispatch } from '../../electron/services/handlers.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { committee001, meeting001 } from '../../tests/fixtures/seed001.js';
import { committee003, meeting003 } from '../../tests/fixtures/seed003.js';
import { meeting004 } from '../../tests/fixtures/seed004.js';
import { committee10, meeting10 } from '../../tests/fixtures/issue10Meeting.js';
import { hostileHrefs } from '../../tests/fixtures/hostileLinks.js';

/** Per case, on a slow shared 2-core machine: a few MB of input read or refused well inside this. */
export const TIME_BOUND_MS = 3000;

export interface FuzzCounts {
  cases: number;
  crashes: number;
  overTime: number;
  invalidResults: number;
  slowest: number;
  failures: string[];
}

const root = join(import.meta.dirname, '..', '..');

/** The archive as clerks hold it: the council's seeds, and each export form of the seed fixtures. */
async function corpus(): Promise<{ name: string; text: string }[]> {
  const files: { name: string; text: string }[] = [];
  for (const name of (await readdir(join(root, 'seeds'))).sort()) files.push({ name, text: await readFile(join(root, 'seeds', name), 'utf8') });
  const requests: ExportRequest[] = [
    { meeting: meeting001, committee: committee001, item: meeting001.items[2]!.minuteNumber },
    { meeting: meeting003, committee: committee003, item: meeting003.items[1]!.minuteNumber },
    { meeting: meeting004, committee: committee001, item: meeting004.items[3]!.minuteNumber },
    // Issue 10's motions, votes, comings and goings, kinds of interest, leads and meeting times.
    { meeting: meeting10, committee: committee10, item: meeting10.items[2]!.minuteNumber },
  ];
  for (const request of requests) {
    for (const format of ['page-text', 'page-html', 'item', 'formal-md', 'formal-html', 'json'] as const) {
      const file = await exportForms[format].render!(request);
      files.push({ name: file.fileName, text: String(file.content) });
    }
  }
  return files;
}

/** One change to a text: what damaged files, hostile pages and generated junk look like. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(2000) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(5000), times: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string({ unit: 'binary', maxLength: 200 }) }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    open: fc.constantFrom('<ul><li>', '<ol><li>', '<div>', '[', '{"a":', '* ', '  - ', '**', '<a href="x">', '('),
    times: fc.integer({ min: 10, max: 20_000 }),
  }),
  fc.record({ kind: fc.constant('link' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), href: fc.constantFrom(...hostileHrefs) }),
  fc.record({ kind: fc.constant('surrogates' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), times: fc.integer({ min: 1, max: 1000 }) }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutation: TextMutation): string {
  const at = Math.floor(mutation.at * text.length);
  switch (mutation.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + mutation.length).repeat(mutation.times) + text.slice(at);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'nest':
      return text.slice(0, at) + mutation.open.repeat(mutation.times) + text.slice(at);
    case 'link':
      return `${text.slice(0, at)}<a href="${mutation.href}">see the report</a> [see it](${mutation.href})${text.slice(at)}`;
    case 'surrogates':
      return text.slice(0, at) + '\ud800x\udfff'.repeat(mutation.times) + text.slice(at);
  }
}

/** Any JSON value put somewhere in a payload: the channels' inputs as a broken or hostile caller sends them. */
function replaceAt(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((child, index) => [String(index), child] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string, unknown>)[key] = replaceAt(child, path.slice(1), replacement);
  return copy;
}

const deepValue = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { content: value };
  return value;
};

/** Bullets nested `depth` deep, the shape a mutated archive or a hostile caller sends to the schemas' recursion. */
const deepBullets = (depth: number): unknown => {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'bottom' }] };
  for (let level = 0; level < depth; level++) node = { type: 'bullet_list', content: [{ type: 'bullet_item', content: [node] }] };
  return node;
};

/** Where each channel's payload holds minutes, for the deep-nesting cases. */
const minutesPaths: Record<string, (input: Record<string, unknown>, minutes: unknown[]) => void> = {
  'meetings:save': (input, minutes) => {
    ((input['meeting'] as Meeting).items[0] as { minutes: unknown[] }).minutes = minutes;
  },
  'library:import': (input, minutes) => {
    const files = input['files'] as { meetings: { items: { minutes: unknown[] }[] }[] }[];
    files[0]!.meetings[0]!.items[0]!.minutes = minutes;
  },
};

const jsonReplacement = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 70, max: 20_000 }).map(deepValue),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom(null, '', -1, 1e308, '\ud800', '__proto__', ...hostileHrefs),
);

/**
 * Runs `cases` cases from `seed`; `folder` is a scratch folder for the library. Answers the counts; a
 * case's failure is described in `failures` (the first 20), with the seed and case to replay it.
 */
export async function runFuzz(options: { cases: number; seed: number; folder: string }): Promise<FuzzCounts> {
  const counts: FuzzCounts = { cases: 0, crashes: 0, overTime: 0, invalidResults: 0, slowest: 0, failures: [] };
  const fail = (kind: 'crashes' | 'overTime' | 'invalidResults', description: string) => {
    counts[kind]++;
    if (counts.failures.length < 20) counts.failures.push(`${kind}: ${description}`);
  };
  const timed = async (what: string, run: () => Promise<void> | void) => {
    const start = performance.now();
    await run();
    const ms = performance.now() - start;
    counts.slowest = Math.max(counts.slowest, ms);
    if (ms > TIME_BOUND_MS) fail('overTime', `${what} took ${Math.round(ms)} ms`);
    counts.cases++;
  };
  const files = await corpus();

  // The importers, every form, mutated.
  const importCases = Math.ceil(options.cases * 0.6);
  await fc.assert(
    fc.asyncProperty(fc.nat(files.length - 1), fc.array(textMutation, { minLength: 1, maxLength: 4 }), async (index, mutations) => {
      const file = files[index]!;
      const text = mutations.reduce(mutate, file.text);
      await timed(`importing ${file.name} mutated by ${JSON.stringify(mutations).slice(0, 2000)}`, () => {
        try {
          const outcome = importDocument(file.name, text, () => crypto.randomUUID());
          for (const meeting of outcome.meetings) {
            const checked = ImportedMeetingPayload.safeParse(meeting);
            if (!checked.success) {
              const issue = checked.error.issues[0];
              fail('invalidResults', `${file.name} mutated by ${JSON.stringify(mutations).slice(0, 2000)}: ${issue?.path.join('.')}: ${issue?.message}`);
            }
            else for (const item of checked.data.items) itemToNode(item);
          }
        } catch (error) {
          if (!(error instanceof ImportError)) fail('crashes', `importing ${file.name} (${JSON.stringify(mutations).slice(0, 200)}): ${String(error).slice(0, 300)}`);
        }
      });
    }),
    { numRuns: importCases, seed: options.seed, endOnFailure: true },
  );

  // Every contract channel, against a real library.
  const library = await MeetingLibrary.open({ folder: options.folder });
  const handlers = createHandlers(library, { printPdf: async () => new Uint8Array() });
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  const committee = (await call('committees:create', { ...committee001, id: undefined, createdAt: undefined })) as { ok: true; value: { id: string } };
  const created = (await call('meetings:create', { committeeId: committee.value.id, date: '2017-07-13', startTime: '10:00', venue: '' })) as { ok: true; value: Meeting };
  const meeting = created.value;
  const archive = files.find((file) => file.name.endsWith('.json'))!;
  const imported = importDocument(archive.name, archive.text, () => crypto.randomUUID());
  const templates: Record<string, unknown> = {
    'library:open': {},
    'committees:create': { ...committee001, id: undefined, createdAt: undefined },
    'committees:update': { ...committee001, id: committee.value.id },
    'meetings:create': { committeeId: committee.value.id, date: '2018-01-11', startTime: '10:00', venue: '' },
    'meetings:load': { meetingId: meeting.id },
    'meetings:save': { meeting },
    'meetings:replaced-copies': { meetingId: meeting.id },
    'meetings:restore-replaced': { meetingId: meeting.id, copy: `${meeting.id}.2026-01-01T00-00-00-000Z.json` },
    'meetings:keep-unsaved': { meeting, replacing: null },
    'library:import': { files: [{ fileName: archive.name, form: 'json', meetings: imported.meetings, warnings: [] }], onDuplicate: 'skip', replaceDrafts: [] },
    'search:query': { query: 'young carers', filters: {}, limit: 10 },
    'registers:open': {},
    'registers:page': { register: 'resolutions', offset: 0, limit: 50 },
    'requests:set-status': { meetingId: meeting.id, requestId: 'r1', status: 'answered' },
    'references:resolve': { committeeId: committee.value.id, asOf: '2017-07-13', citations: ['59/16'] },
    'references:item': { meetingId: meeting.id, itemId: meeting.items[0]!.id },
    'exports:pdf': { meetingId: meeting.id },
    'exports:committee-archive': { committeeId: committee.value.id },
    'exports:save': { fileName: 'x.html', content: 'x', encoding: 'utf8' },
    'recovery:write': {
      meetingId: meeting.id,
      baseRevision: 0,
      sessionId: crypto.randomUUID(),
      sequence: 1,
      details: null,
      steps: [],
      baseDocSize: 10,
      docSize: 10,
      saving: null,
    },
    'recovery:list': {},
    'recovery:discard': { meetingId: meeting.id },
    'history:list': { meetingId: meeting.id },
    'history:open': { meetingId: meeting.id, revision: 0 },
    'history:restore': { meetingId: meeting.id, revision: 0, baseRevision: 0 },
    'preferences:get': {},
    'preferences:set': { clerkName: 'Michelle Rose' },
    'lifecycle:circulate': { meetingId: meeting.id, baseRevision: 0, confirmedWarnings: [] },
    'lifecycle:back-to-draft': { meetingId: meeting.id, baseRevision: 1 },
    'lifecycle:suggest': { meetingId: meeting.id, itemId: meeting.items[0]!.id, by: 'Councillor Ali', text: 'Add “and the Cabinet Member”' },
    'lifecycle:agree': { meetingId: meeting.id, approvingMeetingId: meeting.id, minute: '6/17', amendments: [{ itemId: meeting.items[0]!.id, after: meeting.items[0] }] },
    'lifecycle:sign': { meetingId: meeting.id, baseRevision: 2, chair: 'Councillor J Innes', signedOn: '2017-09-14', confirmedWarnings: [] },
    'lifecycle:check': { meetingId: meeting.id, step: 'circulate' },
    'lifecycle:publish': { meetingId: meeting.id, where: 'the council’s website' },
    'lifecycle:signed-version': { meetingId: meeting.id },
  };
  const channels = [...Object.keys(templates), 'fs:delete', '__proto__'];
  const channelCases = options.cases - importCases;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...channels),
      fc.array(fc.record({ path: fc.array(fc.nat(40), { maxLength: 8 }), value: jsonReplacement }), { maxLength: 3 }),
      fc.option(fc.integer({ min: 8, max: 20_000 }), { freq: 3 }),
      async (channel, replacements, bulletDepth) => {
        const template = structuredClone(templates[channel] ?? {}) as Record<string, unknown>;
        if (bulletDepth !== null && Object.hasOwn(minutesPaths, channel)) minutesPaths[channel]!(template, [deepBullets(bulletDepth)]);
        const input = replacements.reduce<unknown>((value, { path, value: replacement }) => replaceAt(value, path, replacement), template);
        await timed(`${channel}`, async () => {
          try {
            const result = await call(channel, input);
            if (!result.ok && result.error.code === 'internal') fail('crashes', `${channel} ${JSON.stringify(input).slice(0, 300)}: ${result.error.message.slice(0, 300)}`);
          } catch (error) {
            fail('crashes', `${channel} threw: ${String(error).slice(0, 300)}`);
          }
        });
      },
    ),
    { numRuns: channelCases, seed: options.seed, endOnFailure: true },
  );
  await library.close();

  // What the calls left in the library must be what the library can read.
  for (const name of await readdir(join(options.folder, 'meetings'))) {
    if (!name.endsWith('.json')) continue;
    try {
      parseMeetingFile(JSON.parse(await readFile(join(options.folder, 'meetings', name), 'utf8')), name);
    } catch (error) {
      fail('invalidResults', `meetings/${name}: ${String(error).slice(0, 300)}`);
    }
  }
  try {
    parseLibraryFile(JSON.parse(await readFile(join(options.folder, 'library.json'), 'utf8')), 'library.json');
  } catch (error) {
    fail('invalidResults', `library.json: ${String(error).slice(0, 300)}`);
  }
  return counts;
}

export const describeFuzz = (counts: FuzzCounts): string =>
  `${counts.cases} cases: ${counts.crashes} crashes, ${counts.overTime} over the time bound (bound ${TIME_BOUND_MS} ms; slowest ${Math.round(counts.slowest)} ms), ${counts.invalidResults} invalid results`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '2000' }, seed: { type: 'string' } } });
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const folder = await mkdtemp(join(tmpdir(), 'minute-book-fuzz-'));
  console.log(`Fuzz: ${values.cases} cases, seed ${seed}`);
  const counts = await runFuzz({ cases: Number(values.cases), seed, folder });
  await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  for (const failure of counts.failures) console.log(`  ${failure}`);
  console.log(describeFuzz(counts));
  process.exit(counts.crashes + counts.overTime + counts.invalidResults === 0 ? 0 : 1);
}
