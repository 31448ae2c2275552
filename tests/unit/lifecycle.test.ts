// Issue 9 on the node side: draft → circulated → agreed (with an amendment) → signed through the
// contract's dispatch and through the command line, the lock on signed minutes, and the hash chain
// that makes a changed, deleted or re-ordered signed meeting evident.
import { mkdir, mkdtemp, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, contractCalls, removeTestFolder } from './builders.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/services/handlers.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';
import { readHistoryFile, historyPathBeside, describeHistory } from '../../electron/services/meetingHistory.js';
import * as blocks from '../../shared/editor/blocks.js';
import { archivePackage, contentHash } from '../../shared/export/jsonArchive.js';
import { exportForms } from '../../shared/export/forms.js';
import { chainHashOf, signedContentHash, tamperWarning } from '../../shared/lifecycle/signature.js';
import type { Channel } from '../../shared/contract.js';
import type { Meeting, MinutesNodeJSON } from '../../shared/model/meeting.js';
import { withYearNumbering } from '../../shared/model/committee.js';
import { committee003 } from '../fixtures/seed003.js';

let folder: string;
let library: MeetingLibrary;
let call: (channel: Channel, input: unknown) => Promise<unknown>;
let failure: (channel: Channel, input: unknown) => Promise<{ code: string; message: string }>;
let clock: number;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'minute-book-lifecycle-'));
  // After every meeting the tests sign, so no signature is dated in the future.
  clock = Date.parse('2017-12-01T10:00:00Z');
  useLibrary(await MeetingLibrary.open({ folder, now: () => new Date((clock += 60_000)) }));
});

/** Calls go through the contract's dispatch to `opened`, as the window's do. */
function useLibrary(opened: MeetingLibrary): void {
  library = opened;
  const handlers = createHandlers(library, { printPdf: async () => new Uint8Array() });
  ({ call, failure } = contractCalls(handlers));
}
afterEach(async () => {
  await library.close();
  await removeTestFolder(folder);
});

const meetingPath = (meeting: Pick<Meeting, 'id'>) => join(folder, 'meetings', `${meeting.id}.json`);

async function committeeWithMeetings(...dates: string[]): Promise<Meeting[]> {
  const { id: _id, createdAt: _createdAt, ...fields } = committee003;
  const committee = (await call('committees:create', fields)) as { id: string };
  const meetings: Meeting[] = [];
  for (const date of dates) {
    const created = (await call('meetings:create', { committeeId: committee.id, date, startTime: '14:00', venue: '' })) as Meeting;
    meetings.push(await minuted(created));
  }
  return meetings;
}

/**
 * The meeting as a clerk leaves it ready to circulate, so the checks (shared/lifecycle/checks.ts) find
 * nothing to put right or confirm: who attended and sent apologies, and minutes for every item.
 */
async function minuted(meeting: Meeting): Promise<Meeting> {
  const ready: Meeting = {
    ...meeting,
    attendance: { ...meeting.attendance, members: [{ name: 'Councillor J Innes', chair: true }], apologies: [{ name: 'Councillor F Abbott', note: '' }] },
    items: meeting.items.map((item) => ({ ...item, minutes: [blocks.paragraph(`The Board considered ${item.title}.`)] })),
  };
  await call('meetings:save', { meeting: ready });
  return (await call('meetings:load', { meetingId: meeting.id })) as Meeting;
}

/** Circulates, agrees at `approving` and signs `meeting`; answers it signed. */
async function throughToSigned(meeting: Meeting, approving: Meeting, signedOn = approving.date): Promise<Meeting> {
  // Minuted here in paragraphs (minuted()), the approval of minutes agreed at this meeting is confirmed as minuted in other words.
  const confirmedWarnings = ['agreement-not-minuted:'];
  const circulated = (await call('lifecycle:circulate', { meetingId: meeting.id, baseRevision: meeting.revision, confirmedWarnings })) as Meeting;
  const { agreed } = (await call('lifecycle:agree', { meetingId: meeting.id, approvingMeetingId: approving.id, minute: '6/17', amendments: [] })) as { agreed: Meeting };
  expect(circulated.status).toBe('circulated');
  return (await call('lifecycle:sign', { meetingId: meeting.id, baseRevision: agreed.revision, chair: 'Councillor J Innes', signedOn, confirmedWarnings })) as Meeting;
}

