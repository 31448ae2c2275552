// Well-formed committees and meetings for tests, built with the same functions the app uses; the
// test folders' removal and the command line's runner that many tests share.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { plainNumbering, type Committee } from '../../shared/model/committee.js';
import type { Item, Meeting } from '../../shared/model/meeting.js';
import { paragraph } from '../../shared/editor/blocks.js';
import { defaultStandardAgenda, meetingFromStandardAgenda } from '../../shared/standardAgenda.js';
import { defaultDeclarationKinds } from '../../shared/model/declarationKinds.js';
import { emptyLifecycle } from '../../shared/model/lifecycle.js';
import { chainHashOf, signedContentHash } from '../../shared/lifecycle/signature.js';
import { dispatch, type CallHandlers } from '../../electron/services/handlers.js';
import type { Channel } from '../../shared/contract.js';

export function aCommittee(overrides: Partial<Committee> = {}): Committee {
  return {
    id: randomUUID(),
    createdAt: '2017-04-01T09:00:00.000Z',
    name: "Education and Children's Services Scrutiny Board (2)",
    council: 'Coventry City Council',
    members: [
      { name: 'Councillor J Innes', role: 'chair', voting: true },
      { name: 'Councillor P Akhtar', role: 'member', voting: true },
      { name: 'Mrs S Hanson', role: 'co-opted', voting: true },
    ],
    defaultVenue: 'Committee Room 3 - Council House',
    contact: { name: 'Michelle Rose', phone: '024 7683 3111', email: 'michelle.rose@coventry.gov.uk' },
    municipalYearStartMonth: 5,
    numberingStyle: plainNumbering,
    standardAgenda: defaultStandardAgenda,
    declarationKinds: defaultDeclarationKinds(),
    ...overrides,
  };
}

export function aMeeting(committee: Committee, overrides: Partial<Meeting> = {}): Meeting {
  const meeting = meetingFromStandardAgenda(committee, {
    id: randomUUID(),
    date: '2017-07-13',
    startTime: '10:00',
    venue: committee.defaultVenue,
    previousMeetingDate: '2017-06-29',
    now: '2017-07-13T12:00:00.000Z',
    newId: randomUUID,
  });
  return { ...meeting, ...overrides };
}

/** `count` items titled "Item 1"…, each with one paragraph of minutes. */
export function items(count: number): Item[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    minuteNumber: index + 1,
    title: `Item ${index + 1}`,
    source: '',
    business: 'public' as const,
    agendaText: '',
    documents: [],
    minutes: [paragraph(`Minutes of item ${index + 1}.`)],
  }));
}

/** Removes a test's temporary folder, retrying while a library's search index, begun by handlers before the library closed, finishes writing into it. */
export const removeTestFolder = (folder: string): Promise<void> => rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });

/** Runs the command line as a clerk would (`npm run cli -- …`), from the source: its exit status, stdout and stderr. */
export const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { encoding: 'utf8' });

/**
 * `meeting` signed by `chair` on `signedOn` as Minute Book signs it (a 'signed-record' signature, the
 * committee's first), so its copies print the Chair's signature: one whose hash failed would print
 * "NOT THE SIGNED RECORD" instead.
 */
export function signedAsMinuteBookSigns(meeting: Meeting, chair: string, signedOn: string): Meeting {
  const lifecycle = meeting.lifecycle ?? emptyLifecycle();
  const unsigned: Meeting = { ...meeting, status: 'signed', lifecycle: { ...lifecycle, signed: null } };
  const signer = { chair, signedOn, by: 'Michelle Rose', at: `${signedOn}T10:15:00.000Z` };
  const hash = signedContentHash(unsigned, 'signed-record', signer);
  return { ...unsigned, lifecycle: { ...lifecycle, signed: { ...signer, contentHash: hash, previousHash: null, chainHash: chainHashOf(null, hash), covers: 'signed-record' } } };
}

/**
 * Calls through the contract's dispatch, as the window makes them: `call` answers the value or throws
 * "<channel>: <code> <message>"; `failure` answers the refusal, or throws when the call was not refused.
 */
export function contractCalls(handlers: CallHandlers): {
  call: (channel: Channel, input: unknown) => Promise<unknown>;
  failure: (channel: Channel, input: unknown) => Promise<{ code: string; message: string }>;
} {
  return {
    call: async (channel, input) => {
      const result = await dispatch(handlers, channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    failure: async (channel, input) => {
      const result = await dispatch(handlers, channel, input);
      if (result.ok) throw new Error(`${channel} was not refused`);
      return result.error;
    },
  };
}