describe('the lifecycle through the contract', () => {
  it('refuses a step until the clerk has set a name, then records who and when at each step, with an amendment as a correction', async () => {
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    expect(await failure('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] })).toEqual({
      code: 'invalid-input',
      message: expect.stringContaining('Set your name in Preferences first'),
    });
    expect(await call('preferences:get', {})).toEqual({ clerkName: null });
    await call('preferences:set', { clerkName: 'Michelle Rose' });
    expect(JSON.parse(await readFile(join(folder, 'preferences.json'), 'utf8'))).toEqual({ schemaVersion: 3, clerkName: 'Michelle Rose' });

    const circulated = (await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] })) as Meeting;
    expect(circulated.lifecycle!.steps).toEqual([{ step: 'circulated', at: expect.any(String), by: 'Michelle Rose', warningsConfirmed: [] }]);
    // Frozen: a save of the circulated text is refused.
    expect((await failure('meetings:save', { meeting: circulated })).code).toBe('conflict');

    const item = circulated.items[2]!;
    const suggested = (await call('lifecycle:suggest', { meetingId: july!.id, itemId: item.id, by: 'Councillor Ali', text: 'Say the report was deferred' })) as Meeting;
    expect(suggested.lifecycle!.suggestions).toEqual([{ id: expect.any(String), itemId: item.id, at: expect.any(String), by: 'Councillor Ali', text: 'Say the report was deferred' }]);
    expect(suggested.items).toEqual(circulated.items);
    // A name that prints as nothing would leave the note unattributed.
    expect(await failure('lifecycle:suggest', { meetingId: july!.id, itemId: item.id, by: '\u200b', text: 'Unsigned' })).toEqual({
      code: 'invalid-input',
      message: expect.stringContaining('by: a name needs at least one letter'),
    });

    // Back to draft and out again, both recorded.
    const draft = (await call('lifecycle:back-to-draft', { meetingId: july!.id, baseRevision: suggested.revision, reason: 'Councillor Ali’s correction is right' })) as Meeting;
    expect(draft.status).toBe('draft');
    await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: draft.revision, confirmedWarnings: [] });

    // Agreed at a later meeting of the committee only.
    expect((await failure('lifecycle:agree', { meetingId: september!.id, approvingMeetingId: july!.id, minute: '6/17', amendments: [] })).code).toBe('conflict');
    const after = { ...item, minutes: [blocks.paragraph('The report was deferred to the next meeting.')] };
    const { agreed } = (await call('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute: '6/17', amendments: [{ itemId: item.id, after }] })) as { agreed: Meeting };
    expect(agreed.status).toBe('agreed');
    expect(agreed.items[2]).toEqual({ ...after, minuteNumber: item.minuteNumber });
    expect(agreed.lifecycle!.agreed).toEqual({ at: expect.any(String), by: 'Michelle Rose', meetingId: september!.id, meetingDate: '2017-09-14', minute: '6/17', amended: true });
    expect(agreed.lifecycle!.corrections).toEqual([
      { itemId: item.id, at: expect.any(String), by: 'Michelle Rose', meetingId: september!.id, minute: '6/17', note: 'Amended by Minute 6/17', before: item, after: { ...after, minuteNumber: item.minuteNumber } },
    ]);
    // Every published form prints the note with the corrected minute; the signature-free forms read it as text.
    const committee = library.overview().committees.find((candidate) => candidate.id === agreed.committeeId)!;
    for (const format of ['page-text', 'page-html', 'formal-md', 'formal-html', 'akn'] as const) {
      const { content } = (await exportForms[format].render!({ meeting: agreed, committee })) as { content: string };
      expect(content, format).toMatch(/The report was deferred to the next meeting\.(<\/p>)?\s*(<p>)?Amended by Minute 6\/17\./);
    }
    const item3 = (await exportForms.item.render!({ meeting: agreed, committee, item: item.minuteNumber })) as { content: string };
    expect(item3.content).toContain('Amended by Minute 6/17.');
    // The original is in the history, as circulated.
    const versions = describeHistory(await readHistoryFile(historyPathBeside(meetingPath(july!)), july!.id)).versions;
    const asCirculated = versions.find((version) => version.revision === agreed.revision - 1)!;
    expect((await call('history:open', { meetingId: july!.id, revision: asCirculated.revision }) as Meeting).items[2]).toEqual(item);
    expect(versions[0]).toMatchObject({ kind: 'status', summary: 'Agreed at the meeting of 14 September 2017, Minute 6/17, with 1 amendment (Minute 3); recorded by Michelle Rose' });
    expect(versions.map((version) => version.summary)).toContain('Circulated by Michelle Rose');
    expect(versions.map((version) => version.summary)).toContain('Put back to draft by Michelle Rose: Councillor Ali’s correction is right');

    const signed = (await call('lifecycle:sign', { meetingId: july!.id, baseRevision: agreed.revision, chair: 'Councillor J Innes', signedOn: '2017-09-14', confirmedWarnings: [] })) as Meeting;
    expect(signed.status).toBe('signed');
    const signature = signed.lifecycle!.signed!;
    expect(signature).toMatchObject({ by: 'Michelle Rose', chair: 'Councillor J Innes', signedOn: '2017-09-14', previousHash: null });
    expect(signature.covers).toBe('signed-record');
    expect(signature.contentHash).toBe(signedContentHash(signed, 'signed-record', signature));
    expect(signature.chainHash).toBe(chainHashOf(null, signature.contentHash));
    expect(signed.lifecycle!.steps.map((step) => step.step)).toEqual(['circulated', 'returned-to-draft', 'circulated', 'agreed', 'signed']);
    const summary = (await call('library:open', {}) as { meetings: { id: string; signed: boolean; tampered: string | null }[] }).meetings.find((m) => m.id === july!.id);
    expect(summary).toMatchObject({ signed: true, tampered: null });
  });

  it('refuses every change to signed minutes, read-only with the reason, keeping register marks apart from the signed record', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    // A request for information, so the register's mark can be tried on the signed minutes.
    const withRequest = (await call('meetings:load', { meetingId: july!.id })) as Meeting;
    const saved = await library.saveMeeting({ ...withRequest, items: withRequest.items.map((item, index) => (index === 2 ? { ...item, minutes: [blocks.informationRequests('r1')] } : item)) });
    const signed = await throughToSigned({ ...withRequest, revision: saved.revision }, september!);
    const locked = { code: 'read-only', message: expect.stringContaining('The minutes of 13 July 2017 are signed and locked') };

    expect(await failure('meetings:save', { meeting: signed })).toEqual(locked);
    expect(await failure('meetings:keep-unsaved', { meeting: signed, replacing: null })).toEqual(locked);
    expect(await failure('history:restore', { meetingId: signed.id, revision: 0, baseRevision: signed.revision })).toEqual(locked);
    expect(await failure('lifecycle:back-to-draft', { meetingId: signed.id, baseRevision: signed.revision, reason: 'Try' })).toEqual(locked);
    expect(await failure('lifecycle:circulate', { meetingId: signed.id, baseRevision: signed.revision, confirmedWarnings: [] })).toEqual(locked);
    expect(await failure('lifecycle:sign', { meetingId: signed.id, baseRevision: signed.revision, chair: 'X', signedOn: '2017-09-14', confirmedWarnings: [] })).toEqual(locked);
    expect(await failure('lifecycle:agree', { meetingId: signed.id, approvingMeetingId: september!.id, minute: '7/17', amendments: [] })).toEqual(locked);
    expect(await failure('lifecycle:suggest', { meetingId: signed.id, itemId: signed.items[0]!.id, by: 'Councillor Ali', text: 'x' })).toEqual(locked);
    // An import cannot replace it: the library refuses, and the import skips it with the reason.
    await expect(library.addImportedMeeting({ ...signed, importedFrom: { file: 'x.txt', form: 'page-text', importedAt: signed.updatedAt } }, signed.id, true)).rejects.toMatchObject(locked);

    // A kept copy exists once something was replaced; bringing it back into signed minutes is refused too.
    const copy = `${signed.id}.2017-01-01T00-00-00-000Z.json`;
    await mkdir(join(folder, 'replaced'), { recursive: true });
    await writeFile(join(folder, 'replaced', copy), JSON.stringify({ schemaVersion: 1, meeting: { ...signed, status: 'draft', lifecycle: undefined } }));
    expect(await failure('meetings:restore-replaced', { meetingId: signed.id, copy })).toEqual(locked);

    // The register's "answered" mark is kept in the lifecycle: the minutes and their signature stay as signed.
    await call('requests:set-status', { meetingId: signed.id, requestId: 'r1', status: 'answered' });
    const marked = (await call('meetings:load', { meetingId: signed.id })) as Meeting;
    expect(marked.items).toEqual(signed.items);
    expect(marked.lifecycle!.requestMarks).toEqual([{ requestId: 'r1', status: 'answered', at: expect.any(String), by: 'Michelle Rose' }]);
    expect(signedContentHash(marked, 'signed-record', signed.lifecycle!.signed!)).toBe(signed.lifecycle!.signed!.contentHash);
    const { requests } = (await call('registers:open', {})) as { requests: { requestId: string; status: string }[] };
    expect(requests.find((entry) => entry.requestId === 'r1')?.status).toBe('answered');
    expect((await call('library:open', {}) as { problems: unknown[] }).problems).toEqual([]);
  });

  it('refuses an agreement at a minute that is not one, and amendments that change nothing, move business or come twice', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] });
    const item = july!.items[2]!;
    const agree = (minute: string, amendments: unknown[] = []) => failure('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute, amendments });
    expect(await agree('zzz-not-a-minute')).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('"zzz-not-a-minute" is not a minute number') });
    expect(await agree('6/17', [{ itemId: item.id, after: item }])).toMatchObject({ message: expect.stringContaining(`Minute ${item.minuteNumber} is unchanged`) });
    expect(await agree('6/17', [{ itemId: item.id, after: { ...item, business: 'private' } }])).toMatchObject({ message: expect.stringContaining('public and private business') });
    const corrected = { ...item, minutes: [blocks.paragraph('Corrected.')] };
    expect(await agree('6/17', [{ itemId: item.id, after: corrected }, { itemId: item.id, after: corrected }])).toMatchObject({ message: expect.stringContaining('is amended twice') });
    // Where the later meeting minutes the approval, the agreement is at that minute.
    const approving = (await call('meetings:load', { meetingId: september!.id })) as Meeting;
    await call('meetings:save', { meeting: { ...approving, items: approving.items.map((entry, index) => (index === 1 ? { ...entry, minutes: [blocks.minutesApproval('2017-07-13')] } : entry)) } });
    const held = ((await call('meetings:load', { meetingId: september!.id })) as Meeting).items[1]!.minuteNumber;
    expect(await agree('6/17')).toMatchObject({ message: expect.stringContaining(`records the approval of these minutes at Minute ${held}/17, not 6/17`) });
    const { agreed } = (await call('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute: `${held}/17`, amendments: [] })) as { agreed: Meeting };
    expect(agreed.lifecycle!.agreed!.minute).toBe(`${held}/17`);
  });

  it('refuses an amendment that leaves a minute with no words, or rewrites the approval of minutes agreed at that meeting', async () => {
    await library.setClerkName('Michelle Rose');
    const [june, july, september] = await committeeWithMeetings('2017-06-08', '2017-07-13', '2017-09-14');
    // July minutes the approval of June's minutes, and June is agreed there.
    const minutedJuly: Meeting = {
      ...july!,
      items: july!.items.map((item, index) => (index === 1 ? { ...item, minutes: [blocks.minutesApproval('2017-06-08')] } : index === 2 ? { ...item, minutes: [blocks.paragraph('The report was noted.')] } : item)),
    };
    await call('meetings:save', { meeting: minutedJuly });
    await call('lifecycle:circulate', { meetingId: june!.id, baseRevision: june!.revision, confirmedWarnings: [] });
    await call('lifecycle:agree', { meetingId: june!.id, approvingMeetingId: july!.id, minute: `${minutedJuly.items[1]!.minuteNumber}/17`, amendments: [] });
    const saved = (await call('meetings:load', { meetingId: july!.id })) as Meeting;
    const circulated = (await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: saved.revision, confirmedWarnings: [] })) as Meeting;
    const agree = (amendments: unknown[]) => failure('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute: '6/17', amendments });
    const noted = circulated.items[2]!;
    for (const empty of [[blocks.paragraph()], [blocks.paragraph('\u200b')]]) {
      expect(await agree([{ itemId: noted.id, after: { ...noted, minutes: empty } }])).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('would be left with no minutes') });
    }
    const approval = circulated.items[1]!;
    expect(await agree([{ itemId: approval.id, after: { ...approval, minutes: [blocks.paragraph('The minutes were not agreed.')] } }])).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('approves the minutes of 8 June 2017, which record their agreement there: that approval is not amended'),
    });
    // Zero-width words are no suggestion, and no reason.
    expect(await failure('lifecycle:suggest', { meetingId: july!.id, itemId: noted.id, by: 'Councillor Ali', text: '\u200b' })).toMatchObject({ message: expect.stringContaining('say what was suggested') });
    expect(await failure('lifecycle:back-to-draft', { meetingId: july!.id, baseRevision: circulated.revision, reason: '\u200b\u200b' })).toMatchObject({ message: expect.stringContaining('say why the minutes go back to draft') });
    expect(await failure('preferences:set', { clerkName: 'Line one\nLine two' })).toMatchObject({ message: expect.stringContaining('a name is written on one line') });
  });

  it('refuses to agree or sign frozen minutes whose file was changed outside Minute Book since they were circulated', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    const circulated = (await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] })) as Meeting;
    await library.close();
    const file = JSON.parse(await readFile(meetingPath(july!), 'utf8')) as { meeting: Meeting };
    file.meeting.items[2]!.minutes = [blocks.paragraph('The Committee approved the demolition of the Town Hall.')];
    await writeFile(meetingPath(july!), JSON.stringify(file));
    useLibrary(await MeetingLibrary.open({ folder, now: () => new Date((clock += 60_000)) }));
    const refused = await failure('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute: '6/17', amendments: [] });
    expect(refused).toEqual({
      code: 'conflict',
      message: `The minutes of 13 July 2017 were changed outside Minute Book since they were circulated: the file is not revision ${circulated.revision} as their history keeps it. They are not agreed until the file is put right: Versions… compares it with revision ${circulated.revision}; to go on, put them back to draft, restore that version and circulate them again.`,
    });
    expect(library.overview().problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining('were changed outside Minute Book since they were circulated'));
    // Untouched minutes are agreed as ever.
    await library.close();
    await writeFile(meetingPath(july!), JSON.stringify({ ...file, meeting: circulated }));
    useLibrary(await MeetingLibrary.open({ folder, now: () => new Date((clock += 60_000)) }));
    expect(((await call('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute: '6/17', amendments: [] })) as { agreed: Meeting }).agreed.status).toBe('agreed');
  });

  it('keeps the lifecycle on disk whatever a save sends, and an import cannot replace circulated or agreed minutes', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    const circulated = (await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] })) as Meeting;
    await call('lifecycle:suggest', { meetingId: july!.id, itemId: circulated.items[0]!.id, by: 'Councillor Ali', text: 'Add my apologies' });
    const imported = (meeting: Meeting) => ({ ...meeting, importedFrom: { file: 'x.txt', form: 'page-text', importedAt: meeting.updatedAt } });
    await expect(library.addImportedMeeting(imported(circulated), july!.id, true)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('are circulated: an import cannot replace them') });
    const draft = (await call('lifecycle:back-to-draft', { meetingId: july!.id, baseRevision: circulated.revision + 1, reason: 'A suggestion was accepted' })) as Meeting;
    const kept = draft.lifecycle!;
    // A crafted save that erases the record of circulation and the suggestion, and forges an agreement.
    const forged = { ...kept, steps: [], suggestions: [], agreed: { at: draft.updatedAt, by: 'X', meetingId: september!.id, meetingDate: '2017-09-14', minute: '1/17', amended: false } };
    await call('meetings:save', { meeting: { ...draft, lifecycle: forged } });
    const reread = (await call('meetings:load', { meetingId: july!.id })) as Meeting;
    expect(reread.lifecycle).toEqual(kept);
    expect(reread.lifecycle!.suggestions.map((suggestion) => suggestion.text)).toEqual(['Add my apologies']);
  });

  it('signs in the order of the meetings, each signature chained to the one before', async () => {
    await library.setClerkName('Michelle Rose');
    const [june, july, september] = await committeeWithMeetings('2017-06-15', '2017-07-13', '2017-09-14');
    // Signing July while June is not signed is questioned first: June could never be signed after it.
    const unsignedJune = 'Signing: the minutes of 15 June 2017 (draft) are not signed: once these are, those can never be — sign them first';
    await expect(throughToSigned(july!, september!)).rejects.toThrow(`confirm the warning ${unsignedJune} (--confirm earlier-unsigned:)`);
    const agreedJuly = (await call('meetings:load', { meetingId: july!.id })) as Meeting;
    const signedJuly = (await call('lifecycle:sign', { meetingId: july!.id, baseRevision: agreedJuly.revision, chair: 'Councillor J Innes', signedOn: '2017-09-14', confirmedWarnings: ['earlier-unsigned:'] })) as Meeting;
    await call('lifecycle:circulate', { meetingId: june!.id, baseRevision: june!.revision, confirmedWarnings: [] });
    const { agreed } = (await call('lifecycle:agree', { meetingId: june!.id, approvingMeetingId: july!.id, minute: '6/17', amendments: [] })) as { agreed: Meeting };
    expect(await failure('lifecycle:sign', { meetingId: june!.id, baseRevision: agreed.revision, chair: 'Councillor J Innes', signedOn: '2017-07-13', confirmedWarnings: [] })).toEqual({
      code: 'conflict',
      message: expect.stringContaining('The minutes of 13 July 2017 are signed already'),
    });
    const signedSeptember = await throughToSigned(september!, (await committeeWithMeetingsSameCommittee(september!, '2017-10-12'))[0]!);
    expect(signedSeptember.lifecycle!.signed!.previousHash).toBe(signedJuly.lifecycle!.signed!.chainHash);
  });

  it('prints signed minutes with the committee as circulated, after the committee is renamed and renumbered, and a changed heading fails the signature', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    const signed = await throughToSigned(july!, september!);
    expect(signed.lifecycle!.recordedAs).toEqual({ council: committee003.council, name: committee003.name, numberingStyle: committee003.numberingStyle, municipalYearStartMonth: 5 });
    const committee = library.overview().committees[0]!;
    await call('committees:update', { ...committee, name: 'Renamed Committee', council: 'Borough of Somewhere Else', numberingStyle: withYearNumbering, municipalYearStartMonth: 7 });
    for (const form of ['formal-md', 'page-text'] as const) {
      const { content } = await exportForms[form].render!({ meeting: (await call('meetings:load', { meetingId: july!.id })) as Meeting, committee: library.overview().committees[0]! });
      expect(String(content)).toContain(committee003.name);
      expect(String(content)).not.toContain('Renamed Committee');
    }
    // The draft of September follows the committee as it is now.
    const draft = (await exportForms['formal-md'].render!({ meeting: september!, committee: library.overview().committees[0]! })).content;
    expect(String(draft)).toContain('Minutes of the Meeting of Renamed Committee');
    expect(cli('verify', '--library', folder).status).toBe(0);
    // The recorded heading is inside the signed content: changing it in the file is changing the record.
    const onDisk = JSON.parse(await readFile(meetingPath(july!), 'utf8')) as { meeting: Meeting };
    onDisk.meeting.lifecycle!.recordedAs!.name = 'Renamed Committee';
    expect(tamperWarning(onDisk.meeting)).toContain('This signed record was changed outside Minute Book');
  }, 30_000);

  it('keeps the date of a meeting once minutes agreed at it record that date', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] });
    await call('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute: '6/17', amendments: [] });
    expect(library.overview().meetings.find((summary) => summary.id === july!.id)?.agreedAt).toBe(september!.id);
    const approving = (await call('meetings:load', { meetingId: september!.id })) as Meeting;
    expect(await failure('meetings:save', { meeting: { ...approving, date: '2017-09-21' } })).toEqual({
      code: 'conflict',
      message: 'The minutes of 13 July 2017 were agreed at this meeting, and record its date as 14 September 2017: the date of this meeting can no longer be changed.',
    });
    // Anything else in it is saved as ever.
    await call('meetings:save', { meeting: { ...approving, venue: 'Council House' } });
    expect(((await call('meetings:load', { meetingId: september!.id })) as Meeting).venue).toBe('Council House');
  });

  it('keeps the approval of agreed minutes at its minute, saying what they record, in the meeting that agreed them', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    // September minutes the approval of July's minutes at its second item.
    const withApproval: Meeting = {
      ...september!,
      items: september!.items.map((item, index) => (index === 1 ? { ...item, minutes: [blocks.minutesApproval('2017-07-13')] } : item)),
    };
    const { revision } = (await call('meetings:save', { meeting: withApproval })) as { revision: number };
    const holder = withApproval.items[1]!;
    await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] });
    await call('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute: `${holder.minuteNumber}/17`, amendments: [] });
    const approving = (await call('meetings:load', { meetingId: september!.id })) as Meeting;
    expect(approving.revision).toBe(revision);
    const refused = async (items: Meeting['items']) => (await failure('meetings:save', { meeting: { ...approving, items } })).message;
    const recorded = `The minutes of 13 July 2017 record their agreement at Minute ${holder.minuteNumber}/17 of this meeting`;
    // Removed, moved to another number, or made to say "subject to amendments": each refused.
    expect(await refused(approving.items.filter((item) => item.id !== holder.id))).toBe(`${recorded}: the approval of those minutes stays in this meeting.`);
    expect(await refused([approving.items[1]!, approving.items[0]!, ...approving.items.slice(2)])).toMatch(new RegExp(`^${recorded}: that minute keeps its number`));
    const amendedBlock = { ...holder.minutes[0]!, attrs: { ...holder.minutes[0]!.attrs, outcome: 'agreed-with-amendments' } };
    expect(await refused(approving.items.map((item) => (item.id === holder.id ? { ...item, minutes: [amendedBlock] } : item)))).toBe(`${recorded}, as a true record: the approval of them says so still.`);
    // Its statement reworded, or an amendment added: refused too; matters arising may still be minuted under it.
    const block = holder.minutes[0]!;
    const withBlock = (minutes: MinutesNodeJSON[]) => approving.items.map((item) => (item.id === holder.id ? { ...item, minutes } : item));
    const kept = `${recorded}: the approval of them, with its amendments, stays as it was when the agreement was recorded (matters arising may still be added).`;
    expect(await refused(withBlock([{ ...block, content: [{ type: 'approval_statement', content: [{ type: 'text', text: 'The minutes were approved.' }] }] }]))).toBe(kept);
    expect(await refused(withBlock([{ ...block, content: [...block.content!, blocks.amendment()] }]))).toBe(kept);
    const arising = (await call('meetings:save', { meeting: { ...approving, items: withBlock([{ ...block, content: [...block.content!, blocks.mattersArising()] }]) } })) as { revision: number };
    // A restore is held to the same: the version before the approval was minuted cannot come back.
    expect(await failure('history:restore', { meetingId: september!.id, revision: september!.revision, baseRevision: arising.revision })).toEqual({
      code: 'conflict',
      message: `${recorded}: the approval of those minutes stays in this meeting.`,
    });
    // Other words of the meeting are saved as ever, items after it included.
    const now = (await call('meetings:load', { meetingId: september!.id })) as Meeting;
    const later = now.items.map((item, index) => (index === 3 ? { ...item, minutes: [blocks.paragraph('Noted.')] } : item));
    await call('meetings:save', { meeting: { ...now, items: later } });
  });

  it('refuses a committee edit that would renumber a draft at which earlier minutes record their agreement', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    const withApproval: Meeting = { ...september!, items: september!.items.map((item, index) => (index === 1 ? { ...item, minutes: [blocks.minutesApproval('2017-07-13')] } : item)) };
    await call('meetings:save', { meeting: withApproval });
    const minute = `${withApproval.items[1]!.minuteNumber}/17`;
    await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] });
    await call('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute, amendments: [] });
    const committee = library.overview().committees[0]!;
    // A municipal year from September would start September's numbering again at 1.
    expect(await failure('committees:update', { ...committee, municipalYearStartMonth: 9 })).toEqual({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`^The committee is not changed: it would renumber the meeting of 14 September 2017, where earlier minutes record their agreement \\(the minutes of 13 July 2017 record their agreement at Minute ${minute} of this meeting, which would become 2/17\\)\\. Circulate that meeting's minutes first`)),
    });
    expect(library.overview().committees[0]!.municipalYearStartMonth).toBe(committee.municipalYearStartMonth);
    // Its name is changed as ever, and September still saves.
    await call('committees:update', { ...committee, name: 'Renamed Board' });
    const now = (await call('meetings:load', { meetingId: september!.id })) as Meeting;
    await call('meetings:save', { meeting: { ...now, venue: 'Council House' } });
  });

  it('refuses to record an agreement at a minute that approves other minutes', async () => {
    await library.setClerkName('Michelle Rose');
    const [june, july, september] = await committeeWithMeetings('2017-06-08', '2017-07-13', '2017-09-14');
    const withApproval: Meeting = {
      ...september!,
      items: september!.items.map((item, index) => (index === 1 ? { ...item, minutes: [blocks.minutesApproval('2017-07-13')] } : item)),
    };
    await call('meetings:save', { meeting: withApproval });
    const minute = `${withApproval.items[1]!.minuteNumber}/17`;
    await call('lifecycle:circulate', { meetingId: june!.id, baseRevision: june!.revision, confirmedWarnings: [] });
    expect(await failure('lifecycle:agree', { meetingId: june!.id, approvingMeetingId: september!.id, minute, amendments: [] })).toEqual({
      code: 'invalid-input',
      message: expect.stringContaining(`minute: Minute ${minute} of the meeting of 14 September 2017 approves the minutes of 13 July 2017, not those of 8 June 2017`),
    });
    // The minutes it does approve are agreed there.
    await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] });
    await call('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute, amendments: [] });
  });

  it('restores an earlier version of a draft back from circulation with its lifecycle as it now is', async () => {
    await library.setClerkName('Michelle Rose');
    const [july] = await committeeWithMeetings('2017-07-13');
    const circulated = (await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] })) as Meeting;
    const draft = (await call('lifecycle:back-to-draft', { meetingId: july!.id, baseRevision: circulated.revision, reason: 'A name was misspelt' })) as Meeting;
    const restored = (await call('history:restore', { meetingId: july!.id, revision: july!.revision, baseRevision: draft.revision })) as Meeting;
    expect(restored.lifecycle!.steps.map((step) => step.step)).toEqual(['circulated', 'returned-to-draft']);
  });

  it('records each version as saved by the clerk named in Preferences, not by the computer account', async () => {
    await library.setClerkName('Siân Öztürk');
    const [july] = await committeeWithMeetings('2017-07-13');
    await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] });
    const { versions } = (await call('history:list', { meetingId: july!.id })) as { versions: { by: string; summary: string }[] };
    expect(versions.map((version) => version.by)).toEqual(versions.map(() => 'Siân Öztürk'));
    expect(versions.some((version) => version.summary === 'Circulated by Siân Öztürk')).toBe(true);
  });

  it('records the committee on circulating and forgets it on going back to draft', async () => {
    await library.setClerkName('Michelle Rose');
    const [july] = await committeeWithMeetings('2017-07-13');
    const circulated = (await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] })) as Meeting;
    expect(circulated.lifecycle!.recordedAs?.name).toBe(committee003.name);
    const reason = 'Councillor Abbott’s correction to Minute 3 is to be made first';
    const draft = (await call('lifecycle:back-to-draft', { meetingId: july!.id, baseRevision: circulated.revision, reason })) as Meeting;
    expect(draft.lifecycle!.recordedAs).toBeUndefined();
    // Why is recorded with the step and in the history.
    expect(draft.lifecycle!.steps.at(-1)).toMatchObject({ step: 'returned-to-draft', by: 'Michelle Rose', reason });
    const { versions } = (await call('history:list', { meetingId: july!.id })) as { versions: { summary: string }[] };
    expect(versions[0]!.summary).toBe(`Put back to draft by Michelle Rose: ${reason}`);
  });
});

async function committeeWithMeetingsSameCommittee(meeting: Meeting, date: string): Promise<Meeting[]> {
  // Minuted as committeeWithMeetings minutes its meetings: no approval block, so the agreement may be at any minute.
  return [await minuted((await call('meetings:create', { committeeId: meeting.committeeId, date, startTime: '14:00', venue: '' })) as Meeting)];
}

describe('tamper evidence', () => {
  async function signedPair(): Promise<[Meeting, Meeting]> {
    await library.setClerkName('Michelle Rose');
    const [july, september, october] = await committeeWithMeetings('2017-07-13', '2017-09-14', '2017-10-12');
    return [await throughToSigned(july!, september!), await throughToSigned(september!, october!)];
  }

  it('reports a byte changed in a signed file, on opening the library and in cli verify, and never accepts it', async () => {
    const [july] = await signedPair();
    expect(cli('verify', '--library', folder).status).toBe(0);
    await library.close();
    const path = meetingPath(july);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"venue": ""', '"venue": "X"'));

    library = await MeetingLibrary.open({ folder });
    const overview = library.overview();
    const summary = overview.meetings.find((meeting) => meeting.id === july.id)!;
    expect(summary.tampered).toMatch(/^This signed record was changed outside Minute Book on or after .*: the minutes of 13 July 2017 no longer match the signature/);
    expect(overview.problems).toContainEqual({ file: `meetings/${july.id}.json`, message: summary.tampered, movedTo: null });
    // Never "fixed": the file is as the other program left it, and it stays reported on the next opening.
    expect(await readFile(path, 'utf8')).toContain('"venue": "X"');
    await library.close();
    library = await MeetingLibrary.open({ folder });
    expect(library.overview().meetings.find((meeting) => meeting.id === july.id)!.tampered).not.toBeNull();

    const verify = cli('verify', '--library', folder);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain('FAILED  This signed record was changed outside Minute Book');
    expect(verify.stdout).toContain('13 July 2017');

    // A copy of it never carries the Chair's signature over words the Chair did not sign.
    await library.close();
    const out = join(folder, 'tampered.txt');
    expect(cli('export', path, '--format', 'page-text', '--out', out).status).toBe(0);
    const printed = await readFile(out, 'utf8');
    expect(printed).toContain('NOT THE SIGNED RECORD – changed after it was signed');
    expect(printed).not.toContain('Signed Councillor J Innes (Chair)');
  }, 60_000);

  it('keeps a signed meeting whose file is damaged or gone in the list, opens it as signed from its history, and puts that back only when asked', async () => {
    const [july, september] = await signedPair();
    await library.close();
    const damaged = await readFile(meetingPath(july), 'utf8');
    await writeFile(meetingPath(july), damaged.slice(0, -10));
    await unlink(meetingPath(september));

    useLibrary(await MeetingLibrary.open({ folder }));
    const listed = library.overview().meetings;
    for (const [meeting, date] of [[july, '13 July 2017'], [september, '14 September 2017']] as const) {
      const summary = listed.find((candidate) => candidate.id === meeting.id);
      expect(summary?.tampered).toContain(`The signed minutes of ${date} could not be read`);
      // Opened, they are the minutes as signed, from the history: the record stays in view.
      const opened = (await call('meetings:load', { meetingId: meeting.id })) as Meeting;
      expect([opened.status, tamperWarning(opened), opened.items]).toEqual(['signed', null, meeting.items]);
    }
    expect(library.overview().problems.some((problem) => problem.movedTo?.startsWith('set-aside/') === true)).toBe(true);
    expect(cli('verify', '--library', folder).status).toBe(1);

    for (const meeting of [july, september]) await call('lifecycle:put-back-signed', { meetingId: meeting.id });
    expect(library.overview().meetings.filter((summary) => summary.tampered !== null)).toEqual([]);
    expect(library.overview().problems.filter((problem) => problem.movedTo === null)).toEqual([]);
    await library.close();
    expect(cli('verify', '--library', folder).status).toBe(0);
    useLibrary(await MeetingLibrary.open({ folder }));
    expect(library.overview().meetings.every((summary) => summary.tampered === null)).toBe(true);
    // Deleted while the library is open: the first opening finds it gone and shows it as signed all the same.
    await unlink(meetingPath(september));
    const reopened = (await call('meetings:load', { meetingId: september.id })) as Meeting;
    expect([reopened.status, reopened.items]).toEqual(['signed', september.items]);
    expect(library.overview().meetings.find((summary) => summary.id === september.id)?.tampered).toContain('could not be read');
    const { versions } = (await call('history:list', { meetingId: july.id })) as { versions: { summary: string }[] };
    expect(versions[0]!.summary).toMatch(/^Put back the version as signed \(revision \d+\)$/);
    // Minutes that match their signature have nothing to put back.
    expect(await failure('lifecycle:put-back-signed', { meetingId: july.id })).toEqual({ code: 'conflict', message: 'The minutes of 13 July 2017 match their signature: there is nothing to put back.' });
  }, 60_000);

  it('cli verify names minutes whose signature was taken out along with the register, and a damaged file as damaged', async () => {
    const [july, september] = await signedPair();
    await library.close();
    await unlink(join(folder, 'signatures.json'));
    const file = JSON.parse(await readFile(meetingPath(july), 'utf8')) as { meeting: Meeting };
    await writeFile(meetingPath(july), JSON.stringify({ ...file, meeting: { ...file.meeting, status: 'agreed', lifecycle: { ...file.meeting.lifecycle!, signed: null } } }));
    await writeFile(meetingPath(september), (await readFile(meetingPath(september), 'utf8')).slice(0, -10));
    const verify = cli('verify', '--library', folder);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain("The minutes of 13 July 2017 were signed (the library's index records it), but their file no longer carries the signature");
    expect(verify.stdout).toContain('could not be read (it is damaged)');
    expect(verify.stdout).not.toContain('14 September 2017 are listed in the library but their file is missing');
    useLibrary(await MeetingLibrary.open({ folder }));
  }, 60_000);

  it('puts back the version as signed over a file edited outside Minute Book, keeping the edited file aside', async () => {
    const [july] = await signedPair();
    await library.close();
    await writeFile(meetingPath(july), (await readFile(meetingPath(july), 'utf8')).replace('"venue": ""', '"venue": "X"'));
    useLibrary(await MeetingLibrary.open({ folder }));
    const restored = (await call('lifecycle:put-back-signed', { meetingId: july.id })) as Meeting;
    expect([restored.venue, tamperWarning(restored)]).toEqual(['', null]);
    const { versions } = (await call('history:list', { meetingId: july.id })) as { versions: { summary: string }[] };
    const keptIn = /kept in (set-aside\/\S+)$/.exec(versions[0]!.summary)?.[1];
    expect(await readFile(join(folder, keptIn!), 'utf8')).toContain('"venue": "X"');
    await library.close();
    expect(cli('verify', '--library', folder).status).toBe(0);
    useLibrary(await MeetingLibrary.open({ folder }));
  }, 60_000);

  it('in the window, opens at once and checks signed records after, even one whose stamp in library.json was made to match', async () => {
    const [july] = await signedPair();
    await library.close();
    const path = meetingPath(july);
    await writeFile(path, (await readFile(path, 'utf8')).replace('"venue": ""', '"venue": "X"'));
    // Whoever edited the file also wrote its new stamp into the index, so it looks unchanged.
    const info = await stat(path);
    const index = JSON.parse(await readFile(join(folder, 'library.json'), 'utf8')) as { stamps: Record<string, string> };
    index.stamps[july.id] = `${info.size}:${Math.trunc(info.mtimeMs)}:${Math.trunc(info.ctimeMs)}`;
    await writeFile(join(folder, 'library.json'), JSON.stringify(index));

    library = await MeetingLibrary.open({ folder, checkSignedInBackground: true });
    expect(library.overview().meetings.find((meeting) => meeting.id === july.id)!.tampered).toBeNull();
    expect(library.overview().checking).toEqual({ done: 0, total: 2 });
    await library.whenSignedRecordsChecked();
    const overview = library.overview();
    expect(overview.checking).toBeNull();
    const summary = overview.meetings.find((meeting) => meeting.id === july.id)!;
    expect(summary.tampered).toMatch(/^This signed record was changed outside Minute Book on or after .*: the minutes of 13 July 2017 no longer match the signature/);
    expect(overview.problems).toContainEqual({ file: `meetings/${july.id}.json`, message: summary.tampered, movedTo: null });
  });

  it('sees at opening a signed file edited and given its old modification time again', async () => {
    const [july] = await signedPair();
    await library.close();
    const path = meetingPath(july);
    const before = await stat(path);
    const text = await readFile(path, 'utf8');
    // The same size, and the old modification time: only the change time tells.
    await writeFile(path, text.replace('Councillor', 'Councillar'));
    expect((await stat(path)).size).toBe(before.size);
    await utimes(path, before.atime, before.mtime);
    library = await MeetingLibrary.open({ folder, checkSignedInBackground: true });
    // Not left to the check after opening: the change time differs, so the file was read at once.
    expect(library.overview().meetings.find((meeting) => meeting.id === july.id)!.tampered).toMatch(/^This signed record was changed outside Minute Book/);
  });

  it('covers who signed and when: another Chair or another date of signing in the file fails the signature', async () => {
    const [july] = await signedPair();
    const { meeting } = JSON.parse(await readFile(meetingPath(july), 'utf8')) as { meeting: Meeting };
    const signature = meeting.lifecycle!.signed!;
    expect(tamperWarning(meeting)).toBeNull();
    for (const forged of [{ chair: 'Councillor Evil' }, { signedOn: '2017-09-15' }, { by: 'Someone Else' }]) {
      expect(tamperWarning({ ...meeting, lifecycle: { ...meeting.lifecycle!, signed: { ...signature, ...forged } } })).toMatch(/no longer match the signature/);
    }
  });

  it('refuses a signature dated in the future or before the minutes were agreed, and a Chair with no name', async () => {
    await library.setClerkName('Michelle Rose');
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    await call('lifecycle:circulate', { meetingId: july!.id, baseRevision: july!.revision, confirmedWarnings: [] });
    const { agreed } = (await call('lifecycle:agree', { meetingId: july!.id, approvingMeetingId: september!.id, minute: '6/17', amendments: [] })) as { agreed: Meeting };
    const sign = (chair: string, signedOn: string) => failure('lifecycle:sign', { meetingId: july!.id, baseRevision: agreed.revision, chair, signedOn, confirmedWarnings: [] });
    expect(await sign('Councillor J Innes', '2099-01-01')).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('1 January 2099 is in the future') });
    expect(await sign('Councillor J Innes', '2017-08-01')).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('were agreed at the meeting of 14 September 2017: they cannot be signed before then') });
    expect(await sign('\u200b', '2017-09-14')).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('a name needs at least one letter') });
  });

  it('sees the newest signature removed (no gap in the chain): the register of signatures names it, saves are refused, verify fails', async () => {
    const [, september] = await signedPair();
    await library.close();
    const path = meetingPath(september);
    const file = JSON.parse(await readFile(path, 'utf8')) as { meeting: Meeting };
    // Made a draft again by hand, its signature taken out: the file alone is a valid, unsigned draft.
    await writeFile(path, JSON.stringify({ ...file, meeting: { ...file.meeting, status: 'draft', lifecycle: { ...file.meeting.lifecycle!, signed: null } } }));
    library = await MeetingLibrary.open({ folder });
    const summary = library.overview().meetings.find((meeting) => meeting.id === september.id)!;
    expect(summary.tampered).toMatch(/^The minutes of 14 September 2017 were signed \(the library's register of signatures records it\), but their file no longer carries the signature/);
    const draft = await library.loadMeeting(september.id);
    await expect(library.saveMeeting(draft)).rejects.toMatchObject({ code: 'read-only', message: expect.stringContaining('register of signatures') });
    const verify = cli('verify', '--library', folder);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain('FAILED  The minutes of 14 September 2017 were signed');

    // The register deleted as well: the meeting's history holds the version as signed, so the signature is still seen.
    await library.close();
    await unlink(join(folder, 'signatures.json'));
    library = await MeetingLibrary.open({ folder });
    const overview = library.overview();
    expect(overview.meetings.find((meeting) => meeting.id === september.id)!.tampered).toMatch(/^The minutes of 14 September 2017 were signed \(the library's register of signatures records it\), but their file no longer carries the signature/);
    expect(overview.problems.map((problem) => problem.message)).toContain(
      "signatures.json, the library's register of signatures, was missing: it was made again from the 1 signed meeting(s) found now and the 1 the library's index or the meetings' histories record as signed. A signature removed from a meeting file and its history could not be seen.",
    );
    await expect(library.saveMeeting(await library.loadMeeting(september.id))).rejects.toMatchObject({ code: 'read-only' });
    // A path that is not a library is not a library with nothing wrong in it.
    const nowhere = cli('verify', '--library', join(folder, 'no-such-library'));
    expect([nowhere.status, nowhere.stderr]).toEqual([2, expect.stringContaining('is not a Minute Book library')]);
  }, 60_000);

  it('reports a deleted signed meeting and one moved out of order (its hashes recomputed) as a broken chain', async () => {
    const [july, september] = await signedPair();
    await library.close();
    // Moved to another date by someone who also recomputed its content and chain hashes: each file verifies alone, the chain does not.
    const path = meetingPath(september);
    const file = JSON.parse(await readFile(path, 'utf8')) as { meeting: Meeting };
    const moved: Meeting = { ...file.meeting, date: '2017-06-01' };
    const hash = signedContentHash(moved, 'signed-record', moved.lifecycle!.signed!);
    moved.lifecycle!.signed = { ...moved.lifecycle!.signed!, contentHash: hash, chainHash: chainHashOf(moved.lifecycle!.signed!.previousHash, hash) };
    await writeFile(path, JSON.stringify({ ...file, meeting: moved }));
    library = await MeetingLibrary.open({ folder });
    const problems = library.overview().problems.map((problem) => problem.message);
    expect(problems).toContainEqual(expect.stringContaining('The chain of signed minutes is broken at the minutes of 1 June 2017'));
    const reordered = cli('verify', '--library', folder);
    expect(reordered.status).toBe(1);
    expect(reordered.stdout).toContain('The chain of signed minutes is broken');
    await library.close();

    // Deleted: the index names the missing signed meeting, and the chain after it breaks.
    await writeFile(path, JSON.stringify(file));
    await unlink(meetingPath(july));
    const deleted = cli('verify', '--library', folder);
    expect(deleted.status).toBe(1);
    expect(deleted.stdout).toContain('The minutes of 13 July 2017 were signed (the library\'s register of signatures records it), but their file is missing');
    expect(deleted.stdout).toContain('The chain of signed minutes is broken at the minutes of 14 September 2017');
    library = await MeetingLibrary.open({ folder });
    expect(library.overview().problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining('broken at the minutes of 14 September 2017'));
  }, 60_000);

  it('exports a committee archive that cli verify accepts, and names the meeting of a tampered one', async () => {
    const [july] = await signedPair();
    const { content } = (await call('exports:committee-archive', { committeeId: july.committeeId })) as { content: string };
    const archivePath = join(folder, 'archive.json');
    await writeFile(archivePath, content);
    const good = cli('verify', archivePath);
    expect([good.status, good.stdout]).toEqual([0, expect.stringContaining('every signature and the chain verify')]);
    expect(good.stdout).toContain('3 meeting(s), 2 signed');
    // The chain head a council publishes, for a reader to compare: an archive cut short at its end verifies otherwise.
    expect(good.stdout).toContain(`Chain head, ${committee003.name}: sha256-`);
    expect(good.stdout).toMatch(/: sha256-[0-9a-f]{64} \(the minutes of 14 September 2017\)/);

    // Changed, with the archive's own hash recomputed so only the signature can tell.
    const archive = JSON.parse(content) as ReturnType<typeof archivePackage>;
    const changed = { ...archive.meetings[0]!.meeting, venue: 'Elsewhere' };
    archive.meetings[0] = { meeting: changed, contentHash: contentHash(changed) };
    await writeFile(archivePath, JSON.stringify(archive));
    const bad = cli('verify', archivePath);
    expect(bad.status).toBe(1);
    // In an archive's words: there is no library, and no history, to speak of.
    expect(bad.stdout).toContain('The minutes of 13 July 2017 in this archive no longer match the signature made on 14 September 2017: they were changed after they were signed.');
    expect(bad.stdout).not.toContain('history');
    // The head it records would match the published one: it is not offered for comparison.
    expect(bad.stdout).not.toContain('Chain head,');
    expect(bad.stdout).toContain(`No chain head for ${committee003.name}: its signed minutes fail above`);

    // One signed record given twice is named as such, not as a chain out of order.
    const twice = JSON.parse(content) as ReturnType<typeof archivePackage>;
    await writeFile(join(folder, 'twice.json'), JSON.stringify({ ...twice, meetings: [twice.meetings[0]!, ...twice.meetings] }));
    const doubled = cli('verify', join(folder, 'twice.json'));
    expect([doubled.status, doubled.stdout]).toEqual([1, expect.stringContaining('The signed minutes of 13 July 2017 appear more than once: one signed record is given twice.')]);
    expect(doubled.stdout).not.toContain('come before them');

    // Cut down to its unsigned minutes, there is no chain head to compare, and it says so.
    await writeFile(join(folder, 'unsigned.json'), JSON.stringify({ ...twice, meetings: twice.meetings.slice(2) }));
    const unsigned = cli('verify', join(folder, 'unsigned.json'));
    expect([unsigned.status, unsigned.stdout]).toEqual([0, expect.stringContaining('1 meeting(s), 0 signed')]);
    expect(unsigned.stdout).toContain('No minutes in this archive are signed, so there is no chain head to compare');
    expect(unsigned.stdout).not.toContain('Chain head,');

    // Imported elsewhere, the changed record is not taken in as signed minutes: refused by name, and the command fails.
    const elsewhere = join(folder, 'elsewhere');
    const imported = cli('import', archivePath, '--library', elsewhere);
    expect(imported.status).toBe(1);
    expect(imported.stdout).toContain('The minutes of 13 July 2017 were not imported: they are marked signed, but they do not match their signature');
    const other = await MeetingLibrary.open({ folder: elsewhere });
    expect(other.overview().meetings.map((meeting) => [meeting.date, meeting.signed, meeting.tampered])).toEqual([
      ['2017-09-14', true, null],
      ['2017-10-12', false, null],
    ]);
    await other.close();
  }, 60_000);

  it('records signed minutes as published beside the record, and finds the version as signed for a file changed since', async () => {
    const [july, september] = await signedPair();
    const unsigned = (await call('meetings:create', { committeeId: july.committeeId, date: '2017-11-16', startTime: '14:00', venue: '' })) as Meeting;
    expect(await failure('lifecycle:publish', { meetingId: unsigned.id, where: 'the council’s website' })).toEqual({ code: 'conflict', message: expect.stringContaining('minutes are published once signed') });
    expect(await failure('lifecycle:publish', { meetingId: july.id, where: '  ' })).toMatchObject({ code: 'invalid-input' });
    // A place that prints as nothing leaves the record saying nowhere.
    expect(await failure('lifecycle:publish', { meetingId: july.id, where: '\u200b\u200b' })).toEqual({ code: 'invalid-input', message: expect.stringContaining('say where the minutes were published, in words') });

    const published = (await call('lifecycle:publish', { meetingId: july.id, where: 'the council’s website' })) as Meeting;
    expect(published.lifecycle!.published).toEqual({ at: expect.any(String), by: 'Michelle Rose', where: 'the council’s website' });
    expect([published.status, published.items]).toEqual(['signed', july.items]);
    expect(cli('verify', '--library', folder).status).toBe(0);
    const { versions } = (await call('history:list', { meetingId: july.id })) as { versions: { kind: string; summary: string }[] };
    expect(versions[0]).toMatchObject({ kind: 'status', summary: 'Published (the council’s website) by Michelle Rose; the signed minutes are unchanged' });
    expect(library.overview().meetings.find((summary) => summary.id === july.id)).toMatchObject({ signed: true, published: true });
    // Published again (a reprint): recorded beside the first, which stays as it was; the signature still holds.
    const again = (await call('lifecycle:publish', { meetingId: july.id, where: 'Committee archive, Civic Centre' })) as Meeting;
    expect([again.lifecycle!.published, again.lifecycle!.publishedAgain?.map((publication) => publication.where)]).toEqual([published.lifecycle!.published, ['Committee archive, Civic Centre']]);
    expect(tamperWarning(again)).toBeNull();
    expect(await call('lifecycle:signed-version', { meetingId: july.id })).toEqual({ revision: again.revision, savedAt: expect.any(String) });

    // Changed on disk, revision and all left as they were: the version as signed is the last kept one that verifies.
    await library.close();
    const path = meetingPath(september);
    await writeFile(path, (await readFile(path, 'utf8')).replace('"venue": ""', '"venue": "Elsewhere"'));
    library = await MeetingLibrary.open({ folder, now: () => new Date((clock += 60_000)) });
    const handlers = createHandlers(library, { printPdf: async () => new Uint8Array() });
    const signedVersion = await dispatch(handlers, 'lifecycle:signed-version', { meetingId: september.id });
    expect(signedVersion).toEqual({ ok: true, value: { revision: september.revision, savedAt: expect.any(String) } });
    const asSigned = await dispatch(handlers, 'history:open', { meetingId: september.id, revision: september.revision });
    expect(asSigned).toMatchObject({ ok: true, value: { venue: '' } });
    expect(await dispatch(handlers, 'lifecycle:publish', { meetingId: september.id, where: 'the council’s website' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('They cannot be published as they are.') },
    });
  }, 60_000);

  it('brings a committee archive into another library with its signatures: signed, locked and verified there', async () => {
    const [july, september] = await signedPair();
    const { content } = (await call('exports:committee-archive', { committeeId: july.committeeId })) as { content: string };
    const archivePath = join(folder, 'archive.json');
    await writeFile(archivePath, content);
    const other = await mkdtemp(join(tmpdir(), 'minute-book-lifecycle-other-'));
    try {
      expect(cli('import', archivePath, '--library', other).status).toBe(0);
      expect(cli('verify', '--library', other).stdout).toContain('every signature and the chain verify');
      const elsewhere = await MeetingLibrary.open({ folder: other });
      try {
        const { meetings, problems } = elsewhere.overview();
        expect(problems).toEqual([]);
        expect(meetings.filter((summary) => summary.signed).map((summary) => [summary.date, summary.tampered])).toEqual([
          ['2017-07-13', null],
          ['2017-09-14', null],
        ]);
        const arrived = await elsewhere.loadMeeting(meetings.find((summary) => summary.date === '2017-09-14')!.id);
        expect([arrived.status, arrived.lifecycle!.signed]).toEqual(['signed', september.lifecycle!.signed]);
        await expect(elsewhere.saveMeeting({ ...arrived, venue: 'Elsewhere' })).rejects.toMatchObject({ code: 'read-only' });
      } finally {
        await elsewhere.close();
      }
    } finally {
      await removeTestFolder(other);
    }
  }, 60_000);
});

describe('the lifecycle on the command line', () => {
  it('circulates, agrees with an amendment, signs and verifies a library’s meeting, and import --replace leaves it as signed', async () => {
    const [july, september] = await committeeWithMeetings('2017-07-13', '2017-09-14');
    await library.close();
    const file = meetingPath(july!);
    const noName = cli('circulate', file);
    // The command line has no Preferences: it says how to give the name, and names no call.
    expect([noName.status, noName.stderr]).toEqual([2, expect.stringContaining('give your name with --by <name>')]);
    expect(noName.stderr).not.toContain('lifecycle:');
    const noReason = cli('back-to-draft', file, '--by', 'Michelle Rose');
    expect([noReason.status, noReason.stderr]).toEqual([2, expect.stringContaining('back-to-draft needs --reason <why>')]);
    // A name that prints as nothing would leave the step unattributed (and once made the file unreadable).
    for (const blank of ['', '\u200b']) expect([cli('circulate', file, '--by', blank).status]).toEqual([2]);
    expect(cli('circulate', file, '--by', 'Michelle Rose').status).toBe(0);
    const amendments = join(folder, 'amendments.json');
    const item = july!.items[2]!;
    await writeFile(amendments, JSON.stringify([{ itemId: item.id, after: { ...item, minutes: [blocks.paragraph('Deferred.')] } }]));
    const agreed = cli('agree', file, '--approving', meetingPath(september!), '--minute', '6/17', '--amendments', amendments, '--by', 'Michelle Rose');
    expect([agreed.status, agreed.stderr]).toEqual([0, '']);
    const unsigned = cli('sign', file, '--by', 'Michelle Rose');
    expect(unsigned.status).toBe(2);
    const signed = cli('sign', file, '--chair', 'Councillor J Innes', '--date', '2017-09-14', '--by', 'Michelle Rose');
    expect([signed.status, signed.stdout]).toEqual([0, expect.stringContaining('are now signed')]);
    expect(cli('publish', file, '--by', 'Michelle Rose').status).toBe(2);
    const published = cli('publish', file, '--where', 'the council’s website', '--by', 'Michelle Rose');
    expect([published.status, published.stdout]).toEqual([0, expect.stringContaining('are recorded as published (the council’s website;')]);
    const stored = (JSON.parse(await readFile(file, 'utf8')) as { meeting: Meeting }).meeting;
    expect(stored.lifecycle!.corrections.map((correction) => correction.note)).toEqual(['Amended by Minute 6/17']);
    expect(stored.lifecycle!.steps.map((step) => [step.step, step.by])).toEqual([['circulated', 'Michelle Rose'], ['agreed', 'Michelle Rose'], ['signed', 'Michelle Rose']]);
    expect(cli('verify', '--library', folder).status).toBe(0);

    // A re-import of the same meeting with --replace skips the signed minutes and says why.
    const archivePath = join(folder, 'same-meeting.json');
    await writeFile(archivePath, JSON.stringify(archivePackage(committee003, [{ ...stored, venue: 'Replaced' }])));
    const imported = cli('import', archivePath, '--library', folder, '--replace');
    expect(imported.stdout).toContain('The meeting of 13 July 2017 is signed and locked in the library: it was not replaced.');
    // Asked to replace and not replaced: the script is told by the exit code, and why.
    expect([imported.status, imported.stdout]).toEqual([1, expect.stringContaining('1 not replaced, as circulated, agreed or signed minutes are never replaced by an import')]);
    expect((JSON.parse(await readFile(file, 'utf8')) as { meeting: Meeting }).meeting).toEqual(stored);
    library = await MeetingLibrary.open({ folder });
  }, 120_000);
});
